package lab.softmax.engine.moe;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One finished fit of the convergence experiment. loglik and loglikTrue are summed over the sample (nats); d1 and d2
 * are the Voronoi losses against the truth ({@link VoronoiLoss}); density is the mean Hellinger distance of the
 * conditional densities over x on [0, 1] ({@link DensityError}); the cell* fields are the raw errors in the true
 * atom's cell with the most fitted atoms ({@link VoronoiLoss.CellErrors}); singleton is the largest error of a
 * one-atom cell.
 */
public record FitRecord(@JsonProperty("case") FitCase fitCase, int n, int rep, double loglik,
                        @JsonProperty("loglik_true") double loglikTrue, double d1, double d2, double density,
                        @JsonProperty("cell_atoms") int cellAtoms,
                        @JsonProperty("cell_beta1") double cellBeta1, @JsonProperty("cell_a") double cellA,
                        @JsonProperty("cell_b") double cellB, @JsonProperty("cell_nu") double cellNu,
                        @JsonProperty("cell_mass") double cellMass, double singleton,
                        @JsonProperty("em_iterations") int emIterations,
                        @JsonProperty("polish_evaluations") int polishEvaluations) {

    /** What a fit's metric is called in slopes and medians. */
    public enum Metric {
        D1, D2, DENSITY, CELL_BETA1, CELL_A, CELL_B, CELL_NU, CELL_MASS, SINGLETON;

        public double of(FitRecord r) {
            return switch (this) {
                case D1 -> r.d1;
                case D2 -> r.d2;
                case DENSITY -> r.density;
                case CELL_BETA1 -> r.cellBeta1;
                case CELL_A -> r.cellA;
                case CELL_B -> r.cellB;
                case CELL_NU -> r.cellNu;
                case CELL_MASS -> r.cellMass;
                case SINGLETON -> r.singleton;
            };
        }
    }
}
