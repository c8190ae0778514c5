package org.ncw.ui.params;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.analysis.ParamSpec;
import org.ncw.ui.analysis.Stage;

/** One titled section per stage, one row per parameter; invalid text is outlined red with the reason below. */
public final class ParamsView extends ScrollPane {
    private final Map<String, Control> controls = new LinkedHashMap<>();

    private static final double VALUE_MIN_WIDTH = 160;

    public ParamsView(ParamsViewModel model) {
        getStyleClass().add("params-view");
        VBox sections = new VBox(6);
        sections.setPadding(new Insets(6));
        for (Stage stage : Stage.values()) {
            GridPane grid = new GridPane();
            grid.setHgap(6);
            grid.setVgap(2);
            ColumnConstraints c0 = new ColumnConstraints(118);
            ColumnConstraints c1 = new ColumnConstraints();
            c1.setHgrow(Priority.ALWAYS);
            c1.setMinWidth(VALUE_MIN_WIDTH); // the longest choice ("noisy+production") shows uncut
            c1.setFillWidth(true);
            grid.getColumnConstraints().addAll(c0, c1);
            int row = 0;
            for (ParamSpec spec : ParamCatalog.all()) {
                if (spec.stage() != stage) {
                    continue;
                }
                Label label = new Label(spec.label());
                label.getStyleClass().add("param-label");
                Control control = control(spec, model);
                control.setId("param-" + spec.key());
                control.setMaxWidth(Double.MAX_VALUE);
                control.setTooltip(new Tooltip(spec.help() + "  [" + spec.rangeText() + "]"));
                controls.put(spec.key(), control);
                Label error = new Label();
                error.setId("error-" + spec.key());
                error.getStyleClass().add("param-error");
                error.setWrapText(true);
                error.textProperty().bind(model.errorProperty(spec.key()));
                error.visibleProperty().bind(model.errorProperty(spec.key()).isNotEmpty());
                error.managedProperty().bind(error.visibleProperty());
                model.errorProperty(spec.key()).addListener((o, a, b) -> {
                    control.getStyleClass().remove("invalid");
                    if (!b.isEmpty()) {
                        control.getStyleClass().add("invalid");
                    }
                });
                grid.add(label, 0, row);
                grid.add(control, 1, row++);
                grid.add(error, 0, row++, 2, 1);
            }
            TitledPane pane = new TitledPane(stage.title(), grid);
            pane.getStyleClass().add("param-section");
            sections.getChildren().add(pane);
        }
        setContent(sections);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private static Control control(ParamSpec spec, ParamsViewModel model) {
        return switch (spec.kind()) {
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(spec.choices());
                box.valueProperty().bindBidirectional(model.textProperty(spec.key()));
                yield box;
            }
            case BOOL -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(model.textProperty(spec.key()).get()));
                box.selectedProperty().addListener((o, a, b) -> model.textProperty(spec.key()).set(b.toString()));
                model.textProperty(spec.key()).addListener((o, a, b) -> box.setSelected(Boolean.parseBoolean(b)));
                yield box;
            }
            default -> {
                TextField field = new TextField();
                field.setPrefColumnCount(8);
                field.textProperty().bindBidirectional(model.textProperty(spec.key()));
                yield field;
            }
        };
    }

    public Control control(String key) {
        return controls.get(key);
    }
}
