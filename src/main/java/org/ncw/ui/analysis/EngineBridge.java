package org.ncw.ui.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dataset.TfMatrix;

/**
 * The one place where the workbench calls the engine. Everything else in the UI works on {@link Signal},
 * {@link Spectrum} and {@link LabelGrid}. Stages whose engine package has not landed yet use small stand-ins
 * (marked "provisional" in the result settings) so the workbench stays usable end to end.
 */
public final class EngineBridge {
    private EngineBridge() {
    }

    /** True once the real spectral clustering is wired in (shown in the status bar and result settings). */
    public static String clusteringImplementation() {
        return "provisional 2-means on dB";
    }

    public static Signal read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.getFileName() + ": no such file");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat f = in.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16,
                    f.getChannels(), 2 * f.getChannels(), f.getSampleRate(), false);
            try (AudioInputStream conv = AudioSystem.getAudioInputStream(pcm, in)) {
                byte[] bytes = conv.readAllBytes();
                int ch = f.getChannels();
                int n = bytes.length / (2 * ch);
                if (n == 0) {
                    throw new IOException(file.getFileName() + ": the recording has no samples");
                }
                ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                double[] mono = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int c = 0; c < ch; c++) {
                        s += bb.getShort() / 32768.0;
                    }
                    mono[i] = s / ch;
                }
                return new Signal(mono, Math.round(f.getSampleRate()));
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException(file.getFileName() + ": not a readable audio file (WAV, AIFF or AU expected)", e);
        }
    }

    /** Writes a mono WAV, 16-bit PCM (clipped, rounded) or 32-bit float. */
    public static void writeWav(Signal signal, Path file, boolean float32) throws IOException {
        int bytesPer = float32 ? 4 : 2;
        int n = signal.length();
        ByteBuffer bb = ByteBuffer.allocate(44 + n * bytesPer).order(ByteOrder.LITTLE_ENDIAN);
        bb.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + n * bytesPer)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) (float32 ? 3 : 1)).putShort((short) 1).putInt(signal.sampleRate())
                .putInt(signal.sampleRate() * bytesPer).putShort((short) bytesPer).putShort((short) (8 * bytesPer))
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(n * bytesPer);
        for (double v : signal.samples()) {
            if (float32) {
                bb.putFloat((float) v);
            } else {
                bb.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
            }
        }
        Files.write(file, bb.array());
    }

    /** Magnitude spectrogram in dB (20 log10 |X|, floor -120 dB) with hop nFft/4. */
    public static Spectrum spectrum(Signal signal, int nFft, TaskMonitor monitor) {
        int hop = nFft / 4;
        ProvisionalDsp.Complex c = ProvisionalDsp.stft(signal.samples(), nFft, hop, monitor);
        double[] db = new double[c.re().length];
        for (int i = 0; i < db.length; i++) {
            db[i] = 20 * Math.log10(Math.hypot(c.re()[i], c.im()[i]) + 1e-6);
        }
        return new Spectrum(new TfMatrix(c.bins(), c.frames(), db), signal.sampleRate(), nFft, hop, c);
    }

    /**
     * Labels every bin SPEECH or NOISE. Provisional stand-in for the engine's spectral clustering: two-means on
     * the dB value, over the whole grid ("complete") or per column ("column"); the louder cluster is speech.
     */
    public static LabelGrid cluster(Spectrum spectrum, ParameterSet p, TaskMonitor monitor) {
        TfMatrix m = spectrum.db();
        int[] labels = new int[m.values().length];
        if (p.text("strategy").equals("complete")) {
            twoMeans(m.values(), 0, m.values().length, labels);
            monitor.done();
        } else {
            for (int f = 0; f < m.frames(); f++) {
                monitor.step(f, m.frames());
                twoMeans(m.values(), f * m.bins(), m.bins(), labels);
            }
        }
        return new LabelGrid(m.bins(), m.frames(), labels);
    }

    private static void twoMeans(double[] v, int from, int n, int[] out) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            lo = Math.min(lo, v[i]);
            hi = Math.max(hi, v[i]);
        }
        for (int it = 0; it < 20; it++) {
            double sLo = 0;
            double sHi = 0;
            int nLo = 0;
            int nHi = 0;
            double mid = 0.5 * (lo + hi);
            for (int i = from; i < from + n; i++) {
                if (v[i] > mid) {
                    sHi += v[i];
                    nHi++;
                } else {
                    sLo += v[i];
                    nLo++;
                }
            }
            double nl = nLo > 0 ? sLo / nLo : lo;
            double nh = nHi > 0 ? sHi / nHi : hi;
            if (nl == lo && nh == hi) {
                break;
            }
            lo = nl;
            hi = nh;
        }
        double mid = 0.5 * (lo + hi);
        for (int i = from; i < from + n; i++) {
            out[i] = v[i] > mid ? LabelGrid.SPEECH : LabelGrid.NOISE;
        }
    }

    /** Speech and residue signals: the mixture under the label mask and under its complement. */
    public static Signal[] separate(Signal mixture, Spectrum spectrum, LabelGrid labels, ParameterSet p,
                                    TaskMonitor monitor) {
        ProvisionalDsp.Complex c = (ProvisionalDsp.Complex) spectrum.complex();
        double reduction = p.real("reduction");
        boolean soft = p.text("maskMode").equals("soft");
        double[] speechGain = new double[labels.labels().length];
        double[] residueGain = new double[speechGain.length];
        for (int i = 0; i < speechGain.length; i++) {
            double g = labels.labels()[i] == LabelGrid.SPEECH ? 1.0 : reduction;
            if (soft) {
                g = smoothedSpeechFraction(labels, i, reduction);
            }
            speechGain[i] = g;
            residueGain[i] = 1 - g;
        }
        Signal speech = mixture.withSamples(ProvisionalDsp.istft(c, speechGain, spectrum.nFft(), spectrum.hop(),
                mixture.length(), monitor.sub(0, 0.5)));
        Signal residue = mixture.withSamples(ProvisionalDsp.istft(c, residueGain, spectrum.nFft(), spectrum.hop(),
                mixture.length(), monitor.sub(0.5, 1)));
        return new Signal[] {speech, residue};
    }

    /** Soft mask: share of SPEECH labels in the 3x3 neighbourhood, floored at the reduction factor. */
    private static double smoothedSpeechFraction(LabelGrid g, int index, double floor) {
        int bin = index % g.bins();
        int frame = index / g.bins();
        int n = 0;
        int speech = 0;
        for (int df = -1; df <= 1; df++) {
            for (int db = -1; db <= 1; db++) {
                int f = frame + df;
                int b = bin + db;
                if (f >= 0 && f < g.frames() && b >= 0 && b < g.bins()) {
                    n++;
                    speech += g.get(b, f) == LabelGrid.SPEECH ? 1 : 0;
                }
            }
        }
        return floor + (1 - floor) * speech / (double) n;
    }

    /** Production chain stand-in: one-pole high-pass, then a frame-wise noise gate (20 ms frames, -30 dB floor). */
    public static Signal production(Signal in, ParameterSet p, TaskMonitor monitor) {
        double[] x = in.samples().clone();
        double fc = p.real("highpassHz");
        if (fc > 0) {
            double a = Math.exp(-2 * Math.PI * fc / in.sampleRate());
            double prevIn = 0;
            double prevOut = 0;
            for (int i = 0; i < x.length; i++) {
                double y = a * (prevOut + x[i] - prevIn);
                prevIn = x[i];
                prevOut = y;
                x[i] = y;
            }
        }
        int frame = Math.max(1, in.sampleRate() / 50);
        double threshold = Math.pow(10, p.real("gateDb") / 20);
        for (int s = 0; s < x.length; s += frame) {
            monitor.step(s, x.length);
            int e = Math.min(x.length, s + frame);
            double sum = 0;
            for (int i = s; i < e; i++) {
                sum += x[i] * x[i];
            }
            if (Math.sqrt(sum / (e - s)) < threshold) {
                for (int i = s; i < e; i++) {
                    x[i] *= 0.0316;
                }
            }
        }
        return in.withSamples(x);
    }

    /** FastICA on two mixtures; empty until the engine's ICA package is on main. */
    public static Signal[] ica(Signal a, Signal b, ParameterSet p, TaskMonitor monitor) {
        return new Signal[0];
    }

    /** Scale-invariant SDR in dB of an estimate against a clean reference (shorter length wins). */
    public static double siSdr(Signal estimate, Signal reference) {
        int n = Math.min(estimate.length(), reference.length());
        double[] s = Arrays.copyOf(reference.samples(), n);
        double[] e = Arrays.copyOf(estimate.samples(), n);
        double dot = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            dot += e[i] * s[i];
            ss += s[i] * s[i];
        }
        double alpha = ss > 0 ? dot / ss : 0;
        double target = 0;
        double noise = 0;
        for (int i = 0; i < n; i++) {
            double t = alpha * s[i];
            target += t * t;
            noise += (e[i] - t) * (e[i] - t);
        }
        return 10 * Math.log10((target + 1e-20) / (noise + 1e-20));
    }

    /** STOI of an estimate; NaN until the engine's metrics package is on main. */
    public static double stoi(Signal estimate, Signal reference) {
        return Double.NaN;
    }
}
