package org.ncw.engine.dataset;

import org.ncw.engine.dsp.SpectrogramMatrix;

import java.util.Objects;

/**
 * The spectrogram as a table with one row per time-frequency bin: frame index, bin index, intensity (plus
 * time_s and freq_hz from the axes, and optionally the bin's distance in Hz to the recording's spectral centroid).
 * Rows are ordered frame-major: row r is frame {@code r / bins}, bin {@code r % bins}.
 *
 * @param centroidDistanceHz one value per row, or null when the table has no such column
 */
public record Table3D(SpectrogramMatrix matrix, double[] centroidDistanceHz) {
    public Table3D {
        Objects.requireNonNull(matrix, "matrix");
        if (centroidDistanceHz != null && centroidDistanceHz.length != matrix.values().values().length) {
            throw new IllegalArgumentException("centroidDistanceHz has " + centroidDistanceHz.length
                    + " entries, expected one per row: " + matrix.values().values().length);
        }
    }

    public static Table3D of(SpectrogramMatrix matrix) {
        return new Table3D(matrix, null);
    }

    /** With the extra column |freq_hz - centroidHz|. */
    public static Table3D withCentroidDistance(SpectrogramMatrix matrix, double centroidHz) {
        return new Table3D(matrix, SpectralCentroid.distancesHz(matrix.axes(), centroidHz));
    }

    public boolean hasCentroidDistance() {
        return centroidDistanceHz != null;
    }

    public int rowCount() {
        return matrix.values().values().length;
    }

    public int frame(int row) {
        return row / matrix.bins();
    }

    public int bin(int row) {
        return row % matrix.bins();
    }

    public double timeSeconds(int row) {
        return matrix.axes().timeSeconds(frame(row));
    }

    public double frequencyHz(int row) {
        return matrix.axes().frequencyHz(bin(row));
    }

    public double intensity(int row) {
        return matrix.values().values()[row];
    }

    public double centroidDistanceHz(int row) {
        if (centroidDistanceHz == null) {
            throw new IllegalStateException("this table has no centroid distance column");
        }
        return centroidDistanceHz[row];
    }
}
