package org.ncw.ui.params;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.analysis.ParamSpec;
import org.ncw.ui.analysis.Stage;

/**
 * One titled section per stage, one row per parameter; invalid text is outlined red with the reason below. Labels
 * carry the same tooltip as their fields.
 */
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
                Tooltip tip = new Tooltip(spec.help() + "  [" + spec.rangeText() + "]");
                control.setTooltip(tip);
                label.setTooltip(tip);
                controls.put(spec.key(), control);
                control.disableProperty().bind(model.applicableProperty(spec.key()).not());
                label.disableProperty().bind(control.disableProperty());
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
                yield textField(model.textProperty(spec.key()));
            }
        };
    }

    /**
     * A field whose text reaches the model only when the edit is committed (Enter, or focus leaving the field),
     * so intermediate values typed on the way (1.03 on the way to 1.035) start no runs. Esc drops the edit.
     */
    private static TextField textField(StringProperty value) {
        TextField field = new TextField(value.get());
        field.setPrefColumnCount(8);
        value.addListener((o, a, b) -> field.setText(b));
        field.setOnAction(e -> value.set(field.getText()));
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                value.set(field.getText());
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.setText(value.get());
                if (field.getParent() != null) {
                    field.getParent().requestFocus();
                }
                e.consume();
            }
        });
        return field;
    }

    public Control control(String key) {
        return controls.get(key);
    }
}
