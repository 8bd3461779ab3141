package lab.softmax.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.io.InputException;
import org.junit.jupiter.api.Test;

/** Shared option plumbing: engine config errors name the option a user typed. */
class OptionsTest {
    @Test
    void aConfigErrorNamesTheOptionInItsCommandLineSpelling() {
        InputException e = assertThrows(InputException.class, () -> Options.config(() -> {
            throw new IllegalArgumentException("batchSize: must be >= 1, got 0");
        }));
        assertEquals("--batch-size", e.field());
        assertEquals("must be >= 1, got 0", e.problem());
    }

    @Test
    void aConfigErrorWithoutAFieldKeepsItsWholeMessage() {
        InputException e = assertThrows(InputException.class, () -> Options.config(() -> {
            throw new IllegalArgumentException("rates must be increasing");
        }));
        assertEquals("", e.field());
        assertEquals("rates must be increasing", e.getMessage());
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
