package lab.softmax.views.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A data-cache level and its size, read from Linux sysfs (cpu0); empty elsewhere. */
record CacheLevel(String name, long bytes) {
    static List<CacheLevel> detect() {
        List<CacheLevel> out = new ArrayList<>();
        Path base = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path dir = base.resolve("index" + i);
            try {
                if (!Files.isDirectory(dir)) break;
                String type = Files.readString(dir.resolve("type")).trim();
                if (type.equals("Instruction")) continue;
                String level = Files.readString(dir.resolve("level")).trim();
                long size = parseSize(Files.readString(dir.resolve("size")).trim());
                if (size > 0) out.add(new CacheLevel("L" + level, size));
            } catch (IOException | RuntimeException e) {
                break;
            }
        }
        return out;
    }

    static long parseSize(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        long factor = t.endsWith("K") ? 1024 : t.endsWith("M") ? 1024 * 1024 : 1;
        String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Long.parseLong(digits) * factor;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
