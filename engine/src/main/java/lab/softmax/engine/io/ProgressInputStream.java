package lab.softmax.engine.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * A file being read, reporting how far it is and stopping when cancelled: every read checks the
 * cancellation (a {@link lab.softmax.engine.task.CancelledException} ends the reader at once) and reports the
 * fraction read at most every 256 KiB. A file of unknown size (a pipe) reports the bytes read instead.
 */
public final class ProgressInputStream extends FilterInputStream {
    private static final long REPORT_EVERY = 1 << 18;
    private final long total;
    private final Progress progress;
    private final Cancellation cancellation;
    private long read;
    private long reported = -REPORT_EVERY;

    public ProgressInputStream(InputStream in, long total, Progress progress, Cancellation cancellation) {
        super(in);
        this.total = total;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    /** Opens a file for reading with progress over its size (unknown, -1, for what is not a regular file). */
    public static InputStream open(Path file, Progress progress, Cancellation cancellation) throws IOException {
        long size = Files.isRegularFile(file) ? Files.size(file) : -1;
        return new ProgressInputStream(Files.newInputStream(file), size, progress, cancellation);
    }

    @Override
    public int read() throws IOException {
        cancellation.throwIfCancelled();
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        cancellation.throwIfCancelled();
        int n = super.read(b, off, len);
        if (n > 0) count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        cancellation.throwIfCancelled();
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read - reported < REPORT_EVERY) return;
        reported = read;
        if (total > 0) {
            progress.report(Math.min(1, (double) read / total), String.format(Locale.ROOT, "%.0f of %.0f MB", read / 1e6, total / 1e6));
        } else {
            progress.report(-1, String.format(Locale.ROOT, "%.1f MB read", read / 1e6));
        }
    }
}
