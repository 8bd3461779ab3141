package lab.softmax.engine.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Conversions between float lanes and double lanes of the same count, for float32 code that needs a
 * double step (exp, a product with a double scalar) and rounds the result back. A double result of
 * +, -, *, / or sqrt on floats, rounded to float, is the float result of the same operation, since
 * double has more than 2 * 24 + 2 significand bits; so float lanes with such double steps give the
 * bits of the engine's scalar float32 emulation.
 */
final class FloatLanes {
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /**
     * Floats in half the bits, as many lanes as {@link #DOUBLES}, for the conversions; null where no such
     * shape exists (a 64-bit double species, e.g. without C2), and callers then take their scalar path.
     */
    static final VectorSpecies<Float> HALF_WIDTH_FLOATS = halfWidthFloats();

    private FloatLanes() { }

    private static VectorSpecies<Float> halfWidthFloats() {
        int bits = DOUBLES.vectorBitSize() / 2;
        for (VectorShape shape : VectorShape.values()) {
            if (shape.vectorBitSize() == bits) return VectorSpecies.of(float.class, shape);
        }
        return null;
    }

    /** Float lanes widened to doubles, exactly. */
    static DoubleVector widen(FloatVector x) {
        return (DoubleVector) x.convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    /** Double lanes rounded to floats. */
    static FloatVector narrow(DoubleVector d) {
        return (FloatVector) d.convertShape(VectorOperators.D2F, HALF_WIDTH_FLOATS, 0);
    }
}
