package org.ncw.ui.history;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The run history: one line per run (number, time, runtime, a pin toggle, ⚠ for degenerate clustering), its
 * best score and the settings that differ from the defaults. Select two and Compare; Restore applies a run's
 * settings; Export writes the selected runs.
 */
public final class HistoryView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private final ListView<HistoryEntry> list = new ListView<>();

    /**
     * @param compare runs with the two runs selected
     * @param export  runs with the runs selected
     */
    public HistoryView(HistoryViewModel model, java.util.function.BiConsumer<HistoryEntry, HistoryEntry> compare,
                       Consumer<List<HistoryEntry>> export) {
        getStyleClass().addAll("results-view", "history-view");
        setId("history");
        Label title = new Label("History");
        title.getStyleClass().add("panel-title");
        Label hint = new Label("select two → Compare · ★ pin · ⚠ clustering warning");
        hint.getStyleClass().add("panel-hint");
        list.setId("history-list");
        list.setItems(model.entries());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new EntryCell(model));
        list.setPlaceholder(new Label("No runs yet"));
        model.entries().addListener((ListChangeListener<HistoryEntry>) c -> {
            if (list.getSelectionModel().getSelectedItems().isEmpty() && !model.entries().isEmpty()) {
                list.scrollTo(model.entries().size() - 1);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button cmp = button("Compare", "btn-history-compare", "Compare the two selected runs side by side", () -> {
            List<HistoryEntry> s = selected();
            compare.accept(s.get(0), s.get(1));
        });
        Button restore = button("Restore", "btn-history-restore", "Apply the selected run's settings to the "
                + "parameter panel (Ctrl+Z undoes it)", () -> model.restore(selected().get(0)));
        Button pin = button("Pin", "btn-history-pin", "Pin or unpin the selected runs (pinned runs survive "
                + "Clear unpinned and keep their results in memory)", () -> selected()
                .forEach(e -> model.togglePinned(e.id())));
        Button clear = button("Clear unpinned", "btn-history-clear", "Remove every run that is not pinned",
                model::clearUnpinned);
        Button exp = button("Export…", "btn-history-export", "Export the selected runs: their results, "
                + "experiment files and a manifest", () -> export.accept(selected()));
        Runnable update = () -> {
            int n = list.getSelectionModel().getSelectedItems().size();
            cmp.setDisable(n != 2);
            restore.setDisable(n != 1);
            pin.setDisable(n == 0);
            exp.setDisable(n == 0);
        };
        list.getSelectionModel().getSelectedItems().addListener((ListChangeListener<HistoryEntry>) c -> update.run());
        update.run();
        FlowPane buttons = new FlowPane(4, 4, cmp, restore, pin, clear, exp);
        getChildren().addAll(title, hint, list, buttons);
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** The selected runs, oldest first. */
    public List<HistoryEntry> selected() {
        return list.getSelectionModel().getSelectedItems().stream()
                .sorted(java.util.Comparator.comparingInt(HistoryEntry::id)).toList();
    }

    public ListView<HistoryEntry> list() {
        return list;
    }

    private static final class EntryCell extends ListCell<HistoryEntry> {
        private final HistoryViewModel model;

        EntryCell(HistoryViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(HistoryEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label id = new Label("#" + e.id());
            id.getStyleClass().add("result-key");
            Label when = new Label(TIME.format(e.when()) + String.format(Locale.ROOT, " · %.2f s", e.seconds()));
            when.getStyleClass().add("result-name");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            ToggleButton pin = new ToggleButton(e.pinned() ? "★" : "☆");
            pin.setSelected(e.pinned());
            pin.getStyleClass().add("history-pin");
            pin.setId("history-pin-" + e.id());
            pin.setFocusTraversable(false);
            pin.setTooltip(new Tooltip(e.pinned() ? "Pinned: kept by Clear unpinned" : "Pin this run"));
            pin.setOnAction(x -> model.setPinned(e.id(), pin.isSelected()));
            HBox top = new HBox(6, id, when, spacer);
            top.setAlignment(Pos.CENTER_LEFT);
            if (e.degenerate()) {
                Label warn = new Label("⚠");
                warn.getStyleClass().add("history-warning");
                warn.setTooltip(new Tooltip(String.format(Locale.ROOT, "%.0f %% of the clustering problems are "
                        + "degenerate%s", e.run().degeneratePercent(), e.run().warnings().isEmpty() ? ""
                        : "\n" + String.join("\n", e.run().warnings()))));
                top.getChildren().add(warn);
            }
            top.getChildren().add(pin);
            Label scores = new Label(e.scoreSummary());
            scores.getStyleClass().add(e.scoreSummary().equals("not scored") ? "result-metrics-unscored"
                    : "result-metrics");
            Label settings = new Label(e.settingsSummary());
            settings.getStyleClass().add("result-settings");
            settings.setTooltip(new Tooltip(e.settingsSummary()));
            for (Label l : new Label[] {when, scores, settings}) {
                l.setMinWidth(0); // ellipsised in a narrow panel, so the pin toggle stays in view
            }
            HBox.setHgrow(when, Priority.SOMETIMES);
            VBox box = new VBox(1, top, scores, settings);
            if (getListView() != null) {
                box.prefWidthProperty().bind(getListView().widthProperty().subtract(26));
                box.maxWidthProperty().bind(box.prefWidthProperty());
            }
            setGraphic(box);
            setText(null);
        }
    }
}
