package lab.softmax.views.common;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import lab.softmax.engine.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Export of a page: the view as PNG, its charts as SVG, a {@link Figure} for slides (charts at a chosen size, scale
 * and look), its plotted data as CSV. All writes are atomic.
 */
public final class Exporter {
    private Exporter() { }

    /** Renders a node as it is shown (call on the FX thread) and writes a PNG. */
    public static void png(Node node, Path file) throws IOException {
        png(node, 1, file);
    }

    /** The node as it is shown, at {@code scale} pixels per point (2: sharp on a high-density projector). */
    public static void png(Node node, double scale, Path file) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        OnePerFrame.flush();
        writePng(node.snapshot(parameters, null), file);
    }

    /**
     * The figure's charts, drawn afresh at its size, scale and look (the window's charts keep theirs). On the FX
     * thread, as the charts are live.
     */
    public static void figure(List<JFreeChart> pageCharts, Figure figure, Path file) throws IOException {
        if (pageCharts.isEmpty()) throw new IOException("this view has no chart to export");
        if (figure.chart() >= pageCharts.size()) {
            throw new IOException("chart " + (figure.chart() + 1) + " does not exist: this view has " + pageCharts.size());
        }
        List<JFreeChart> charts = figure.chart() == Figure.ALL_CHARTS ? pageCharts : List.of(pageCharts.get(figure.chart()));
        IOException[] failure = new IOException[1];
        Charts.drawInLook(charts, figure.look(), () -> {
            try {
                if (figure.format() == Figure.Format.SVG) svg(charts, figure.width(), figure.height(), file);
                else chartsPng(charts, figure.width(), figure.height(), figure.scale(), file);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) throw failure[0];
    }

    private static void chartsPng(List<JFreeChart> charts, int width, int heightEach, double scale, Path file) throws IOException {
        BufferedImage image = new BufferedImage((int) Math.round(width * scale),
                (int) Math.round(heightEach * charts.size() * scale), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle(0, i * heightEach, width, heightEach));
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
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
