package lab.softmax.views.common;

import java.util.Locale;
import lab.softmax.engine.io.InputException;

/**
 * A figure for slides: which charts of a page (one, or all stacked), at what size in points, at what pixel
 * scale (PNG; SVG is resolution-free), in which look. Validated on construction: the command line and the
 * export dialog give the same errors (an {@link InputException} naming the field: chart, size or scale).
 *
 * @param chart  the chart's index on the page, or {@link #ALL_CHARTS} to stack them top to bottom
 * @param width  width of each chart, in points
 * @param height height of each chart, in points
 * @param scale  pixels per point of a PNG (2 for a sharp figure on a high-density projector)
 * @param look   the charts' look in the figure (light or dark, slide style or not)
 */
public record Figure(Format format, int chart, int width, int height, double scale, ChartLook look) {
    public static final int ALL_CHARTS = -1;
    public static final int MIN_SIDE = 100;
    public static final int MAX_SIDE = 8000;
    public static final double MAX_SCALE = 4;

    public enum Format {
        PNG, SVG;

        public String extension() { return name().toLowerCase(Locale.ROOT); }
    }

    public Figure {
        java.util.Objects.requireNonNull(format, "format");
        java.util.Objects.requireNonNull(look, "look");
        if (chart < ALL_CHARTS) throw new InputException("chart", chart + " is not a chart number");
        if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
            throw new InputException("size", width + "x" + height + " is outside " + MIN_SIDE + "x" + MIN_SIDE
                    + " .. " + MAX_SIDE + "x" + MAX_SIDE + " points");
        }
        if (!(scale >= 1 && scale <= MAX_SCALE)) throw new InputException("scale", scale + " is outside 1 .. " + MAX_SCALE);
        if ((long) Math.round(width * scale) * Math.round(height * scale) > 200_000_000L) {
            throw new InputException("scale", "a " + width + "x" + height + " figure at scale " + scale + " has too many pixels");
        }
    }
}
