package lab.softmax.engine.ghosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** Every public vector, through the public entry point and through the numerical finder alone. */
class GhostsVectorsTest {
    private static final List<GhostsVectors> CASES = GhostsVectors.load();

    @Test
    void allThirteenCasesAreLoaded() {
        assertEquals(13, CASES.size());
    }

    @TestFactory
    Stream<DynamicTest> analyseMatchesEveryVector() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, Ghosts.analyse(c.z(), c.a(), 3))));
    }

    @TestFactory
    Stream<DynamicTest> numericalFinderMatchesEveryFiniteVector() {
        return CASES.stream().filter(c -> !c.infinite()).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ExponentialSum f = ExponentialSum.of(c.z(), c.a());
            ZeroFinder finder = new ZeroFinder(f);
            List<Zero> zeros = finder.zerosWithin(3 * f.rhoA());
            Zero nearest = finder.nearest();
            check(c, new GhostsResult(f.deltaA(), f.rhoA(), nearest.abs(), nearest, zeros, 3, "numerical", 0));
        }));
    }

    private static void check(GhostsVectors c, GhostsResult r) {
        if (c.infinite()) {
            assertEquals(Double.POSITIVE_INFINITY, r.rhoA());
            assertEquals(Double.POSITIVE_INFINITY, r.rhoStar());
            assertNull(r.nearestZero());
            assertTrue(r.zeros().isEmpty());
            assertEquals(0.0, r.deltaA());
            return;
        }
        double rel = c.formula() ? 1e-10 : 1e-12;
        assertEquals(c.number("delta_a"), r.deltaA(), 0.0, "delta_a");
        assertEquals(c.number("rho_a"), r.rhoA(), 1e-15 * r.rhoA(), "rho_a");
        assertEquals(c.number("rho_star"), r.rhoStar(), rel * r.rhoStar(), "rho_star");
        assertTrue(r.rhoStar() >= r.rhoA() * (1 - 1e-12), "rho* >= rho_a");
        JsonNode nz = c.expected().get("nearest_zero");
        assertEquals(Double.parseDouble(nz.get("re").asString()), r.nearestZero().re(), rel * r.rhoStar(), "nearest re");
        assertEquals(Double.parseDouble(nz.get("im").asString()), r.nearestZero().im(), rel * r.rhoStar(), "nearest im");
        JsonNode list = c.expected().get("zeros_within_3rho_a");
        assertEquals(list.size(), r.zeros().size(), "zero count within 3 rho_a");
        assertEquals(c.expected().get("n_zeros_within_3rho_a_both_halves").asInt(), 2 * r.zeros().size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            Zero z = r.zeros().get(i);
            double scale = rel * Math.max(z.abs(), r.rhoA());
            assertEquals(Double.parseDouble(e.get("re").asString()), z.re(), scale, "zero " + i + " re");
            assertEquals(Double.parseDouble(e.get("im").asString()), z.im(), scale, "zero " + i + " im");
            assertEquals(Double.parseDouble(e.get("abs").asString()), z.abs(), scale, "zero " + i + " abs");
            assertEquals(e.get("multiplicity").asInt(), z.multiplicity(), "zero " + i + " multiplicity");
            assertTrue(z.im() >= r.rhoA() * (1 - 1e-9), "zero " + i + " outside the zero-free strip");
            assertTrue(z.relativeResidual() < 1e-12, "zero " + i + " residual " + z.relativeResidual());
        }
    }
}
