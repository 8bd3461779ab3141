package lab.softmax.app;

import lab.softmax.app.cli.Cli;

/**
 * Entry point. No arguments: the desktop app. Otherwise a headless command.
 * Not an Application subclass, so JavaFX can live on the class path (see stack.md).
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        if (args.length == 0) {
            SoftmaxLabApp.launchApp(args);
            return;
        }
        int status = Cli.run(args);
        System.out.flush();
        System.exit(status);
    }
}
