package lab.softmax.engine.attention;

/**
 * The output of {@code attention map}: {"weights":[[...]],"entropy":[...],"output":[[...]]} for one
 * head (weights [n][m], entropy in nats per row) and the concatenated output of all heads.
 */
public record AttentionMap(double[][] weights, double[] entropy, double[][] output) { }
