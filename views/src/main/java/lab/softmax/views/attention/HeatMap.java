package lab.softmax.views.attention;

import java.util.function.IntConsumer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * The attention map as an image: one pixel per cell of {@link MapComputation} (rows = queries top
 * to bottom, columns = keys left to right), scaled without smoothing to the largest square that
 * fits. Colour: viridis of the weight (linear in [0, 1], or log10 in [{@link #LOG_FLOOR}, 0]);
 * masked keys light grey, NaN red. A thin line marks the hovered row.
 */
final class HeatMap extends Region {
    /** Log colour scale: weights below 10^LOG_FLOOR get the darkest colour. */
    static final double LOG_FLOOR = -5;
    static final Color HIDDEN = Color.rgb(232, 232, 232);
    static final Color NAN = Color.rgb(220, 0, 0);
    /** Viridis at 0, 1/4, 1/2, 3/4 and 1 (its published end and quarter points), interpolated linearly. */
    private static final int[] ANCHORS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};

    private final ImageView image = new ImageView();
    private final Line marker = new Line();
    private MapComputation shown;
    private int hovered = -1;

    HeatMap(IntConsumer onHover) {
        image.setSmooth(false);
        image.setPreserveRatio(false);
        marker.setStroke(Color.rgb(230, 60, 30));
        marker.setStrokeWidth(1.5);
        marker.setVisible(false);
        marker.setMouseTransparent(true);
        getChildren().addAll(image, marker);
        setMinSize(120, 120);
        setPrefSize(460, 460);
        image.setOnMouseMoved(e -> {
            if (shown == null) return;
            double side = image.getFitHeight();
            int row = (int) Math.floor(e.getY() / side * shown.queries());
            onHover.accept(Math.max(0, Math.min(shown.queries() - 1, row)));
        });
        image.setOnMouseExited(e -> onHover.accept(-1));
    }

    /** The side of the drawn square in pixels. */
    double side() { return image.getFitWidth(); }

    @Override
    protected void layoutChildren() {
        double side = Math.max(1, Math.min(getWidth(), getHeight()));
        image.setFitWidth(side);
        image.setFitHeight(side);
        image.relocate(0, 0);
        placeMarker();
    }

    void show(MapComputation m, boolean logColours) {
        shown = m;
        WritableImage img = new WritableImage(m.columns(), m.rows());
        PixelWriter pw = img.getPixelWriter();
        int[] pixels = new int[m.rows() * m.columns()];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.columns(); c++) pixels[r * m.columns() + c] = argb(m.cell(r, c), logColours);
        }
        pw.setPixels(0, 0, m.columns(), m.rows(), javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, m.columns());
        image.setImage(img);
        placeMarker();
    }

    void hover(int row) {
        hovered = row;
        placeMarker();
    }

    private void placeMarker() {
        if (shown == null || hovered < 0 || hovered >= shown.queries()) {
            marker.setVisible(false);
            return;
        }
        double side = image.getFitHeight();
        double y = (hovered + 0.5) * side / shown.queries();
        marker.setStartX(0);
        marker.setEndX(side);
        marker.setStartY(y);
        marker.setEndY(y);
        marker.setVisible(true);
    }

    static int argb(float v, boolean log) {
        if (Float.isNaN(v)) return toArgb(NAN);
        if (v == MapComputation.HIDDEN) return toArgb(HIDDEN);
        double t = log ? (v <= 0 ? 0 : Math.max(0, (Math.log10(v) - LOG_FLOOR) / -LOG_FLOOR)) : v;
        return viridis(Math.max(0, Math.min(1, t)));
    }

    static int viridis(double t) {
        double x = t * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = ANCHORS[i];
        int b = ANCHORS[i + 1];
        int r = (int) Math.round((a >> 16 & 0xFF) * (1 - f) + (b >> 16 & 0xFF) * f);
        int g = (int) Math.round((a >> 8 & 0xFF) * (1 - f) + (b >> 8 & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    private static int toArgb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
