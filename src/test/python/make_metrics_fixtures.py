"""Makes src/test/resources/fixtures/metrics/metrics_reference.json: STOI, SI-SDR, SNR and segmental SNR of
synthetic signal pairs that the Java tests rebuild bit-for-bit (closed-form harmonics + an LCG noise), and the
pystoi-compatible 16 kHz -> 10 kHz resampler's output. STOI from stoi_reference.py (pystoi's algorithm, checked
against the dev set's independently computed scores by check_stoi_reference.py).

Run from this folder: python3 make_metrics_fixtures.py
"""
import json, os
import numpy as np
from stoi_reference import stoi, si_sdr, resample_oct


def lcg_noise(n, seed):
    out = np.empty(n)
    s = seed & 0xFFFFFFFF
    for i in range(n):
        s = (1664525 * s + 1013904223) & 0xFFFFFFFF
        out[i] = s / 4294967296.0 * 2 - 1
    return out


def voiced(n, fs):
    t = np.arange(n) / fs
    env = np.maximum(0, np.sin(2 * np.pi * 3 * t)) ** 2 * (t >= 0.5)
    x = sum(np.sin(2 * np.pi * 140 * k * t) / k for k in range(1, 21))
    return env * x * 0.1


def moving_average(x, k):
    return np.convolve(x, np.ones(k) / k)[:len(x)]


def snr(r, e):
    n = min(len(r), len(e)); r = r[:n]; e = e[:n]
    return 10 * np.log10(np.sum(r ** 2) / np.sum((r - e) ** 2))


def seg_snr(r, e, fs):
    n = min(len(r), len(e)); L = int(round(0.03 * fs)); hop = L // 4
    vals = []
    for s in range(0, n - L + 1, hop):
        sig = np.sum(r[s:s + L] ** 2); noi = np.sum((r[s:s + L] - e[s:s + L]) ** 2)
        v = -np.inf if sig == 0 else (np.inf if noi == 0 else 10 * np.log10(sig / noi))
        vals.append(min(35, max(-10, v)))
    return float(np.mean(vals))


cases = []
for fs in (16000, 10000):
    n = 3 * fs
    clean = voiced(n, fs)
    noise = lcg_noise(n, 12345)
    variants = {
        "noisy": clean + 0.05 * noise,
        "light": clean + 0.01 * noise,
        "smeared": moving_average(clean, 5) + 0.005 * noise,
        "scaled": 0.5 * clean + 0.02 * noise,
    }
    for name, y in variants.items():
        cases.append({"rate": fs, "variant": name, "stoi": stoi(clean, y, fs), "si_sdr": si_sdr(clean, y),
                      "snr": snr(clean, y), "seg_snr": seg_snr(clean, y, fs)})

imp = lcg_noise(1000, 7)
res = resample_oct(imp, 10000, 16000)
out = {"about": __doc__.strip().splitlines()[0],
       "cases": cases,
       "resampler": {"input_seed": 7, "input_length": 1000, "output": res.tolist()}}
path = "../resources/fixtures/metrics/metrics_reference.json"
os.makedirs(os.path.dirname(path), exist_ok=True)
json.dump(out, open(path, "w"), indent=1)
for c in cases: print(c)
print(len(res))
