package lab.softmax.engine.ghosts;

/** An axis-parallel box [x0, x1] × [y0, y1] of the complex t-plane. */
record Box(double x0, double x1, double y0, double y1) {
    double width() { return x1 - x0; }

    double height() { return y1 - y0; }

    double size() { return Math.max(width(), height()); }

    double centreRe() { return x0 + 0.5 * (x1 - x0); }

    double centreIm() { return y0 + 0.5 * (y1 - y0); }

    /** Smallest |t| over the box. */
    double distanceToOrigin() {
        double dx = x0 > 0 ? x0 : (x1 < 0 ? -x1 : 0);
        double dy = y0 > 0 ? y0 : (y1 < 0 ? -y1 : 0);
        return Math.hypot(dx, dy);
    }

    boolean contains(double u, double y, double margin) {
        return u >= x0 - margin && u <= x1 + margin && y >= y0 - margin && y <= y1 + margin;
    }
}
