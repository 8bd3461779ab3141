package lab.softmax.views.common;

import java.awt.Color;

/**
 * How charts look: light or dark, and whether for a lecture hall (presentation: larger text, thicker
 * lines, full contrast). {@link Charts#setLook} applies one to every live chart.
 */
public record ChartLook(boolean dark, boolean presentation) {
    public static final ChartLook LIGHT = new ChartLook(false, false);

    /** The background of the chart and of its plot (dark: AtlantaFX Primer Dark's default background). */
    public Color background() {
        if (dark) return presentation ? Color.BLACK : new Color(0x0D1117);
        return Color.WHITE;
    }

    /** Titles, axis labels, tick labels, legend text. */
    public Color text() {
        if (dark) return presentation ? Color.WHITE : new Color(0xE6EDF3);
        return presentation ? Color.BLACK : new Color(0x222222);
    }

    /** Axis lines and tick marks. */
    public Color axisLine() {
        if (dark) return presentation ? new Color(0xCCCCCC) : new Color(0x8B949E);
        return presentation ? Color.BLACK : Color.GRAY;
    }

    public Color gridline() {
        if (dark) return presentation ? new Color(0x5A5A5A) : new Color(0x30363D);
        return presentation ? new Color(0xB0B0B0) : new Color(0xDDDDDD);
    }

    /** Font sizes are multiplied by this. */
    public float fontScale() { return presentation ? 1.4f : 1f; }

    /** Line widths are multiplied by this. */
    public float strokeScale() { return presentation ? 1.75f : 1f; }
}
