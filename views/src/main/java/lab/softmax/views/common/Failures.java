package lab.softmax.views.common;

import java.util.function.Consumer;
import lab.softmax.engine.io.InputException;

/**
 * A failed background task, split as the command line splits it: bad input (an InputException, naming the
 * file, field and value) is shown where the view shows problems; anything else is a bug and goes to the
 * thread's uncaught-exception handler (in the app: the error dialog and a crash log).
 */
public final class Failures {
    private Failures() { }

    public static void report(Throwable failure, Consumer<String> showProblem) {
        if (failure instanceof InputException) {
            showProblem.accept(failure.getMessage());
        } else {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, failure);
        }
    }
}
