package org.ncw.ui.history;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ncw.ui.spectrogram.SpectrogramView;
import org.ncw.ui.timeline.TimeViewport;

/**
 * Two runs side by side: the settings that differ, both runs' scores per result, each run's labels over the
 * recording's spectrogram (the main view's rendering, one time axis), and A/B between the runs' same result at the
 * same position.
 */
public final class CompareView extends BorderPane {
    /** One result's scores in both runs. */
    public record ScoreRow(String name, String a, String b) {
    }

    private final TableView<HistoryViewModel.Difference> diff = new TableView<>();
    private final TableView<ScoreRow> scores = new TableView<>();
    private final SpectrogramView viewA;
    private final SpectrogramView viewB;

    public CompareView(CompareViewModel model, TimeViewport viewport, DoubleConsumer seek, Runnable backToResults) {
        getStyleClass().add("compare-view");
        setId("compare");
        Label status = new Label();
        status.setId("compare-status");
        status.getStyleClass().add("panel-hint");
        status.textProperty().bind(model.statusProperty());

        ToggleGroup group = new ToggleGroup();
        ToggleButton a = new ToggleButton("A");
        a.setId("btn-compare-a");
        ToggleButton b = new ToggleButton("B");
        b.setId("btn-compare-b");
        a.setToggleGroup(group);
        b.setToggleGroup(group);
        a.setOnAction(e -> model.listen(CompareViewModel.Side.A));
        b.setOnAction(e -> model.listen(CompareViewModel.Side.B));
        model.heardProperty().addListener((o, x, side) -> {
            a.setSelected(side == CompareViewModel.Side.A);
            b.setSelected(side == CompareViewModel.Side.B);
        });
        model.aProperty().addListener((o, x, e) -> a.setText(e == null ? "A" : "A · run #" + e.id()));
        model.bProperty().addListener((o, x, e) -> b.setText(e == null ? "B" : "B · run #" + e.id()));
        Button toggle = new Button("A/B");
        toggle.setId("btn-compare-ab");
        toggle.setTooltip(new Tooltip("Switch between the two runs at the same position (level-matched like the "
                + "results' A/B)"));
        toggle.setOnAction(e -> model.toggle());
        ComboBox<String> output = new ComboBox<>(model.outputs());
        output.setId("compare-output");
        output.valueProperty().bindBidirectional(model.outputProperty());
        output.setTooltip(new Tooltip("Which result of each run A/B plays"));
        Button back = new Button("Back to results");
        back.setTooltip(new Tooltip("Hear the result chosen in the results list again"));
        back.setOnAction(e -> backToResults.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, new Label("Listen to"), output, a, b, toggle, back, spacer, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.getStyleClass().add("compare-bar");

        diff.setId("compare-diff");
        diff.setItems(model.differences());
        diff.getColumns().add(column("Setting that differs", 170, HistoryViewModel.Difference::label));
        diff.getColumns().add(column("A", 110, HistoryViewModel.Difference::a));
        diff.getColumns().add(column("B", 110, HistoryViewModel.Difference::b));
        diff.setPlaceholder(new Label("No setting differs"));
        diff.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        scores.setId("compare-scores");
        scores.getColumns().add(column("Result", 90, ScoreRow::name));
        scores.getColumns().add(column("A: SI-SDR · STOI · s", 150, ScoreRow::a));
        scores.getColumns().add(column("B: SI-SDR · STOI · s", 150, ScoreRow::b));
        scores.setPlaceholder(new Label("—"));
        scores.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Runnable fillScores = () -> {
            HistoryEntry ea = model.aProperty().get();
            HistoryEntry eb = model.bProperty().get();
            scores.getItems().clear();
            if (ea == null || eb == null) {
                return;
            }
            for (HistoryEntry.Score s : ea.outputs()) {
                HistoryEntry.Score t = eb.output(s.name());
                scores.getItems().add(new ScoreRow(s.name(), text(s), t == null ? "—" : text(t)));
            }
            for (HistoryEntry.Score t : eb.outputs()) {
                if (ea.output(t.name()) == null) {
                    scores.getItems().add(new ScoreRow(t.name(), "—", text(t)));
                }
            }
        };
        model.aProperty().addListener(o -> fillScores.run());
        model.bProperty().addListener(o -> fillScores.run());
        HBox tables = new HBox(6, diff, scores);
        HBox.setHgrow(diff, Priority.ALWAYS);
        HBox.setHgrow(scores, Priority.ALWAYS);
        tables.setPadding(new Insets(4));
        tables.setMinHeight(90);

        viewA = new SpectrogramView(model.spectrogramA(), viewport, seek);
        viewA.setId("compare-spectrogram-a");
        viewB = new SpectrogramView(model.spectrogramB(), viewport, seek);
        viewB.setId("compare-spectrogram-b");
        Label la = caption(model, true);
        Label lb = caption(model, false);
        VBox boxA = new VBox(la, viewA);
        VBox boxB = new VBox(lb, viewB);
        VBox.setVgrow(viewA, Priority.ALWAYS);
        VBox.setVgrow(viewB, Priority.ALWAYS);
        SplitPane split = new SplitPane(tables, boxA, boxB);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3, 0.65);
        setTop(bar);
        setCenter(split);
    }

    private static Label caption(CompareViewModel model, boolean first) {
        Label l = new Label();
        l.getStyleClass().add("compare-caption");
        l.setPadding(new Insets(2, 6, 2, 6));
        var prop = first ? model.aProperty() : model.bProperty();
        prop.addListener((o, x, e) -> l.setText(e == null ? "" : (first ? "A" : "B") + " · run #" + e.id() + " · "
                + e.settingsSummary() + " · " + String.format(Locale.ROOT, "%.1f %% speech bins",
                100 * e.speechFraction())));
        return l;
    }

    private static String text(HistoryEntry.Score s) {
        return Double.isNaN(s.siSdr()) ? String.format(Locale.ROOT, "— · — · %.2f", s.seconds())
                : String.format(Locale.ROOT, "%.2f dB · %.3f · %.2f", s.siSdr(), s.stoi(), s.seconds());
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    public TableView<HistoryViewModel.Difference> diffTable() {
        return diff;
    }

    public SpectrogramView spectrogramA() {
        return viewA;
    }

    public SpectrogramView spectrogramB() {
        return viewB;
    }
}
