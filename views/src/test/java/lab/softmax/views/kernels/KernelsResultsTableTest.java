package lab.softmax.views.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchResult;
import lab.softmax.engine.kernels.Impl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table's rows stay while a benchmark runs again (a changed row count restyles every visible cell): results
 * fill them by position, rows still to come are blank, and an idle benchmark's surplus rows go.
 */
@ExtendWith(ApplicationExtension.class)
class KernelsResultsTableTest {
    private final ObservableList<BenchResult> results = FXCollections.observableArrayList();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final SimpleDoubleProperty bandwidth = new SimpleDoubleProperty(Double.NaN);
    private KernelsResultsTable table;

    @Start
    void start(Stage stage) {
        table = new KernelsResultsTable(results, bandwidth, busy);
        stage.setScene(new Scene(table, 900, 300));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static BenchResult result(Algorithm a, int n, double ns) {
        return new BenchResult(a, Impl.VECTOR, n, 1, ns, ns * 0.9, ns * 1.2, a.minBytesPerElement(4) / ns, 1e-7, 5, 512, true, "");
    }

    /** The table's texts, row by row, once its rows have followed the results (a frame later). */
    private List<String> rows(int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fx(() -> table.getItems().size()) != expected && System.nanoTime() < deadline) Thread.sleep(10);
        Thread.sleep(100);   // a few frames more: nothing else changes
        return fx(() -> {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < table.getItems().size(); i++) {
                out.add(table.getColumns().get(0).getCellData(i) + " " + table.getColumns().get(2).getCellData(i)
                        + " " + table.getColumns().get(6).getCellData(i));
            }
            return out;
        });
    }

    @Test
    void rowsStayWhileABenchmarkRunsAgainAndGoWhenItEndsWithFewer() throws Exception {
        fx(() -> {
            busy.set(true);
            results.addAll(result(Algorithm.TWO_PASS, 1024, 0.5), result(Algorithm.ONLINE, 1024, 0.6));
            results.add(result(Algorithm.TWO_PASS, 4096, 0.4));
            busy.set(false);
            return null;
        });
        assertEquals(List.of("two-pass 1K ", "online 1K ", "two-pass 4K "), rows(3));
        var firstRow = fx(() -> table.getItems().getFirst());

        fx(() -> {   // the next run: results cleared, the first one arrives
            busy.set(true);
            results.clear();
            results.add(result(Algorithm.ONLINE, 2048, 0.7));
            return null;
        });
        assertEquals(List.of("online 2K ", "  ", "  "), rows(3), "rows keep their place, blank until measured");
        assertSame(firstRow, fx(() -> table.getItems().getFirst()), "the same row, showing the new result");

        fx(() -> {   // the machine's bandwidth arrives: 12 B/element at 24 GB/s = 0.5 ns floor
            bandwidth.set(24);
            busy.set(false);
            return null;
        });
        assertEquals(List.of("online 2K 1.40"), rows(1), "an idle benchmark's surplus rows go; the floor column follows the bandwidth");
    }
}
