package lab.softmax.app.cli.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import lab.softmax.app.SampleData;
import lab.softmax.app.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `snapshot --view moe` draws the plane of a scenario and the routers' bars. */
class MoeSnapshotTest {
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
    void thePlaneAndTheRoutersAreDrawn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("plane.png");
        Path scenario = SampleData.directory().resolve("scenarios/moe/top-2-regions.json");
        CliRun r = CliRun.of("snapshot", "--view", "moe", "--scenario", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1280, image.getWidth());
        // the {E3,E4} region, E1 inactive: the mean of #009E73 and #CC79A7 washed out 60% towards white (#C1D0D1)
        assertTrue(count(image, 0xC1D0D1) > 5000, "the {E3,E4} region");
        Path routers = dir.resolve("routers.png");
        CliRun t = CliRun.of("snapshot", "--view", "moe", "--tab", "routers", "--out", routers.toString());
        assertEquals(0, t.exit(), t.err());
        BufferedImage bars = ImageIO.read(routers.toFile());
        assertTrue(count(bars, 0x0072B2) > 3000, "blue bars");
        assertTrue(count(bars, 0x009E73) > 1000, "green bars (softmax-topk-renorm)");
    }
}
