package lab.softmax.views.attention;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import lab.softmax.views.common.BackgroundTasks;

/**
 * The attention map as an image drawn one image pixel per screen pixel (rows = queries top to bottom,
 * columns = keys left to right) in the largest square that fits: each pixel shows the largest weight
 * of the (query, key) entries it covers, so a single spike stays visible at any size. Colour: viridis
 * of the weight (linear in [0, 1], or log10 in [{@link #LOG_FLOOR}, 0]); masked keys light grey, NaN
 * red. A thin line marks the hovered row.
 *
 * <p>The pixels are computed off the FX thread (one painter thread, newest request first: a drag's
 * stream of maps never queues) and only copied into the reused image on it; {@link #showNow} paints
 * on the calling thread (snapshots, tests).
 */
final class HeatMap extends Region {
    /** Log colour scale: weights below 10^LOG_FLOOR get the darkest colour. */
    static final double LOG_FLOOR = -5;
    static final Color HIDDEN = Color.rgb(232, 232, 232);
    static final Color NAN = Color.rgb(220, 0, 0);
    /** Largest side of the image in pixels. */
    private static final int MAX_PIXELS = 4096;
    /** Viridis at 0, 1/4, 1/2, 3/4 and 1 (its published end and quarter points), interpolated linearly. */
    private static final int[] ANCHORS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};
    /** Background work like the app's workers: on two cores the window's own threads get a core first. */
    private static final Executor PAINTER = Executors.newSingleThreadExecutor(BackgroundTasks.lowPriorityDaemons("attention-heat-map-"));

    /** One image to paint: the map, its colour scale and the image size, numbered in the order asked for. */
    private record Request(MapComputation map, boolean log, int width, int height, boolean laidOut, long number) { }

    private final ImageView image = new ImageView();
    private final Line marker = new Line();
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyBooleanWrapper painting = new ReadOnlyBooleanWrapper(this, "painting");
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private MapComputation shown;
    private boolean logColours;
    private WritableImage pixels;
    private long requests;
    private long painted = -1;
    /** Whether the shown image has the size of the laid-out square (not yet: it has the map's cells). */
    private boolean paintedLaidOut;
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

    /** The side of the drawn square in layout units. */
    double side() { return image.getFitWidth(); }

    /** How the map is drawn (pixels per entry, or entries per pixel), for the note under it. */
    ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }

    @Override
    protected void layoutChildren() {
        double side = Math.max(1, Math.floor(Math.min(getWidth(), getHeight())));
        boolean resized = side != image.getFitWidth();
        image.setFitWidth(side);
        image.setFitHeight(side);
        image.relocate(0, 0);
        placeMarker();
        if (!resized || shown == null) return;
        // the first laid-out size is painted at once (a snapshot lays out and draws in one go); later sizes off the FX thread
        if (paintedLaidOut) request();
        else paintNow();
    }

    /** True from a request until the newest image is shown (a headless snapshot waits for false). */
    ReadOnlyBooleanProperty paintingProperty() { return painting.getReadOnlyProperty(); }

    /** Shows this map: its image follows from the painter thread. */
    void show(MapComputation m, boolean log) {
        shown = m;
        logColours = log;
        placeMarker();
        request();
    }

    /** Shows this map and paints it on the calling thread (the FX thread). */
    void showNow(MapComputation m, boolean log) {
        shown = m;
        logColours = log;
        placeMarker();
        paintNow();
    }

    private void paintNow() {
        Request r = newRequest();
        apply(r, paint(r.map(), r.width(), r.height(), r.log()));
    }

    private Request newRequest() {
        int side = (int) Math.min(MAX_PIXELS, Math.round(image.getFitWidth() * outputScale()));
        int width = side > 0 ? side : shown.columns();
        int height = side > 0 ? side : shown.rows();
        return new Request(shown, logColours, width, height, side > 0, requests++);
    }

    private double outputScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
    }

    private void request() {
        painting.set(true);
        if (pending.getAndSet(newRequest()) != null) return;   // the painter has not taken the previous one: it takes this
        PAINTER.execute(() -> {
            Request r = pending.getAndSet(null);
            if (r == null) return;
            try {
                int[] argb = paint(r.map(), r.width(), r.height(), r.log());
                Platform.runLater(() -> apply(r, argb));
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> painting.set(false));   // never leave a snapshot waiting
                throw e;
            }
        });
    }

    private void apply(Request r, int[] argb) {
        if (r.number() < painted) return;   // showNow painted a newer one meanwhile
        painted = r.number();
        paintedLaidOut = r.laidOut();
        if (painted == requests - 1) painting.set(false);
        if (pixels == null || (int) pixels.getWidth() != r.width() || (int) pixels.getHeight() != r.height()) {
            pixels = new WritableImage(r.width(), r.height());
            image.setImage(pixels);
        }
        pixels.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbPreInstance(), argb, 0, r.width());
        description.set(describe(r.map(), r.width(), r.height()));
    }

    static String describe(MapComputation m, int width, int height) {
        double down = (double) m.queries() / height;
        double across = (double) m.keys() / width;
        if (down <= 1 && across <= 1) {
            return String.format(Locale.ROOT, "One block of ≈ %.1f × %.1f pixels per (query, key).", 1 / down, 1 / across);
        }
        return String.format(Locale.ROOT, "Drawn on %d × %d pixels, each the max over its ≈ %.1f × %.1f (query, key) entries: "
                + "a single spike stays visible.", width, height, Math.max(1, down), Math.max(1, across));
    }

    /**
     * The map's cells on a width × height image: pixel (y, x) shows the largest of the cells it covers (a smaller
     * image splits the cells between its pixels, each cell to one; a larger one repeats each cell), NaN when any
     * is NaN, hidden when all are.
     */
    static int[] paint(MapComputation m, int width, int height, boolean log) {
        int rows = m.rows();
        int columns = m.columns();
        int[] colFrom = new int[width];
        int[] colTo = new int[width];
        for (int x = 0; x < width; x++) {
            colFrom[x] = (int) ((long) x * columns / width);
            colTo[x] = Math.max(colFrom[x] + 1, (int) ((long) (x + 1) * columns / width));
        }
        float[] band = new float[columns];   // the max over the pixel row's cell rows, per column
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            int from = (int) ((long) y * rows / height);
            int to = Math.max(from + 1, (int) ((long) (y + 1) * rows / height));
            java.util.Arrays.fill(band, MapComputation.HIDDEN);
            for (int r = from; r < to; r++) {
                for (int c = 0; c < columns; c++) band[c] = larger(band[c], m.cell(r, c));
            }
            for (int x = 0; x < width; x++) {
                float v = MapComputation.HIDDEN;
                for (int c = colFrom[x]; c < colTo[x]; c++) v = larger(v, band[c]);
                argb[y * width + x] = argb(v, log);
            }
        }
        return argb;
    }

    /** The max of two cells, NaN if either is. */
    private static float larger(float a, float b) {
        return Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.max(a, b);
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
