package lab.softmax.views.common;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import lab.softmax.engine.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Export of a page: the view as PNG, its charts as SVG, its plotted data as CSV. All writes are atomic. */
public final class Exporter {
    private Exporter() { }

    /** Renders a node as it is shown (call on the FX thread) and writes a PNG. */
    public static void png(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        writePng(image, file);
    }

    public static void writePng(WritableImage image, Path file) throws IOException {
        var buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    /** The charts stacked top to bottom in one SVG document. */
    public static void svg(List<JFreeChart> charts, int width, int heightEach, Path file) throws IOException {
        if (charts.isEmpty()) throw new IOException("this view has no chart to export as SVG");
        SVGGraphics2D g = new SVGGraphics2D(width, heightEach * charts.size());
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle(0, i * heightEach, width, heightEach));
        }
        String svg = g.getSVGDocument();
        AtomicFiles.write(file, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
    }

    public static void csv(CsvTable table, Path file) throws IOException {
        AtomicFiles.write(file, table::writeTo);
    }
}
