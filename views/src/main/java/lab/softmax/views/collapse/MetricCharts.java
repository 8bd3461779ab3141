package lab.softmax.views.collapse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.engine.collapse.LossKind;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.Decimation;
import lab.softmax.views.common.OnePerFrame;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The six training curves of the lab, every run overlaid in its own colour: accuracy (test solid,
 * train dashed), train loss, SC fraction (zero-loss dashed), mean |logit|, weight norm and NLM
 * cosine, over a linear or logarithmic epoch axis, with a dotted line where each softmax run's SC
 * passes 50 %.
 */
final class MetricCharts {
    /** How a metric's y axis is drawn: fitted to the data, logarithmic, or the whole of [0, 1] for a fraction. */
    private enum Scale { LINEAR, LOG, FRACTION }

    /** One plotted quantity: a title, its y label and scale, and its value(s). */
    private record Metric(String title, String yLabel, Scale scale, ToDoubleFunction<EpochMetrics> solid,
                          ToDoubleFunction<EpochMetrics> dashed) {
        boolean logY() { return scale == Scale.LOG; }
    }

    private static final Metric SC = new Metric("Softmax Collapse (SC solid, zero loss dashed)", "fraction of train set",
            Scale.FRACTION, EpochMetrics::scFraction, EpochMetrics::zeroLossFraction);

    private static final List<Metric> METRICS = List.of(
            new Metric("Accuracy (test solid, train dashed)", "accuracy", Scale.FRACTION, EpochMetrics::testAcc, EpochMetrics::trainAcc),
            new Metric("Train loss", "loss", Scale.LOG, EpochMetrics::trainLoss, null),
            SC,
            new Metric("Mean |logit|", "mean |z|", Scale.LOG, EpochMetrics::meanAbsLogit, null),
            new Metric("Weight norm", "‖θ‖", Scale.LINEAR, EpochMetrics::weightNorm, null),
            new Metric("NLM cosine cos(−∇L, θ)", "cosine", Scale.LINEAR, EpochMetrics::nlmCosine, null));
    /** A fraction's axis: all of [0, 1], with room for a line drawn at 0 or 1. */
    private static final double FRACTION_MARGIN = 0.02;

    /** The SC chart's index in {@link #METRICS}. */
    static final int SC_CHART = METRICS.indexOf(SC);
    /**
     * A StableMax run's SC is the softmax formula applied to its logits, as the official logger computes it
     * for every run (logger.py, compute_softmax_collapse; docs/labs/collapse.md): what
     * would collapse under softmax, not something that happened to the run. Drawn thin, dash-dot (the
     * SC-50 % markers are dotted).
     */
    private static final BasicStroke HYPOTHETICAL = new BasicStroke(1.0f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {8f, 3f, 1.5f, 3f}, 0f);
    /** Per instance: a chart listens to its titles, so a shared one would keep every chart alive. */
    private final TextTitle hypotheticalNote = new TextTitle(
            "dash-dot: StableMax runs, SC if the loss were softmax (would collapse)", new Font("SansSerif", Font.PLAIN, 11));

    private final List<JFreeChart> charts = new ArrayList<>();
    private final List<XYSeriesCollection> data = new ArrayList<>();
    private boolean logX = true;
    private final SeedBand seedBand;

    MetricCharts() {
        for (Metric m : METRICS) {
            XYSeriesCollection d = new XYSeriesCollection();
            JFreeChart chart = Charts.lineChart(m.title(), "epoch", m.yLabel(), d);
            chart.removeLegend();
            // one path per series, so dash patterns run on across the many short segments of a log axis
            ((XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).setDrawSeriesLineAsPath(true);
            if (m.logY()) chart.getXYPlot().setRangeAxis(Charts.logAxis(m.yLabel()));
            if (m.scale() == Scale.FRACTION) {
                // fitted to the data, an all-zero SC curve got an axis from -5e-9 to 5e-9
                ValueAxis y = chart.getXYPlot().getRangeAxis();
                y.setAutoRange(false);
                y.setRange(-FRACTION_MARGIN, 1 + FRACTION_MARGIN);
            }
            data.add(d);
            charts.add(chart);
        }
        seedBand = new SeedBand(charts.getFirst());
        setLogEpochAxis(true);
    }

    /** The band over seeds on the accuracy chart (for tests). */
    SeedBand seedBand() { return seedBand; }

    List<JFreeChart> charts() { return charts; }

    void setLogEpochAxis(boolean log) {
        logX = log;
        for (JFreeChart c : charts) {
            ValueAxis axis = log ? Charts.logAxis("epoch (log)") : Charts.numberAxis("epoch");
            if (axis instanceof NumberAxis n) n.setAutoRangeIncludesZero(true);
            c.getXYPlot().setDomainAxis(axis);
        }
    }

    /** What is already plotted of one run: how many of its metrics, the last of them, and its SC-50 % epoch. */
    private static final class Plotted {
        int count;
        EpochMetrics first;
        EpochMetrics last;
        int sc50 = -1;
        final List<XYSeries> series = new ArrayList<>();   // per metric: solid, then dashed if any
    }

    private final List<RunEntry> plottedRuns = new ArrayList<>();
    private final List<Plotted> plotted = new ArrayList<>();
    private boolean plottedLogX;

    /**
     * Brings the charts up to date with the runs. Called per ~30 Hz batch: while the runs are the same
     * ones, only their new points are appended (and the SC-50 % epoch searched among them), so the work
     * per batch does not grow with the length of the runs. Anything else (runs added, removed or
     * reordered, a run retrained, the epoch axis switched) redraws everything. Each series is thinned to a few
     * thousand points as it grows ({@link Decimation}): an hour's run keeps its memory and redraw time flat.
     */
    void update(List<RunEntry> runs) {
        updatePoints(runs);
        seedBand.update(runs, logX);
    }

    private void updatePoints(List<RunEntry> runs) {
        if (!canAppend(runs)) {
            rebuild(runs);
            return;
        }
        boolean fresh = false;
        for (int r = 0; r < runs.size(); r++) fresh |= runs.get(r).metrics().size() != plotted.get(r).count;
        if (!fresh) return;
        // one redraw per chart for the whole batch, not one per series changed, and one chart per frame
        for (JFreeChart c : charts) OnePerFrame.hold(c);
        try {
            appendFresh(runs);
        } finally {
            for (JFreeChart c : charts) OnePerFrame.release(c);
        }
    }

    private void appendFresh(List<RunEntry> runs) {
        for (int r = 0; r < runs.size(); r++) {
            RunEntry run = runs.get(r);
            Plotted p = plotted.get(r);
            List<EpochMetrics> ms = run.metrics();
            if (ms.size() == p.count) continue;
            List<EpochMetrics> fresh = List.copyOf(ms.subList(p.count, ms.size()));
            int k = 0;
            for (int i = 0; i < METRICS.size(); i++) {
                Metric m = METRICS.get(i);
                append(p.series.get(k++), fresh, m.solid(), m.logY());
                if (m.dashed() != null) append(p.series.get(k++), fresh, m.dashed(), m.logY());
            }
            remember(p, ms);
            if (p.sc50 < 0) {
                p.sc50 = firstEpochAboveHalf(fresh);
                if (p.sc50 >= 0) addMarker(run, r, p.sc50);
            }
        }
    }

    private boolean canAppend(List<RunEntry> runs) {
        if (plottedLogX != logX || runs.size() != plottedRuns.size()) return false;
        for (int r = 0; r < runs.size(); r++) {
            if (runs.get(r) != plottedRuns.get(r)) return false;
            Plotted p = plotted.get(r);
            List<EpochMetrics> ms = runs.get(r).metrics();
            // a retrained run clears and refills its list: the points plotted must still be its first ones
            if (ms.size() < p.count) return false;
            if (p.count > 0 && (ms.getFirst() != p.first || ms.get(p.count - 1) != p.last)) return false;
        }
        return true;
    }

    private void rebuild(List<RunEntry> runs) {
        plottedRuns.clear();
        plotted.clear();
        plottedLogX = logX;
        for (RunEntry run : runs) {
            plottedRuns.add(run);
            Plotted p = new Plotted();
            remember(p, run.metrics());
            p.sc50 = firstEpochAboveHalf(run.metrics());
            plotted.add(p);
        }
        for (int i = 0; i < METRICS.size(); i++) {
            Metric m = METRICS.get(i);
            XYSeriesCollection d = data.get(i);
            XYPlot plot = charts.get(i).getXYPlot();
            plot.setNotify(false);
            d.removeAllSeries();
            plot.clearDomainMarkers();
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            for (int r = 0; r < runs.size(); r++) {
                RunEntry run = runs.get(r);
                Paint colour = Charts.PALETTE[r % Charts.PALETTE.length];
                XYSeries solid = series(seriesKey(runs, r), run.metrics(), m.solid(), m.logY());
                plotted.get(r).series.add(solid);
                d.addSeries(solid);
                renderer.setSeriesPaint(d.getSeriesCount() - 1, colour);
                renderer.setSeriesStroke(d.getSeriesCount() - 1, i == SC_CHART && !softmax(run) ? HYPOTHETICAL : new BasicStroke(1.8f));
                if (m.dashed() != null) {
                    XYSeries dashed = series(seriesKey(runs, r) + " (dashed)", run.metrics(), m.dashed(), m.logY());
                    plotted.get(r).series.add(dashed);
                    d.addSeries(dashed);
                    renderer.setSeriesPaint(d.getSeriesCount() - 1, colour);
                    renderer.setSeriesStroke(d.getSeriesCount() - 1, new BasicStroke(1.4f, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                }
            }
            if (i == SC_CHART) {
                charts.get(i).clearSubtitles();
                if (runs.stream().anyMatch(run -> !softmax(run))) charts.get(i).addSubtitle(hypotheticalNote);
            }
            plot.setNotify(true);
        }
        for (int r = 0; r < runs.size(); r++) {
            if (plotted.get(r).sc50 >= 0) addMarker(runs.get(r), r, plotted.get(r).sc50);
        }
    }

    /**
     * A run's series key: its label, numbered when another run has the same label (a chart's series keys must
     * differ; two runs added with the same settings get the same default label, and a file may hold such runs).
     */
    private static String seriesKey(List<RunEntry> runs, int index) {
        String label = runs.get(index).label();
        boolean shared = runs.stream().filter(r -> r.label().equals(label)).count() > 1;
        return shared ? label + " (run " + (index + 1) + ")" : label;
    }

    private static void remember(Plotted p, List<EpochMetrics> ms) {
        p.count = ms.size();
        p.first = ms.isEmpty() ? null : ms.getFirst();
        p.last = ms.isEmpty() ? null : ms.getLast();
    }

    /** Same rule as CollapseRun.firstEpochAbove(0.5), over the given points only. */
    private static int firstEpochAboveHalf(List<EpochMetrics> ms) {
        for (EpochMetrics m : ms) if (m.scFraction() > 0.5) return m.epoch();
        return -1;
    }

    private static boolean softmax(RunEntry run) {
        return run.config().loss() == LossKind.SOFTMAX_CE;
    }

    private void addMarker(RunEntry run, int index, int sc50) {
        if (sc50 <= 0 || !softmax(run)) return;
        Paint colour = Charts.PALETTE[index % Charts.PALETTE.length];
        for (JFreeChart c : charts) {
            c.getXYPlot().addDomainMarker(new ValueMarker(sc50, colour, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f)));
        }
    }

    /** The solid series of run {@code index} in chart {@code chart} (for tests). */
    XYSeries solidSeries(int chart, int index) {
        return (XYSeries) data.get(chart).getSeries(index * (METRICS.get(chart).dashed() != null ? 2 : 1));
    }

    /** Whether the SC curve of run {@code index} is drawn as hypothetical (for tests). */
    boolean drawnAsHypothetical(int index) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) charts.get(SC_CHART).getXYPlot().getRenderer();
        return renderer.getSeriesStroke(index * 2) == HYPOTHETICAL;
    }

    /** The SC chart's subtitles' texts (for tests). */
    List<String> scSubtitles() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < charts.get(SC_CHART).getSubtitleCount(); k++) {
            if (charts.get(SC_CHART).getSubtitle(k) instanceof TextTitle t) out.add(t.getText());
        }
        return out;
    }

    int markerCount(int chart) {
        var markers = charts.get(chart).getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        return markers == null ? 0 : markers.size();
    }

    private void append(XYSeries s, List<EpochMetrics> fresh, ToDoubleFunction<EpochMetrics> f, boolean logY) {
        boolean any = false;
        for (EpochMetrics e : fresh) {
            double y = f.applyAsDouble(e);
            if (logX && e.epoch() == 0) continue;
            if (!Double.isFinite(y) || (logY && y <= 0)) continue;
            s.add(e.epoch(), y, false);
            any = true;
        }
        if (any && !Decimation.thin(s, logX)) s.fireSeriesChanged();
    }

    private XYSeries series(String key, List<EpochMetrics> metrics, ToDoubleFunction<EpochMetrics> f, boolean logY) {
        XYSeries s = new XYSeries(key, false, true);
        for (EpochMetrics e : metrics) {
            double y = f.applyAsDouble(e);
            if (logX && e.epoch() == 0) continue;   // a log axis cannot show epoch 0
            if (!Double.isFinite(y) || (logY && y <= 0)) continue;
            s.add(e.epoch(), y, false);
        }
        Decimation.thin(s, logX);
        return s;
    }

    /** Colour of the i-th run (for the run list). */
    static Color colour(int index) { return (Color) Charts.PALETTE[index % Charts.PALETTE.length]; }
}
