package lab.softmax.app.cli.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import lab.softmax.app.SampleData;
import lab.softmax.app.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `snapshot --view attention` draws the map, and with --tab dilution --train the trained charts. */
class AttentionSnapshotTest {
    /** Pixels within 24 (sum of channel differences) of a colour. */
    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - (rgb >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (rgb >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (rgb & 0xFF)) < 24) n++;
            }
        }
        return n;
    }

    @Test
    void theMapOfAScenarioIsDrawn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("map.png");
        Path scenario = SampleData.directory().resolve("scenarios/attention/temperature-basics.json");
        CliRun r = CliRun.of("snapshot", "--view", "attention", "--scenario", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1280, image.getWidth());
        // viridis' dark end (#440154) and bright end (#FDE725) both appear once the map is drawn
        assertTrue(count(image, 0x440154) + count(image, 0x3B528B) > 500, "dark map cells");
        assertTrue(count(image, 0x5EC962) + count(image, 0xFDE725) > 100, "bright map cells");
    }

    @Test
    void theDilutionTabTrainsAndDrawsBothCurves(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("dilution.png");
        CliRun r = CliRun.of("snapshot", "--view", "attention", "--tab", "dilution", "--train", "100", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertTrue(count(image, 0x0072B2) > 300, "vanilla's curves (#0072B2)");
        assertTrue(count(image, 0xD55E00) > 300, "SSA's curves (#D55E00)");
        CliRun bad = CliRun.of("snapshot", "--view", "attention", "--tab", "nonsense", "--out", dir.resolve("x.png").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("dilution"), bad.err());
    }
}
