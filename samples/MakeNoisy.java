// SPDX-License-Identifier: GPL-3.0-or-later
// Mixes one clean speech recording with deterministically synthesised noise at a given SNR and writes
// NAME.clean.wav and NAME.noisy.wav (16-bit mono). Run by make-samples.sh with the JDK's source launcher:
//   java MakeNoisy.java NAME NOISE RATE SECONDS SNR_DB SEED SPEECH.wav [TALKER.wav ...]
// NOISE is pink, hum (mains hum with harmonics + fan-like brown noise) or babble (the TALKER files, summed).
// The speech starts after LEAD_SECONDS of noise only; the SNR is measured over the speech span, on the written files.

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Random;

public class MakeNoisy {
    static final double LEAD_SECONDS = 1.0;
    static final double SPEECH_RMS = Math.pow(10, -24 / 20.0); // clean speech level over its span: -24 dBFS

    public static void main(String[] a) throws Exception {
        String name = a[0];
        String kind = a[1];
        int rate = Integer.parseInt(a[2]);
        int n = (int) Math.round(Double.parseDouble(a[3]) * rate);
        double snrDb = Double.parseDouble(a[4]);
        long seed = Long.parseLong(a[5]);
        double[] speech = read(a[6], rate);
        int start = (int) Math.round(LEAD_SECONDS * rate);
        int end = start + speech.length;
        if (end > n) {
            throw new IllegalArgumentException(a[6] + " is " + speech.length / (double) rate + " s, too long for "
                    + a[3] + " s with a " + LEAD_SECONDS + " s lead-in");
        }
        double[] clean = new double[n];
        System.arraycopy(speech, 0, clean, start, speech.length);
        scale(clean, SPEECH_RMS / rms(clean, start, end));

        double[] noise;
        switch (kind) {
            case "pink": noise = pink(n, new Random(seed)); break;
            case "hum": noise = humAndFan(n, rate, new Random(seed)); break;
            case "babble": noise = babble(n, rate, java.util.Arrays.copyOfRange(a, 7, a.length), new Random(seed)); break;
            default: throw new IllegalArgumentException("unknown noise " + kind);
        }
        scale(noise, SPEECH_RMS / Math.pow(10, snrDb / 20) / rms(noise, start, end));

        short[] c = quantise(clean);
        double[] mix = new double[n];
        for (int i = 0; i < n; i++) {
            mix[i] = clean[i] + noise[i];
        }
        short[] y = quantise(mix);
        double sc = 0, sn = 0;
        for (int i = start; i < end; i++) {
            sc += (double) c[i] * c[i];
            sn += (double) (y[i] - c[i]) * (y[i] - c[i]);
        }
        write(c, rate, name + ".clean.wav");
        write(y, rate, name + ".noisy.wav");
        System.out.printf(Locale.ROOT, "{\"stem\": \"%s\", \"noise\": \"%s\", \"rate\": %d, \"seconds\": %.3f,"
                + " \"speech_from_s\": %.3f, \"speech_to_s\": %.3f, \"snr_db\": %.2f}%n", new File(name).getName(),
                kind, rate, n / (double) rate, start / (double) rate, end / (double) rate, 10 * Math.log10(sc / sn));
    }

    /** White noise through Paul Kellet's refined pink filter (-3 dB/octave within about 0.05 dB above 10 Hz at 44.1 kHz). */
    static double[] pink(int n, Random r) {
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        double[] out = new double[n];
        for (int i = -4096; i < n; i++) { // run in so the filter state is settled at sample 0
            double w = r.nextGaussian();
            b0 = 0.99886 * b0 + w * 0.0555179;
            b1 = 0.99332 * b1 + w * 0.0750759;
            b2 = 0.96900 * b2 + w * 0.1538520;
            b3 = 0.86650 * b3 + w * 0.3104856;
            b4 = 0.55000 * b4 + w * 0.5329522;
            b5 = -0.7616 * b5 - w * 0.0168980;
            double p = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
            b6 = w * 0.115926;
            if (i >= 0) {
                out[i] = p;
            }
        }
        return out;
    }

    /** 50 Hz mains hum (12 harmonics, odd ones stronger, slowly wavering) plus fan-like brown noise and blade tone. */
    static double[] humAndFan(int n, int rate, Random r) {
        double[] phase = new double[13];
        for (int k = 1; k <= 12; k++) {
            phase[k] = 2 * Math.PI * r.nextDouble();
        }
        double[] hum = new double[n];
        double[] fan = new double[n];
        double brown = 0, hp = 0, prev = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double h = 0;
            for (int k = 1; k <= 12; k++) {
                h += (k % 2 == 1 ? 1.0 : 0.4) / k * Math.sin(2 * Math.PI * 50 * k * t + phase[k]);
            }
            hum[i] = h * (1 + 0.1 * Math.sin(2 * Math.PI * 0.3 * t));
            brown = 0.995 * brown + r.nextGaussian();        // leaky integrator: -6 dB/octave
            hp = 0.999 * (hp + brown - prev);                 // ~3 Hz high-pass removes the drift
            prev = brown;
            fan[i] = hp + 2.0 * Math.sin(2 * Math.PI * 87 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * 1.7 * t));
        }
        scale(hum, 1 / rms(hum, 0, n));
        scale(fan, 1 / rms(fan, 0, n));
        for (int i = 0; i < n; i++) {
            hum[i] = 0.8 * hum[i] + 0.6 * fan[i];
        }
        return hum;
    }

    /** Several talkers at equal level, each looped from its own random offset. */
    static double[] babble(int n, int rate, String[] talkers, Random r) throws Exception {
        double[] out = new double[n];
        for (String file : talkers) {
            double[] t = read(file, rate);
            scale(t, 1 / rms(t, 0, t.length));
            int offset = r.nextInt(t.length);
            for (int i = 0; i < n; i++) {
                out[i] += t[(i + offset) % t.length];
            }
        }
        return out;
    }

    static double rms(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    static void scale(double[] x, double g) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= g;
        }
    }

    static short[] quantise(double[] x) {
        short[] q = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            long v = Math.round(x[i] * 32768);
            if (v > 32767 || v < -32768) {
                throw new IllegalStateException("sample " + i + " clips: " + x[i]);
            }
            q[i] = (short) v;
        }
        return q;
    }

    static double[] read(String file, int rate) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new File(file))) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16 || f.isBigEndian()
                    || Math.round(f.getSampleRate()) != rate) {
                throw new IllegalArgumentException(file + ": need 16-bit little-endian mono at " + rate + " Hz, got " + f);
            }
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            double[] x = new double[b.remaining() / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = b.getShort() / 32768.0;
            }
            return x;
        }
    }

    static void write(short[] x, int rate, String file) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : x) {
            b.putShort(v);
        }
        AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()), f, x.length),
                AudioFileFormat.Type.WAVE, new File(file));
    }
}
