#!/usr/bin/env python3
"""Real-world audio files for WavFixtureTest, written by SoX, with expected samples read by scipy.io.wavfile.

One deterministic stereo signal (200 frames at 44100 Hz) is converted by sox (repeatable, no dither) into each
format; scipy reads the WAVs back as the reference (integers scaled by 1/2^(bits-1) of the container, unsigned
8-bit centred on 128). AIFF and AU carry the same 16-bit samples as s16.wav; the mu-law AU is compared with a
tolerance. Run from the repository root:  python3 src/test/python/make_wav_fixtures.py
"""
import json
import os
import subprocess
import tempfile

import numpy as np
from scipy.io import wavfile

DIR = "src/test/resources/fixtures/audio/sox"
FORMATS = {  # file name: sox output options
    "u8.wav": ["-e", "unsigned-integer", "-b", "8"],
    "s16.wav": ["-e", "signed-integer", "-b", "16"],
    "s24.wav": ["-e", "signed-integer", "-b", "24"],      # sox writes WAVE_FORMAT_EXTENSIBLE
    "s32.wav": ["-e", "signed-integer", "-b", "32"],
    "f32.wav": ["-e", "floating-point", "-b", "32"],
    "f64.wav": ["-e", "floating-point", "-b", "64"],
    "s16.aiff": ["-e", "signed-integer", "-b", "16"],
    "s16.au": ["-e", "signed-integer", "-b", "16"],
    "ulaw.au": ["-e", "u-law"],
    "alaw.au": ["-e", "a-law"],
    "f64.au": ["-e", "floating-point", "-b", "64"],
    "fl32.aifc": ["-e", "floating-point", "-b", "32"],   # AIFF-C with compression type fl32
}


def scaled(data):
    if data.dtype == np.uint8:
        return (data.astype(np.float64) - 128) / 128
    if data.dtype.kind == "i":
        return data.astype(np.float64) / 2.0 ** (8 * data.dtype.itemsize - 1)
    return data.astype(np.float64)


def main():
    os.makedirs(DIR, exist_ok=True)
    x = np.random.default_rng(1).uniform(-0.9, 0.9, (200, 2))
    x[:, 1] = 0.6 * np.sin(2 * np.pi * 1000 * np.arange(200) / 44100)
    expected = {}
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "src.f64")
        x.astype("<f8").tofile(raw)
        for name, opts in FORMATS.items():
            out = os.path.join(DIR, name)
            subprocess.run(["sox", "-R", "-D", "-t", "f64", "-r", "44100", "-c", "2", raw] + opts + [out], check=True)
            if name.endswith(".wav"):
                rate, data = wavfile.read(out)
                assert rate == 44100
                expected[name] = scaled(data).T.tolist()
    with open(os.path.join(DIR, "expected.json"), "w") as f:
        json.dump({"generator": "src/test/python/make_wav_fixtures.py", "sample_rate": 44100,
                   "source": x.T.tolist(), "files": expected}, f)
    print("wrote", DIR)


if __name__ == "__main__":
    main()
