#!/usr/bin/env python3
"""Reference fixtures for org.ncw.engine.cluster, computed with scikit-learn's SpectralClustering.

Run from the repository root:  /usr/bin/python3 src/test/python/make_cluster_fixtures.py
Writes src/test/resources/fixtures/cluster/*.json (small: a few hundred points per data set).
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.sparse.csgraph import laplacian as csgraph_laplacian
from sklearn.cluster import AgglomerativeClustering, KMeans, SpectralClustering
from sklearn.mixture import GaussianMixture
from sklearn.datasets import make_blobs, make_moons
from sklearn.manifold import spectral_embedding
from sklearn.metrics import adjusted_rand_score
from sklearn.metrics.pairwise import rbf_kernel
from sklearn.neighbors import kneighbors_graph
from sklearn.preprocessing import StandardScaler

assert tuple(int(p) for p in sklearn.__version__.split(".")[:2]) >= (1, 2), sklearn.__version__

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "cluster")
SEED = 0


def stft_db_table(rng):
    """A librosa-style |STFT| in dB (n_fft 1364, hop 3600, 22050 Hz, centred, Hann) of a noisy
    speech-like signal: rows (frame, bin, dB)."""
    sr, n_fft, hop = 22050, 1364, 3600
    t = np.arange(int(sr * 4.0)) / sr
    f0 = 140 + 30 * np.sin(2 * np.pi * 0.7 * t)            # gliding pitch
    phase = 2 * np.pi * np.cumsum(f0) / sr
    voiced = sum(np.sin(h * phase) / h for h in range(1, 12))
    envelope = (np.sin(2 * np.pi * 1.5 * t) > 0.2).astype(float)  # syllable-like on/off
    signal = 0.3 * voiced * envelope + 0.02 * rng.standard_normal(t.size)
    padded = np.pad(signal, n_fft // 2, mode="constant")
    window = np.hanning(n_fft + 1)[:-1]                     # scipy.signal.get_window('hann') (periodic)
    frames = 1 + (padded.size - n_fft) // hop
    spec = np.stack([np.fft.rfft(window * padded[i * hop:i * hop + n_fft]) for i in range(frames)], axis=1)
    db = 20 * np.log10(np.maximum(np.abs(spec), 1e-5))     # librosa.amplitude_to_db(ref=1, amin=1e-5, top_db=None)
    rows = [(f, b, db[b, f]) for f in range(db.shape[1]) for b in range(db.shape[0])]
    return np.array(rows)


def datasets(rng):
    blobs2, y2 = make_blobs(n_samples=200, centers=2, cluster_std=1.0, random_state=SEED)
    blobs3, y3 = make_blobs(n_samples=240, centers=3, cluster_std=1.0, random_state=3)
    moons, ym = make_moons(n_samples=200, noise=0.05, random_state=SEED)
    # dB values of one spectrogram column: a noise floor and a louder speech band
    intens = np.concatenate([rng.normal(-62, 4, 480), rng.normal(-25, 6, 203)])[:, None]
    table = stft_db_table(rng)
    table = table[rng.choice(len(table), 400, replace=False)]
    # name, X, n_clusters, rbf gamma, scaling, min ARI expected (0.99 well separated, 0.95 otherwise)
    return [
        ("blobs2", blobs2, 2, 0.1, "NONE", 0.99),
        ("blobs3", blobs3, 3, 0.1, "NONE", 0.99),
        ("moons", moons, 2, 20.0, "NONE", 0.99),
        ("intensities1d", intens, 2, 0.02, "NONE", 0.95),
        ("table3d", table, 2, 1.0, "STANDARDIZE", 0.95),
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.RandomState(SEED)
    for name, x, k, gamma, scaling, min_ari in datasets(rng):
        xs = StandardScaler().fit_transform(x) if scaling == "STANDARDIZE" else x
        runs = []
        for affinity in ("rbf", "nearest_neighbors"):
            for assign in ("kmeans", "discretize", "cluster_qr"):
                model = SpectralClustering(n_clusters=k, affinity=affinity, gamma=gamma, n_neighbors=10,
                                           assign_labels=assign, random_state=SEED, n_init=10)
                labels = model.fit_predict(xs)
                runs.append({"affinity": affinity, "gamma": gamma, "n_neighbors": 10, "assign_labels": assign,
                             "labels": labels.tolist()})
        # eigenvalues of the normalised Laplacian (self-loops dropped, as csgraph.laplacian does) and the
        # embedding sklearn clusters, for both affinities
        spectra = {}
        for affinity in ("rbf", "nearest_neighbors"):
            if affinity == "rbf":
                a = rbf_kernel(xs, gamma=gamma)
            else:
                c = kneighbors_graph(xs, n_neighbors=10, include_self=True)
                a = (0.5 * (c + c.T)).toarray()
            lap = csgraph_laplacian(a, normed=True)
            evals = np.linalg.eigvalsh(lap)[:4]
            emb = spectral_embedding(a, n_components=k, drop_first=False, random_state=SEED)
            spectra[affinity] = {"eigenvalues": evals.tolist(), "embedding": emb.tolist()}
        km = KMeans(n_clusters=k, n_init=10, random_state=SEED).fit(xs)
        gmm_full = GaussianMixture(n_components=k, covariance_type="full", random_state=SEED).fit(xs)
        gmm_diag = GaussianMixture(n_components=k, covariance_type="diag", random_state=SEED).fit(xs)
        baselines = {
            "kmeans": km.labels_.tolist(), "kmeans_inertia": km.inertia_,
            "ward": AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(xs).tolist(),
            "gmm_full": gmm_full.predict(xs).tolist(), "gmm_full_loglik": gmm_full.score(xs),
            "gmm_diag": gmm_diag.predict(xs).tolist(), "gmm_diag_loglik": gmm_diag.score(xs),
        }
        fixture = {"name": name, "baselines": baselines, "n_clusters": k, "scaling": scaling, "min_ari": min_ari,
                   "sklearn": sklearn.__version__, "scipy": scipy.__version__,
                   "x": np.asarray(x).tolist(), "runs": runs, "spectra": spectra}
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(fixture, f, separators=(",", ":"))
        print(name, x.shape, [ (r["affinity"], r["assign_labels"], np.bincount(r["labels"]).tolist()) for r in runs])

    # adjusted_rand_score reference values
    ari = []
    for n, ka, kb in [(10, 2, 2), (50, 3, 4), (200, 5, 2), (37, 1, 3), (100, 8, 8)]:
        a = rng.randint(ka, size=n)
        b = np.where(rng.rand(n) < 0.6, a, rng.randint(kb, size=n))
        ari.append({"a": a.tolist(), "b": b.tolist(), "ari": adjusted_rand_score(a, b)})
    ari.append({"a": [0, 0, 1, 1], "b": [1, 1, 0, 0], "ari": adjusted_rand_score([0, 0, 1, 1], [1, 1, 0, 0])})
    ari.append({"a": [0, 0, 0, 0], "b": [0, 1, 2, 3], "ari": adjusted_rand_score([0, 0, 0, 0], [0, 1, 2, 3])})
    with open(os.path.join(OUT, "adjusted_rand.json"), "w") as f:
        json.dump(ari, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
