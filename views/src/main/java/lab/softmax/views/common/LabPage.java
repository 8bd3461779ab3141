package lab.softmax.views.common;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.layout.Region;
import lab.softmax.engine.io.Scenario;
import org.jfree.chart.JFreeChart;

/** A lab's page: its view, its whole state as a scenario, and what can be exported from it. */
public interface LabPage {
    Region view();

    /** The current state (every control, seed, precision) as a scenario document. */
    Scenario<?> scenario();

    /**
     * Restores a state. Call on the FX thread with a scenario of this lab.
     * @throws IllegalArgumentException when the scenario belongs to another lab
     */
    void load(Scenario<?> scenario);

    /** The charts on the page, top to bottom, for SVG export. */
    List<JFreeChart> charts();

    /** The plotted data, for CSV export. */
    CsvTable plottedData();

    /** True while background work for this page runs; a headless snapshot waits for false. */
    ReadOnlyBooleanProperty busyProperty();

    /** Ids of the page's tabs that {@link #showTab} brings to the front (empty when it has none); for `snapshot --tab`. */
    default List<String> tabs() { return List.of(); }

    /** Brings a tab to the front; {@code id} is one of {@link #tabs()}. */
    default void showTab(String id) {
        throw new IllegalArgumentException("this page has no tab '" + id + "'");
    }

    /**
     * For `snapshot --train`: labs that train live start a short run of the given epochs (and whatever
     * inspection follows it) and report busy until it is done. Returns false when the page does not train.
     */
    default boolean trainForSnapshot(int epochs) { return false; }

    /** Cancels the page's background work; the page is not used afterwards. */
    default void dispose() { }
}
