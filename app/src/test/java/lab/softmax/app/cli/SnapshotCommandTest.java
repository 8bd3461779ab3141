package lab.softmax.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import lab.softmax.app.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCommandTest {
    private static int run(StringWriter err, String... args) {
        return Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void rendersTheDistributionsViewHeadlessToAPngOfTheAskedSize(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("d.png");
        Path scenario = SampleData.directory().resolve("scenarios/distributions/fp16-absorption.json");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "snapshot", "--view", "distributions", "--scenario", scenario.toString(),
                "--out", out.toString(), "--width", "900", "--height", "600"), err.toString());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(600, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) colours.add(image.getRGB(x, y));
        }
        assertTrue(colours.size() > 20, "a drawn view, not a blank image: " + colours.size() + " colours");
    }

    @Test
    void writesTheChartsAsSvg(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("d.svg");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "snapshot", "--view", "distributions", "--format", "svg", "--out", out.toString()), err.toString());
        String svg = Files.readString(out);
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains("Probabilities"));
    }

    @Test
    void collapseTrainsAShortRunAndDrawsTheOrthoGradTab(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c.png");
        StringWriter err = new StringWriter();
        Path scenario = SampleData.directory().resolve("scenarios/collapse/fast-orthograd.json");
        assertEquals(0, run(err, "snapshot", "--view", "collapse", "--scenario", scenario.toString(), "--tab", "orthograd",
                "--train", "2", "--out", out.toString(), "--width", "1400", "--height", "900"), err.toString());
        BufferedImage image = ImageIO.read(out.toFile());
        int rescaledArrow = 0;   // the ⊥Grad vector's colour (#CC79A7) appears only once the diagram is drawn
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = image.getWidth() / 2; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xFF) - 0xCC) + Math.abs((rgb >> 8 & 0xFF) - 0x79) + Math.abs((rgb & 0xFF) - 0xA7) < 24) {
                    rescaledArrow++;
                }
            }
        }
        assertTrue(rescaledArrow > 100, "pixels of the rescaled g_perp arrow: " + rescaledArrow);
    }

    @Test
    void anUnknownTabOrTrainingALabThatDoesNotTrainIsBadInput(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "snapshot", "--view", "collapse", "--tab", "nonsense", "--out", dir.resolve("x.png").toString()));
        assertTrue(err.toString().contains("--tab") && err.toString().contains("stablemax"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "snapshot", "--view", "distributions", "--train", "5", "--out", dir.resolve("y.png").toString()));
        assertTrue(err2.toString().contains("--train"), err2.toString());
    }

    @Test
    void anUnknownViewIsBadInputNamingTheOption(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "snapshot", "--view", "nonsense", "--out", dir.resolve("x.png").toString()));
        assertTrue(err.toString().contains("--view"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void scaleMultipliesThePixelsAndKeepsTheLayout(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("d2.png");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "snapshot", "--view", "distributions", "--out", out.toString(), "--width", "700",
                "--height", "500", "--scale", "2"), err.toString());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1400, image.getWidth());
        assertEquals(1000, image.getHeight());
    }

    @Test
    void oneChartInTheDarkLookAtItsOwnSize(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("chart.png");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "snapshot", "--view", "distributions", "--chart", "2", "--theme", "dark", "--presentation",
                "--width", "640", "--height", "360", "--scale", "3", "--out", out.toString()), err.toString());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());
        // Presentation dark draws on black (ChartLook: #000000), the light look on white.
        assertEquals(0xFF000000, image.getRGB(3, 3), Integer.toHexString(image.getRGB(3, 3)));
        assertEquals(lab.softmax.views.common.ChartLook.LIGHT, lab.softmax.views.common.Charts.look(),
                "the process's look is given back");
    }

    @Test
    void aChartBeyondTheViewsAndAnUnknownThemeAreBadInput(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "snapshot", "--view", "distributions", "--chart", "9", "--out", dir.resolve("x.png").toString()));
        assertTrue(err.toString().contains("--chart") && err.toString().contains("9 is not a chart of this view"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "snapshot", "--view", "distributions", "--theme", "purple", "--out", dir.resolve("y.png").toString()));
        assertTrue(err2.toString().contains("--theme") && err2.toString().contains("purple"), err2.toString());
        StringWriter err3 = new StringWriter();
        assertEquals(2, run(err3, "snapshot", "--view", "distributions", "--scale", "9", "--out", dir.resolve("z.png").toString()));
        assertTrue(err3.toString().contains("--scale") && err3.toString().contains("outside 1 .. 4"), err3.toString());
    }
}
