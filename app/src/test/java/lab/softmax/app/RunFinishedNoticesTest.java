package lab.softmax.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class RunFinishedNoticesTest {
    private long now;
    private final List<String> shown = new ArrayList<>();
    private final RunFinishedNotices notices = new RunFinishedNotices(() -> now, shown::add);

    @Test
    void aRunOfTenSecondsOrMoreIsAnnouncedWhenItEnds() {
        SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
        notices.watch("Collapse", busy);
        busy.set(true);
        now += 42_400_000_000L;
        assertEquals(List.of(), shown, "nothing while it runs");
        busy.set(false);
        assertEquals(List.of("Collapse: the run finished after 42 s."), shown);
    }

    @Test
    void shortSpellsLikeARedrawAreNotAnnounced() {
        SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
        notices.watch("Distributions", busy);
        busy.set(true);
        now += RunFinishedNotices.LONG_RUN_NANOS - 1;
        busy.set(false);
        assertEquals(List.of(), shown);
    }

    @Test
    void aRunAlreadyGoingWhenWatchedCountsFromTheWatch() {
        SimpleBooleanProperty busy = new SimpleBooleanProperty(true);
        notices.watch("Ghosts", busy);
        now += 150_000_000_000L;
        busy.set(false);
        assertEquals(List.of("Ghosts: the run finished after 2 min 30 s."), shown);
    }
}
