package lab.softmax.views.common;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** A lab's tabs, each with a stable id (for {@code snapshot --tab} and the tab-dependent exports), none closable. */
public final class LabTabs extends TabPane {
    private final List<String> ids;

    /** Tabs to be added with {@link #add}, in the order of these ids. */
    public LabTabs(List<String> ids) { this.ids = List.copyOf(ids); }

    /** Adds the next tab (the one with the next id). */
    public void add(String title, Node content) {
        if (getTabs().size() >= ids.size()) throw new IllegalStateException("more tabs than ids " + ids);
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        getTabs().add(tab);
    }

    /** The id of the tab in front. */
    public String currentId() { return ids.get(Math.max(0, getSelectionModel().getSelectedIndex())); }

    public void show(String id) {
        int i = ids.indexOf(id);
        if (i < 0) throw new IllegalArgumentException("tab '" + id + "' is not one of " + ids);
        getSelectionModel().select(i);
    }
}
