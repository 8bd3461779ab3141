package lab.softmax.views.moe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.Cursor;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import lab.softmax.engine.moe.GatePlane;

/**
 * The input plane: the coloured frame of a {@link PlaneComputation} (scaled without smoothing to the largest square
 * that fits) and on top of it one arrow per expert from the plane's centre to centre + w_i (its gate vector); dragging
 * an arrow's head moves w_i. A dashed line marks the row whose weights the profile chart shows.
 */
final class PlaneCanvas extends Region {
    /** Called with (expert, w₁, w₂) while an arrow is dragged. */
    interface DragListener {
        void moved(int expert, double w1, double w2);
    }

    private final ImageView image = new ImageView();
    private final WritableImage pixels = new WritableImage(PlaneComputation.SIZE, PlaneComputation.SIZE);
    private final Line profile = new Line();
    private final List<javafx.scene.Node> arrows = new ArrayList<>();
    private final DragListener onDrag;
    private final IntConsumer onHoverRow;
    private double[][] weights = new double[0][];
    private GatePlane.Rect rect = new GatePlane.Rect(-3, 3, -3, 3);
    private int profileRow = PlaneComputation.SIZE / 2;
    /** True while an arrow is dragged. */
    private final javafx.beans.property.BooleanProperty dragging = new javafx.beans.property.SimpleBooleanProperty(this, "dragging");

    PlaneCanvas(DragListener onDrag, IntConsumer onHoverRow) {
        this.onDrag = onDrag;
        this.onHoverRow = onHoverRow;
        image.setImage(pixels);
        image.setSmooth(false);
        image.setPreserveRatio(false);
        profile.setStroke(Color.rgb(255, 255, 255, 0.9));
        profile.getStrokeDashArray().setAll(6.0, 4.0);
        profile.setStrokeWidth(1.2);
        profile.setMouseTransparent(true);
        getChildren().addAll(image, profile);
        setMinSize(160, 160);
        setPrefSize(520, 520);
        image.setOnMouseMoved(e -> {
            double side = side();
            int row = (int) Math.floor(e.getY() / side * PlaneComputation.SIZE);
            onHoverRow.accept(Math.max(0, Math.min(PlaneComputation.SIZE - 1, row)));
        });
    }

    javafx.beans.property.BooleanProperty draggingProperty() { return dragging; }

    double side() { return Math.max(1, Math.min(getWidth(), getHeight())); }

    @Override
    protected void layoutChildren() {
        double side = side();
        image.setFitWidth(side);
        image.setFitHeight(side);
        image.relocate(0, 0);
        placeArrows();
        placeProfile();
    }

    /** Draws a frame's pixels (the FX thread copies 400 × 400 ints, about a millisecond). */
    void show(PlaneComputation p) {
        rect = p.rect();
        pixels.getPixelWriter().setPixels(0, 0, p.frame().width, p.frame().height, PixelFormat.getIntArgbInstance(),
                p.argb(), 0, p.frame().width);
    }

    void showArrows(double[][] w) {
        boolean rebuild = w.length != weights.length;
        weights = w;
        if (rebuild) buildArrows();
        placeArrows();
    }

    void showProfileRow(int row) {
        profileRow = row;
        placeProfile();
    }

    private double px(double x) { return (x - rect.xMin()) / (rect.xMax() - rect.xMin()) * side(); }

    private double py(double y) { return (rect.yMax() - y) / (rect.yMax() - rect.yMin()) * side(); }

    private double planeX(double px) { return rect.xMin() + px / side() * (rect.xMax() - rect.xMin()); }

    private double planeY(double py) { return rect.yMax() - py / side() * (rect.yMax() - rect.yMin()); }

    private void buildArrows() {
        getChildren().removeAll(arrows);
        arrows.clear();
        for (int i = 0; i < weights.length; i++) {
            Color c = SetColours.fx(SetColours.expert(i));
            Line shaft = new Line();
            shaft.setStroke(Color.BLACK);
            shaft.setStrokeWidth(2.2);
            shaft.setMouseTransparent(true);
            Polygon head = new Polygon();
            head.setFill(Color.BLACK);
            head.setMouseTransparent(true);
            Circle handle = new Circle(7, c);
            handle.setStroke(Color.BLACK);
            handle.setStrokeWidth(1.5);
            handle.setCursor(Cursor.HAND);
            Text label = new Text("E" + (i + 1));
            label.setStyle("-fx-font-weight: bold; -fx-font-size: 12px;");
            label.setFill(Color.BLACK);
            label.setStroke(Color.WHITE);
            label.setStrokeWidth(0.4);
            label.setMouseTransparent(true);
            int expert = i;
            handle.setOnMouseDragged(e -> {
                double x = Math.max(0, Math.min(side(), e.getX()));
                double y = Math.max(0, Math.min(side(), e.getY()));
                double cx = 0.5 * (rect.xMin() + rect.xMax());
                double cy = 0.5 * (rect.yMin() + rect.yMax());
                onDrag.moved(expert, round(planeX(x) - cx), round(planeY(y) - cy));
                e.consume();
            });
            handle.setOnMousePressed(e -> {
                dragging.set(true);
                e.consume();
            });
            handle.setOnMouseReleased(e -> dragging.set(false));
            arrows.addAll(List.of(shaft, head, handle, label));
        }
        getChildren().addAll(arrows);
    }

    /** Two decimals: what the table shows and a scenario saves. */
    private static double round(double v) { return Math.round(v * 100) / 100.0; }

    private void placeArrows() {
        if (arrows.size() != 4 * weights.length) return;
        double cx = 0.5 * (rect.xMin() + rect.xMax());
        double cy = 0.5 * (rect.yMin() + rect.yMax());
        double x0 = px(cx);
        double y0 = py(cy);
        for (int i = 0; i < weights.length; i++) {
            double wx = weights[i][0], wy = weights[i][1];
            boolean finite = Double.isFinite(wx) && Double.isFinite(wy);
            double x1 = finite ? px(cx + wx) : x0;
            double y1 = finite ? py(cy + wy) : y0;
            Line shaft = (Line) arrows.get(4 * i);
            Polygon head = (Polygon) arrows.get(4 * i + 1);
            Circle handle = (Circle) arrows.get(4 * i + 2);
            Text label = (Text) arrows.get(4 * i + 3);
            double len = Math.hypot(x1 - x0, y1 - y0);
            double ux = len > 0 ? (x1 - x0) / len : 0, uy = len > 0 ? (y1 - y0) / len : 0;
            double back = Math.min(len, 14);
            shaft.setStartX(x0);
            shaft.setStartY(y0);
            shaft.setEndX(x1 - ux * back);
            shaft.setEndY(y1 - uy * back);
            double bx = x1 - ux * back, by = y1 - uy * back;
            head.getPoints().setAll(x1 - ux * 7, y1 - uy * 7, bx - uy * 5, by + ux * 5, bx + uy * 5, by - ux * 5);
            handle.setCenterX(x1);
            handle.setCenterY(y1);
            label.setX(x1 + 9);
            label.setY(y1 - 8);
        }
    }

    private void placeProfile() {
        double y = (profileRow + 0.5) / PlaneComputation.SIZE * side();
        profile.setStartX(0);
        profile.setEndX(side());
        profile.setStartY(y);
        profile.setEndY(y);
    }
}
