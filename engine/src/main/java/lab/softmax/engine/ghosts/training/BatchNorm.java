package lab.softmax.engine.ghosts.training;

import java.util.Arrays;

/**
 * torch.nn.BatchNorm1d over rows × channels (a row is one position of one sample): in training mode each
 * channel is normalised by the rows' mean and biased variance, and the running statistics move by
 * momentum 0.1 towards the mean and the <em>unbiased</em> variance (torch's convention); in inference
 * mode the running statistics normalise instead, so the layer is a fixed affine map per channel. ε = 1e-5;
 * γ at offset g and β at offset b of θ.
 */
final class BatchNorm {
    static final double EPS = 1e-5;
    static final double MOMENTUM = 0.1;
    private final int channels;
    private final double[] runningMean;
    private final double[] runningVar;
    private final double[] inv;
    private final double[] sum;
    private final double[] sumHat;

    BatchNorm(int channels) {
        this.channels = channels;
        runningMean = new double[channels];
        runningVar = new double[channels];
        inv = new double[channels];
        sum = new double[channels];
        sumHat = new double[channels];
        reset();
    }

    /** Running mean 0 and variance 1, as a fresh torch layer. */
    void reset() {
        Arrays.fill(runningMean, 0);
        Arrays.fill(runningVar, 1);
    }

    double[] runningMean() { return runningMean.clone(); }

    double[] runningVar() { return runningVar.clone(); }

    /**
     * Training mode over rows·channels values u (row-major): writes x̂ = (u − mean)/√(var + ε) into hat and
     * γx̂ + β into y, keeps 1/√(var + ε) for {@link #trainBackward}, and updates the running statistics.
     */
    void trainForward(double[] theta, int g, int b, double[] u, int rows, double[] hat, double[] y) {
        Arrays.fill(sum, 0);
        for (int r = 0; r < rows; r++) for (int c = 0; c < channels; c++) sum[c] += u[r * channels + c];
        double[] mean = new double[channels];
        for (int c = 0; c < channels; c++) mean[c] = sum[c] / rows;
        Arrays.fill(sum, 0);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                double d = u[r * channels + c] - mean[c];
                sum[c] += d * d;
            }
        }
        for (int c = 0; c < channels; c++) {
            double var = sum[c] / rows;
            inv[c] = 1 / Math.sqrt(var + EPS);
            runningMean[c] = (1 - MOMENTUM) * runningMean[c] + MOMENTUM * mean[c];
            double unbiased = rows > 1 ? var * rows / (rows - 1) : var;
            runningVar[c] = (1 - MOMENTUM) * runningVar[c] + MOMENTUM * unbiased;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int i = r * channels + c;
                hat[i] = (u[i] - mean[c]) * inv[c];
                y[i] = theta[g + c] * hat[i] + theta[b + c];
            }
        }
    }

    /**
     * Reverse mode of {@link #trainForward} (the statistics depend on every row):
     * du = γ/σ·(dy − mean dy − x̂·mean(dy·x̂)) per channel, written into du; grad[γ] += Σ dy·x̂, grad[β] += Σ dy.
     */
    void trainBackward(double[] theta, int g, int b, double[] hat, double[] dy, int rows, double[] grad, double[] du) {
        Arrays.fill(sum, 0);
        Arrays.fill(sumHat, 0);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int i = r * channels + c;
                sum[c] += dy[i];
                sumHat[c] += dy[i] * hat[i];
            }
        }
        for (int c = 0; c < channels; c++) {
            grad[g + c] += sumHat[c];
            grad[b + c] += sum[c];
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int i = r * channels + c;
                du[i] = theta[g + c] * inv[c] * (dy[i] - sum[c] / rows - hat[i] * sumHat[c] / rows);
            }
        }
    }

    /** Inference mode over rows·channels values from offset off: x̂ = (u − running mean)/√(running var + ε). */
    void evalForward(double[] theta, int g, int b, double[] u, int off, int rows, double[] hat, double[] y) {
        for (int c = 0; c < channels; c++) inv[c] = 1 / Math.sqrt(runningVar[c] + EPS);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int i = off + r * channels + c;
                hat[i] = (u[i] - runningMean[c]) * inv[c];
                y[i] = theta[g + c] * hat[i] + theta[b + c];
            }
        }
    }

    /** Reverse mode of {@link #evalForward} (a fixed affine map): du = γ/σ_run·dy; grad[γ] += Σ dy·x̂, grad[β] += Σ dy. */
    void evalBackward(double[] theta, int g, int b, double[] hat, double[] dy, int off, int rows, double[] grad, double[] du) {
        for (int c = 0; c < channels; c++) inv[c] = 1 / Math.sqrt(runningVar[c] + EPS);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int i = off + r * channels + c;
                grad[g + c] += dy[i] * hat[i];
                grad[b + c] += dy[i];
                du[i] = theta[g + c] * inv[c] * dy[i];
            }
        }
    }

    /** Forward mode of {@link #evalForward}: ẏ = V_γ·x̂ + γ·u̇/σ_run + V_β, in place over uDot. */
    void evalTangent(double[] theta, double[] v, int g, int b, double[] hat, double[] uDot, int off, int rows) {
        for (int c = 0; c < channels; c++) inv[c] = 1 / Math.sqrt(runningVar[c] + EPS);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int i = off + r * channels + c;
                uDot[i] = v[g + c] * hat[i] + theta[g + c] * inv[c] * uDot[i] + v[b + c];
            }
        }
    }
}
