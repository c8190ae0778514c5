#!/usr/bin/env python3
"""scikit-learn's FastICA on the same kind of pair as org.ncw.bench.IcaBench, for the speed comparison in
docs/ica.md: two 11.4 s signals at 22050 Hz (a syllable-gated harmonic "speech" source and Gaussian noise mixed
with [[1, 0.5], [0.5, 1]]), default options, whiten="unit-variance". Prints the median wall time over repeats.

    /usr/bin/python3 src/test/python/bench_sklearn_ica.py
"""
import time

import numpy as np
import sklearn
from sklearn.decomposition import FastICA

RATE = 22050
N = int(round(11.4 * RATE))


def speech_like(rng):
    t = np.arange(N) / RATE
    f0 = 140 + 20 * np.sin(2 * np.pi * 0.7 * t)
    phase = np.cumsum(2 * np.pi * f0 / RATE)
    voiced = sum(np.sin(k * phase) / k for k in range(1, 9))
    syllable = np.maximum(0, np.sin(2 * np.pi * 4 * t)) ** 2
    phrase = np.ones(N)
    on, edge = 1, 1.5
    while edge < t[-1]:
        on = 1 - on
        nxt = edge + (1.0 + rng.random() if on else 0.3 + 0.4 * rng.random())
        phrase[(t >= edge) & (t < nxt)] = on
        edge = nxt
    return 0.2 * phrase * syllable * voiced


def main():
    rng = np.random.default_rng(1)
    s = np.vstack([speech_like(rng), 0.3 * rng.standard_normal(N)])
    x = (np.array([[1.0, 0.5], [0.5, 1.0]]) @ s).T  # samples x signals, sklearn's layout
    times, iters = [], []
    for rep in range(25):
        ica = FastICA(n_components=2, whiten="unit-variance", random_state=rep)
        t0 = time.perf_counter()
        ica.fit_transform(x)
        times.append(time.perf_counter() - t0)
        iters.append(ica.n_iter_)
    print(f"sklearn {sklearn.__version__}, numpy {np.__version__}: 2 x {N}, median {np.median(times):.4f} s, "
          f"min {min(times):.4f} s, iterations {min(iters)}-{max(iters)} (median {int(np.median(iters))})")


if __name__ == "__main__":
    main()
