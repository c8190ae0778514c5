#!/usr/bin/env python3
"""Reference fixtures for org.ncw.engine.ica.FastIca, made with scikit-learn's FastICA.

Each case mixes known sources (sines, square waves, Laplace noise) with a known matrix, runs
sklearn.decomposition.FastICA with an explicit w_init (so the Java port can start from the same
point) and whiten="unit-variance", and records the inputs, the true sources and sklearn's result.

Layout in the JSON: every matrix is a list of rows; X and sources are signals x samples
(rows = signals), the same layout as FastIca.fit.

Run with Debian's python3 (python3-sklearn):
    /usr/bin/python3 src/test/python/make_ica_fixtures.py
"""
import json
import os

import numpy as np
import sklearn
from scipy import signal as sps
from sklearn.decomposition import FastICA

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "ica", "fastica_sklearn.json")
N = 800


def sources(kind, rng):
    t = np.linspace(0, 8, N)
    table = {
        "sine": np.sin(2 * t),
        "square": np.sign(np.sin(3 * t)),
        "sawtooth": sps.sawtooth(2 * np.pi * t),
        "laplace": rng.laplace(size=N),
    }
    return np.array([table[k] for k in kind])


def rounded(a):
    """10 significant digits keep the file small; the rounded values are the ones sklearn sees."""
    return np.array([[float(f"{v:.10g}") for v in row] for row in a])


def tolist(a):
    return rounded(np.atleast_2d(a)).tolist()


def case(name, kinds, mixing, algorithm, fun, seed):
    rng = np.random.default_rng(seed)
    s = sources(kinds, rng)
    s = rounded(s)
    x = rounded(np.asarray(mixing) @ s)  # signals x samples; sklearn runs on exactly the stored values
    m = x.shape[0]
    w_init = rounded(rng.normal(size=(m, m)))
    ica = FastICA(n_components=m, algorithm=algorithm, fun=fun, whiten="unit-variance",
                  w_init=w_init, tol=1e-4, max_iter=200)
    est = ica.fit_transform(x.T).T
    return {
        "name": name,
        "algorithm": algorithm,
        "fun": fun,
        "x": x.tolist(),
        "trueSources": tolist(s),
        "wInit": tolist(w_init),
        "components": tolist(ica.components_),
        "mixing": tolist(ica.mixing_),
        "mean": tolist(ica.mean_)[0],
        "whitening": tolist(ica.whitening_),
        "nIter": int(ica.n_iter_),
        "sources": tolist(est),
    }


def main():
    pair = [[1.0, 0.5], [0.5, 1.0]]  # the study's mixing matrix
    three = [[1.0, 1.0, 1.0], [0.5, 2.0, 1.0], [1.5, 1.0, 2.0]]  # sklearn's example
    cases = [
        case("sine+square, parallel, logcosh", ["sine", "square"], pair, "parallel", "logcosh", 1),
        case("sine+laplace, deflation, exp", ["sine", "laplace"], pair, "deflation", "exp", 2),
        case("square+laplace, parallel, cube", ["square", "laplace"], pair, "parallel", "cube", 3),
        case("sine+square+sawtooth, parallel, logcosh", ["sine", "square", "sawtooth"], three, "parallel",
             "logcosh", 4),
        case("sine+square+laplace, deflation, logcosh", ["sine", "square", "laplace"], three, "deflation",
             "logcosh", 5),
    ]
    doc = {"generator": "src/test/python/make_ica_fixtures.py", "sklearn": sklearn.__version__,
           "numpy": np.__version__, "cases": cases}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
    print(OUT, os.path.getsize(OUT), "bytes;", [(c["name"], c["nIter"]) for c in cases])


if __name__ == "__main__":
    main()
