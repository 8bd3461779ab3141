package lab.softmax.views.moe;

/**
 * Colours of the plane: one per expert (a 12-colour qualitative palette, the lab's first eight being Okabe-Ito) and
 * one per active set, the mean of its members' colours, so that neighbouring regions, which share members, look
 * related and a top-1 region has its expert's own colour. Shading by the chosen expert's weight: where it is inactive
 * the set colour is washed out towards white; where it is active it darkens as its weight grows, so its weight's jump
 * at a region boundary shows as a jump in lightness.
 */
final class SetColours {
    static final int[] EXPERT = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0xF0E442, 0x7F3C8D,
            0x8C564B, 0x17BECF, 0x999933, 0x882255};
    /** Top-1 boundary pixels. */
    static final int BOUNDARY = 0xFF1A1A1A;

    private SetColours() { }

    static int expert(int i) { return EXPERT[i % EXPERT.length]; }

    /** The mean colour of the experts in a set (ascending indices), opaque. */
    static int set(int[] members) {
        int r = 0, g = 0, b = 0;
        for (int i : members) {
            int c = expert(i);
            r += c >> 16 & 0xFF;
            g += c >> 8 & 0xFF;
            b += c & 0xFF;
        }
        int n = Math.max(1, members.length);
        return 0xFF000000 | (r / n) << 16 | (g / n) << 8 | (b / n);
    }

    /** The set colour shaded by the chosen expert's weight w (0 when inactive). */
    static int shade(int argb, float w) {
        int r = argb >> 16 & 0xFF, g = argb >> 8 & 0xFF, b = argb & 0xFF;
        if (w <= 0) {
            r = r + (int) ((255 - r) * 0.6);
            g = g + (int) ((255 - g) * 0.6);
            b = b + (int) ((255 - b) * 0.6);
        } else {
            double f = 1 - 0.45 * Math.min(1, w);
            r = (int) (r * f);
            g = (int) (g * f);
            b = (int) (b * f);
        }
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    static javafx.scene.paint.Color fx(int rgb) {
        return javafx.scene.paint.Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }
}
