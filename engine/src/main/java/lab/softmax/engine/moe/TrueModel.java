package lab.softmax.engine.moe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import tools.jackson.databind.JsonNode;

/**
 * The true model of the convergence experiment (d = 1, x ~ U[0, 1]): a preset or a JSON file
 * <pre>
 *   {"gates":{"weights":[[β_1],...],"biases":[β_0,...]},"experts":{"a":[[a],...],"b":[...],"nu":[...]},"top_k":K}
 * </pre>
 * with ν the variance. The gates are shifted so that the last expert is the reference with (β_0, β_1) = (0, 0); a
 * common shift of every gate leaves the model unchanged, so this is the same model.
 *
 * @param name  the preset's name or the file
 * @param model the model, last expert the reference
 */
public record TrueModel(String name, GaussianMoe model) {
    /** The presets: the lab's model and the paper's simulation model. */
    public static final String PRESETS = "lab, paper";
    private static final Set<String> ROOT_FIELDS = Set.of("gates", "experts", "top_k", "name");
    private static final Set<String> GATE_FIELDS = Set.of("weights", "biases");
    private static final Set<String> EXPERT_FIELDS = Set.of("a", "b", "nu");

    public TrueModel {
        if (model.dimension() != 1) throw new IllegalArgumentException("true model: dimension " + model.dimension() + "; the experiment needs d = 1");
        model = referenceLast(model);
    }

    /** The lab's model ({@link LabModel#truth()}). */
    public static TrueModel lab() { return new TrueModel("lab", LabModel.truth()); }

    /**
     * The paper's simulation model as described by summaries of it (k* = 2, K* = 1; gates (β_0, β_1) = (−8, 25) and
     * (0, 0); experts (a, b) = (−20, 15) and (20, −5); noise standard deviations 0.3 and 0.4, so ν = 0.09 and 0.16).
     * Not checked against the paper's own text.
     */
    public static TrueModel paper() {
        return new TrueModel("paper", GaussianMoe.of1d(new double[] {-8, 0}, new double[] {25, 0}, new double[] {-20, 20},
                new double[] {15, -5}, new double[] {0.09, 0.16}, 1));
    }

    /** A preset by name, or else the file of that name. */
    public static TrueModel parse(String spec) {
        String key = spec.trim().toLowerCase(Locale.ROOT);
        if (key.equals("lab")) return lab();
        if (key.equals("paper")) return paper();
        Path p;
        try {
            p = Path.of(spec);
        } catch (InvalidPathException e) {
            throw new InputException(spec, "--true-model", "is neither a preset (" + PRESETS + ") nor a usable file name");
        }
        if (!Files.exists(p)) throw new InputException(spec, "--true-model", "is neither a preset (" + PRESETS + ") nor an existing file");
        return read(p);
    }

    public static TrueModel read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw InputException.unreadable(path.toString(), e);
        }
    }

    public static TrueModel read(InputStream in, String source) {
        JsonNode root = Json.readObject(in, source, "expected {\"gates\":{\"weights\":[[...]],\"biases\":[...]},"
                + "\"experts\":{\"a\":[[...]],\"b\":[...],\"nu\":[...]},\"top_k\":K}");
        for (String name : root.propertyNames()) {
            if (!ROOT_FIELDS.contains(name)) throw new InputException(source, name, "unknown field (expected gates, experts, top_k)");
        }
        JsonNode g = object(root, "gates", GATE_FIELDS, source);
        JsonNode e = object(root, "experts", EXPERT_FIELDS, source);
        double[][] w = JsonNumbers.matrix(g.get("weights"), source, "gates.weights", -1);
        int k = w.length;
        if (w[0].length != 1) throw new InputException(source, "gates.weights[0]", "has " + w[0].length + " entries; the experiment needs d = 1 (x ~ U[0, 1])");
        double[] b0 = JsonNumbers.vector(g.get("biases"), source, "gates.biases");
        requireLength(b0, k, source, "gates.biases");
        double[][] a = JsonNumbers.matrix(e.get("a"), source, "experts.a", 1);
        if (a.length != k) throw new InputException(source, "experts.a", "has " + a.length + " rows but the gates have " + k + " experts");
        double[] b = JsonNumbers.vector(e.get("b"), source, "experts.b");
        requireLength(b, k, source, "experts.b");
        double[] nu = JsonNumbers.vector(e.get("nu"), source, "experts.nu");
        requireLength(nu, k, source, "experts.nu");
        requireMagnitude(b0, source, "gates.biases");
        requireMagnitude(b, source, "experts.b");
        for (int i = 0; i < k; i++) {
            requireMagnitude(w[i], source, "gates.weights[" + i + "]");
            requireMagnitude(a[i], source, "experts.a[" + i + "]");
            if (!(nu[i] >= MIN_VARIANCE && nu[i] <= MAX_VARIANCE)) {
                throw new InputException(source, "experts.nu[" + i + "]", nu[i] + " must be a variance in [" + MIN_VARIANCE + ", " + MAX_VARIANCE + "]");
            }
        }
        JsonNode kn = root.get("top_k");
        if (kn == null) throw new InputException(source, "top_k", "missing");
        if (!kn.isIntegralNumber()) throw new InputException(source, "top_k", kn + " is not an integer");
        if (!kn.canConvertToInt()) throw new InputException(source, "top_k", kn + " is outside 1.." + k + " (the number of experts)");
        int topK = kn.asInt();
        if (topK < 1 || topK > k) throw new InputException(source, "top_k", topK + " is outside 1.." + k + " (the number of experts)");
        if (k < 2) throw new InputException(source, "gates.weights", "one expert: a mixture needs at least 2");
        double[][] b1 = new double[k][];
        for (int i = 0; i < k; i++) b1[i] = w[i].clone();
        return new TrueModel(source, new GaussianMoe(b0, b1, a, b, nu, topK));
    }

    private static JsonNode object(JsonNode root, String field, Set<String> fields, String source) {
        JsonNode o = root.get(field);
        if (o == null) throw new InputException(source, field, "missing");
        if (!o.isObject()) throw new InputException(source, field, "expected an object with " + String.join(", ", fields.stream().sorted().toList()));
        for (String name : o.propertyNames()) {
            if (!fields.contains(name)) throw new InputException(source, field + "." + name, "unknown field (expected " + String.join(", ", fields.stream().sorted().toList()) + ")");
        }
        return o;
    }

    /**
     * The experiment perturbs the truth (ν by a factor e^{N(0, σ²)}), samples from it and fits it: the parameters need
     * headroom below the doubles' range (a variance of 1.8e308 overflowed the perturbation).
     */
    static final double MAX_MAGNITUDE = 1e6;
    static final double MIN_VARIANCE = 1e-12;
    static final double MAX_VARIANCE = 1e12;

    private static void requireMagnitude(double[] v, String source, String field) {
        for (int i = 0; i < v.length; i++) {
            if (!(Math.abs(v[i]) <= MAX_MAGNITUDE)) {
                throw new InputException(source, field + "[" + i + "]", v[i] + " is outside [-" + MAX_MAGNITUDE + ", " + MAX_MAGNITUDE + "]");
            }
        }
    }

    private static void requireLength(double[] v, int k, String source, String field) {
        if (v.length != k) throw new InputException(source, field, "has " + v.length + " entries but the gates have " + k + " experts");
    }

    /** The same model with every gate shifted by minus the last expert's, so that the last is the reference. */
    static GaussianMoe referenceLast(GaussianMoe m) {
        int k = m.experts();
        int d = m.dimension();
        double c0 = m.beta0(k - 1);
        double[] c1 = new double[d];
        for (int j = 0; j < d; j++) c1[j] = m.beta1(k - 1, j);
        double[] b0 = m.beta0();
        double[][] b1 = m.beta1();
        for (int i = 0; i < k; i++) {
            b0[i] -= c0;
            for (int j = 0; j < d; j++) b1[i][j] -= c1[j];
        }
        return new GaussianMoe(b0, b1, m.a(), m.b(), m.nu(), m.topK());
    }

    /**
     * The expert the over-specified fits split: the one in the top-K set on the largest share of [0, 1] (10,001 points;
     * ties go to the larger gate mass e^{β_0}, then the lower index). In the lab's model that is E1, active everywhere.
     */
    public int splitExpert() {
        int k = model.experts();
        int[] count = new int[k];
        double[] l = new double[k];
        int[] act = new int[model.topK()];
        int grid = 10_001;
        for (int g = 0; g < grid; g++) {
            double x = g / (double) (grid - 1);
            for (int i = 0; i < k; i++) l[i] = model.beta0(i) + model.beta1(i, 0) * x;
            TopK.select(l, k, model.topK(), act);
            for (int i : act) count[i]++;
        }
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (count[i] > count[best] || (count[i] == count[best] && model.beta0(i) > model.beta0(best))) best = i;
        }
        return best;
    }

    /**
     * The model with expert s split into two equal copies (s and s + 1), each with β_0 − ln 2 (so their summed gate mass
     * is the original's), with the given K; the gates are shifted back so that the last expert is the reference. With
     * K one more than the truth's this has the truth's density wherever both copies are active.
     */
    public GaussianMoe split(int topK) {
        int s = splitExpert();
        int k = model.experts();
        double[] b0 = new double[k + 1];
        double[][] b1 = new double[k + 1][];
        double[][] a = new double[k + 1][];
        double[] b = new double[k + 1];
        double[] nu = new double[k + 1];
        for (int i = 0, o = 0; i < k; i++) {
            int copies = i == s ? 2 : 1;
            for (int c = 0; c < copies; c++, o++) {
                b0[o] = model.beta0(i) - (i == s ? Math.log(2) : 0);
                b1[o] = new double[] {model.beta1(i, 0)};
                a[o] = new double[] {model.a(i, 0)};
                b[o] = model.b(i);
                nu[o] = model.nu(i);
            }
        }
        return referenceLast(new GaussianMoe(b0, b1, a, b, nu, topK));
    }
}
