package org.ncw.ui.scatter;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.analysis.Spectrum;

/** State of the 3D-table views: the clustering grid, its labels, and the colouring. */
public final class ScatterViewModel {
    public enum Coloring {
        LABEL, INTENSITY;

        @Override
        public String toString() {
            return this == LABEL ? "by label" : "by intensity";
        }
    }

    private final ObjectProperty<Spectrum> spectrum = new SimpleObjectProperty<>();
    private final ObjectProperty<LabelGrid> labels = new SimpleObjectProperty<>();
    private final ObjectProperty<Coloring> coloring = new SimpleObjectProperty<>(Coloring.LABEL);

    public ObjectProperty<Spectrum> spectrumProperty() {
        return spectrum;
    }

    public ObjectProperty<LabelGrid> labelsProperty() {
        return labels;
    }

    public ObjectProperty<Coloring> coloringProperty() {
        return coloring;
    }
}
