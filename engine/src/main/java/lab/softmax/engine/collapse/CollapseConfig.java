package lab.softmax.engine.collapse;

import lab.softmax.engine.io.InputException;
import java.util.List;
import lab.softmax.engine.numeric.Precision;

/**
 * Everything that defines a grokking run (the options of `train grokking`). Defaults follow the
 * official code's Fig. 1c settings: add mod 113, 40 % train, MLP 200x200, AdamW lr 0.01, betas
 * (0.9, 0.99), eps 1e-25, softmax CE in fp32, seed 42.
 *
 * <p>The parity fields are used only by the sparse-parity task; modular tasks use a bias-free MLP
 * and sparse parity an MLP with biases, as in the official code.
 */
public record CollapseConfig(DatasetKind task, Operation operation, int modulus, double trainFraction,
                             List<Integer> hidden, OptimizerKind optimizer, double lr, double beta1,
                             double beta2, double eps, double momentum, double weightDecay,
                             LossKind loss, Precision lossPrecision, boolean orthograd,
                             int epochs, int logEvery, long seed,
                             int parityBits, int noiseBits, int paritySamples) {

    public CollapseConfig {
        require(task != null, "task", "missing");
        require(operation != null, "operation", "missing");
        require(modulus >= 2 && modulus <= 1000, "modulus", modulus + " is outside 2..1000");
        require(trainFraction > 0 && trainFraction < 1, "trainFraction", trainFraction + " is outside (0, 1)");
        require(hidden != null && !hidden.isEmpty(), "hidden", "at least one hidden layer");
        hidden = List.copyOf(hidden);
        for (int i = 0; i < hidden.size(); i++) {
            require(hidden.get(i) >= 1 && hidden.get(i) <= 4096, "hidden[" + i + "]", hidden.get(i) + " is outside 1..4096");
        }
        require(optimizer != null, "optimizer", "missing");
        require(lr > 0 && Double.isFinite(lr), "lr", lr + " must be > 0");
        require(beta1 >= 0 && beta1 < 1, "beta1", beta1 + " is outside [0, 1)");
        require(beta2 >= 0 && beta2 < 1, "beta2", beta2 + " is outside [0, 1)");
        require(eps >= 0 && Double.isFinite(eps), "eps", eps + " must be >= 0");
        require(momentum >= 0 && momentum < 1, "momentum", momentum + " is outside [0, 1)");
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", weightDecay + " must be >= 0");
        require(loss != null, "loss", "missing");
        require(lossPrecision != null, "lossPrecision", "missing");
        require(epochs >= 0 && epochs <= 10_000_000, "epochs", epochs + " is outside 0..10000000");
        require(logEvery >= 1, "logEvery", logEvery + " must be >= 1");
        require(parityBits >= 1 && noiseBits >= 0 && parityBits + noiseBits <= 62, "parityBits",
                "parity + noise bits must be 1..62, got " + parityBits + " + " + noiseBits);
        require(paritySamples >= 2, "paritySamples", paritySamples + " must be >= 2");
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) throw new InputException(field, problem);
    }

    /** The defaults of `train grokking` (Fig. 1c settings). */
    public static CollapseConfig defaults() {
        return new CollapseConfig(DatasetKind.MODULAR, Operation.ADD, 113, 0.4, List.of(200, 200), OptimizerKind.ADAMW,
                0.01, 0.9, 0.99, 1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, 1500, 10, 42,
                3, 40, 2000);
    }

    public CollapseData data() {
        return task == DatasetKind.MODULAR
                ? CollapseData.modular(operation, modulus, trainFraction, seed)
                : CollapseData.sparseParity(parityBits, noiseBits, paritySamples, trainFraction, seed);
    }

    public CollapseConfig withEpochs(int e, int every) {
        return new CollapseConfig(task, operation, modulus, trainFraction, hidden, optimizer, lr, beta1, beta2, eps,
                momentum, weightDecay, loss, lossPrecision, orthograd, e, every, seed, parityBits, noiseBits, paritySamples);
    }

    public CollapseConfig withLossPrecision(Precision p) {
        return new CollapseConfig(task, operation, modulus, trainFraction, hidden, optimizer, lr, beta1, beta2, eps,
                momentum, weightDecay, loss, p, orthograd, epochs, logEvery, seed, parityBits, noiseBits, paritySamples);
    }

    public CollapseConfig withSeed(long s) {
        return new CollapseConfig(task, operation, modulus, trainFraction, hidden, optimizer, lr, beta1, beta2, eps,
                momentum, weightDecay, loss, lossPrecision, orthograd, epochs, logEvery, s, parityBits, noiseBits, paritySamples);
    }

    /** The label a run gets when the user gives none, e.g. "⊥AdamW, CE fp32, p=113, 40%" (app and command line alike). */
    public String defaultLabel() {
        String opt = (orthograd ? "⊥" : "") + (optimizer == OptimizerKind.ADAMW ? "AdamW" : "SGD");
        String lossName = loss == LossKind.SOFTMAX_CE ? "CE " + lossPrecision.id() : "StableMax";
        return opt + ", " + lossName + ", p=" + modulus + ", " + Math.round(trainFraction * 100) + "%";
    }
}
