package lab.softmax.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import lab.softmax.app.lesson.Lesson;
import lab.softmax.app.lesson.LessonIO;
import lab.softmax.app.lesson.ShippedLessons;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;

/**
 * What the app opens on: one card per registered lab (picture, one sentence, Open), the shipped
 * lessons and the recent files. Cards come from the labs the window was given, so a newly
 * registered lab appears here without a change to this class; its picture is docs/images/&lt;id&gt;.png
 * when that file exists, else a plain tile with the lab's initial.
 */
public final class StartPage extends ScrollPane {
    static final double CARD_WIDTH = 250;
    private final VBox lessons = new VBox(6);
    private final VBox recentBox = new VBox(4);
    private final RecentFiles recent;
    private final Consumer<Path> openFile;

    /**
     * @param openLab    opens a lab's page
     * @param openLesson starts a lesson file
     * @param openFile   opens a scenario file
     */
    public StartPage(List<LabModule> labs, BackgroundTasks tasks, LessonIO lessonIO, RecentFiles recent,
                     Consumer<LabModule> openLab, Consumer<Path> openLesson, Consumer<Path> openFile) {
        this.recent = recent;
        this.openFile = openFile;
        setId("start-page");
        getStyleClass().add("start-page");
        setFitToWidth(true);
        Label title = new Label("Softmax Lab");
        title.getStyleClass().add("start-title");
        Label tagline = new Label("See how softmax and attention behave, computed for real in the precision you pick. "
                + "Open a lab to explore, or follow a lesson step by step.");
        tagline.setWrapText(true);
        FlowPane cards = new FlowPane(14, 14);
        for (LabModule lab : labs) cards.getChildren().add(card(lab, () -> openLab.accept(lab)));
        lessons.getChildren().add(new Label("Reading the lessons…"));
        VBox content = new VBox(12, title, tagline, heading("Labs"), cards, heading("Lessons"), lessons,
                heading("Recent files"), recentBox);
        content.setPadding(new Insets(20, 24, 24, 24));
        setContent(content);
        refreshRecent();
        // Reading a lesson validates every scenario it names (some hold long training records): off the FX thread.
        tasks.run("Reading the lessons", context -> readLessons(lessonIO), found -> showLessons(found, openLesson),
                error -> lessons.getChildren().setAll(new Label("The lessons could not be read: " + error.getMessage())));
    }

    /** A lesson file and what reading it gave: the lesson, or the problem. */
    record Entry(Path file, Lesson lesson, String problem) { }

    private static List<Entry> readLessons(LessonIO io) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : ShippedLessons.files()) {
            try {
                entries.add(new Entry(file, io.read(file), null));
            } catch (RuntimeException e) {
                entries.add(new Entry(file, null, e.getMessage()));
            }
        }
        return entries;
    }

    private void showLessons(List<Entry> entries, Consumer<Path> openLesson) {
        lessons.getChildren().clear();
        for (Entry e : entries) {
            if (e.lesson() == null) {
                Label broken = new Label(e.file().getFileName() + ": cannot be used: " + e.problem());
                broken.getStyleClass().add("error-label");
                broken.setWrapText(true);
                lessons.getChildren().add(broken);
                continue;
            }
            Hyperlink link = new Hyperlink(e.lesson().title());
            link.getStyleClass().add("start-lesson");
            link.setOnAction(a -> openLesson.accept(e.file()));
            Label about = new Label(e.lesson().summary() + "  (" + String.join(", ", e.lesson().labs()) + "; "
                    + e.lesson().steps().size() + " steps)");
            about.setWrapText(true);
            about.getStyleClass().add("note");
            VBox row = new VBox(0, link, about);
            lessons.getChildren().add(row);
        }
        if (entries.isEmpty()) lessons.getChildren().add(new Label("No lessons in " + ShippedLessons.directory()));
    }

    /** Re-reads the recent files (the list changes whenever a scenario is opened or saved). */
    public void refreshRecent() {
        recentBox.getChildren().clear();
        for (Path p : recent.list()) {
            Hyperlink link = new Hyperlink(p.getFileName() + "   " + p.getParent());
            link.setOnAction(e -> openFile.accept(p));
            recentBox.getChildren().add(link);
        }
        if (recentBox.getChildren().isEmpty()) {
            Label none = new Label("None yet: scenarios you open or save appear here.");
            none.getStyleClass().add("note");
            recentBox.getChildren().add(none);
        }
    }

    private static Node card(LabModule lab, Runnable open) {
        Label name = new Label(lab.title());
        name.getStyleClass().add("card-title");
        Label summary = new Label(lab.summary());
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // the whole sentence, never "…"
        summary.setPrefHeight(84);
        summary.setAlignment(Pos.TOP_LEFT);
        Button openButton = new Button("Open");
        openButton.setId("open-" + lab.id());
        openButton.setOnAction(e -> open.run());
        VBox card = new VBox(8, picture(lab), name, summary, openButton);
        card.getStyleClass().add("lab-card");
        card.setPadding(new Insets(10));
        card.setPrefWidth(CARD_WIDTH);
        card.setMaxWidth(CARD_WIDTH);
        card.setOnMouseClicked(e -> { if (e.getClickCount() == 2) open.run(); });
        return card;
    }

    /** The lab's picture from docs/images, scaled to the card; a tile with its initial when there is none. */
    static Node picture(LabModule lab) {
        double w = CARD_WIDTH - 20;
        double h = w * 0.6;
        Path png = pictureFile(lab.id());
        if (Files.isRegularFile(png)) {
            Image image = new Image(png.toUri().toString(), w * 2, h * 2, true, true);
            if (!image.isError()) {
                ImageView view = new ImageView(image);
                view.setFitWidth(w);
                view.setFitHeight(h);
                view.setPreserveRatio(true);
                StackPane frame = new StackPane(view);
                frame.setPrefSize(w, h);
                frame.getStyleClass().add("card-picture");
                return frame;
            }
        }
        Rectangle tile = new Rectangle(w, h);
        tile.getStyleClass().add("card-tile");
        Label initial = new Label(lab.title().substring(0, 1));
        initial.getStyleClass().add("card-initial");
        return new StackPane(tile, initial);
    }

    /** docs/images/&lt;id&gt;.png beside the sample-data folder (the repository, or the installed app's folder). */
    static Path pictureFile(String labId) {
        Path root = SampleData.directory().toAbsolutePath().getParent();
        return (root == null ? Path.of("docs") : root.resolve("docs")).resolve("images").resolve(labId + ".png");
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("start-heading");
        return l;
    }
}
