package lab.softmax.engine.ghosts.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import lab.softmax.engine.io.InputException;

/**
 * The handwritten digits of the paper's experiments (UCI optical digits test set as shipped with
 * scikit-learn, CC BY 4.0): 1797 rows of 64 pixels in 0..16 and a label. Pixels are scaled by 1/16 and
 * split 80/20 per class: each class's indices are shuffled with the run's seed and the first
 * round(0.2·count) go to the test set.
 */
public final class Digits {
    public static final int FEATURES = 64;
    public static final int CLASSES = 10;

    private Digits() { }

    public static Dataset.Split load(Path csvGz, long seed) {
        try (InputStream in = Files.newInputStream(csvGz)) {
            return split(read(new GZIPInputStream(in), csvGz.toString()), seed);
        } catch (NoSuchFileException e) {
            throw new InputException(csvGz.toString(), "", "file not found (the digits data ship in sample-data/data/)");
        } catch (IOException e) {
            throw new InputException(csvGz.toString(), "", "cannot read: " + e.getMessage(), e);
        }
    }

    static Dataset read(InputStream csv, String source) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = r.readLine()) != null) {
            number++;
            if (line.isBlank()) continue;
            String[] cells = line.split(",");
            if (cells.length != FEATURES + 1) {
                throw new InputException(source, "line " + number, "expected 65 values, found " + cells.length);
            }
            double[] x = new double[FEATURES];
            try {
                for (int j = 0; j < FEATURES; j++) x[j] = Double.parseDouble(cells[j].trim()) / 16.0;
                int label = Integer.parseInt(cells[FEATURES].trim());
                if (label < 0 || label >= CLASSES) throw new NumberFormatException("label " + label);
                labels.add(label);
            } catch (NumberFormatException e) {
                throw new InputException(source, "line " + number, "not a number: " + e.getMessage());
            }
            rows.add(x);
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(rows.toArray(double[][]::new), y, CLASSES);
    }

    /** Stratified 80/20 split (see the class comment); within each split rows keep the file order. */
    static Dataset.Split split(Dataset all, long seed) {
        PaperRandom rng = new PaperRandom(seed);
        boolean[] test = new boolean[all.size()];
        for (int c = 0; c < all.classes(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) if (all.y()[i] == c) members.add(i);
            for (int i = members.size() - 1; i > 0; i--) {
                int j = rng.index(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            long testCount = Math.round(0.2 * members.size());
            for (int i = 0; i < testCount; i++) test[members.get(i)] = true;
        }
        List<Integer> trainRows = new ArrayList<>();
        List<Integer> testRows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) (test[i] ? testRows : trainRows).add(i);
        return new Dataset.Split(subset(all, trainRows), subset(all, testRows));
    }

    private static Dataset subset(Dataset all, List<Integer> rows) {
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = all.x()[rows.get(i)];
            y[i] = all.y()[rows.get(i)];
        }
        return new Dataset(x, y, all.classes());
    }
}
