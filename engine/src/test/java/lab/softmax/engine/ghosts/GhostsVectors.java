package lab.softmax.engine.ghosts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import lab.softmax.engine.io.Json;
import tools.jackson.databind.JsonNode;

/**
 * The project's Ghosts test vectors (test resource ghosts/ghosts-vectors.json): logits z and slopes a, given
 * as numbers or as NumPy formulas over a range of k, with the expected Δa, ρ_a, ρ* and zeros.
 */
record GhostsVectors(String name, double[] z, double[] a, boolean formula, JsonNode expected) {

    static List<GhostsVectors> load() {
        try (InputStream in = GhostsVectors.class.getResourceAsStream("/ghosts/ghosts-vectors.json")) {
            JsonNode root = Json.mapper().readTree(in);
            List<GhostsVectors> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                if (c.has("z")) {
                    out.add(new GhostsVectors(c.get("name").asString(), doubles(c.get("z")), doubles(c.get("a")), false, c));
                } else {
                    int first = c.get("k_range").get(0).asInt();
                    int last = c.get("k_range").get(1).asInt();
                    out.add(new GhostsVectors(c.get("name").asString(),
                            formula(c.get("z_formula").asString(), first, last),
                            formula(c.get("a_formula").asString(), first, last), true, c));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean infinite() { return expected.get("rho_a").asString().equals("inf"); }

    double number(String field) { return Double.parseDouble(expected.get(field).asString()); }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asDouble();
        return v;
    }

    /** The NumPy formulas used in the file, translated by hand. */
    private static double[] formula(String text, int first, int last) {
        IntToDoubleFunction fn = switch (text) {
            case "np.sin(k)" -> k -> Math.sin(k);
            case "3*np.sin(k)" -> k -> 3 * Math.sin(k);
            case "np.cos(2*k)" -> k -> Math.cos(2 * k);
            case "np.mod(k,5)" -> k -> k % 5;
            default -> throw new IllegalArgumentException("unknown formula " + text);
        };
        double[] v = new double[last - first + 1];
        for (int k = first; k <= last; k++) v[k - first] = fn.applyAsDouble(k);
        return v;
    }
}
