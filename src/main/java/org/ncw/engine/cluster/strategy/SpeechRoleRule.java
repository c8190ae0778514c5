package org.ncw.engine.cluster.strategy;

import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.TfMatrix;

/**
 * Decides which raw cluster of a partition (one column, or the whole grid) is speech. Cluster numbers from a
 * clusterer are arbitrary, so without a rule "cluster 0" would be speech in one column and noise in the next.
 *
 * <p>Rule: compute a score per time-frequency point, average it per raw cluster; the cluster with the highest
 * mean score is {@link LabelGrid#SPEECH}, every other cluster is {@link LabelGrid#NOISE}. Ties (means within
 * 1e-9) go to the cluster with fewer points (speech is the sparser part of a noisy spectrogram), then to the
 * lower cluster number. A partition in which only one cluster occurs is all NOISE: with nothing to contrast,
 * there is no evidence of speech.
 */
public enum SpeechRoleRule {
    /** Score = dB intensity: the louder cluster is speech (the default; speech bins stand above the noise floor). */
    HIGHER_MEAN_DB {
        @Override
        public double score(TfMatrix db, int bin, int frame) {
            return db.get(bin, frame);
        }
    },
    /** Score = positive spectral flux, max(0, dB(t) - dB(t-1)) at the same bin: speech has onsets, stationary noise not. */
    HIGHER_MEAN_FLUX {
        @Override
        public double score(TfMatrix db, int bin, int frame) {
            return frame == 0 ? 0.0 : Math.max(0.0, db.get(bin, frame) - db.get(bin, frame - 1));
        }
    };

    private static final double TIE = 1e-9;

    public abstract double score(TfMatrix db, int bin, int frame);

    /**
     * The raw cluster (0..k-1) that is speech, given each point's raw label and score; -1 when only one
     * cluster occurs.
     */
    public static int speechCluster(int[] raw, double[] score, int k) {
        double[] sum = new double[k];
        long[] n = new long[k];
        for (int i = 0; i < raw.length; i++) {
            sum[raw[i]] += score[i];
            n[raw[i]]++;
        }
        int best = -1;
        int present = 0;
        for (int c = 0; c < k; c++) {
            if (n[c] == 0) {
                continue;
            }
            present++;
            if (best < 0) {
                best = c;
                continue;
            }
            double mc = sum[c] / n[c];
            double mb = sum[best] / n[best];
            if (mc > mb + TIE || Math.abs(mc - mb) <= TIE && n[c] < n[best]) {
                best = c;
            }
        }
        return present < 2 ? -1 : best;
    }

    /**
     * Writes the role of each point of one partition into {@code roles[offset..]}: {@link LabelGrid#SPEECH} for the
     * {@link #speechCluster}, {@link LabelGrid#NOISE} for the rest.
     */
    static void writeRoles(int[] raw, double[] score, int k, int[] roles, int offset) {
        writeRoles(raw, speechCluster(raw, score, k), roles, offset);
    }

    /** As {@link #writeRoles(int[], double[], int, int[], int)} with the speech cluster known (-1: none). */
    static void writeRoles(int[] raw, int speech, int[] roles, int offset) {
        for (int i = 0; i < raw.length; i++) {
            roles[offset + i] = raw[i] == speech ? LabelGrid.SPEECH : LabelGrid.NOISE;
        }
    }
}
