#!/usr/bin/env python3
"""Reference fixtures for org.ncw.engine.production: scipy Butterworth designs, their magnitude responses
(sosfreqz) and zero-phase filtering (sosfiltfilt) of a deterministic test signal.

Run from the repository root:  python3 src/test/python/make_production_fixtures.py
Writes src/test/resources/fixtures/production/butterworth.json
"""
import json
import os

import numpy as np
import scipy
from scipy import signal

OUT = os.path.join("src", "test", "resources", "fixtures", "production", "butterworth.json")

# (name, kind, order, sample rate, cutoff(s))
DESIGNS = [
    ("hp100_o4_16k", "highpass", 4, 16000, [100.0]),
    ("hp80_o2_16k", "highpass", 2, 16000, [80.0]),
    ("lp3400_o6_16k", "lowpass", 6, 16000, [3400.0]),
    ("lp5000_o3_44k", "lowpass", 3, 44100, [5000.0]),
    ("bp300_3400_o4_16k", "bandpass", 4, 16000, [300.0, 3400.0]),
    ("bp1000_2000_o2_8k", "bandpass", 2, 8000, [1000.0, 2000.0]),
]


def test_signal(fs, n):
    """A few sines, a step and a click: exercises DC, low and high frequencies and the edges."""
    t = np.arange(n) / fs
    x = 0.3 * np.sin(2 * np.pi * 30 * t) + 0.2 * np.sin(2 * np.pi * 440 * t) + 0.1 * np.sin(2 * np.pi * 3000 * t)
    x[n // 2:] += 0.25
    x[n // 3] += 0.8
    return x


def main():
    designs = []
    for name, kind, order, fs, cut in DESIGNS:
        wn = cut[0] if len(cut) == 1 else cut
        sos = signal.butter(order, wn, btype=kind, fs=fs, output="sos")
        freqs = np.array(sorted(set(np.round(np.geomspace(10, fs / 2 * 0.98, 60), 3)) | set(cut)))
        _, h = signal.sosfreqz(sos, worN=freqs, fs=fs)
        x = test_signal(fs, 600)
        y = signal.sosfiltfilt(sos, x)
        designs.append({
            "name": name, "kind": kind, "order": order, "sampleRate": fs, "cutoffs": cut,
            "sos": sos.tolist(),
            "freqs": freqs.tolist(),
            "magnitudeDb": (20 * np.log10(np.maximum(np.abs(h), 1e-300))).tolist(),
            "input": x.tolist(),
            "filtfilt": y.tolist(),
        })
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "scipy " + scipy.__version__ + " signal.butter/sosfreqz/sosfiltfilt",
                   "designs": designs}, f)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
