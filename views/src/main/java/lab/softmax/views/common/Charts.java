package lab.softmax.views.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/** Builds JFreeChart charts with one look across the labs, and their JavaFX viewers. */
public final class Charts {
    /** Series colours: colour-blind safe (Okabe-Ito). */
    public static final Paint[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

    private static final Font TITLE_FONT = new Font("SansSerif", Font.BOLD, 13);
    private static final Font LABEL_FONT = new Font("SansSerif", Font.PLAIN, 12);

    /**
     * Live charts, by identity (JFreeChart's equals and hashCode follow its content, so no hash map will do),
     * weakly, so a closed view's charts are not kept.
     */
    private static final List<Live> LIVE = new ArrayList<>();
    private static volatile ChartLook look = ChartLook.LIGHT;

    /** A live chart, the look it has now, the renderers and axes it swaps in and out (see {@link #adopt}). */
    private static final class Live {
        final java.lang.ref.WeakReference<JFreeChart> chart;
        ChartLook applied;
        final List<Object> spares = new ArrayList<>();

        Live(JFreeChart chart, ChartLook applied) {
            this.chart = new java.lang.ref.WeakReference<>(chart);
            this.applied = applied;
        }
    }

    /** The chart's entry, made (with the given look) when it has none. */
    private static Live live(JFreeChart chart, ChartLook ifNew) {
        synchronized (LIVE) {
            LIVE.removeIf(l -> l.chart.get() == null);
            for (Live l : LIVE) if (l.chart.get() == chart) return l;
            Live l = new Live(chart, ifNew);
            LIVE.add(l);
            return l;
        }
    }

    private Charts() { }

    public static JFreeChart lineChart(String title, String xLabel, String yLabel, XYDataset data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
                PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r = new LazyTooltipLineRenderer();
        r.setDefaultToolTipGenerator(chart.getXYPlot().getRenderer().getDefaultToolTipGenerator());
        chart.getXYPlot().setRenderer(r);
        style(chart);
        r.setDefaultShapesVisible(false);
        for (int i = 0; i < PALETTE.length; i++) {
            r.setSeriesPaint(i, PALETTE[i]);
            r.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        return chart;
    }

    /**
     * Background, grid, fonts and text colours of the current {@link #look()}; the chart then follows look
     * changes. Line widths and black ink are settled in {@link #viewer}, after the view has set its own.
     */
    public static void style(JFreeChart chart) {
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        ChartLook look = look();
        setFonts(chart, look);
        if (chart.getPlot() instanceof XYPlot || chart.getPlot() instanceof CategoryPlot) chart.getPlot().setOutlineVisible(false);
        applyColours(chart, ChartLook.LIGHT, look);
        live(chart, ChartLook.LIGHT).applied = ChartLook.LIGHT;   // strokes and ink as the light look has them
    }

    /** Title, axis and legend fonts: the same sizes in every chart, times the look's font scale. */
    private static void setFonts(JFreeChart chart, ChartLook look) {
        if (chart.getTitle() != null) chart.getTitle().setFont(TITLE_FONT.deriveFont(13f * look.fontScale()));
        Plot plot = chart.getPlot();
        for (ValueAxis axis : axes(plot)) setAxisFonts(axis, look);
        if (plot instanceof CategoryPlot category && category.getDomainAxis() != null) setAxisFonts(category.getDomainAxis(), look);
        for (Object t : chart.getSubtitles()) {
            if (t instanceof LegendTitle legend) legend.setItemFont(LABEL_FONT.deriveFont(11f * look.fontScale()));
            if (t instanceof PaintScaleLegend scale) setAxisFonts(scale.getAxis(), look);
        }
    }

    /**
     * Renderers and axes that a chart swaps in and out (a bar or a line renderer, a linear or a log axis): they
     * follow look changes while off the plot too, so that they match when swapped in.
     */
    public static void adopt(JFreeChart chart, Object... rendererOrAxis) {
        Live l = live(chart, ChartLook.LIGHT);
        synchronized (LIVE) {
            l.spares.addAll(List.of(rendererOrAxis));
        }
    }

    /** Adopted renderers and axes that are not on the plot now (those on it are restyled with it). */
    private static List<Object> offPlot(JFreeChart chart) {
        List<Object> spares = live(chart, ChartLook.LIGHT).spares;
        java.util.Set<Object> on = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        on.addAll(axes(chart.getPlot()));
        if (chart.getPlot() instanceof XYPlot xy) for (int i = 0; i < xy.getRendererCount(); i++) on.add(xy.getRenderer(i));
        synchronized (LIVE) {
            return spares.stream().filter(o -> !on.contains(o)).toList();
        }
    }

    /** The look new charts get and live charts have. */
    public static ChartLook look() { return look; }

    /**
     * Restyles every live chart (those made through {@link #style}, {@link #lineChart}) for this look:
     * backgrounds, text and grid colours, font sizes, line widths. On the FX thread, as charts repaint.
     */
    public static void setLook(ChartLook next) {
        look = java.util.Objects.requireNonNull(next);
        List<Live> charts;
        synchronized (LIVE) {
            charts = new ArrayList<>(LIVE);
        }
        for (Live l : charts) {
            JFreeChart chart = l.chart.get();
            if (chart == null) continue;
            restyle(chart, l.applied, next);
            l.applied = next;
        }
    }

    /**
     * Runs {@code draw} with these charts in another look (a figure for slides in the dark or presentation look),
     * then gives them back the look they had. On the FX thread, like every restyle.
     */
    public static void drawInLook(List<JFreeChart> charts, ChartLook temporary, Runnable draw) {
        List<Live> entries = charts.stream().map(c -> live(c, look)).toList();
        for (Live l : entries) restyle(l.chart.get(), l.applied, temporary);
        try {
            draw.run();
        } finally {
            for (Live l : entries) restyle(l.chart.get(), temporary, l.applied);
        }
    }

    private static void restyle(JFreeChart chart, ChartLook from, ChartLook to) {
        if (from.equals(to)) return;
        setFonts(chart, to);
        float fonts = to.fontScale() / from.fontScale();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle text) text.setFont(scaled(text.getFont(), fonts));   // a view's own notes
        }
        float strokes = to.strokeScale() / from.strokeScale();
        for (Object spare : offPlot(chart)) {
            if (spare instanceof Axis axis) {
                setAxisFonts(axis, to);
                colourAxis(axis, to);
            } else if (spare instanceof AbstractRenderer r) {
                scaleStrokes(r, strokes, PALETTE.length);
                adaptInk(r, from, to, PALETTE.length);
            }
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            for (Object a : xy.getAnnotations()) {
                if (a instanceof XYTextAnnotation text) text.setFont(scaled(text.getFont(), fonts));
            }
            for (Layer layer : new Layer[] {Layer.FOREGROUND, Layer.BACKGROUND}) {
                for (Collection<?> markers : java.util.Arrays.asList(xy.getDomainMarkers(layer), xy.getRangeMarkers(layer))) {
                    if (markers == null) continue;
                    for (Object m : markers) if (m instanceof Marker marker) marker.setLabelFont(scaled(marker.getLabelFont(), fonts));
                }
            }
            for (int i = 0; i < xy.getRendererCount(); i++) {
                if (xy.getRenderer(i) instanceof AbstractRenderer r) scaleStrokes(r, strokes, xy.getSeriesCount());
            }
        }
        applyColours(chart, from, to);
    }

    /** Backgrounds, text, axis and grid colours; black ink (series, notes) turns light on dark. */
    private static void applyColours(JFreeChart chart, ChartLook from, ChartLook to) {
        chart.setBackgroundPaint(to.background());
        if (chart.getTitle() != null) chart.getTitle().setPaint(to.text());
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(to.background());
        plot.setNoDataMessagePaint(to.text());
        for (ValueAxis axis : axes(plot)) colourAxis(axis, to);
        if (plot instanceof CategoryPlot category) {
            if (category.getDomainAxis() != null) colourAxis(category.getDomainAxis(), to);
            category.setRangeGridlinePaint(to.gridline());
            category.setDomainGridlinePaint(to.gridline());
            if (category.getRenderer() instanceof AbstractRenderer r) adaptInk(r, from, to, category.getDataset() == null ? 0 : category.getDataset().getRowCount());
        }
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(to.gridline());
            xy.setRangeGridlinePaint(to.gridline());
            for (int i = 0; i < xy.getRendererCount(); i++) {
                if (xy.getRenderer(i) instanceof AbstractRenderer r) adaptInk(r, from, to, xy.getSeriesCount());
            }
            for (Object a : xy.getAnnotations()) {
                if (a instanceof XYTextAnnotation text && isInk(text.getPaint(), from)) text.setPaint(ink(to));
            }
            for (Layer layer : new Layer[] {Layer.FOREGROUND, Layer.BACKGROUND}) {
                for (Collection<?> markers : java.util.Arrays.asList(xy.getDomainMarkers(layer), xy.getRangeMarkers(layer))) {
                    if (markers == null) continue;
                    for (Object m : markers) {
                        // Lines only: a band's label sits on the band, which keeps its own (light) colour.
                        if (m instanceof ValueMarker marker && isInk(marker.getLabelPaint(), from)) marker.setLabelPaint(ink(to));
                    }
                }
            }
        }
        for (Object t : chart.getSubtitles()) {
            if (t instanceof LegendTitle legend) {
                legend.setItemPaint(to.text());
                legend.setBackgroundPaint(to.background());
            } else if (t instanceof PaintScaleLegend scale) {
                scale.setBackgroundPaint(to.background());
                colourAxis(scale.getAxis(), to);
            } else if (t instanceof TextTitle text) {
                if (isInk(text.getPaint(), from)) text.setPaint(to.text());
                if (text.getBackgroundPaint() != null) text.setBackgroundPaint(to.background());
            }
        }
    }

    private static void colourAxis(Axis axis, ChartLook look) {
        axis.setLabelPaint(look.text());
        axis.setTickLabelPaint(look.text());
        axis.setAxisLinePaint(look.axisLine());
        axis.setTickMarkPaint(look.axisLine());
    }

    /** Black or the text colour of a look: ink that must stay readable on the background. */
    private static boolean isInk(Paint p, ChartLook from) {
        if (!(p instanceof Color c)) return false;
        return c.equals(Color.BLACK) || c.equals(ChartLook.LIGHT.text()) || c.equals(new ChartLook(true, false).text())
                || (from.dark() && c.equals(from.text()));
    }

    private static Color ink(ChartLook look) { return look.dark() ? look.text() : Color.BLACK; }

    private static void adaptInk(AbstractRenderer r, ChartLook from, ChartLook to, int series) {
        for (int i = 0; i < Math.max(series, PALETTE.length); i++) {
            if (isInk(r.getSeriesPaint(i), from)) r.setSeriesPaint(i, ink(to), false);
        }
        r.setDefaultItemLabelPaint(to.text(), false);
        r.notifyListeners(new org.jfree.chart.event.RendererChangeEvent(r));
    }

    private static void scaleStrokes(AbstractRenderer r, float factor, int series) {
        if (factor == 1f) return;
        for (int i = 0; i < Math.max(series, PALETTE.length); i++) {
            if (r.getSeriesStroke(i) instanceof BasicStroke s) r.setSeriesStroke(i, scaled(s, factor), false);
        }
        if (r.getDefaultStroke() instanceof BasicStroke s) r.setDefaultStroke(scaled(s, factor), false);
        r.notifyListeners(new org.jfree.chart.event.RendererChangeEvent(r));
    }

    private static BasicStroke scaled(BasicStroke s, float factor) {
        float[] dash = s.getDashArray();
        if (dash != null) {
            dash = dash.clone();
            for (int i = 0; i < dash.length; i++) dash[i] *= factor;
        }
        return new BasicStroke(s.getLineWidth() * factor, s.getEndCap(), s.getLineJoin(), s.getMiterLimit(), dash,
                s.getDashPhase() * factor);
    }

    private static Font scaled(Font f, float factor) {
        return f == null || factor == 1f ? f : f.deriveFont(f.getSize2D() * factor);
    }

    private static List<ValueAxis> axes(Plot plot) {
        List<ValueAxis> axes = new ArrayList<>();
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) if (xy.getDomainAxis(i) != null) axes.add(xy.getDomainAxis(i));
            for (int i = 0; i < xy.getRangeAxisCount(); i++) if (xy.getRangeAxis(i) != null) axes.add(xy.getRangeAxis(i));
        } else if (plot instanceof CategoryPlot category) {
            for (int i = 0; i < category.getRangeAxisCount(); i++) if (category.getRangeAxis(i) != null) axes.add(category.getRangeAxis(i));
        }
        return axes;
    }

    private static void setAxisFonts(Axis axis, ChartLook look) {
        axis.setLabelFont(LABEL_FONT.deriveFont(12f * look.fontScale()));
        axis.setTickLabelFont(LABEL_FONT.deriveFont(11f * look.fontScale()));
    }

    /** An axis made for a chart already styled: fonts and colours of the current look. */
    private static <A extends Axis> A styledAxis(A axis) {
        setAxisFonts(axis, look);
        colourAxis(axis, look);
        return axis;
    }

    /** A base-10 log axis that shows 10^k ticks. */
    public static LogAxis logAxis(String label) {
        LogAxis axis = new OneValueSafeLogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-320);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return styledAxis(axis);
    }

    public static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return styledAxis(axis);
    }

    /**
     * Three charts and a fourth cell (a note) in a 2×2 grid of equal quarters: the charts top left, top right and
     * bottom left, the fourth bottom right.
     */
    public static GridPane quadrants(List<JFreeChart> charts, Node fourth) {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        grid.add(viewer(charts.get(0)), 0, 0);
        grid.add(viewer(charts.get(1)), 1, 0);
        grid.add(viewer(charts.get(2)), 0, 1);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        RowConstraints row = new RowConstraints();
        row.setPercentHeight(50);
        row.setVgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        grid.getRowConstraints().addAll(row, row);
        grid.getChildren().forEach(n -> {
            if (n instanceof ChartViewer v) v.setPrefSize(300, 200);
        });
        grid.add(fourth, 1, 1);
        return grid;
    }

    /**
     * Styles a bar chart like the line charts, with flat bars (no gradient, no shadow) in the palette's first
     * {@code series} colours; returns its renderer for anything more.
     */
    public static BarRenderer styleBars(JFreeChart chart, int series) {
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int i = 0; i < series; i++) r.setSeriesPaint(i, PALETTE[i]);
        return r;
    }

    /** The chart's viewer; the chart, finished by its view now, gets the current look's line widths and ink. */
    public static ChartViewer viewer(JFreeChart chart) {
        Live l = live(chart, null);
        if (l.applied != null) {   // made by style(): settle its widths and ink for the look of now
            ChartLook now = look;
            restyle(chart, l.applied, now);
            l.applied = now;
        } else {
            synchronized (LIVE) { LIVE.remove(l); }   // a chart not styled here is left as it is
        }
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setMinSize(200, 150);
        viewer.setPrefSize(600, 320);
        return viewer;
    }

    /**
     * A log axis that survives data with a single value (or equal values) above about 1e8, as a diverging run logs:
     * JFreeChart widens such a range by its fixed minimum size 1e-8, which is lost in rounding there, and then throws
     * "A positive range length is required" from inside a dataset listener. This one shows a decade either side.
     */
    private static final class OneValueSafeLogAxis extends LogAxis {
        OneValueSafeLogAxis(String label) { super(label); }

        @Override
        protected void autoAdjustRange() {
            try {
                super.autoAdjustRange();
            } catch (IllegalArgumentException degenerate) {
                org.jfree.data.Range r = getPlot() instanceof XYPlot plot ? plot.getDataRange(this) : null;
                double v = r == null || !(r.getUpperBound() > 0) ? 1 : r.getUpperBound();
                setRange(new org.jfree.data.Range(v / 10, v * 10), false, false);
                return;
            }
            // Ticks sit on whole powers of the base only: a range inside one decade (mean |logit| from 1.4
            // to 7) would show no number at all, so it is widened to the powers around it.
            double lower = getLowerBound();
            double upper = getUpperBound();
            if (lower > 0 && upper > lower && Double.isFinite(upper)) {
                double low = Math.floor(calculateLog(lower));
                double high = Math.ceil(calculateLog(upper));
                if (high - low == 1 && calculateValue(low) < lower && calculateValue(high) > upper) {
                    setRange(new org.jfree.data.Range(calculateValue(low), calculateValue(high)), false, false);
                }
            }
        }
    }
}
