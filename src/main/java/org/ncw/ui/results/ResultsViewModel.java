package org.ncw.ui.results;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.ncw.ui.analysis.Output;

/**
 * The results list: every output of the last run, which one is heard (selected), the other side of the A/B
 * pair, and which names are ticked for export. A new run keeps the selection by name.
 */
public final class ResultsViewModel {
    private final ObservableList<Output> items = FXCollections.observableArrayList();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<Output> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<String> exportNames = FXCollections.observableSet();
    private final ObservableSet<String> exportOff = FXCollections.observableSet();
    private String otherName;
    private String[] pending; // heard, compared: a selection to restore once both are listed
    private Runnable pendingDone;

    public ResultsViewModel() {
        selectedIndex.addListener((o, a, b) -> {
            Output prev = selected.get();
            int i = b.intValue();
            Output next = i >= 0 && i < items.size() ? items.get(i) : null;
            if (prev != null && next != null && !prev.name().equals(next.name())) {
                otherName = prev.name();
            }
            selected.set(next);
        });
    }

    /**
     * The two results A/B compares, in list order: the one heard and the one heard before it (or, before any
     * switch, the one {@link #toggleAB()} would go to); one result alone when there is no other; empty when none.
     */
    public java.util.List<Output> abPair() {
        Output now = selected.get();
        if (now == null) {
            return java.util.List.of();
        }
        int other = otherName == null ? -1 : indexOf(otherName);
        if (other < 0 && items.size() > 1) {
            other = (items.indexOf(now) + 1) % items.size();
        }
        Output before = other >= 0 ? items.get(other) : now;
        if (before == now) {
            return java.util.List.of(now);
        }
        return items.indexOf(before) < items.indexOf(now) ? java.util.List.of(before, now)
                : java.util.List.of(now, before);
    }

    public ObservableList<Output> items() {
        return items;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public ReadOnlyObjectProperty<Output> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Names ticked for export (all by default; unticking is remembered across runs). */
    public ObservableSet<String> exportNames() {
        return exportNames;
    }

    public void setExported(String name, boolean on) {
        if (on) {
            exportOff.remove(name);
            exportNames.add(name);
        } else {
            exportOff.add(name);
            exportNames.remove(name);
        }
    }

    /** Replaces the list, keeping the selected and A/B names where they still exist. */
    public void setAll(List<Output> outputs) {
        String keep = selected.get() == null ? null : selected.get().name();
        exportNames.clear();
        outputs.stream().map(Output::name).filter(n -> !exportOff.contains(n)).forEach(exportNames::add);
        items.setAll(outputs);
        int index = keep == null ? -1 : indexOf(keep);
        int target = index >= 0 ? index : Math.min(outputs.size() - 1, defaultIndex(outputs));
        selectedIndex.set(-1);
        selectedIndex.set(target);
        applyPending();
    }

    /**
     * Selects {@code heard} with {@code compared} (null: none) as its A/B partner — now if both are listed, else
     * as soon as a new list has them (a reopened session's results appear with its first run); then runs
     * {@code done}. A later call replaces an earlier one still waiting.
     */
    public void restoreSelection(String heard, String compared, Runnable done) {
        pending = heard == null ? null : new String[] {heard, compared};
        pendingDone = done;
        applyPending();
    }

    private void applyPending() {
        if (pending == null || indexOf(pending[0]) < 0 || pending[1] != null && indexOf(pending[1]) < 0) {
            return;
        }
        String[] p = pending;
        Runnable done = pendingDone;
        pending = null;
        pendingDone = null;
        if (p[1] != null) {
            selectedIndex.set(indexOf(p[1]));
        }
        selectedIndex.set(indexOf(p[0]));
        if (done != null) {
            done.run();
        }
    }

    private static int defaultIndex(List<Output> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).kind() == Output.Kind.ORIGINAL) {
                return i;
            }
        }
        return 0;
    }

    private int indexOf(String name) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Number keys 1..9: selects the n-th result (1-based); ignored when there is none. */
    public void selectNumber(int n) {
        if (n >= 1 && n <= items.size()) {
            selectedIndex.set(n - 1);
        }
    }

    /** A/B: back to the previously heard result (or the next one when there is none yet). */
    public void toggleAB() {
        int other = otherName == null ? -1 : indexOf(otherName);
        if (other < 0 && !items.isEmpty()) {
            other = (selectedIndex.get() + 1) % items.size();
        }
        if (other >= 0) {
            selectedIndex.set(other);
        }
    }
}
