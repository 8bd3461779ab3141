package lab.softmax.engine.moe;

/** Small dense symmetric positive-definite solves (Cholesky), for the fitting code. */
final class LinearSolve {
    private LinearSolve() { }

    /**
     * Solves M v = r for an n×n symmetric matrix (row-major) that is positive definite after adding ridge·trace/n to the
     * diagonal. Returns null when it is not. M and r are not changed.
     */
    static double[] spd(double[] m, double[] r, int n, double ridge) {
        double[] l = m.clone();
        double tr = 0;
        for (int i = 0; i < n; i++) tr += l[i * n + i];
        for (int i = 0; i < n; i++) l[i * n + i] += ridge * tr / n;
        for (int j = 0; j < n; j++) {
            double s = l[j * n + j];
            for (int q = 0; q < j; q++) s -= l[j * n + q] * l[j * n + q];
            if (!(s > 0)) return null;
            double dj = Math.sqrt(s);
            l[j * n + j] = dj;
            for (int i = j + 1; i < n; i++) {
                double t = l[i * n + j];
                for (int q = 0; q < j; q++) t -= l[i * n + q] * l[j * n + q];
                l[i * n + j] = t / dj;
            }
        }
        double[] v = r.clone();
        for (int i = 0; i < n; i++) {
            double t = v[i];
            for (int q = 0; q < i; q++) t -= l[i * n + q] * v[q];
            v[i] = t / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double t = v[i];
            for (int q = i + 1; q < n; q++) t -= l[q * n + i] * v[q];
            v[i] = t / l[i * n + i];
        }
        return v;
    }
}
