package lab.softmax.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import lab.softmax.app.HeadlessFx;
import lab.softmax.app.Labs;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.app.SoftmaxLabApp;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Scenario;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.Exporter;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;
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
        try (BackgroundTasks tasks = BackgroundTasks.forFxApplication()) {
            LabPage page = HeadlessFx.call(() -> {
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
                Scene scene = new Scene(p.view(), width, height);
                scene.getStylesheets().add(SoftmaxLabApp.class.getResource("app.css").toExternalForm());
                return p;
            }, TIMEOUT_SECONDS);
            waitUntilIdle(page, train == null ? timeoutSeconds : Math.max(timeoutSeconds, 1800));
            if (fmt.equals("svg")) {
                HeadlessFx.call(() -> {
                    try {
                        Exporter.svg(page.charts(), width, Math.max(200, height / Math.max(1, page.charts().size())), out);
                        return null;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, TIMEOUT_SECONDS);
            } else {
                WritableImage image = HeadlessFx.call(() -> {
                    page.view().applyCss();
                    page.view().layout();
                    return page.view().getScene().snapshot(null);
                }, TIMEOUT_SECONDS);
                Exporter.writePng(image, out);
            }
            HeadlessFx.call(() -> {
                page.dispose();
                return null;
            }, TIMEOUT_SECONDS);
        }
        spec.commandLine().getOut().println(out);
        return Cli.OK;
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
