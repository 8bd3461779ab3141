package lab.softmax.views.common;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Background work yields the CPU to the window. On Linux a worker thread raises its own nice value by
 * {@link #NICER_BY} (setpriority through the FFM API; the nice value is per thread there), and every thread it
 * starts inherits it: a training's team, a benchmark's pool, the MoE fits. With two trainings and a benchmark
 * on two cores the FX and render threads then get a core when a frame is due instead of waiting for a fair
 * share among eight busy threads; the computations lose nothing while the window is idle. Where the call is
 * not available (another OS) or fails, nothing changes.
 */
public final class WorkerPriority {
    /**
     * How much nicer than the thread that starts it a worker runs (nice values stop at 19); the system property
     * {@code softmaxlab.workerNice} overrides it (0: workers as urgent as the window, for comparisons).
     */
    static final int NICER_BY = Integer.getInteger("softmaxlab.workerNice", 10);
    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle GET_PRIORITY;
    private static final MethodHandle SET_PRIORITY;

    static {
        MethodHandle get = null;
        MethodHandle set = null;
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                var libc = linker.defaultLookup();
                get = linker.downcallHandle(libc.find("getpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                set = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            } catch (RuntimeException | LinkageError unavailable) {
                get = null;
                set = null;
            }
        }
        GET_PRIORITY = get;
        SET_PRIORITY = set;
    }

    private WorkerPriority() { }

    /** Raises the calling thread's nice value by {@link #NICER_BY} (at most to 19); returns whether it did. */
    public static boolean lowerCurrentThread() {
        if (SET_PRIORITY == null || NICER_BY == 0) return false;
        try {
            // who = 0 with PRIO_PROCESS is the calling thread on Linux. getpriority returns -1 on an error as it does
            // for nice -1: either way the worker gets 9, nicer than a caller at -1 or 0.
            int now = (int) GET_PRIORITY.invokeExact(PRIO_PROCESS, 0);
            return (int) SET_PRIORITY.invokeExact(PRIO_PROCESS, 0, Math.min(19, now + NICER_BY)) == 0;
        } catch (Throwable failed) {
            return false;
        }
    }
}
