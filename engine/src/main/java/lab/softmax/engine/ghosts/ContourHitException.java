package lab.softmax.engine.ghosts;

/** A zero lies (numerically) on a box edge; the caller moves the contour and counts again. */
final class ContourHitException extends RuntimeException {
    ContourHitException() {
        super("zero on contour", null, false, false);
    }
}
