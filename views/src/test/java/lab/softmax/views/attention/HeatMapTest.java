package lab.softmax.views.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The map's image at the drawn size: each pixel the max over the cells it covers, with hand-worked expectations. */
class HeatMapTest {
    private static MapComputation cells(int rows, int columns, float[] values) {
        return new MapComputation(rows, columns, 0, 1, null, new double[0], new double[0], new double[0], new double[0],
                new int[0], new int[0], 0, values, rows, columns, 1, 0, "test");
    }

    @Test
    void aSmallerImageKeepsEverySpikeAndMarksNaNAndAllHiddenBlocks() {
        // 7 × 7 cells on 3 × 3 pixels: pixel rows (and columns) cover cells [0, 2), [2, 4), [4, 7)
        float[] v = new float[49];
        Arrays.fill(v, 0.01f);
        v[3 * 7 + 6] = 0.9f;            // a spike in cell (3, 6): pixels (1, 2) only
        v[0] = Float.NaN;               // cell (0, 0): pixel (0, 0)
        for (int r = 4; r < 7; r++) {
            for (int c = 0; c < 2; c++) v[r * 7 + c] = MapComputation.HIDDEN;   // all of pixel (2, 0)'s cells
        }
        v[6 * 7 + 3] = MapComputation.HIDDEN;   // one hidden cell among visible ones: pixel (2, 1) stays visible
        int[] argb = HeatMap.paint(cells(7, 7, v), 3, 3, false);
        int low = HeatMap.argb(0.01f, false);
        int[] expected = {
                HeatMap.argb(Float.NaN, false), low, low,
                low, low, HeatMap.argb(0.9f, false),
                HeatMap.argb(MapComputation.HIDDEN, false), low, low};
        assertEquals(Arrays.toString(hex(expected)), Arrays.toString(hex(argb)));
        assertTrue(HeatMap.argb(0.9f, false) != low && HeatMap.argb(MapComputation.HIDDEN, false) != low);
    }

    @Test
    void aLargerImageRepeatsEachCell() {
        float[] v = {0f, 0.25f, 0.5f, 1f};
        int[] argb = HeatMap.paint(cells(2, 2, v), 4, 4, false);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(HeatMap.argb(v[(y / 2) * 2 + x / 2], false), argb[y * 4 + x], "pixel " + y + "," + x);
            }
        }
    }

    @Test
    void theNoteSaysHowManyEntriesAPixelCovers() {
        MapComputation m = new MapComputation(1024, 1024, 0, 1, null, new double[0], new double[0], new double[0],
                new double[0], new int[0], new int[0], 0, new float[512 * 512], 512, 512, 2, 0, "test");
        assertEquals("Drawn on 400 × 400 pixels, each the max over its ≈ 2.6 × 2.6 (query, key) entries: a single spike stays visible.",
                HeatMap.describe(m, 400, 400));
        MapComputation small = cells(16, 16, new float[256]);
        assertEquals("One block of ≈ 25.0 × 25.0 pixels per (query, key).", HeatMap.describe(small, 400, 400));
    }

    private static String[] hex(int[] argb) {
        return Arrays.stream(argb).mapToObj(Integer::toHexString).toArray(String[]::new);
    }
}
