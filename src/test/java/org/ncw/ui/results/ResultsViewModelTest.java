package org.ncw.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;
import org.ncw.ui.analysis.Output;

class ResultsViewModelTest {
    private static Output out(String name, Output.Kind kind) {
        return new Output(name, kind, new Signal(new double[8], 8000), "", 0, Double.NaN, Double.NaN);
    }

    private static final List<Output> RUN = List.of(out("Original", Output.Kind.ORIGINAL),
            out("Speech", Output.Kind.SPEECH), out("Residue", Output.Kind.RESIDUE));

    @Test
    void numberKeysSelectAndAbGoesBackToThePreviousResult() {
        ResultsViewModel m = new ResultsViewModel();
        m.setAll(RUN);
        assertEquals("Original", m.selectedProperty().get().name());
        m.selectNumber(3);
        assertEquals("Residue", m.selectedProperty().get().name());
        m.selectNumber(2);
        m.toggleAB();
        assertEquals("Residue", m.selectedProperty().get().name());
        m.toggleAB();
        assertEquals("Speech", m.selectedProperty().get().name());
        m.selectNumber(9);
        assertEquals("Speech", m.selectedProperty().get().name(), "no 9th result: ignored");
    }

    @Test
    void aNewRunKeepsTheSelectionByNameAndTheExportChoice() {
        ResultsViewModel m = new ResultsViewModel();
        m.setAll(RUN);
        m.selectNumber(2);
        m.setExported("Residue", false);
        List<Output> next = List.of(out("Original", Output.Kind.ORIGINAL), out("Production", Output.Kind.PRODUCTION),
                out("Speech", Output.Kind.SPEECH), out("Residue", Output.Kind.RESIDUE));
        m.setAll(next);
        assertEquals("Speech", m.selectedProperty().get().name());
        assertTrue(m.selectedProperty().get() == next.get(2), "the new run's signal is heard");
        assertFalse(m.exportNames().contains("Residue"));
        assertTrue(m.exportNames().containsAll(List.of("Original", "Production", "Speech")));
    }
}
