"""Reference STOI (Taal et al. 2011) following pystoi's non-extended algorithm, written with numpy/scipy.

pystoi itself is not installable here; this module reproduces its steps (Octave-compatible Kaiser resampler
through scipy.signal.resample_poly, silent-frame removal with overlap-add, 1/3-octave bands, 30-frame
segments, -15 dB clipping). It is checked against the independently computed dev-set scores in
reference_scores.json by check_stoi_reference.py, then used to make the Java test fixtures.
"""
import numpy as np
from scipy.signal import resample_poly

EPS = np.finfo("float").eps
FS, N_FRAME, NFFT, NUMBAND, MINFREQ, N, BETA, DYN_RANGE = 10000, 256, 512, 15, 150, 30, -15.0, 40


def octave_window(p, q):
    g = np.gcd(p, q)
    p, q = p // g, q // g
    stop = 1.0 / (2 * max(p, q))
    roll = stop / 10
    rej_db = 60.0
    L = np.ceil((rej_db - 8) / (28.714 * roll))
    t = np.arange(-L, L + 1)
    ideal = 2 * p * stop * np.sinc(2 * stop * t)
    beta = 0.1102 * (rej_db - 8.7)
    return np.kaiser(int(2 * L + 1), beta) * ideal


def resample_oct(x, p, q):
    h = octave_window(p, q)
    return resample_poly(x, p, q, window=h / np.sum(h))


def thirdoct(fs, nfft, num_bands, min_freq):
    f = np.linspace(0, fs, nfft + 1)[: nfft // 2 + 1]
    k = np.arange(num_bands, dtype=float)
    lo = min_freq * np.power(2.0, (2 * k - 1) / 6)
    hi = min_freq * np.power(2.0, (2 * k + 1) / 6)
    obm = np.zeros((num_bands, len(f)))
    for i in range(num_bands):
        obm[i, np.argmin(np.square(f - lo[i])):np.argmin(np.square(f - hi[i]))] = 1
    return obm


def hann(n):
    return np.hanning(n + 2)[1:-1]


def ola(frames, hop):
    n, L = frames.shape
    out = np.zeros((n - 1) * hop + L)
    for i in range(n):
        out[i * hop:i * hop + L] += frames[i]
    return out


def remove_silent_frames(x, y, dyn, L, hop):
    w = hann(L)
    xf = np.array([w * x[i:i + L] for i in range(0, len(x) - L, hop)])
    yf = np.array([w * y[i:i + L] for i in range(0, len(x) - L, hop)])
    e = 20 * np.log10(np.linalg.norm(xf, axis=1) + EPS)
    m = (np.max(e) - dyn - e) < 0
    return ola(xf[m], hop), ola(yf[m], hop)


def stft(x, L, nfft, overlap):
    hop = L // overlap
    w = hann(L)
    return np.array([np.fft.rfft(w * x[i:i + L], n=nfft) for i in range(0, len(x) - L, hop)])


def stoi(x, y, fs):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    if fs != FS:
        x = resample_oct(x, FS, fs)
        y = resample_oct(y, FS, fs)
    x, y = remove_silent_frames(x, y, DYN_RANGE, N_FRAME, N_FRAME // 2)
    xs = stft(x, N_FRAME, NFFT, 2).T
    ys = stft(y, N_FRAME, NFFT, 2).T
    if xs.shape[-1] < N:
        return 1e-5
    obm = thirdoct(FS, NFFT, NUMBAND, MINFREQ)
    xt = np.sqrt(obm @ np.square(np.abs(xs)))
    yt = np.sqrt(obm @ np.square(np.abs(ys)))
    xseg = np.array([xt[:, m - N:m] for m in range(N, xt.shape[1] + 1)])
    yseg = np.array([yt[:, m - N:m] for m in range(N, xt.shape[1] + 1)])
    norm = np.linalg.norm(xseg, axis=2, keepdims=True) / (np.linalg.norm(yseg, axis=2, keepdims=True) + EPS)
    yn = yseg * norm
    yp = np.minimum(yn, xseg * (1 + 10 ** (-BETA / 20)))
    yp = yp - yp.mean(axis=2, keepdims=True)
    xseg = xseg - xseg.mean(axis=2, keepdims=True)
    yp /= np.linalg.norm(yp, axis=2, keepdims=True) + EPS
    xseg /= np.linalg.norm(xseg, axis=2, keepdims=True) + EPS
    return np.sum(yp * xseg) / (xseg.shape[0] * xseg.shape[1])


def si_sdr(ref, est):
    n = min(len(ref), len(est))
    r = ref[:n] - np.mean(ref[:n])
    e = est[:n] - np.mean(est[:n])
    a = np.dot(e, r) / np.dot(r, r)
    t = a * r
    return 10 * np.log10(np.sum(t ** 2) / np.sum((e - t) ** 2))
