package lab.softmax.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.data.general.SeriesChangeListener;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** A live series is thinned past its cap, keeping its ends, its extremes per slice, its gaps and (on a log axis) its head. */
class DecimationTest {
    private static XYSeries noisy(int n) {
        XYSeries s = new XYSeries("s", false, true);
        for (int i = 1; i <= n; i++) s.add(i, Math.sin(i * 0.01) + (i % 7) * 1e-3, false);
        return s;
    }

    @Test
    void aSeriesUpToTheCapIsLeftAlone() {
        XYSeries s = noisy(Decimation.CAP);
        assertFalse(Decimation.thin(s, false));
        assertEquals(Decimation.CAP, s.getItemCount());
    }

    @Test
    void aLongSeriesKeepsItsEndsItsSpikeAndItsGapAndStaysOrdered() {
        XYSeries s = noisy(100_000);
        s.updateByIndex(54_321, 50.0);          // a loss spike
        s.updateByIndex(12_345, -50.0);         // and a dip
        s.updateByIndex(77_777, Double.NaN);    // a diverged step: a gap in the line
        int[] events = {0};
        SeriesChangeListener count = e -> events[0]++;
        s.addChangeListener(count);
        assertTrue(Decimation.thin(s, false));
        assertEquals(1, events[0], "one change event for the whole thinning");
        int n = s.getItemCount();
        assertTrue(n <= 3 * Decimation.BUCKETS + 2 && n < Decimation.CAP, n + " points");
        assertTrue(n >= Decimation.BUCKETS, n + " points");
        assertEquals(1.0, s.getX(0).doubleValue());
        assertEquals(100_000.0, s.getX(n - 1).doubleValue());
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        boolean gap = false;
        for (int i = 0; i < n; i++) {
            double y = s.getY(i).doubleValue();
            if (Double.isNaN(y)) gap = true;
            else {
                max = Math.max(max, y);
                min = Math.min(min, y);
            }
            if (i > 0) assertTrue(s.getX(i).doubleValue() > s.getX(i - 1).doubleValue(), "ascending x");
        }
        assertEquals(50.0, max);
        assertEquals(-50.0, min);
        assertTrue(gap, "the NaN point is kept");
    }

    @Test
    void onALogAxisTheFirstEpochsKeepEveryPoint() {
        XYSeries s = noisy(200_000);
        Decimation.thin(s, true);
        // log10 slices of 5.3 decades / 1000 are 0.0053 wide: every x up to ~80 has a slice of its own
        for (int x = 1; x <= 80; x++) assertEquals(x, s.getX(x - 1).doubleValue(), 0, "x = " + x);
    }

    @Test
    void appendingBatchesPastTheCapKeepsTheSeriesBounded() {
        XYSeries s = new XYSeries("s", false, true);
        int x = 0;
        for (int batch = 0; batch < 500; batch++) {
            for (int i = 0; i < 100; i++) s.add(++x, (double) (x % 13), false);
            Decimation.thin(s, false);
            assertTrue(s.getItemCount() <= Decimation.CAP);
        }
        assertEquals(50_000.0, s.getX(s.getItemCount() - 1).doubleValue());
    }
}
