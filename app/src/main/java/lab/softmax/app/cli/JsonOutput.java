package lab.softmax.app.cli;

import java.io.PrintWriter;
import lab.softmax.engine.io.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON output of the commands: one document, or JSON Lines flushed as produced. */
public final class JsonOutput {
    private JsonOutput() { }

    public static ObjectNode object() { return Json.mapper().createObjectNode(); }

    public static ArrayNode array(double[] values) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (double v : values) a.add(v);
        return a;
    }

    /** Pretty document for --json. Non-finite numbers are written as "Infinity"/"-Infinity"/"NaN". */
    public static void print(PrintWriter out, Object document) {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
        out.flush();
    }

    /** One compact line (JSON Lines), flushed at once so a reader sees it as it is produced. */
    public static void printLine(PrintWriter out, Object document) {
        out.println(Json.mapper().writeValueAsString(document));
        out.flush();
    }
}
