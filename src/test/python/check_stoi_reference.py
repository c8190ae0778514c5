"""Checks stoi_reference.py and si_sdr against reference_scores.json (noisy rows) of the shared dev set."""
import json, sys
import numpy as np
from scipy.io import wavfile
from stoi_reference import stoi, si_sdr

dev = sys.argv[1] if len(sys.argv) > 1 else "../../../../shared/data/dev"
rows = [r for r in json.load(open(dev + "/reference_scores.json"))["rows"] if r["method"] == "noisy"]
for r in rows:
    fs, c = wavfile.read(f"{dev}/{r['stem']}.clean.wav")
    _, y = wavfile.read(f"{dev}/{r['stem']}.noisy.wav")
    c = c / 32768.0; y = y / 32768.0
    n = min(len(c), len(y))
    s = stoi(c[:n], y[:n], fs)
    d = si_sdr(c, y)
    print(f"{r['stem']:28s} stoi {s:.6f} ref {r['stoi']:.6f} diff {s-r['stoi']:+.2e}   si-sdr {d:.4f} ref {r['si_sdr']:.4f} diff {d-r['si_sdr']:+.2e}")
