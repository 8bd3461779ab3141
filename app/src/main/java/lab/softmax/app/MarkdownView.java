package lab.softmax.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A small Markdown renderer for lesson texts and the labs' doc pages, without a WebView (which would
 * add a browser engine to the app for a few paragraphs): headings, paragraphs, "- " lists, fenced code,
 * tables (shown as monospaced text), **bold**, *italic*, `code` and [links](…) (their text).
 * Formulas are written with Unicode (σ, Σ, ≤, x²) and read as they are.
 */
public final class MarkdownView {
    private static final Pattern INLINE = Pattern.compile("\\*\\*(.+?)\\*\\*|(?<![*\\w])\\*(?!\\s)(.+?)\\*(?!\\w)|`([^`]+)`|\\[([^\\]]+)]\\([^)]*\\)");

    private MarkdownView() { }

    /** The rendered blocks in a VBox; {@code wrapWidth} is the width paragraphs wrap at. */
    public static VBox render(String markdown, double wrapWidth) {
        VBox box = new VBox(6);
        box.getStyleClass().add("markdown");
        List<String> paragraph = new ArrayList<>();
        String[] lines = markdown.replace("\r", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                flush(paragraph, box, wrapWidth);
                StringBuilder code = new StringBuilder();
                for (i++; i < lines.length && !lines[i].strip().startsWith("```"); i++) code.append(lines[i]).append('\n');
                box.getChildren().add(monospaced(code.toString().stripTrailing()));
            } else if (line.startsWith("#")) {
                flush(paragraph, box, wrapWidth);
                int level = (int) line.chars().takeWhile(c -> c == '#').count();
                Label heading = new Label(line.substring(level).strip());
                heading.setWrapText(true);
                heading.getStyleClass().add(level <= 1 ? "markdown-h1" : "markdown-h2");
                box.getChildren().add(heading);
            } else if (line.strip().startsWith("|")) {
                flush(paragraph, box, wrapWidth);
                StringBuilder table = new StringBuilder();
                for (; i < lines.length && lines[i].strip().startsWith("|"); i++) {
                    if (!lines[i].matches("\\s*\\|[\\s|:-]+\\|\\s*")) table.append(lines[i].strip()).append('\n');
                }
                i--;
                box.getChildren().add(monospaced(table.toString().stripTrailing()));
            } else if (line.matches("\\s*[-*] .*") || line.matches("\\s*\\d+\\. .*")) {
                flush(paragraph, box, wrapWidth);
                String item = line.strip();
                String bullet = item.matches("\\d+\\. .*") ? item.substring(0, item.indexOf(' ')) : "•";
                TextFlow flow = inline(item.substring(item.indexOf(' ') + 1), wrapWidth - 16);
                flow.getChildren().addFirst(new Text(bullet + " "));
                flow.setStyle("-fx-padding: 0 0 0 12");
                box.getChildren().add(flow);
            } else if (line.isBlank()) {
                flush(paragraph, box, wrapWidth);
            } else {
                paragraph.add(line.strip());
            }
        }
        flush(paragraph, box, wrapWidth);
        return box;
    }

    private static void flush(List<String> paragraph, VBox box, double wrapWidth) {
        if (paragraph.isEmpty()) return;
        box.getChildren().add(inline(String.join(" ", paragraph), wrapWidth));
        paragraph.clear();
    }

    private static Node monospaced(String text) {
        Label code = new Label(text);
        code.getStyleClass().add("markdown-code");
        return code;
    }

    /** One paragraph with its inline emphasis, code and links. */
    static TextFlow inline(String text, double wrapWidth) {
        TextFlow flow = new TextFlow();
        flow.setPrefWidth(wrapWidth);
        flow.setMaxWidth(wrapWidth);
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) flow.getChildren().add(plain(text.substring(at, m.start())));
            Text t;
            if (m.group(1) != null) {
                t = plain(m.group(1));
                t.getStyleClass().add("markdown-bold");
            } else if (m.group(2) != null) {
                t = plain(m.group(2));
                t.getStyleClass().add("markdown-italic");
            } else if (m.group(3) != null) {
                t = plain(m.group(3));
                t.getStyleClass().add("markdown-inline-code");
            } else {
                t = plain(m.group(4));
                t.getStyleClass().add("markdown-link");
            }
            flow.getChildren().add(t);
            at = m.end();
        }
        if (at < text.length()) flow.getChildren().add(plain(text.substring(at)));
        return flow;
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("markdown-text");
        return t;
    }
}
