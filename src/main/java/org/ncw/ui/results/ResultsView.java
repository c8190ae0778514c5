package org.ncw.ui.results;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ncw.ui.analysis.Output;

/** The results list: key number, name, scores, runtime and settings; the tick box chooses it for export. */
public final class ResultsView extends VBox {
    private final ListView<Output> list = new ListView<>();

    public ResultsView(ResultsViewModel model) {
        getStyleClass().add("results-view");
        Label title = new Label("Results");
        title.getStyleClass().add("panel-title");
        Label hint = new Label("1–9 choose · A toggles A/B · tick = export");
        hint.getStyleClass().add("panel-hint");
        list.setId("results-list");
        list.setItems(model.items());
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new ResultCell(model));
        model.selectedIndexProperty().addListener((o, a, b) -> {
            if (list.getSelectionModel().getSelectedIndex() != b.intValue()) {
                list.getSelectionModel().select(b.intValue());
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                model.selectedIndexProperty().set(b.intValue());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, hint, list);
    }

    private static final class ResultCell extends ListCell<Output> {
        private final ResultsViewModel model;

        ResultCell(ResultsViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(Output o, boolean empty) {
            super.updateItem(o, empty);
            if (empty || o == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label key = new Label(getIndex() < 9 ? String.valueOf(getIndex() + 1) : "");
            key.getStyleClass().add("result-key");
            Label name = new Label(o.name());
            name.getStyleClass().add("result-name");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            CheckBox export = new CheckBox();
            export.setSelected(model.exportNames().contains(o.name()));
            export.selectedProperty().addListener((x, a, b) -> model.setExported(o.name(), b));
            export.setTooltip(new Tooltip("include in export"));
            HBox top = new HBox(8, key, name, spacer, export);
            top.setAlignment(Pos.CENTER_LEFT);
            String scores = Double.isNaN(o.siSdr()) ? "no clean reference"
                    : String.format(Locale.ROOT, "SI-SDR %.1f dB", o.siSdr())
                    + (Double.isNaN(o.stoi()) ? "" : String.format(Locale.ROOT, " · STOI %.2f", o.stoi()))
                    + (Double.isNaN(o.estoi()) ? "" : String.format(Locale.ROOT, " · ESTOI %.2f", o.estoi()));
            Label metrics = new Label(scores + (o.kind() == Output.Kind.ORIGINAL ? ""
                    : String.format(Locale.ROOT, " · %.0f ms", o.runtimeSeconds() * 1000)));
            metrics.getStyleClass().add(Double.isNaN(o.siSdr()) ? "result-metrics-unscored" : "result-metrics");
            Label settings = new Label(o.settings());
            settings.getStyleClass().add("result-settings");
            settings.setWrapText(true);
            settings.setMaxWidth(250);
            VBox box = new VBox(2, top, metrics, settings);
            setTooltip(new Tooltip(o.settings()));
            setText(null);
            setGraphic(box);
        }
    }
}
