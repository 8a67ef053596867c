package org.nelc.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.nelc.api.data.DataSelection;
import org.nelc.data.mnist.MnistCache;
import org.nelc.core.train.TrainedModel.DataInfo;
import picocli.CommandLine.Option;

/**
 * Data flags of commands that work on a trained model: each unset flag falls back to what the model
 * file recorded of its training data, then to the paper's (MNIST digits 0,1,2 × 1000).
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
        if (recorded != null && recorded.path() != null) {
            Path p = Path.of(recorded.path());
            // a model trained elsewhere on the MNIST cache: use this machine's cache
            if (!java.nio.file.Files.exists(p) && p.getFileName().toString().equals(MnistCache.FILE_NAME)) {
                return null;
            }
            return p;
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
