package org.nelc.app.sweep;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cell's directory, {@code SWEEP/cells/<id>/}. Every file is written atomically (temporary file,
 * fsync, rename), in this order: {@code cell.json} (the cell as planned), {@code history.csv} (after
 * every epoch), {@code model.json}, {@code evaluation.json}, and last the marker {@code done}. A cell
 * is finished iff {@code done} exists, so a run killed at any moment leaves either a finished cell or
 * one that the next run does again from the start. A run that fails for a reason of its own (training
 * diverged, a bad value) writes {@code failed} instead. {@code claim} is the lock of the process working
 * on the cell ({@link CellLock}).
 */
public record CellFiles(Path dir) {
    public Path cellJson() {
        return dir.resolve("cell.json");
    }

    public Path model() {
        return dir.resolve("model.json");
    }

    public Path history() {
        return dir.resolve("history.csv");
    }

    public Path evaluation() {
        return dir.resolve("evaluation.json");
    }

    public Path done() {
        return dir.resolve("done");
    }

    public Path failed() {
        return dir.resolve("failed");
    }

    public Path claim() {
        return dir.resolve("claim");
    }

    public boolean isDone() {
        return Files.exists(done());
    }

    public boolean isFailed() {
        return !isDone() && Files.exists(failed());
    }
}
