package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;
import tools.jackson.databind.JsonNode;

/** Reading the finite numbers of this package's JSON inputs. */
final class JsonNumbers {
    private JsonNumbers() { }

    /**
     * A non-empty array of rows of finite numbers, each of width entries (width ≤ 0: as wide as the first row); every
     * problem names the source, the field with its index and the value.
     */
    static double[][] matrix(JsonNode node, String source, String field, int width) {
        if (node == null) throw new InputException(source, field, "missing");
        if (!node.isArray() || node.isEmpty()) throw new InputException(source, field, "expected a non-empty array of rows");
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            String f = field + "[" + i + "]";
            JsonNode row = node.get(i);
            if (!row.isArray()) throw new InputException(source, f, row + " is not an array (expected a row of numbers)");
            m[i] = vector(row, source, f);
            int expected = width > 0 ? width : m[0].length;
            if (m[i].length != expected) {
                throw new InputException(source, f, "has " + m[i].length + " entries but "
                        + (width > 0 ? "the gates have dimension " + width : field + "[0] has " + expected) + " (ragged rows)");
            }
        }
        return m;
    }

    /** A non-empty array of finite JSON numbers (the strings "NaN", "Infinity" are refused). */
    static double[] vector(JsonNode node, String source, String field) {
        if (node == null) throw new InputException(source, field, "missing");
        if (!node.isArray() || node.isEmpty()) throw new InputException(source, field, "expected a non-empty array of numbers");
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = node.get(i);
            String f = field + "[" + i + "]";
            if (e.isNumber()) {
                v[i] = e.asDouble();
            } else if (e.isString()) {
                throw new InputException(source, f, "\"" + e.asString() + "\" is not a finite number");
            } else {
                throw new InputException(source, f, e + " is not a number");
            }
            if (!Double.isFinite(v[i])) throw new InputException(source, f, v[i] + " is not finite");
        }
        return v;
    }
}
