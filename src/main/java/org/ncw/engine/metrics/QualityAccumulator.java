package org.ncw.engine.metrics;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;

/**
 * The scores of {@link QualityMetrics#score} for a reference and an estimate fed block by block, in bounded memory.
 * Up to one chunk ({@code chunkSamples}, e.g. 60 s) the samples are kept and scored whole, exactly as
 * {@link QualityMetrics#score}. Beyond it: SNR and segmental SNR are the same sums streamed (segments cross chunk
 * joins as before); SI-SDR comes from running moments (sums of r, e, r^2, e^2, r e: the same value up to
 * rounding); STOI, whose silent-frame removal and 384 ms segments make it a whole-signal measure, is computed per
 * chunk (ESTOI too) and averaged weighted by each chunk's length (a final chunk too short for STOI is left out).
 */
public final class QualityAccumulator {
    private final int sampleRate;
    private final double[] clean;
    private final double[] estimate;
    private int filled;
    private boolean streamed;
    // SNR
    private double signal;
    private double noise;
    // SI-SDR moments
    private long count;
    private double sumR;
    private double sumE;
    private double sumRR;
    private double sumEE;
    private double sumRE;
    // segmental SNR: frames start at multiples of hop; carry holds the samples of frames not finished yet
    private final int frame;
    private final int hop;
    private double[] carryC = new double[0];
    private double[] carryE = new double[0];
    private double segSum;
    private long segCount;
    // STOI per chunk
    private double stoiSum;
    private double estoiSum;
    private double stoiWeight;

    public QualityAccumulator(int sampleRate, int chunkSamples) {
        this.sampleRate = Checks.positive("sampleRate", sampleRate);
        Checks.positive("chunkSamples", chunkSamples);
        this.clean = new double[chunkSamples];
        this.estimate = new double[chunkSamples];
        this.frame = Math.max(1, (int) Math.round(0.030 * sampleRate));
        this.hop = Math.max(1, frame / 4);
    }

    /** Adds {@code length} samples of both signals. */
    public void add(double[] reference, int refOffset, double[] est, int estOffset, int length) {
        int done = 0;
        while (done < length) {
            int k = Math.min(length - done, clean.length - filled);
            System.arraycopy(reference, refOffset + done, clean, filled, k);
            System.arraycopy(est, estOffset + done, estimate, filled, k);
            filled += k;
            done += k;
            if (filled == clean.length) {
                flushChunk();
            }
        }
    }

    /** Samples added so far. */
    public long samples() {
        return count + filled;
    }

    private void flushChunk() {
        streamed = true;
        int n = filled;
        for (int i = 0; i < n; i++) {
            double r = clean[i];
            double e = estimate[i];
            double d = r - e;
            signal += r * r;
            noise += d * d;
            sumR += r;
            sumE += e;
            sumRR += r * r;
            sumEE += e * e;
            sumRE += r * e;
        }
        count += n;
        // segmental SNR over carry + chunk
        double[] c = new double[carryC.length + n];
        double[] e = new double[c.length];
        System.arraycopy(carryC, 0, c, 0, carryC.length);
        System.arraycopy(carryE, 0, e, 0, carryE.length);
        System.arraycopy(clean, 0, c, carryC.length, n);
        System.arraycopy(estimate, 0, e, carryE.length, n);
        int start = 0;
        for (; start + frame <= c.length; start += hop) {
            double s = 0;
            double z = 0;
            for (int i = start; i < start + frame; i++) {
                double d = c[i] - e[i];
                s += c[i] * c[i];
                z += d * d;
            }
            segSum += clamp(Decibels.ratio(s, z));
            segCount++;
        }
        carryC = java.util.Arrays.copyOfRange(c, start, c.length);
        carryE = java.util.Arrays.copyOfRange(e, start, e.length);
        // STOI of this chunk
        if (n > 0) {
            Estoi.Intelligibility both = Estoi.both(java.util.Arrays.copyOf(clean, n),
                    java.util.Arrays.copyOf(estimate, n), sampleRate);
            if (both.stoi() != Stoi.TOO_SHORT) {
                stoiSum += both.stoi() * n;
                estoiSum += both.estoi() * n;
                stoiWeight += n;
            }
        }
        filled = 0;
    }

    /** The scores of everything added (exactly {@link QualityMetrics#score} when it fits in one chunk). */
    public QualityScores scores() {
        if (!streamed) {
            double[] c = java.util.Arrays.copyOf(clean, filled);
            double[] e = java.util.Arrays.copyOf(estimate, filled);
            return QualityMetrics.score(new Signal(c, sampleRate), new Signal(e, sampleRate));
        }
        if (filled > 0) {
            flushChunk();
        }
        double n = count;
        double dot = sumRE - sumR * sumE / n;
        double refEnergy = sumRR - sumR * sumR / n;
        if (refEnergy <= 0) {
            throw new IllegalArgumentException("SI-SDR is undefined: the reference signal is constant (silent)");
        }
        double estEnergy = sumEE - sumE * sumE / n;
        double scale = dot / refEnergy;
        double target = scale * scale * refEnergy;
        double distortion = Math.max(0, estEnergy - 2 * scale * dot + target);
        double stoi = stoiWeight > 0 ? stoiSum / stoiWeight : Stoi.TOO_SHORT;
        double estoi = stoiWeight > 0 ? estoiSum / stoiWeight : Stoi.TOO_SHORT;
        return new QualityScores(Decibels.ratio(signal, noise), segSum / segCount, Decibels.ratio(target, distortion),
                stoi, estoi);
    }

    private static double clamp(double db) {
        if (Double.isNaN(db)) {
            return SegmentalSnr.MIN_DB;
        }
        return Math.max(SegmentalSnr.MIN_DB, Math.min(SegmentalSnr.MAX_DB, db));
    }
}
