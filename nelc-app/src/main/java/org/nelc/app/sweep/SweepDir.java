package org.nelc.app.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nelc.api.UserError;
import org.nelc.api.io.AtomicFiles;

/**
 * The files of a sweep:
 *
 * <pre>
 * SWEEP/manifest.json            the plan ({@link Manifest})
 * SWEEP/cells/&lt;id&gt;/             one directory per cell ({@link CellFiles})
 * SWEEP/slurm/sweep.sbatch       the job-array script; slurm/jobs the submitted job ids; slurm/logs/
 * SWEEP/summary.csv, summary.json, report.html    written by collect
 * </pre>
 */
public record SweepDir(Path root) {
    public SweepDir {
        root = root.toAbsolutePath().normalize();
    }

    public Path manifestFile() {
        return root.resolve("manifest.json");
    }

    public Path cellsDir() {
        return root.resolve("cells");
    }

    public CellFiles cell(Manifest.Cell cell) {
        return new CellFiles(cellsDir().resolve(cell.id()));
    }

    public Path slurmDir() {
        return root.resolve("slurm");
    }

    public Manifest readManifest() {
        Path f = manifestFile();
        try {
            return Manifest.fromJson(Files.readString(f), f.toString());
        } catch (NoSuchFileException e) {
            throw new UserError(root + ": no manifest.json here (plan the sweep first: nelc sweep plan --out " + root
                    + " ...)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    public void writeManifest(Manifest m) {
        AtomicFiles.writeString(manifestFile(), m.toJson());
    }
}
