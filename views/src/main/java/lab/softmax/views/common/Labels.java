package lab.softmax.views.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The small labels the lab panels are built from: section headings, notes and the cells of their small tables. */
public final class Labels {
    private Labels() { }

    /** A section heading in a control column. */
    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    /** An explanatory note that wraps. */
    public static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("note");
        return l;
    }

    /** A table cell showing a value. */
    public static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("value-label");
        return l;
    }

    /** A table header cell. */
    public static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    /** The label, never narrower than its text (a table cell in a column too narrow for it). */
    public static Label unshrunk(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
