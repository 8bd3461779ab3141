package lab.softmax.views.ghosts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import lab.softmax.engine.ghosts.PlaneGrid;

/** Colours a sampled plane: cancellation depth in grey-blue (dark = a zero), or the phase as hue. */
final class PlaneImage {
    /** Depths below this (|F| smaller than 1e-4 of the term moduli) all get the darkest colour. */
    static final double DEPTH_FLOOR = -4;

    private PlaneImage() { }

    static BufferedImage render(PlaneGrid g, boolean phase) {
        BufferedImage image = new BufferedImage(g.columns(), g.rows(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < g.rows(); r++) {
            int row = g.rows() - 1 - r; // image rows run top-down, Im t runs bottom-up
            for (int c = 0; c < g.columns(); c++) {
                int i = r * g.columns() + c;
                image.setRGB(c, row, phase ? phaseColour(g.phase()[i], g.cancellationLog10()[i]) : depthColour(g.cancellationLog10()[i]));
            }
        }
        return image;
    }

    private static int depthColour(double depth) {
        double v = Double.isFinite(depth) ? Math.max(DEPTH_FLOOR, Math.min(0, depth)) : DEPTH_FLOOR;
        double s = 1 - v / DEPTH_FLOOR; // 1 = no cancellation, 0 = at a zero
        float brightness = (float) (0.12 + 0.88 * Math.pow(s, 0.8));
        return Color.HSBtoRGB(0.58f, (float) (0.55 * (1 - s) + 0.08), brightness);
    }

    private static int phaseColour(double phase, double depth) {
        float hue = (float) ((phase + Math.PI) / (2 * Math.PI));
        double v = Double.isFinite(depth) ? Math.max(DEPTH_FLOOR, Math.min(0, depth)) : DEPTH_FLOOR;
        float brightness = (float) (0.35 + 0.65 * (1 - v / DEPTH_FLOOR));
        return Color.HSBtoRGB(hue, 0.75f, brightness);
    }
}
