package org.nelc.app.rundir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nelc.api.io.AtomicFiles;

/**
 * Files that belong together are replaced together. A run that would replace files of a directory
 * {@code DIR} (a retrain over a finished model) writes them into {@code DIR/.nelc-next/} instead, leaving
 * the old ones untouched however it dies; when all are complete, {@link #commit} switches them:
 * <ol>
 *   <li>the list of what to move and what to delete is written to {@code DIR/.nelc-next/commit} (atomic:
 *       from here on the switch is decided);
 *   <li>the files to delete are deleted (an {@code evaluation.json} of the old model first), then each new
 *       file is renamed over the old one;
 *   <li>{@code DIR/.nelc-next/} is removed.
 * </ol>
 * A writer killed within step 2 leaves the list: the next writer of {@code DIR} ({@link #recover}, when it
 * takes the directory's lock) finishes the switch, so the directory never stays mixed. A staging directory
 * without the list is an unfinished run ({@code train --resume} continues it there).
 */
public final class Staging {
    public static final String DIR = ".nelc-next";
    static final String COMMIT = "commit";

    private Staging() {
    }

    /** {@code dir/.nelc-next}. */
    public static Path of(Path dir) {
        return dir.resolve(DIR);
    }

    /** An empty {@code dir/.nelc-next} (what an earlier, abandoned run left there is removed). */
    public static Path fresh(Path dir) {
        Path s = of(dir);
        removeTree(s);
        try {
            Files.createDirectories(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + s + ": " + AtomicFiles.reason(e), e);
        }
        return s;
    }

    /**
     * Switches the staged files {@code names} into {@code dir} (each replacing its namesake) after deleting
     * {@code obsolete} from {@code dir}; then removes the staging directory.
     */
    public static void commit(Path dir, List<String> names, List<String> obsolete) {
        StringBuilder sb = new StringBuilder();
        for (String o : obsolete) {
            sb.append("delete ").append(o).append('\n');
        }
        for (String n : names) {
            sb.append("move ").append(n).append('\n');
        }
        AtomicFiles.writeString(of(dir).resolve(COMMIT), sb.toString());
        apply(dir);
    }

    /** Finishes a switch a killed writer decided but did not complete; true when there was one. */
    public static boolean recover(Path dir) {
        if (!Files.isRegularFile(of(dir).resolve(COMMIT))) {
            return false;
        }
        apply(dir);
        return true;
    }

    private static void apply(Path dir) {
        Path s = of(dir);
        List<String> lines;
        try {
            lines = Files.readAllLines(s.resolve(COMMIT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + s.resolve(COMMIT) + ": " + AtomicFiles.reason(e), e);
        }
        try {
            for (String line : lines) {
                if (line.startsWith("delete ")) {
                    Files.deleteIfExists(dir.resolve(line.substring(7)));
                }
            }
            for (String line : lines) {
                if (line.startsWith("move ")) {
                    Path from = s.resolve(line.substring(5));
                    if (Files.exists(from)) {
                        AtomicFiles.move(from, dir.resolve(line.substring(5)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch the new files of " + dir + " into place: "
                    + AtomicFiles.reason(e), e);
        }
        removeTree(s);
    }

    /** Deletes {@code s} and what it holds (the commit list last, so a switch stays decided until done). */
    private static void removeTree(Path s) {
        if (!Files.isDirectory(s)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(s)) {
            list.forEach(files::add);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + s + ": " + AtomicFiles.reason(e), e);
        }
        try {
            for (Path p : files) {
                if (!p.getFileName().toString().equals(COMMIT)) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(s.resolve(COMMIT));
            Files.deleteIfExists(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + s + ": " + AtomicFiles.reason(e), e);
        }
    }
}
