package lab.softmax.views.collapse;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.softmax.engine.nn.OrthoGradGeometry;

/**
 * The plane of w and g, drawn to true angles (one scale for both axes, which a chart cannot
 * promise): w along the x axis, g at angle theta above it, g's component along w, the orthogonal
 * rest, and that rest rescaled to |g| as ⊥Grad hands it to the optimiser. w and g differ in size
 * by orders of magnitude, so w is drawn to its own length; the four gradient vectors share one
 * scale, on which the dotted circle is |g|.
 */
final class VectorDiagram extends Region {
    static final Color W = Color.web("#000000");
    static final Color G = Color.web("#0072B2");
    static final Color PARALLEL = Color.web("#D55E00");
    static final Color PERP = Color.web("#009E73");
    static final Color RESCALED = Color.web("#CC79A7");
    private final Canvas canvas = new Canvas();
    private OrthoGradGeometry geometry;

    VectorDiagram() {
        getChildren().add(canvas);
        setMinSize(200, 180);
        setPrefSize(420, 260);
        setMaxHeight(380);
    }

    void show(OrthoGradGeometry g) {
        geometry = g;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, width, height);
        if (geometry == null || width < 50 || height < 50) return;
        gc.setFont(Font.font("DejaVu Sans", 12));
        double ox = width / 2;
        double radius = Math.min(width / 2 - 70, height - 70);
        double oy = Math.min(height - 24, (height + radius) / 2 + 12);   // the half-disc centred vertically
        if (radius < 20) return;
        // axes
        gc.setStroke(Color.web("#DDDDDD"));
        gc.setLineWidth(1);
        gc.strokeLine(ox - radius - 40, oy, ox + radius + 40, oy);
        gc.strokeLine(ox, oy + 10, ox, oy - radius - 20);
        double[][] xy = geometry.coordinates();
        double gScale = geometry.gradNorm() == 0 ? 0 : radius / geometry.gradNorm();
        // |g| circle: the rescaled g_perp ends on it, as g does
        gc.setStroke(Color.web("#BBBBBB"));
        gc.setLineDashes(2, 4);
        gc.strokeArc(ox - radius, oy - radius, 2 * radius, 2 * radius, 0, 180, ArcType.OPEN);
        gc.setLineDashes();
        arrow(gc, ox, oy, ox + radius, oy, W, 2.2, "w");
        if (geometry.gradNorm() == 0) {
            text(gc, "the gradient is 0: nothing to project", ox, oy - radius / 2, Color.GRAY);
            return;
        }
        double gx = ox + xy[1][0] * gScale;
        double gy = oy - xy[1][1] * gScale;
        double px = ox + xy[2][0] * gScale;
        // decomposition: g_par along the axis, then g_perp from its tip up to g (dashed)
        gc.setStroke(PERP.deriveColor(0, 1, 1, 0.6));
        gc.setLineDashes(5, 4);
        gc.strokeLine(px, oy, gx, gy);
        gc.setLineDashes();
        angleArc(gc, ox, oy, Math.toDegrees(Math.atan2(xy[1][1], xy[1][0])));
        arrow(gc, ox, oy, px, oy - 0.0, PARALLEL, 2.4, "g∥");
        // wide underneath the thin g_perp it extends, so both stay visible where they overlap
        arrow(gc, ox, oy, ox, oy - xy[4][1] * gScale, RESCALED, 7, "⊥Grad: g⊥·|g|/|g⊥|");
        arrow(gc, ox, oy, ox + xy[3][0] * gScale, oy - xy[3][1] * gScale, PERP, 2.4, "");
        text(gc, "g⊥", ox - 16, oy - xy[3][1] * gScale + 6, PERP);
        arrow(gc, ox, oy, gx, gy, G, 2.4, "g");
    }

    private static void angleArc(GraphicsContext gc, double ox, double oy, double degrees) {
        double r = 26;
        gc.setStroke(Color.web("#777777"));
        gc.setLineWidth(1);
        gc.strokeArc(ox - r, oy - r, 2 * r, 2 * r, 0, degrees, ArcType.OPEN);
        // beside the arc, right of the vertical arrows (which sit at 90 degrees)
        double mid = Math.toRadians(degrees < 60 ? degrees / 2 : 30);
        gc.setFill(Color.web("#444444"));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(String.format(Locale.ROOT, "θ %.1f°", degrees), ox + (r + 22) * Math.cos(mid), oy - (r + 14) * Math.sin(mid));
    }

    private static void arrow(GraphicsContext gc, double x0, double y0, double x1, double y1, Color colour, double width, String label) {
        gc.setStroke(colour);
        gc.setFill(colour);
        gc.setLineWidth(width);
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len < 1) {
            gc.fillOval(x0 - 3, y0 - 3, 6, 6);
            text(gc, label + " ≈ 0", x0 + 8, y0 - 8, colour);
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double head = Math.min(8 + width, len / 2);
        gc.strokeLine(x0, y0, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
        gc.fillPolygon(new double[] {x1, x1 - ux * head - uy * head * 0.45, x1 - ux * head + uy * head * 0.45},
                new double[] {y1, y1 - uy * head + ux * head * 0.45, y1 - uy * head - ux * head * 0.45}, 3);
        if (!label.isEmpty()) text(gc, label, x1 + ux * 14, y1 + uy * 14, colour);
    }

    private static void text(GraphicsContext gc, String s, double x, double y, Color colour) {
        gc.setFill(colour);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(s, x, y);
    }
}
