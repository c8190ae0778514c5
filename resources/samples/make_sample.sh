#!/bin/sh
# Regenerates the bundled 11.4 s sample (16 kHz mono): espeak-ng speech + 1/f noise + 120 Hz hum at 5 dB SNR.
# Needs espeak-ng, sox, python3-numpy, python3-scipy. Run from this folder.
set -e
tmp=$(mktemp -d)
espeak-ng -v en-us -s 150 -w "$tmp/speech.wav" "The workbench separates speech from background noise. Each bin of the spectrogram is clustered, and the speech cluster is kept while the noise is removed."
sox "$tmp/speech.wav" -r 16000 -b 16 -c 1 "$tmp/s16.wav" pad 0.6
python3 - "$tmp/s16.wav" <<'PY'
import sys, numpy as np, scipy.io.wavfile as w
sr, s = w.read(sys.argv[1]); s = s.astype(np.float64) / 32768
n = int(11.4 * sr); c = np.zeros(n); c[:min(n, len(s))] = s[:n]
c *= 0.3 / np.max(np.abs(c))
rng = np.random.default_rng(7)
wn = rng.standard_normal(n); F = np.fft.rfft(wn); f = np.fft.rfftfreq(n, 1 / sr); F[1:] /= np.sqrt(f[1:]); F[0] = 0
pn = np.fft.irfft(F, n); t = np.arange(n) / sr
noise = pn / np.std(pn) + 0.5 * np.sin(2 * np.pi * 120 * t)
noise *= np.sqrt(np.mean(c ** 2) / np.mean(noise ** 2) / 10 ** (5.0 / 10))
x = c + noise
g = 0.9 / np.max(np.abs(x)); x *= g; c *= g
w.write('speech-pink-5dB.noisy.wav', sr, (x * 32767).astype(np.int16))
w.write('speech-pink-5dB.clean.wav', sr, (c * 32767).astype(np.int16))
PY
rm -r "$tmp"
