package org.nelc.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.nelc.api.data.DataSelection;
import org.nelc.core.train.TrainedModel.DataInfo;
import picocli.CommandLine.Option;

/**
 * Data flags of commands that work on a trained model: unset flags fall back to the selection
 * recorded in the model file, then to the paper's (MNIST digits 0,1,2 × 1000).
 */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "PATH", description = "Data file or directory (default: the model's training data).")
    Path data;

    @Option(names = "--digits", split = ",", paramLabel = "K", description = "Classes (default: the model's).")
    List<Integer> digits;

    @Option(names = "--per-class", paramLabel = "N", description = "Rows per class (default: the model's).")
    Integer perClass;

    /** The path to load, or null for the MNIST cache. */
    public Path path(DataInfo recorded) {
        if (data != null) {
            return data;
        }
        if (digits == null && perClass == null && recorded != null && recorded.hasSelection() && recorded.path() != null) {
            return Path.of(recorded.path());
        }
        return null;
    }

    public DataSelection selection(DataInfo recorded) {
        boolean useRecorded = recorded != null && recorded.hasSelection();
        List<Integer> classes = digits != null ? digits : useRecorded ? recorded.classes() : List.of(0, 1, 2);
        int n = perClass != null ? perClass : useRecorded ? recorded.perClass() : 1000;
        return new DataSelection(classes, n, false);
    }
}
