package lab.softmax.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Which files are read off the FX thread, with progress and Cancel in the status bar: anything of
 * {@value #BACKGROUND_BYTES} bytes or more, anything that is not a regular file (a pipe, a device), and files
 * on network file systems, which can be slow whatever their size. A small local file parses in milliseconds
 * and opens at once.
 */
final class FileOpening {
    static final long BACKGROUND_BYTES = 1 << 20;
    private static final Set<String> REMOTE = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "davfs",
            "fuse.rclone", "webdav");

    private FileOpening() { }

    static boolean inBackground(Path file) {
        try {
            if (!Files.isRegularFile(file)) return Files.exists(file);   // a missing file is reported at once
            if (Files.size(file) >= BACKGROUND_BYTES) return true;
            return REMOTE.contains(Files.getFileStore(file).type().toLowerCase(Locale.ROOT));
        } catch (IOException | RuntimeException e) {
            return false;   // the reader reports what is wrong with it
        }
    }
}
