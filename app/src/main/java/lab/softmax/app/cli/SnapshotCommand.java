package lab.softmax.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import lab.softmax.app.Appearance;
import lab.softmax.app.HeadlessFx;
import lab.softmax.app.Labs;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Scenario;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.ChartLook;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.Exporter;
import lab.softmax.views.common.Figure;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.common.OnePerFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Renders a lab's view to PNG (or its charts to SVG) without a display.",
                "The view is built exactly as the app builds it, loaded with --scenario if given, and drawn "
                        + "once its background computation has finished."})
public final class SnapshotCommand implements Callable<Integer> {
    private static final long TIMEOUT_SECONDS = 120;

    @Spec CommandSpec spec;

    @Option(names = "--view", required = true, description = "The lab: ${COMPLETION-CANDIDATES}",
            completionCandidates = LabIds.class)
    String view;

    @Option(names = "--scenario", description = "A scenario file of that lab (default: the lab's defaults).")
    Path scenario;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for the view's computation "
            + "(a Ghosts training scenario trains on load: a minute or more on a busy machine) (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--out", required = true, description = "Output file (.png, or .svg with --format svg).")
    Path out;

    @Option(names = "--width", defaultValue = "1280") int width;
    @Option(names = "--height", defaultValue = "800") int height;
    @Option(names = "--format", defaultValue = "png", description = "png or svg (svg: the view's charts)")
    String format;

    @Option(names = "--scale", defaultValue = "1", description = "PNG pixels per point, 1 to 4 (2: sharp on a "
            + "high-density projector; the layout stays --width x --height) (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--theme", defaultValue = "light", description = "light or dark (default: ${DEFAULT-VALUE})")
    String theme;

    @Option(names = "--presentation", description = "Presentation look: larger text, thicker lines, full contrast.")
    boolean presentation;

    @Option(names = "--chart", paramLabel = "N|all", description = "Only the view's charts, drawn afresh for a slide: "
            + "chart N (1 = top) or all stacked; --width/--height are then each chart's size in points.")
    String chart;

    @Option(names = "--tab", paramLabel = "ID",
            description = "Bring this tab of the view to the front first (collapse: why, stablemax, orthograd).")
    String tab;

    @Option(names = "--train", paramLabel = "EPOCHS",
            description = "Labs that train live (collapse): train a copy of the selected run's settings for EPOCHS epochs "
                    + "and inspect its chosen sample before drawing, so the panels that need a live model show it. "
                    + "Keep it small: it runs on this machine's cores.")
    Integer train;

    static final class LabIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Labs.all().stream().map(LabModule::id).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        LabModule lab = Labs.byId(view).orElseThrow(() -> new InputException("", "--view",
                "unknown view '" + view + "' (available: " + String.join(", ", new LabIds()) + ")"));
        if (timeoutSeconds < 1) throw new InputException("", "--timeout", timeoutSeconds + " must be at least 1 (seconds)");
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("png") && !fmt.equals("svg")) {
            throw new InputException("", "--format", "'" + format + "' is not png or svg");
        }
        if (width < 200 || height < 150 || width > 8000 || height > 8000) {
            throw new InputException("", "--width/--height", width + "x" + height + " is outside 200x150 .. 8000x8000");
        }
        Appearance.Theme look = parseTheme(theme);
        Integer chartIndex = parseChart(chart);
        Figure figure = figure(fmt, chartIndex, new ChartLook(look == Appearance.Theme.DARK, presentation));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && java.nio.file.Files.exists(parent) && !java.nio.file.Files.isWritable(parent)) {
            throw new InputException(out.toString(), "--out", "the folder is not writable");
        }
        if (java.nio.file.Files.isDirectory(out)) {
            throw new InputException(out.toString(), "--out", "is a folder; name a ." + fmt + " file");
        }
        Scenario<?> loaded = scenario == null ? null : ScenarioTypes.io().read(scenario);
        if (loaded != null && !lab.opens(loaded.lab())) {
            throw new InputException(scenario.toString(), "lab", "'" + loaded.lab() + "' does not match --view " + view);
        }
        if (train != null && (train < 1 || train > 100_000)) {
            throw new InputException("", "--train", train + " is outside 1..100000");
        }
        HeadlessFx.start();
        ChartLook before = Charts.look();
        try (BackgroundTasks tasks = BackgroundTasks.forFxApplication()) {
            LabPage page = HeadlessFx.call(() -> {
                Charts.setLook(figure.look());
                LabPage p = lab.createPage(tasks);
                if (loaded != null) p.load(loaded);
                if (tab != null) {
                    if (!p.tabs().contains(tab)) {
                        throw new InputException("", "--tab", "'" + tab + "' is not a tab of " + view
                                + (p.tabs().isEmpty() ? " (it has none)" : " (available: " + String.join(", ", p.tabs()) + ")"));
                    }
                    p.showTab(tab);
                }
                if (train != null && !p.trainForSnapshot(train)) {
                    throw new InputException("", "--train", "the " + view + " view does not train live");
                }
                Appearance.style(new Scene(p.view(), width, height), look, presentation);
                return p;
            }, TIMEOUT_SECONDS);
            waitUntilIdle(page, train == null ? timeoutSeconds : Math.max(timeoutSeconds, 1800));
            if (fmt.equals("svg") || chartIndex != null) {
                HeadlessFx.call(() -> {
                    OnePerFrame.flush();
                    if (chartIndex != null && chartIndex >= page.charts().size()) {
                        throw new InputException("", "--chart", (chartIndex + 1) + " is not a chart of this view (it has "
                                + page.charts().size() + ")");
                    }
                    try {
                        int charts = Math.max(1, page.charts().size());
                        Figure drawn = chartIndex != null ? figure : new Figure(figure.format(), Figure.ALL_CHARTS, width,
                                Math.max(200, height / charts), 1, figure.look());
                        Exporter.figure(page.charts(), drawn, out);
                        return null;
                    } catch (java.io.IOException e) {
                        throw new InputException(out.toString(), "--out", e.getMessage());
                    }
                }, TIMEOUT_SECONDS);
            } else {
                WritableImage image = HeadlessFx.call(() -> {
                    OnePerFrame.flush();
                    page.view().applyCss();
                    page.view().layout();
                    SnapshotParameters parameters = new SnapshotParameters();
                    parameters.setTransform(Transform.scale(scale, scale));
                    return page.view().snapshot(parameters, null);
                }, TIMEOUT_SECONDS);
                Exporter.writePng(image, out);
            }
            HeadlessFx.call(() -> {
                page.dispose();
                return null;
            }, TIMEOUT_SECONDS);
        } finally {
            HeadlessFx.call(() -> {
                Charts.setLook(before);   // the look is the process's: leave it as found (tests run many snapshots)
                return null;
            }, TIMEOUT_SECONDS);
        }
        spec.commandLine().getOut().println(out);
        return Cli.OK;
    }

    private static Appearance.Theme parseTheme(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "light" -> Appearance.Theme.LIGHT;
            case "dark" -> Appearance.Theme.DARK;
            default -> throw new InputException("", "--theme", "'" + value + "' is not light or dark");
        };
    }

    /** The chart's index, {@link Figure#ALL_CHARTS}, or null for the whole view. */
    private static Integer parseChart(String value) {
        if (value == null) return null;
        if (value.equalsIgnoreCase("all")) return Figure.ALL_CHARTS;
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) return n - 1;
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new InputException("", "--chart", "'" + value + "' is not a chart number (1 = top) or all");
    }

    /** The figure the options describe (without --chart, an SVG stacks every chart in the view's height: see call). */
    private Figure figure(String fmt, Integer chartIndex, ChartLook look) {
        try {
            Figure.Format format = fmt.equals("svg") ? Figure.Format.SVG : Figure.Format.PNG;
            return new Figure(format, chartIndex == null ? Figure.ALL_CHARTS : chartIndex, width, height, scale, look);
        } catch (InputException e) {
            String option = switch (e.field()) {
                case "size" -> "--width/--height";
                case "chart" -> "--chart";
                default -> "--scale";
            };
            throw new InputException("", option, e.problem(), e);
        }
    }

    /** Polls until the page's background work is done (most scenarios settle within a second; training ones take longer). */
    private static void waitUntilIdle(LabPage page, long seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int idleChecks = 0;
        while (idleChecks < 3) {
            if (System.nanoTime() > deadline) {
                throw new InputException("", "--timeout", "the view did not finish computing within " + seconds + " s; allow more");
            }
            boolean busy = HeadlessFx.call(() -> page.busyProperty().get(), TIMEOUT_SECONDS);
            idleChecks = busy ? 0 : idleChecks + 1;
            Thread.sleep(50);
        }
    }
}
