package lab.softmax.app;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lab.softmax.engine.io.Scenario;
import lab.softmax.views.common.LabPage;

/**
 * Keeps every open lab's state in the recovery files ({@link RecoveryStore}): every {@value #INTERVAL_SECONDS} s
 * and whenever a page's background work finishes (a training, a benchmark, a recomputation), a state that
 * changed since it was last kept is written, off the FX thread. The state is taken on the FX thread (pages
 * read their controls), written on a worker of its own.
 */
final class Autosave implements AutoCloseable {
    static final long INTERVAL_SECONDS = 30;
    private final RecoveryStore store;
    private final Executor ui;
    private final ScheduledExecutorService timer;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "autosave-write"));
    private final Map<String, LabPage> pages = new HashMap<>();
    /** The state last handed to the writer, per lab: an equal one is not written again. */
    private final Map<String, Object> kept = new HashMap<>();

    /**
     * @param ui    where pages are read (Platform::runLater in the app)
     * @param timer runs the periodic save (null: no timer; tests call {@link #saveAll()})
     */
    Autosave(RecoveryStore store, Executor ui, ScheduledExecutorService timer) {
        this.store = store;
        this.ui = ui;
        this.timer = timer;
        if (timer != null) timer.scheduleWithFixedDelay(() -> ui.execute(this::saveAll), INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    static Autosave forApp(RecoveryStore store) {
        return new Autosave(store, javafx.application.Platform::runLater,
                Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "autosave-timer")));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A page to keep (call on the FX thread when the page is created): saved now, when its work ends, and on the timer. */
    void watch(String lab, LabPage page) {
        pages.put(lab, page);
        page.busyProperty().addListener((o, was, busy) -> {
            if (was && !busy) save(lab, page);
        });
        save(lab, page);
    }

    /** Every watched page whose state changed (FX thread). */
    void saveAll() {
        pages.forEach(this::save);
    }

    private void save(String lab, LabPage page) {
        Scenario<?> scenario;
        try {
            scenario = page.scenario();
        } catch (RuntimeException midway) {
            return;   // a page between two states (a lesson step loading); the next save takes it
        }
        if (sameState(scenario.state(), kept.get(lab))) return;
        kept.put(lab, scenario.state());
        writer.execute(() -> {
            try {
                store.save(lab, scenario);
            } catch (IOException e) {
                System.err.println("softmax-lab: cannot write the recovery file of " + lab + ": " + e.getMessage());
            }
        });
    }

    /**
     * Equal content: records component by component, lists and arrays element by element (a state record
     * clones its arrays, so its own equals compares identities and would call every state new).
     */
    static boolean sameState(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null || a.getClass() != b.getClass()) return false;
        if (a.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(a);
            if (n != java.lang.reflect.Array.getLength(b)) return false;
            if (a.getClass().getComponentType().isPrimitive()) return java.util.Arrays.deepEquals(new Object[] {a}, new Object[] {b});
            for (int i = 0; i < n; i++) if (!sameState(java.lang.reflect.Array.get(a, i), java.lang.reflect.Array.get(b, i))) return false;
            return true;
        }
        if (a instanceof java.util.List<?> x && b instanceof java.util.List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!sameState(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a.getClass().isRecord()) {
            try {
                for (var c : a.getClass().getRecordComponents()) {
                    if (!sameState(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) return false;
                }
                return true;
            } catch (ReflectiveOperationException e) {
                return false;   // cannot tell: keep it
            }
        }
        return a.equals(b);
    }

    /** Waits for the writes asked for so far (tests; the app's clean exit deletes the files anyway). */
    void flush() throws Exception {
        writer.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    /** A clean exit: stop, and delete the recovery files. */
    @Override
    public void close() throws IOException {
        if (timer != null) timer.shutdownNow();
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
