package lab.softmax.views.common;

import lab.softmax.engine.io.ScenarioType;

/** One lab as the app shell sees it: its name, its scenario format and how to build its page. */
public interface LabModule {
    /** The scenario "lab" name, e.g. "distributions". */
    default String id() { return scenarioType().lab(); }

    /** Shown in the navigation list. */
    String title();

    ScenarioType<?> scenarioType();

    /** Whether this lab opens scenarios of that "lab" name (a lab may own several scenario types). */
    default boolean opens(String scenarioLab) { return id().equals(scenarioLab); }

    LabPage createPage(BackgroundTasks tasks);

    /** One sentence on what the lab shows, for the start page's card (empty: the card shows the title only). */
    default String summary() { return ""; }
}
