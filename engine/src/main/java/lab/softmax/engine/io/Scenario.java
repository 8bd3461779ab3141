package lab.softmax.engine.io;

import java.util.Objects;

/**
 * A scenario document: {"lab", "version", "title", "description", "state": {...}}.
 * The state is the lab's own record; nothing else is saved.
 */
public record Scenario<S>(ScenarioType<S> type, String title, String description, S state) {
    public Scenario {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        title = title == null ? "" : title;
        description = description == null ? "" : description;
    }

    public String lab() { return type.lab(); }
}
