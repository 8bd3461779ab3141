package lab.softmax.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.Exporter;
import lab.softmax.views.common.LabPage;

/** Export → PNG (the view as shown), SVG (its charts), a figure for slides, CSV (its plotted data). */
final class ExportActions {
    private final MainWindow window;

    ExportActions(MainWindow window) { this.window = window; }

    void png() {
        chooseAndWrite("png", "PNG image", file -> Exporter.png(window.currentPage().view(), file));
    }

    void svg() {
        LabPage page = window.currentPage();
        chooseAndWrite("svg", "SVG drawing", file -> Exporter.svg(page.charts(), 900, 420, file));
    }

    /** A figure for slides: the chosen charts at a chosen size, pixel scale and look. */
    void figure() {
        LabPage page = window.currentPage();
        if (page.charts().isEmpty()) {
            ErrorDialog.showProblem(owner(), "Nothing to export.", "This view has no chart; use View as PNG.");
            return;
        }
        new FigureDialog(window.appearance().settings(), Charts.look(), page.charts()).show(owner()).ifPresent(figure ->
                chooseAndWrite(figure.format().extension(), figure.format() + " figure",
                        file -> Exporter.figure(page.charts(), figure, file)));
    }

    void csv() {
        chooseAndWrite("csv", "CSV table", file -> Exporter.csv(window.currentPage().plottedData(), file));
    }

    private interface FileWriter {
        void write(Path file) throws IOException;
    }

    private void chooseAndWrite(String extension, String description, FileWriter writer) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + description);
        chooser.setInitialFileName(window.currentLab().id() + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        var file = chooser.showSaveDialog(owner());
        if (file == null) return;
        try {
            writer.write(file.toPath());
        } catch (IOException | RuntimeException e) {
            ErrorDialog.showProblem(owner(), "Export failed.", file + ": " + e.getMessage());
        }
    }

    private Window owner() { return window.getScene() == null ? null : window.getScene().getWindow(); }
}
