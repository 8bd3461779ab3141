package lab.softmax.engine.ghosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import org.junit.jupiter.api.Test;

/** The zero finder takes a cancellation: it stops at any of its checks, and a search not stopped finds what it finds without one. */
class ZeroFinderCancellationTest {
    @Test
    void aSearchStopsAtEachOfItsChecksAndAnUncancelledOneFindsTheSameZeros() {
        SplitMix64 rng = new SplitMix64(3);
        double[] z = new double[200];
        double[] a = new double[200];
        for (int k = 0; k < z.length; k++) {
            z[k] = 2 * rng.nextGaussian();
            a[k] = rng.nextGaussian();
        }
        GhostsResult plain = Ghosts.analyse(z, a, 10);
        GhostsResult cancellable = Ghosts.analyse(z, a, 10, new Cancellation());
        assertEquals(plain, cancellable);
        // stopped at its 1st, 2nd, ... check it throws, until the check number passes the number of checks it makes
        long checks = 1;
        while (throwsWhenStoppedAt(z, a, checks)) checks++;
        assertTrue(checks > 10, "a search for every zero within 10 rho_a checks per box and per 256 contour samples: " + checks);
        assertEquals(plain, Ghosts.analyse(z, a, 10), "a cancelled search leaves nothing behind");
    }

    private static boolean throwsWhenStoppedAt(double[] z, double[] a, long check) {
        try {
            Ghosts.analyse(z, a, 10, Cancellation.afterChecks(check));
            return false;
        } catch (CancelledException e) {
            return true;
        }
    }
}
