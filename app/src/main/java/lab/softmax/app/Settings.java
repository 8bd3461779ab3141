package lab.softmax.app;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import lab.softmax.engine.io.AtomicFiles;

/**
 * The user's settings (today: the theme), in settings.properties beside recent.txt. A file that is
 * missing, unreadable or corrupt gives the defaults; saving writes a temp file and moves it into place.
 */
public final class Settings {
    private final Path file;
    private final Properties values = new Properties();

    public Settings(Path file) {
        this.file = file;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException | RuntimeException e) {
            values.clear();   // missing, unreadable or malformed (e.g. a bad \\u escape): defaults
        }
    }

    /** The folder of the user's settings: ~/.config/softmax-lab, or -Dsoftmaxlab.config=DIR. */
    public static Path directory() {
        String configured = System.getProperty("softmaxlab.config");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".config", "softmax-lab");
    }

    public static Settings forUser() { return new Settings(directory().resolve("settings.properties")); }

    public Path file() { return file; }

    public String get(String key, String fallback) { return values.getProperty(key, fallback); }

    /** Sets and saves at once; a settings file that cannot be written is not worth interrupting the user for. */
    public void put(String key, String value) {
        values.setProperty(key, value);
        try {
            StringWriter text = new StringWriter();
            values.store(text, "Softmax Lab settings");
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            System.err.println("softmax-lab: cannot save settings to " + file + ": " + e.getMessage());
        }
    }
}
