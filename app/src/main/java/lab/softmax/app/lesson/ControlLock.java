package lab.softmax.app.lesson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import lab.softmax.views.common.DraggableBarChart;

/**
 * Locks a lab's view for a lesson step: every input control is disabled except those the step
 * unlocks. A control is named by its own id (Node.setId in the lab's view) or by the id of a group
 * around it (e.g. "precision" for the row of precision buttons); unlocking a group unlocks
 * everything in it. Controls without an id can never be unlocked, so a lab that adds a control
 * cannot silently hand students a knob the lesson did not mean to give them.
 *
 * <p>The view sets some controls' disable state itself (Run is disabled while a run is busy). While
 * locked, such a change is remembered and undone; {@link Handle#release()} puts back the state the view
 * last asked for.
 */
public final class ControlLock {
    /** The style class of a control the lesson left free, so the side panel can point at it. */
    public static final String UNLOCKED_STYLE = "lesson-unlocked";

    private ControlLock() { }

    /** An input control and the ids that name it: its own and those of the groups around it. */
    public record Input(Node node, List<String> names) { }

    /** Every input control in the view, in scene-graph order (walks tabs, scroll panes and split panes too). */
    public static List<Input> inputs(Node root) {
        List<Input> found = new ArrayList<>();
        walk(root, List.of(), found);
        return found;
    }

    /** Every id that a step may unlock in this view, sorted. */
    public static Set<String> ids(Node root) {
        Set<String> ids = new java.util.TreeSet<>();
        for (Input in : inputs(root)) ids.addAll(in.names());
        return ids;
    }

    /** True for nodes whose use changes the lab's state; read-only tables and charts stay readable. */
    static boolean isInput(Node n) {
        return n instanceof ButtonBase || n instanceof ComboBoxBase<?> || n instanceof ChoiceBox<?> || n instanceof Slider
                || n instanceof Spinner<?> || n instanceof TextInputControl || n instanceof DraggableBarChart
                || n instanceof ListView<?> || (n instanceof TableView<?> t && t.isEditable());
    }

    private static void walk(Node node, List<String> groups, List<Input> found) {
        if (node == null) return;
        List<String> names = node.getId() == null ? groups : append(groups, node.getId());
        if (isInput(node)) {
            found.add(new Input(node, names));
            return;   // a spinner's text field or a combo box's button are part of it
        }
        for (Node child : children(node)) walk(child, names, found);
    }

    /** A control's content is not among its children until it has a skin, so containers are asked directly. */
    private static List<Node> children(Node node) {
        return switch (node) {
            case TabPane t -> t.getTabs().stream().map(Tab::getContent).toList();
            case ScrollPane s -> s.getContent() == null ? List.of() : List.of(s.getContent());
            case SplitPane s -> s.getItems();
            case TitledPane t -> t.getContent() == null ? List.of() : List.of(t.getContent());
            case Parent p -> p.getChildrenUnmodifiable();
            default -> List.of();
        };
    }

    private static List<String> append(List<String> list, String id) {
        List<String> copy = new ArrayList<>(list);
        copy.add(id);
        return copy;
    }

    /** Locks every input control of the view that none of the ids names. The caller has checked the ids. */
    public static Handle lock(Node root, Set<String> unlocked) {
        Handle handle = new Handle();
        for (Input in : inputs(root)) {
            if (in.names().stream().anyMatch(unlocked::contains)) {
                in.node().getStyleClass().add(UNLOCKED_STYLE);
                handle.highlighted.add(in.node());
            } else {
                handle.lock(in.node());
            }
        }
        return handle;
    }

    /** Ids among {@code wanted} that the view does not have. */
    public static Set<String> unknown(Node root, List<String> wanted) {
        Set<String> known = ids(root);
        Set<String> missing = new LinkedHashSet<>();
        for (String id : wanted) if (!known.contains(id)) missing.add(id);
        return missing;
    }

    /** What one lock changed, to undo it. */
    public static final class Handle {
        private final List<Locked> locked = new ArrayList<>();
        private final List<Node> highlighted = new ArrayList<>();

        private void lock(Node node) {
            if (node.disableProperty().isBound()) return;   // cannot be locked: the views set, never bind, disable
            Locked l = new Locked(node, node.isDisable());
            node.setDisable(true);
            node.disableProperty().addListener(l);
            locked.add(l);
        }

        /** The nodes this lock disabled. */
        public List<Node> lockedNodes() { return locked.stream().map(Locked::node).toList(); }

        /** Enables what was locked (or leaves it as the view last asked) and removes the highlights. */
        public void release() {
            for (Locked l : locked) {
                l.node.disableProperty().removeListener(l);
                l.node.setDisable(l.wanted);
            }
            locked.clear();
            highlighted.forEach(n -> n.getStyleClass().remove(UNLOCKED_STYLE));
            highlighted.clear();
        }
    }

    /** Keeps a locked control disabled, remembering what the view wanted meanwhile. */
    private static final class Locked implements ChangeListener<Boolean> {
        private final Node node;
        private boolean wanted;

        Locked(Node node, boolean wanted) {
            this.node = node;
            this.wanted = wanted;
        }

        Node node() { return node; }

        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
            if (!now) {
                wanted = false;
                node.setDisable(true);
            }
        }
    }
}
