#!/usr/bin/python3
"""Reference labels for the column-by-column strategy: scikit-learn 1.2 SpectralClustering on single
spectrogram columns (1-D dB intensities), as the study ran it. Output: fixtures/strategy/columns_rbf.json.

Run from the repository root:  /usr/bin/python3 src/test/python/make_strategy_fixtures.py [path/to/noisy.wav]
"""
import json
import sys
import time
import warnings
import wave

import numpy as np
from sklearn.cluster import KMeans, SpectralClustering
from sklearn.metrics import adjusted_rand_score
from sklearn.metrics.pairwise import rbf_kernel

DEFAULT_WAV = "../../shared/data/dev/arctic_aew__pink__+0dB.noisy.wav"
SAMPLE_22K = "samples/speech-pink-22k.noisy.wav"


def read_wav(path):
    with wave.open(path, "rb") as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
        return data, w.getframerate()


def db_spectrogram(x, n_fft, hop):
    """Hann-windowed STFT magnitude in dB relative to the maximum, floored at -80 dB (librosa's amplitude_to_db)."""
    win = np.hanning(n_fft + 1)[:-1]
    pad = np.pad(x, n_fft // 2, mode="reflect")
    frames = 1 + (len(pad) - n_fft) // hop
    spec = np.empty((n_fft // 2 + 1, frames))
    for f in range(frames):
        spec[:, f] = np.abs(np.fft.rfft(pad[f * hop:f * hop + n_fft] * win))
    db = 20 * np.log10(np.maximum(spec, 1e-10))
    db -= db.max()
    return np.maximum(db, -80.0)


def well_posed(col, gamma=1.0):
    """False when the second or third eigenvalue of the normalised affinity equals 1 to rounding: the graph then has
    numerically disconnected pieces and which vectors ARPACK returns from that eigenspace is arbitrary."""
    a = rbf_kernel(col.reshape(-1, 1), gamma=gamma)
    np.fill_diagonal(a, 0)
    d = a.sum(axis=1)
    d[d == 0] = 1
    ev = np.linalg.eigvalsh(a / np.sqrt(np.outer(d, d)))
    return bool(1 - ev[-2] > 1e-13 and 1 - ev[-3] > 1e-9)


def exact_labels(col, gamma=1.0):
    """Spectral clustering with a dense, exact eigendecomposition (what ARPACK should return; on columns with
    points at ~1e-48 degree scikit-learn's ARPACK fails and it falls back to an inaccurate LOBPCG)."""
    a = rbf_kernel(col.reshape(-1, 1), gamma=gamma)
    np.fill_diagonal(a, 0)
    d = a.sum(axis=1)
    d[d == 0] = 1
    ev, v = np.linalg.eigh(a / np.sqrt(np.outer(d, d)))
    emb = v[:, -2:][:, ::-1] / np.sqrt(d)[:, None]
    return KMeans(2, n_init=10, random_state=0).fit_predict(emb)


def cluster_column(col):
    """scikit-learn's labels, and whether they agree with the exact eigensolution (ARI >= 0.95)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        labels = SpectralClustering(n_clusters=2, affinity="rbf", gamma=1.0, random_state=0,
                                    assign_labels="kmeans").fit_predict(col.reshape(-1, 1))
    return labels, bool(adjusted_rand_score(labels, exact_labels(col)) >= 0.95)


def main():
    x, sr = read_wav(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_WAV)
    out = {"source": "arctic_aew__pink__+0dB.noisy.wav", "sklearn": __import__("sklearn").__version__,
           "gamma": 1.0, "random_state": 0, "columns": []}
    x22, _ = read_wav(SAMPLE_22K)
    for signal, source, n_fft, hop, picks in ((x, "dev", 1364, 3600, (5, 12, 20, 27, 33, 41, 50)),
                                              (x, "dev", 4096, 128, (300, 700, 1100)),
                                              (x22, "22k", 1364, 3600, (21, 56))):
        db = np.round(db_spectrogram(signal, n_fft, hop), 3)
        for f in picks:
            col = db[:, f]
            t = time.perf_counter()
            labels, arpack = cluster_column(col)
            out["columns"].append({"source": source, "nFft": n_fft, "frame": f,
                                   "seconds": round(time.perf_counter() - t, 4), "wellPosed": well_posed(col),
                                   "sklearnAgreesWithExact": arpack, "values": col.tolist(), "labels": labels.tolist(),
                                   "exactLabels": exact_labels(col).tolist()})
            print(n_fft, f, "bins", len(col), "time %.3f s" % (time.perf_counter() - t), "sizes", np.bincount(labels), "exact", np.bincount(out["columns"][-1]["exactLabels"]),
                  "well posed", out["columns"][-1]["wellPosed"], "sklearn agrees with exact", arpack)
    with open("src/test/resources/fixtures/strategy/columns_rbf.json", "w") as fh:
        json.dump(out, fh, separators=(",", ":"))


if __name__ == "__main__":
    main()
