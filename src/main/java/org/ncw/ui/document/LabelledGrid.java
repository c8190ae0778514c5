package org.ncw.ui.document;

import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.analysis.Spectrum;

/** Labels with the clustering grid they were computed on, published together so no view pairs them wrongly. */
public record LabelledGrid(Spectrum grid, LabelGrid labels) {
}
