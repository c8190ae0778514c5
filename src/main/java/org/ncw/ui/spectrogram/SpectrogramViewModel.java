package org.ncw.ui.spectrogram;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.analysis.Spectrum;

/** State of the spectrogram view: what to draw and how (gain, range, axis scale, window, overlay). */
public final class SpectrogramViewModel {
    private final ObjectProperty<Spectrum> spectrum = new SimpleObjectProperty<>();
    private final ObjectProperty<LabelGrid> labels = new SimpleObjectProperty<>();
    private final ObjectProperty<Spectrum> labelGeometry = new SimpleObjectProperty<>();
    private final DoubleProperty gainDb = new SimpleDoubleProperty(0);
    private final DoubleProperty rangeDb = new SimpleDoubleProperty(80);
    private final BooleanProperty logFrequency = new SimpleBooleanProperty(false);
    private final IntegerProperty windowSize = new SimpleIntegerProperty(1024);
    private final BooleanProperty overlayVisible = new SimpleBooleanProperty(true);
    private final DoubleProperty overlayOpacity = new SimpleDoubleProperty(SpectrogramRaster.LABEL_ALPHA);
    private final ObjectProperty<ColorMap.Named> colorMap = new SimpleObjectProperty<>(ColorMap.Named.MAGMA);
    private final DoubleProperty freqLowHz = new SimpleDoubleProperty(0);
    private final DoubleProperty freqHighHz = new SimpleDoubleProperty(Double.POSITIVE_INFINITY);
    private final javafx.beans.property.StringProperty readout = new javafx.beans.property.SimpleStringProperty("");

    public ObjectProperty<Spectrum> spectrumProperty() {
        return spectrum;
    }

    public ObjectProperty<LabelGrid> labelsProperty() {
        return labels;
    }

    /** The grid the labels live on (the clustering spectrogram), to map them to seconds and hertz. */
    public ObjectProperty<Spectrum> labelGeometryProperty() {
        return labelGeometry;
    }

    public DoubleProperty gainDbProperty() {
        return gainDb;
    }

    public DoubleProperty rangeDbProperty() {
        return rangeDb;
    }

    public BooleanProperty logFrequencyProperty() {
        return logFrequency;
    }

    public IntegerProperty windowSizeProperty() {
        return windowSize;
    }

    public BooleanProperty overlayVisibleProperty() {
        return overlayVisible;
    }

    /** How strongly the label colours cover the spectrogram, 0 (not at all) to 1. */
    public DoubleProperty overlayOpacityProperty() {
        return overlayOpacity;
    }

    public ObjectProperty<ColorMap.Named> colorMapProperty() {
        return colorMap;
    }

    /** Bottom of the visible frequency band in Hz (0: from the bottom of the axis). */
    public DoubleProperty freqLowHzProperty() {
        return freqLowHz;
    }

    /** Top of the visible frequency band in Hz (infinity: up to Nyquist). */
    public DoubleProperty freqHighHzProperty() {
        return freqHighHz;
    }

    /** The visible band as the current spectrum maps it; null without a spectrum. */
    public FrequencyAxis frequencyAxis() {
        Spectrum s = spectrum.get();
        return s == null ? null : FrequencyAxis.of(s, logFrequency.get(), freqLowHz.get(), freqHighHz.get());
    }

    /** Zooms the frequency band by {@code factor} (&lt; 1 zooms in) keeping {@code anchorHz} where it is. */
    public void zoomFrequency(double factor, double anchorHz) {
        FrequencyAxis axis = frequencyAxis();
        if (axis == null) {
            return;
        }
        double[] band = axis.zoom(spectrum.get(), factor, anchorHz);
        FrequencyAxis full = FrequencyAxis.full(spectrum.get(), logFrequency.get());
        freqLowHz.set(band[0] <= full.low() + 1e-9 ? 0 : band[0]);
        freqHighHz.set(band[1] >= full.high() - 1e-9 ? Double.POSITIVE_INFINITY : band[1]);
    }

    /** Shows the whole frequency range again. */
    public void fitFrequency() {
        freqLowHz.set(0);
        freqHighHz.set(Double.POSITIVE_INFINITY);
    }

    /** What is under the pointer: time, frequency, level and label (empty when the pointer is elsewhere). */
    public javafx.beans.property.StringProperty readoutProperty() {
        return readout;
    }
}
