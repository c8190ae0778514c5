package org.ncw.ui.params;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.analysis.ParamSpec;
import org.ncw.ui.analysis.ParameterSet;

/**
 * The parameter panel's state: the text of every field, its error (empty when valid), and the last valid
 * {@link ParameterSet}. An invalid field keeps its error and leaves the parameter set unchanged.
 */
public final class ParamsViewModel {
    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private boolean loading;
    private final ReadOnlyObjectWrapper<ParameterSet> parameters = new ReadOnlyObjectWrapper<>(ParamCatalog.defaults());

    public ParamsViewModel() {
        for (ParamSpec spec : ParamCatalog.all()) {
            StringProperty t = new SimpleStringProperty(spec.format(spec.defaultValue()));
            StringProperty e = new SimpleStringProperty("");
            text.put(spec.key(), t);
            errors.put(spec.key(), e);
            t.addListener((o, a, b) -> edited(spec, b));
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
                parameters.set(candidate);
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

    /** Shows a loaded (already validated) parameter set in the fields and publishes it. */
    public void load(ParameterSet set) {
        loading = true;
        try {
            for (ParamSpec spec : ParamCatalog.all()) {
                text.get(spec.key()).set(spec.format(set.get(spec.key())));
                errors.get(spec.key()).set("");
            }
        } finally {
            loading = false;
        }
        parameters.set(set);
    }
}
