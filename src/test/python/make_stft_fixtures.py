#!/usr/bin/env python3
"""Reference STFT / ISTFT fixtures for StftFixtureTest.

Uses librosa when it is installed; otherwise reproduces librosa.stft / librosa.istft (0.10 code paths) with
numpy + scipy: np.pad for centring, scipy.signal.get_window(..., fftbins=True) windows centred in n_fft,
np.fft.rfft per frame; istft = overlap-add of window * irfft divided by the window sum-square where it exceeds
np.finfo(float).tiny, centre trimmed and fixed to `length`.

Output: src/test/resources/fixtures/stft/stft_cases.json (spectra frame-major, like the Java ComplexSpectrogram).
Run from the repository root: python3 src/test/python/make_stft_fixtures.py
"""
import json
import os

import numpy as np
import scipy.signal

try:
    import librosa  # noqa: F401
    HAVE_LIBROSA = True
except ImportError:
    HAVE_LIBROSA = False

OUT = os.path.join("src", "test", "resources", "fixtures", "stft", "stft_cases.json")


def window(name, win, n_fft):
    w = scipy.signal.get_window(name, win, fftbins=True)
    lpad = (n_fft - win) // 2
    return np.pad(w, (lpad, n_fft - win - lpad))


def stft(y, n_fft, hop, win, win_name, center, pad_mode):
    if HAVE_LIBROSA:
        return librosa.stft(y, n_fft=n_fft, hop_length=hop, win_length=win, window=win_name,
                            center=center, pad_mode=pad_mode)
    w = window(win_name, win, n_fft)
    if center:
        y = np.pad(y, (n_fft // 2, n_fft // 2), mode=pad_mode)
    frames = 1 + (len(y) - n_fft) // hop
    cols = [np.fft.rfft(w * y[t * hop: t * hop + n_fft]) for t in range(frames)]
    return np.stack(cols, axis=1)


def istft(S, n_fft, hop, win, win_name, center, length):
    if HAVE_LIBROSA:
        return librosa.istft(S, n_fft=n_fft, hop_length=hop, win_length=win, window=win_name,
                             center=center, length=length)
    w = window(win_name, win, n_fft)
    padded = length + 2 * (n_fft // 2) if center else length
    frames = min(S.shape[1], int(np.ceil(padded / hop)))
    total = n_fft + hop * (frames - 1)
    y = np.zeros(total)
    wss = np.zeros(total)
    for t in range(frames):
        y[t * hop: t * hop + n_fft] += w * np.fft.irfft(S[:, t], n=n_fft)
        wss[t * hop: t * hop + n_fft] += w ** 2
    nz = wss > np.finfo(float).tiny
    y[nz] /= wss[nz]
    start = n_fft // 2 if center else 0
    y = y[start:start + length]
    return np.pad(y, (0, length - len(y)))


def short(values):
    # 10 significant digits keep the file small and are far below the tests' 1e-5 tolerance.
    return [float("%.10g" % v) for v in values]


def main():
    rng = np.random.RandomState(20261124)
    sr = 8000
    n = 1500
    t = np.arange(n) / sr
    # A chirp, a tone and some noise: every bin gets energy, edges are non-trivial for the padding modes.
    y = 0.5 * np.sin(2 * np.pi * (200 * t + 1500 * t ** 2)) + 0.2 * np.sin(2 * np.pi * 1234.5 * t) \
        + 0.05 * rng.randn(n)
    y = np.array([float("%.12g" % v) for v in y])  # the stored signal is exactly the one transformed
    cases = []
    configs = [
        # n_fft, hop, win, window, center, pad_mode
        (256, 64, 256, "hann", True, "reflect"),
        (200, 50, 150, "hamming", True, "constant"),
        (255, 100, 255, "hann", False, "reflect"),
        (128, 160, 100, "blackman", True, "edge"),  # hop > win: gaps
    ]
    for n_fft, hop, win, win_name, center, pad_mode in configs:
        S = stft(y, n_fft, hop, win, win_name, center, pad_mode)
        # A random binary mask makes the spectrogram inconsistent, so istft's normalisation really matters.
        mask = (rng.rand(*S.shape) > 0.3).astype(float)
        y_masked = istft(S * mask, n_fft, hop, win, win_name, center, n)
        cases.append({
            "n_fft": n_fft, "hop": hop, "win": win, "window": win_name, "center": center, "pad_mode": pad_mode,
            "bins": S.shape[0], "frames": S.shape[1],
            "re": short(S.real.T.ravel()),
            "im": short(S.imag.T.ravel()),
            "mask": [int(v) for v in mask.T.ravel()],
            "istft_masked": short(y_masked),
        })
    doc = {"generator": "librosa" if HAVE_LIBROSA else "numpy/scipy re-implementation of librosa 0.10",
           "sample_rate": sr, "signal": [float(v) for v in y], "cases": cases}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
