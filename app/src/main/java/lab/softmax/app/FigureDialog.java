package lab.softmax.app;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import lab.softmax.views.common.ChartLook;
import lab.softmax.views.common.Figure;
import org.controlsfx.control.SegmentedButton;
import org.jfree.chart.JFreeChart;

/**
 * Export → Figure for slides: which chart (or all stacked), PNG or SVG, size in points, pixel scale, light or dark,
 * slide style. The last choices are remembered in the settings file.
 */
final class FigureDialog {
    static final String SIZE_KEY = "figure.size";
    static final String SCALE_KEY = "figure.scale";

    private final Settings settings;
    private final ComboBox<String> chart = new ComboBox<>();
    private final ToggleButton png = new ToggleButton("PNG");
    private final ToggleButton svg = new ToggleButton("SVG");
    private final Spinner<Integer> width = new Spinner<>(Figure.MIN_SIDE, Figure.MAX_SIDE, 1280, 10);
    private final Spinner<Integer> height = new Spinner<>(Figure.MIN_SIDE, Figure.MAX_SIDE, 720, 10);
    private final List<ToggleButton> scales = List.of(new ToggleButton("1×"), new ToggleButton("2×"), new ToggleButton("3×"));
    private final ToggleButton light = new ToggleButton("Light");
    private final ToggleButton dark = new ToggleButton("Dark");
    private final CheckBox slideStyle = new CheckBox("Slide style: larger text, thicker lines");

    FigureDialog(Settings settings, ChartLook current, List<JFreeChart> charts) {
        this.settings = settings;
        chart.getItems().add("All charts, stacked");
        for (int i = 0; i < charts.size(); i++) {
            var title = charts.get(i).getTitle();
            chart.getItems().add((i + 1) + ": " + (title == null || title.getText().isBlank() ? "chart " + (i + 1) : title.getText()));
        }
        chart.getSelectionModel().select(charts.size() == 1 ? 1 : 0);
        png.setSelected(true);
        (current.dark() ? dark : light).setSelected(true);
        slideStyle.setSelected(current.presentation());
        restore();
        for (Spinner<Integer> s : List.of(width, height)) s.setEditable(true);
        scales.forEach(b -> b.disableProperty().bind(svg.selectedProperty()));
        keepOneSelected(png, svg);
        keepOneSelected(light, dark);
        keepOneSelected(scales.toArray(ToggleButton[]::new));
    }

    /** The figure chosen, or empty when cancelled. */
    Optional<Figure> show(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export figure for slides");
        dialog.setHeaderText("The chosen charts are drawn afresh at this size and look; the window keeps its own.");
        GridPane grid = new GridPane(10, 8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Chart"), chart);
        grid.addRow(1, new Label("Format"), new SegmentedButton(png, svg));
        grid.addRow(2, new Label("Size of each chart (points)"), new javafx.scene.layout.HBox(6, width, new Label("×"), height));
        grid.addRow(3, new Label("Pixels per point (PNG)"), new SegmentedButton(scales.toArray(ToggleButton[]::new)));
        grid.addRow(4, new Label("Look"), new SegmentedButton(light, dark));
        grid.add(slideStyle, 1, 5);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText("Export…");
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) return Optional.empty();
        Figure figure = figure();
        remember(figure);
        return Optional.of(figure);
    }

    Figure figure() {
        int scale = 1 + scales.indexOf(scales.stream().filter(ToggleButton::isSelected).findFirst().orElse(scales.getFirst()));
        return new Figure(svg.isSelected() ? Figure.Format.SVG : Figure.Format.PNG,
                chart.getSelectionModel().getSelectedIndex() - 1, width.getValue(), height.getValue(), scale,
                new ChartLook(dark.isSelected(), slideStyle.isSelected()));
    }

    private void restore() {
        String[] size = settings.get(SIZE_KEY, "1280x720").split("x");
        try {
            width.getValueFactory().setValue(Integer.parseInt(size[0]));
            height.getValueFactory().setValue(Integer.parseInt(size[1]));
        } catch (RuntimeException e) {
            // a hand-edited settings file: keep the defaults
        }
        int scale = (int) Math.round(parse(settings.get(SCALE_KEY, "2")));
        scales.get(Math.clamp(scale, 1, scales.size()) - 1).setSelected(true);
    }

    private void remember(Figure figure) {
        settings.put(SIZE_KEY, figure.width() + "x" + figure.height());
        settings.put(SCALE_KEY, Integer.toString((int) figure.scale()));
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /** A segmented choice always has one button down: clicking the selected one does not leave none. */
    private static void keepOneSelected(ToggleButton... buttons) {
        for (ToggleButton b : buttons) {
            b.setOnAction(e -> b.setSelected(true));
            b.selectedProperty().addListener((o, was, now) -> {
                if (now) for (ToggleButton other : buttons) if (other != b) other.setSelected(false);
            });
        }
    }
}
