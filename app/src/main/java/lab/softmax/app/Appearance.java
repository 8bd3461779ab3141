package lab.softmax.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import lab.softmax.views.common.ChartLook;
import lab.softmax.views.common.Charts;

/**
 * The window's theme (light or dark: AtlantaFX Primer plus our app.css, dark.css) and presentation
 * mode (full screen, 1.4 × fonts, full contrast, thicker chart lines), applied to the scene and to
 * every chart. The theme is remembered in the settings file; presentation mode is not (the app
 * starts in a window, also on the lecturer's desk the next day).
 */
public final class Appearance {
    public enum Theme { LIGHT, DARK }

    static final String THEME_KEY = "theme";
    private final Settings settings;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private Scene scene;

    public Appearance(Settings settings) {
        this.settings = settings;
        theme.set(parse(settings.get(THEME_KEY, "light")));
        theme.addListener((o, a, t) -> {
            settings.put(THEME_KEY, t.name().toLowerCase(Locale.ROOT));
            apply();
        });
        presentation.addListener((o, a, on) -> apply());
    }

    /** Unknown values (a hand-edited file) give the light theme. */
    static Theme parse(String value) {
        return "dark".equalsIgnoreCase(value == null ? "" : value.strip()) ? Theme.DARK : Theme.LIGHT;
    }

    public ObjectProperty<Theme> themeProperty() { return theme; }

    public BooleanProperty presentationProperty() { return presentation; }

    public Settings settings() { return settings; }

    /** Styles this scene from now on; Esc leaves presentation mode (F5 toggles it, from the View menu). */
    public void attach(Scene scene) {
        this.scene = scene;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && presentation.get()) {
                presentation.set(false);
                e.consume();
            }
        });
        scene.windowProperty().addListener((o, a, w) -> apply());
        apply();
    }

    private void apply() {
        boolean dark = theme.get() == Theme.DARK;
        boolean present = presentation.get();
        // The application's agent sheet styles dialogs and help windows too; the scene's own makes the window independent of them.
        Application.setUserAgentStylesheet(agentStylesheet(theme.get()));
        Charts.setLook(new ChartLook(dark, present));
        if (scene == null) return;
        style(scene, theme.get(), present);
        if (scene.getWindow() instanceof Stage stage) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);   // Esc is ours (above), so presentation mode ends too
            stage.setFullScreenExitHint(present ? "Presentation mode: Esc or F5 leaves" : null);
            if (stage.isFullScreen() != present) stage.setFullScreen(present);
            if (!Boolean.TRUE.equals(stage.getProperties().get(Appearance.class))) {
                stage.getProperties().put(Appearance.class, true);
                stage.fullScreenProperty().addListener((o, a, full) -> { if (!full) presentation.set(false); });
            }
        }
    }

    /** Styles a scene in this theme, for presentation or not: the window's and a headless snapshot's. */
    public static void style(Scene scene, Theme theme, boolean presentation) {
        boolean dark = theme == Theme.DARK;
        scene.setUserAgentStylesheet(agentStylesheet(theme));
        List<String> sheets = new ArrayList<>();
        sheets.add(css("app.css"));
        if (dark) sheets.add(css("dark.css"));
        if (presentation) sheets.add(css("presentation.css"));
        scene.getStylesheets().setAll(sheets);
        var classes = scene.getRoot().getStyleClass();
        classes.remove("dark");
        if (dark) classes.add("dark");
    }

    private static String agentStylesheet(Theme theme) {
        return theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    private static String css(String name) { return SoftmaxLabApp.class.getResource(name).toExternalForm(); }
}
