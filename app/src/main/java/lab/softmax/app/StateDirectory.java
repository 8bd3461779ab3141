package lab.softmax.app;

import java.nio.file.Path;

/**
 * Where the app keeps what it writes for itself rather than for the user: crash logs and recovery
 * files. {@code -Dsoftmaxlab.state=DIR} (tests, several installations), else {@code $XDG_STATE_HOME/softmax-lab},
 * else {@code ~/.local/state/softmax-lab}; on Windows {@code %LOCALAPPDATA%\softmax-lab}.
 */
public final class StateDirectory {
    public static final String PROPERTY = "softmaxlab.state";

    private StateDirectory() { }

    public static Path get() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "softmax-lab");
        String localAppData = System.getenv("LOCALAPPDATA");
        if (System.getProperty("os.name", "").startsWith("Windows") && localAppData != null) {
            return Path.of(localAppData, "softmax-lab");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "softmax-lab");
    }
}
