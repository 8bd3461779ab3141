package lab.softmax.views.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plotted data as a table: a header row and rows of cells (numbers written at full precision). */
public record CsvTable(List<String> header, List<List<Object>> rows) {
    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static Builder builder(String... header) { return new Builder(List.of(header)); }

    public void writeTo(OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder();
        appendRow(b, new ArrayList<>(header));
        for (List<Object> row : rows) appendRow(b, row);
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void appendRow(StringBuilder b, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append(cell(cells.get(i)));
        }
        b.append('\n');
    }

    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Double.isFinite(d) ? Double.toString(d) : d.toString();
        String s = v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    public static final class Builder {
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<String> header) { this.header = header; }

        public Builder row(Object... cells) {
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "row has %d cells, header %d", cells.length, header.size()));
            }
            rows.add(java.util.Arrays.asList(cells));
            return this;
        }

        public CsvTable build() { return new CsvTable(header, rows); }
    }
}
