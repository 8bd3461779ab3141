package lab.softmax.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.io.InputException;
import org.junit.jupiter.api.Test;

/** Shared option plumbing: engine config errors name the option a user typed. */
class OptionsTest {
    @Test
    void aConfigErrorNamesTheOptionInItsCommandLineSpelling() {
        InputException e = assertThrows(InputException.class, () -> Options.config(() -> {
            throw new InputException("batchSize", "must be >= 1, got 0");
        }));
        assertEquals("--batch-size", e.field());
        assertEquals("must be >= 1, got 0", e.problem());
        InputException indexed = assertThrows(InputException.class, () -> Options.config(() -> {
            throw new InputException("sampleSizes[2]", "is outside 20..10000000");
        }, java.util.Map.of("sampleSizes", "--n")));
        assertEquals("--n", indexed.field());
    }

    @Test
    void aConfigErrorWithoutAFieldKeepsItsWholeMessage() {
        InputException e = assertThrows(InputException.class, () -> Options.config(() -> {
            throw new InputException("", "rates must be increasing");
        }));
        assertEquals("", e.field());
        assertEquals("rates must be increasing", e.getMessage());
    }

    /** An IllegalArgumentException from an engine is a bug, not a bad option: it is not turned into bad input. */
    @Test
    void anEngineBugWhileBuildingAConfigStaysABug() {
        IllegalArgumentException bug = new IllegalArgumentException("n = 7 is not a multiple of 16");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Options.config(() -> {
            throw bug;
        }));
        assertSame(bug, thrown);
        assertSame(bug, assertThrows(IllegalArgumentException.class, () -> Options.parse(() -> { throw bug; }, "--n")));
    }

    @Test
    void theStepSafetyCommandsReportABadBatchSizeByItsOption() {
        CliRun r = CliRun.of("train", "step-safety", "--batch-size", "0", "--steps", "3");
        assertEquals(Cli.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: --batch-size: "), r.err());
    }

    @Test
    void collapseIsAnAliasOfTrainGrokking() {
        CliRun r = CliRun.of("train", "collapse", "--help");
        assertEquals(Cli.OK, r.exit(), r.err());
        assertTrue(r.out().contains("Softmax Collapse and grokking"), r.out());
    }
}
