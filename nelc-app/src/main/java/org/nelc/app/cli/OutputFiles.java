package org.nelc.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nelc.api.UserError;
import org.nelc.core.io.Checkpoint;

/**
 * The one check every command makes on a file or directory named by an output flag, before any work: the
 * name is not empty (an empty {@code --out} would write into the current directory), and an output file
 * is none of the command's inputs, nor a file of the run a model belongs to ({@code history.csv},
 * {@code checkpoint.json} beside it), so that a slip of the keyboard never replaces a result.
 */
final class OutputFiles {
    /**
     * The files of a run directory that only train writes (and its manifest): no other command's output may
     * replace them.
     */
    private static final List<String> RUN_FILES = List.of("model.json", "history.csv", Checkpoint.FILE,
            org.nelc.app.rundir.RunManifest.FILE);

    private OutputFiles() {
    }

    /** {@code path} (a directory, or a file or directory), named by {@code flag}, checked not to be empty. */
    static Path named(String flag, Path path) {
        if (path != null && path.toString().isBlank()) {
            throw new UserError(flag + ": empty path (name a file or directory; '.' for the current one)");
        }
        return path;
    }

    /**
     * {@code output}, named by {@code flag}, checked against {@code model} (and its run's files) and the
     * other {@code inputs} (null entries are skipped). A one-line error naming both when it is one of them.
     */
    static Path file(String flag, Path output, Path model, Path... inputs) {
        if (named(flag, output) == null) {
            return null;
        }
        List<Path> in = new ArrayList<>();
        if (model != null) {
            in.add(model);
        }
        for (Path p : inputs) {
            if (p != null) {
                in.add(p);
            }
        }
        for (Path p : in) {
            if (same(output, p)) {
                throw new UserError(flag + " " + output + ": is the input " + p + "; an output never replaces an "
                        + "input (name another file)");
            }
        }
        if (model != null) {
            Path dir = model.toAbsolutePath().getParent();
            for (String f : RUN_FILES) {
                if (same(output, dir.resolve(f))) {
                    throw new UserError(flag + " " + output + ": is the " + f + " of the model's run (" + model
                            + "); an output never replaces it (name another file)");
                }
            }
        }
        return output;
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
