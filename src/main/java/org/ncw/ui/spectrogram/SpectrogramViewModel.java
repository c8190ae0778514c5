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
}
