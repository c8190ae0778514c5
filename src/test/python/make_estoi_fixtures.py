"""Makes src/test/resources/fixtures/metrics/estoi_reference.json (and two small WAV pairs in estoi/): STOI and
ESTOI (extended STOI, Jensen & Taal 2016) of synthetic speech-like signal pairs, computed by pystoi itself (the copy
vendored with the shared scoring tool), independently of the project's code. The regenerated cases are rebuilt
bit-for-bit by EstoiFixtureTest (closed-form AM harmonics with a gliding f0 + an LCG noise mixed at an SNR); the WAV
cases are read from the 16-bit files, so the Java side sees exactly what pystoi saw.

Run from this folder:  PYTHONPATH=/work/shared/tools/score/vendor python3 make_estoi_fixtures.py
"""
import json, os
import numpy as np
from scipy.io import wavfile
from pystoi import stoi

np.random.seed(0)  # pystoi's extended measure adds EPS-sized Gaussian noise before normalising


def lcg_noise(n, seed):
    out = np.empty(n)
    s = seed & 0xFFFFFFFF
    for i in range(n):
        s = (1664525 * s + 1013904223) & 0xFFFFFFFF
        out[i] = s / 4294967296.0 * 2 - 1
    return out


def speechlike(n, fs, f0):
    """Syllable-rate (4.3 Hz, 15 % floor) AM of a harmonic series whose f0 glides by +-10 % at 0.9 Hz; pauses; 0.3 s lead."""
    t = np.arange(n) / fs
    syll = 0.15 + 0.85 * np.maximum(0, np.sin(2 * np.pi * 4.3 * t)) ** 2
    phrase = (np.sin(2 * np.pi * 0.7 * t + 0.3) > -0.3) * (t >= 0.3)
    phase = 2 * np.pi * f0 * (t - 0.1 / (2 * np.pi * 0.9) * (np.cos(2 * np.pi * 0.9 * t) - 1))
    x = np.zeros(n)
    k = 1
    while k * f0 * 1.1 < fs / 2 and k <= 30:
        formant = 1 + 2 * np.exp(-((k * f0 - 700) / 300) ** 2) + np.exp(-((k * f0 - 1800) / 400) ** 2)
        x += formant * np.sin(k * phase) / k
        k += 1
    return 0.05 * syll * phrase * x


def noise_of(kind, n, fs, seed):
    w = lcg_noise(n, seed)
    if kind == "white":
        return w
    if kind == "modulated":  # 2.5 Hz on/off masker, the case ESTOI was designed for
        t = np.arange(n) / fs
        return w * (0.5 + 0.5 * np.sin(2 * np.pi * 2.5 * t)) ** 2
    raise ValueError(kind)


def mix(clean, noise, snr_db):
    g = np.sqrt(np.sum(clean ** 2) / (np.sum(noise ** 2) * 10 ** (snr_db / 10)))
    return clean + g * noise


def smear(x, k):
    """A crude 'processed' output: causal moving average of k samples."""
    return np.convolve(x, np.ones(k) / k)[:len(x)]


def scores(clean, y, fs):
    return {"stoi": float(stoi(clean, y, fs)), "estoi": float(stoi(clean, y, fs, extended=True))}


cases = []
# rate, seconds, f0, noise kind, seed, snr, processing
specs = [
    (16000, 2.0, 140.0, "white", 11, -5.0, "none"),
    (16000, 2.0, 140.0, "white", 11, 0.0, "none"),
    (16000, 2.0, 140.0, "white", 11, 5.0, "none"),
    (16000, 2.0, 140.0, "white", 11, 10.0, "none"),
    (16000, 3.1, 210.0, "modulated", 23, 0.0, "none"),
    (16000, 3.1, 210.0, "modulated", 23, 0.0, "smear9"),
    (8000, 2.5, 120.0, "white", 5, 0.0, "none"),
    (8000, 2.5, 120.0, "modulated", 5, 5.0, "none"),
    (22050, 1.7, 180.0, "white", 99, 3.0, "none"),
    (22050, 1.7, 180.0, "modulated", 99, -3.0, "smear9"),
    (16000, 0.5, 150.0, "white", 4, 0.0, "none"),  # under one 384 ms segment of speech: pystoi returns 1e-5
]
for fs, seconds, f0, kind, seed, snr, proc in specs:
    n = int(round(seconds * fs))
    clean = speechlike(n, fs, f0)
    y = mix(clean, noise_of(kind, n, fs, seed), snr)
    if proc == "smear9":
        y = smear(y, 9)
    c = {"rate": fs, "samples": n, "f0": f0, "noise": kind, "seed": seed, "snr_db": snr, "processing": proc}
    c.update(scores(clean, y, fs))
    cases.append(c)

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "../resources/fixtures/metrics")
wavdir = os.path.join(fixtures, "estoi")
os.makedirs(wavdir, exist_ok=True)
wavs = []
for name, fs, seconds, f0, kind, seed, snr in [("m8k_white_p2", 8000, 1.6, 130.0, "white", 3, 2.0),
                                               ("m16k_mod_m2", 16000, 1.3, 190.0, "modulated", 8, -2.0)]:
    n = int(round(seconds * fs))
    clean = speechlike(n, fs, f0)
    y = mix(clean, noise_of(kind, n, fs, seed), snr)
    peak = max(np.max(np.abs(clean)), np.max(np.abs(y)))
    scale = 0.5 / peak
    q = lambda v: np.clip(np.round(v * scale * 32768), -32768, 32767).astype(np.int16)
    cq, yq = q(clean), q(y)
    wavfile.write(os.path.join(wavdir, name + ".clean.wav"), fs, cq)
    wavfile.write(os.path.join(wavdir, name + ".noisy.wav"), fs, yq)
    c = {"name": name, "rate": fs}
    c.update(scores(cq / 32768.0, yq / 32768.0, fs))
    wavs.append(c)

out = {"about": __doc__.strip().splitlines()[0], "pystoi": "vendored copy in /work/shared/tools/score/vendor/pystoi",
       "cases": cases, "wav_cases": wavs}
json.dump(out, open(os.path.join(fixtures, "estoi_reference.json"), "w"), indent=1)
for c in cases + wavs:
    print(c)
