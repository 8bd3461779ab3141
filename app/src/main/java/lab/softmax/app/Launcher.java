package lab.softmax.app;

import lab.softmax.app.cli.Cli;

/**
 * Entry point. No arguments: the desktop app. Otherwise a headless command.
 * Not an Application subclass: the java launcher refuses to start a main class that extends
 * Application unless javafx.graphics is on the module path, so this class keeps that choice open.
 */
public final class Launcher {
    private Launcher() { }

    private static void launchWindow() {
        try {
            SoftmaxLabApp.launchApp(new String[0]);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // JavaFX cannot open a window (no display, or no GTK 3): say so instead of a stack trace.
            System.err.println("softmax-lab: cannot open the window: " + e.getMessage());
            System.err.println("  The desktop app needs a display (DISPLAY or WAYLAND_DISPLAY) and GTK 3 (Debian: libgtk-3-0 libgl1).");
            System.err.println("  Every lab also works headless: ./softmax-lab --help");
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            launchWindow();
            return;
        }
        int status = Cli.run(args);
        System.out.flush();
        System.exit(status);
    }
}
