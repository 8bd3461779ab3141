package lab.softmax.engine.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 arithmetic on double lanes: values kept as doubles and rounded to float after each
 * operation, as the engine's float32 emulation does one value at a time. A double result rounded to
 * float is the float result of the same operation (+, -, *, /, sqrt), since double has more than
 * 2 * 24 + 2 significand bits, so these lanes give the scalar code's bits.
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

    /** Each lane rounded to the nearest float (ties to even). */
    static DoubleVector toFloat(DoubleVector v) {
        return (DoubleVector) v.convertShape(VectorOperators.D2F, HALF_WIDTH_FLOATS, 0).convertShape(VectorOperators.F2D, DOUBLES, 0);
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
