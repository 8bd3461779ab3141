package lab.softmax.views.common;

import java.util.Objects;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.io.ScenarioType;

/**
 * What a page keeps of the scenario it last opened besides the state: its title and description, so that saving writes
 * them back. {@link #unwrap} checks that a scenario is this page's type and returns its typed state; {@link #wrap} makes
 * a scenario of the page's current state.
 */
public final class ScenarioHeader<S> {
    private final ScenarioType<S> type;
    private String title = "";
    private String description = "";

    public ScenarioHeader(ScenarioType<S> type) { this.type = Objects.requireNonNull(type); }

    /** The page's current state as a scenario with the title and description last opened. */
    public Scenario<S> wrap(S state) { return wrap(type, state); }

    /** For a page with more than one scenario type: a state of another type, under the same title and description. */
    public <T> Scenario<T> wrap(ScenarioType<T> other, T state) { return new Scenario<>(other, title, description, state); }

    /** The scenario's state, once checked to be this page's type; keeps its title and description. */
    public S unwrap(Scenario<?> scenario) {
        if (!type.stateClass().isInstance(scenario.state())) throw notOurs(scenario);
        remember(scenario);
        return type.stateClass().cast(scenario.state());
    }

    /** Keeps the scenario's title and description (for a page that checks the state's type itself). */
    public void remember(Scenario<?> scenario) {
        title = scenario.title();
        description = scenario.description();
    }

    /** "not a kernels scenario: distributions": a scenario this page cannot open. */
    public IllegalArgumentException notOurs(Scenario<?> scenario) {
        String lab = type.lab();
        String article = "aeiou".indexOf(lab.charAt(0)) >= 0 ? "an " : "a ";
        return new IllegalArgumentException("not " + article + lab + " scenario: " + scenario.lab());
    }
}
