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

    /** What is under the pointer: time, frequency, level and label (empty when the pointer is elsewhere). */
    public javafx.beans.property.StringProperty readoutProperty() {
        return readout;
    }
}
