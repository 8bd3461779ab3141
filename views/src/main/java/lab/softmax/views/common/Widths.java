package lab.softmax.views.common;

import javafx.scene.layout.Region;

/**
 * Widths that grow with the font: given in pixels at the app's base font (12.5 px) and set as em, so that in
 * presentation mode (a larger root font) side panels and fields widen with their text instead of truncating it.
 * Inline styles outrank values set from code, so a view uses these instead of setPrefWidth and friends.
 */
public final class Widths {
    /** The root font size of app.css, in pixels. */
    static final double BASE_FONT_PX = 12.5;

    private Widths() { }

    public static void pref(Region region, double pixelsAtBaseFont) { set(region, "-fx-pref-width", pixelsAtBaseFont); }

    public static void min(Region region, double pixelsAtBaseFont) { set(region, "-fx-min-width", pixelsAtBaseFont); }

    public static void max(Region region, double pixelsAtBaseFont) { set(region, "-fx-max-width", pixelsAtBaseFont); }

    private static void set(Region region, String property, double pixels) {
        String rule = property + ": " + String.format(java.util.Locale.ROOT, "%.3fem", pixels / BASE_FONT_PX) + ";";
        String style = region.getStyle() == null ? "" : region.getStyle().replaceAll(property + ":[^;]*;\\s*", "");
        region.setStyle((style.isBlank() ? "" : style.strip() + " ") + rule);
    }
}
