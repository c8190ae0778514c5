package org.ncw.ui.scatter;

import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.analysis.Spectrum;

/**
 * Rows of the 3D table (time s, frequency Hz, intensity dB, label) chosen for drawing: bins quieter than
 * {@code floorBelowMaxDb} under the loudest bin are left out (as in the study's table), and the rest are taken
 * on a regular (frame, bin) lattice so at most {@code maxPoints} remain. A regular lattice keeps the density and
 * the label proportions of every region, so the drawing is faithful, only sparser. Labels whose grid differs
 * from the spectrum's are ignored (every point unlabelled).
 */
public record ScatterPoints(float[] seconds, float[] hertz, float[] db, int[] labels, int count, int stride,
                            double minDb, double maxDb, double maxHz, double frameSeconds, double binHz) {

    public static ScatterPoints sample(Spectrum s, LabelGrid labels, double floorBelowMaxDb, int maxPoints) {
        double[] v = s.db().values();
        int bins = s.db().bins();
        int frames = s.db().frames();
        double max = s.db().max();
        // labels of another grid (a run on the previous recording or resolution) are not drawn on these axes
        LabelGrid own = labels != null && labels.bins() == bins && labels.frames() == frames ? labels : null;
        double floor = max - floorBelowMaxDb;
        int kept = 0;
        for (double x : v) {
            kept += x >= floor ? 1 : 0;
        }
        int stride = Math.max(1, (int) Math.ceil(Math.sqrt(kept / (double) maxPoints)));
        int cap = (frames / stride + 1) * (bins / stride + 1);
        float[] t = new float[cap];
        float[] f = new float[cap];
        float[] d = new float[cap];
        int[] l = new int[cap];
        int n = 0;
        for (int fr = 0; fr < frames; fr += stride) {
            for (int b = 0; b < bins; b += stride) {
                double x = v[fr * bins + b];
                if (x < floor) {
                    continue;
                }
                t[n] = (float) s.frameSeconds(fr);
                f[n] = (float) s.binHz(b);
                d[n] = (float) x;
                l[n] = own == null ? -1 : own.get(b, fr);
                n++;
            }
        }
        return new ScatterPoints(t, f, d, l, n, stride, floor, max, s.nyquist(), s.secondsPerFrame(), s.hzPerBin());
    }
}
