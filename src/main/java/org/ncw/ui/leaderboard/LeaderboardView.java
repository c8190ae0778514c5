package org.ncw.ui.leaderboard;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.ncw.engine.sweep.LeaderboardFile;

/** A sweep leaderboard's rows (rank, scores, settings, runtime, diagnostics) and "Load as run". */
public final class LeaderboardView extends BorderPane {
    private final TableView<LeaderboardFile.Row> table = new TableView<>();

    public LeaderboardView(LeaderboardViewModel model) {
        getStyleClass().add("leaderboard");
        setId("leaderboard");
        table.setId("leaderboard-table");
        table.setItems(model.rows());
        table.getColumns().add(column("Rank", 50, r -> String.valueOf(r.rank())));
        table.getColumns().add(column("Setting", 60, LeaderboardFile.Row::setting));
        table.getColumns().add(column("Swept values", 260, r -> r.label().isEmpty() ? "(base)" : r.label()));
        table.getColumns().add(column("Method", 150, LeaderboardFile.Row::method));
        table.getColumns().add(column("SI-SDR dB", 80, r -> num(r.siSdr(), 2)));
        table.getColumns().add(column("STOI", 60, r -> num(r.stoi(), 3)));
        table.getColumns().add(column("s / run", 60, r -> num(r.seconds(), 2)));
        table.getColumns().add(column("Degenerate", 80, r -> Double.isNaN(r.degeneratePercent()) ? ""
                : num(r.degeneratePercent(), 0) + " %" + (r.degeneratePercent() > 50 ? " ⚠" : "")));
        table.getColumns().add(column("Warnings", 70, r -> r.warnings() == 0 ? "" : r.warnings() + " ⚠"));
        table.getColumns().add(column("Files", 160, r -> String.join(", ", r.files())));
        table.getColumns().add(column("Error", 160, LeaderboardFile.Row::error));
        table.setPlaceholder(new Label("No rows"));
        Button load = new Button("Load as run");
        load.setId("btn-load-as-run");
        load.setTooltip(new javafx.scene.control.Tooltip("Apply the chosen row's settings to the open recording "
                + "and run them (the run joins the history; Ctrl+Z undoes the settings)"));
        load.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        load.setOnAction(e -> model.loadAsRun(table.getSelectionModel().getSelectedItem()));
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<LeaderboardFile.Row> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.loadAsRun(row.getItem());
                }
            });
            return row;
        });
        Label title = new Label();
        title.textProperty().bind(model.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, load);
        bar.setPadding(new Insets(6));
        setTop(bar);
        setCenter(table);
    }

    public TableView<LeaderboardFile.Row> table() {
        return table;
    }

    private static TableColumn<LeaderboardFile.Row, String> column(String title, double width,
                                                                    Function<LeaderboardFile.Row, String> value) {
        TableColumn<LeaderboardFile.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
