package org.ncw.ui.params;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.analysis.ParamSpec;
import org.ncw.ui.analysis.ParameterSet;

/**
 * The parameter panel's state: the text of every field, its error (empty when valid), and the last valid
 * {@link ParameterSet}. An invalid field keeps its error and leaves the parameter set unchanged. Every change of
 * the parameter set can be undone and redone.
 */
public final class ParamsViewModel {
    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private boolean loading;
    private final Deque<ParameterSet> undo = new ArrayDeque<>();
    private final Deque<ParameterSet> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ParameterSet> parameters = new ReadOnlyObjectWrapper<>(ParamCatalog.defaults());
    private final Map<String, ReadOnlyBooleanWrapper> applicable = new LinkedHashMap<>();

    public ParamsViewModel() {
        for (ParamSpec spec : ParamCatalog.all()) {
            StringProperty t = new SimpleStringProperty(spec.format(spec.defaultValue()));
            StringProperty e = new SimpleStringProperty("");
            text.put(spec.key(), t);
            errors.put(spec.key(), e);
            applicable.put(spec.key(), new ReadOnlyBooleanWrapper(true));
            t.addListener((o, a, b) -> edited(spec, b));
        }
        parameters.addListener((o, a, b) -> updateApplicable(b));
        updateApplicable(parameters.get());
    }

    /**
     * Whether a field has any effect with the other values: the spectral graph's settings only with the spectral
     * algorithm (k-means, Ward and GMM cluster the features directly), the gamma mode only with the rbf affinity,
     * the gamma value only with rbf and the mode "value", kNN k only with kNN.
     */
    public ReadOnlyBooleanProperty applicableProperty(String key) {
        return Objects.requireNonNull(applicable.get(key), key).getReadOnlyProperty();
    }

    private void updateApplicable(ParameterSet p) {
        boolean spectral = "spectral".equals(p.text("algorithm"));
        boolean rbf = "rbf".equals(p.text("affinity"));
        boolean autoGamma = "auto".equals(p.text("gammaMode"));
        for (String key : ParamCatalog.SPECTRAL_ONLY) {
            boolean on = switch (key) {
                case "gammaMode" -> spectral && rbf;
                case "gamma" -> spectral && rbf && !autoGamma;
                case "neighbors" -> spectral && !rbf;
                default -> spectral;
            };
            applicable.get(key).set(on);
        }
    }

    private void edited(ParamSpec spec, String value) {
        if (loading) {
            return;
        }
        try {
            Object v = spec.parse(value);
            ParameterSet candidate = parameters.get().with(spec.key(), v);
            ParamCatalog.checkCombination(candidate);
            errors.get(spec.key()).set("");
            if (!Objects.equals(parameters.get().get(spec.key()), v)) {
                publish(candidate);
            }
        } catch (IllegalArgumentException ex) {
            errors.get(spec.key()).set(ex.getMessage());
            return;
        }
        // a field rejected only in combination (e.g. an amount while there was no gate) may fit now
        for (ParamSpec other : ParamCatalog.all()) {
            if (!errors.get(other.key()).get().isEmpty()) {
                edited(other, text.get(other.key()).get());
            }
        }
    }

    public StringProperty textProperty(String key) {
        return Objects.requireNonNull(text.get(key), key);
    }

    public StringProperty errorProperty(String key) {
        return Objects.requireNonNull(errors.get(key), key);
    }

    /** The last valid values; changes whenever a field gets a new valid value. */
    public ReadOnlyObjectProperty<ParameterSet> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public boolean hasErrors() {
        return errors.values().stream().anyMatch(e -> !e.get().isEmpty());
    }

    /** Shows a loaded (already validated) parameter set in the fields and publishes it (undoable). */
    public void load(ParameterSet set) {
        if (set.equals(parameters.get())) {
            return;
        }
        show(set);
        publish(set);
    }

    /** Back to the built-in defaults (undoable). */
    public void resetToDefaults() {
        load(ParamCatalog.defaults());
    }

    /** Back to the parameters before the last change; false when there is nothing to undo. */
    public boolean undo() {
        return step(undo, redo);
    }

    /** Re-applies the last undone change; false when there is nothing to redo. */
    public boolean redo() {
        return step(redo, undo);
    }

    private boolean step(Deque<ParameterSet> from, Deque<ParameterSet> to) {
        if (from.isEmpty()) {
            return false;
        }
        ParameterSet target = from.pop();
        to.push(parameters.get());
        show(target);
        parameters.set(target);
        updateHistoryFlags();
        return true;
    }

    private void publish(ParameterSet next) {
        undo.push(parameters.get());
        redo.clear();
        parameters.set(next);
        updateHistoryFlags();
    }

    private void show(ParameterSet set) {
        loading = true;
        try {
            for (ParamSpec spec : ParamCatalog.all()) {
                text.get(spec.key()).set(spec.format(set.get(spec.key())));
                errors.get(spec.key()).set("");
            }
        } finally {
            loading = false;
        }
    }

    private void updateHistoryFlags() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
