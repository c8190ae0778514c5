#!/usr/bin/env python3
"""Reference outputs of scipy.signal.resample_poly for ResamplerFixtureTest.

The filter is designed with scipy's own tools from the same quality parameters the Java Resampler uses
(kaiserord for length and beta, firwin for the windowed sinc), then handed to resample_poly as its `window`,
so the fixture checks the Java polyphase arithmetic, alignment and output length against scipy's upfirdn.

Run from the repository root:  python3 src/test/python/make_resample_fixtures.py
"""
import json
import math

import numpy as np
from scipy import signal

OUT = "src/test/resources/fixtures/audio/resample_poly.json"
CASES = [  # (from_rate, to_rate, passband_edge, attenuation_db, input_length)
    (22050, 16000, 0.90, 80.0, 300),
    (16000, 22050, 0.90, 80.0, 300),
    (48000, 16000, 0.90, 80.0, 600),
    (8000, 11025, 0.80, 60.0, 200),
    (16000, 44100, 0.95, 100.0, 120),
]


def design(up, down, passband, atten):
    max_rate = max(up, down)
    width = (1 - passband) / max_rate
    cutoff = (1 + passband) / 2 / max_rate
    numtaps, beta = signal.kaiserord(atten, width)
    if numtaps % 2 == 0:
        numtaps += 1
    return signal.firwin(numtaps, cutoff, window=("kaiser", beta)), beta


def main():
    rng = np.random.default_rng(20261124)
    cases = []
    for src, dst, passband, atten, n in CASES:
        g = math.gcd(src, dst)
        up, down = dst // g, src // g
        h, beta = design(up, down, passband, atten)
        x = np.round(rng.uniform(-1, 1, n), 12)  # what the JSON stores exactly
        y = signal.resample_poly(x, up, down, window=h)
        cases.append({"from": src, "to": dst, "passband_edge": passband, "attenuation_db": atten,
                      "taps": int(h.size), "beta": float(beta),
                      "input": [float(v) for v in x],
                      "output": [float(v) for v in y]})
    with open(OUT, "w") as f:
        json.dump({"generator": "src/test/python/make_resample_fixtures.py",
                   "scipy": __import__("scipy").__version__, "cases": cases}, f)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
