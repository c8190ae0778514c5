package org.ncw.ui.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.analysis.Spectrum;

/**
 * What one "Export all" writes into {@code folder}: the chosen outputs as WAV (16-bit or float), the label grid
 * (CSV), the 3D table (TSV), view snapshots (PNG, taken on the FX thread beforehand) and the parameters (JSON).
 */
public record ExportRequest(Path folder, List<Output> outputs, boolean float32, Spectrum spectrum, LabelGrid labels,
                            ParameterSet parameters, String inputName, Map<String, BufferedImage> views) {
}
