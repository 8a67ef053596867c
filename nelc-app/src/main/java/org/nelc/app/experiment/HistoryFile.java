package org.nelc.app.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.nelc.api.UserError;
import org.nelc.api.io.AtomicFiles;
import org.nelc.core.train.EpochRecord;

/**
 * {@code history.csv}: one {@link EpochRecord} per epoch, header {@link EpochRecord#CSV_HEADER}. Two
 * cheap per-epoch σ of that epoch's latent trajectory of the training chain ({@code stepsPerEpoch × T}
 * double steps, 1440 with the paper's settings): {@code sigma_count} from transition counts, pairs seen one
 * way only skipped (biased low, toward 0, for nearly deterministic cycles), and {@code sigma_rb} from the
 * exact rows {@code Ā(·|x'(t))} of the same trajectory (finite, no extra draws). The precise values are
 * in {@code evaluation.json}.
 */
public final class HistoryFile {
    private HistoryFile() {
    }

    /**
     * Replaces {@code file} atomically. Not forced to disk: it is rewritten after every epoch, and an
     * fsync each time cost more than the epoch's training (see {@link AtomicFiles#write(Path,
     * AtomicFiles.IoConsumer, boolean)}); model.json, written once, is.
     */
    public static void write(Path file, List<EpochRecord> rows) {
        StringBuilder sb = new StringBuilder(EpochRecord.CSV_HEADER).append('\n');
        for (EpochRecord r : rows) {
            sb.append(r.csv()).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString(), false);
    }

    /**
     * Appends one row: {@code train} writes the header once ({@link #write} with no rows) and then a row per
     * epoch, so a run of many short epochs costs linear, not quadratic, time. One {@code write} call per row;
     * a row torn by a crash is dropped by {@link #readPrefix} on resume.
     */
    public static void append(Path file, EpochRecord row) {
        try {
            Files.writeString(file, row.csv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UserError("cannot append to " + file + ": " + AtomicFiles.reason(e));
        }
    }

    /**
     * The first {@code epochs} rows of a history a killed run left: rows after them (epochs done after the
     * last checkpoint) and a last line torn by the crash (no newline, or not a row) are dropped. A one-line
     * error when fewer than {@code epochs} whole rows are there.
     */
    public static List<EpochRecord> readPrefix(Path file, int epochs) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the history: " + AtomicFiles.reason(e));
        }
        int end = text.lastIndexOf('\n') + 1;
        List<EpochRecord> rows = new ArrayList<>();
        List<String> lines = text.substring(0, end).lines().toList();
        for (int k = 1; k < lines.size() && rows.size() < epochs; k++) {
            rows.add(parse(file, k, lines.get(k)));
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals(EpochRecord.CSV_HEADER) || rows.size() < epochs) {
            throw new UserError(file + ": holds " + rows.size() + " whole rows, the checkpoint " + epochs
                    + " epochs (the history does not belong to the checkpoint)");
        }
        return List.copyOf(rows);
    }

    public static List<EpochRecord> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the history (" + e.getMessage() + ")");
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals(EpochRecord.CSV_HEADER)) {
            throw new UserError(file + ": not a history.csv (expected the header " + EpochRecord.CSV_HEADER + ")");
        }
        List<EpochRecord> out = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k).trim();
            if (line.isEmpty()) {
                continue;
            }
            out.add(parse(file, k, line));
        }
        return List.copyOf(out);
    }

    /** Line {@code k} (0-based) of {@code file} as a row. */
    private static EpochRecord parse(Path file, int k, String line) {
        String[] f = line.trim().split(",");
        try {
            // the columns of EpochRecord.CSV_HEADER; histories written before sigma_rb have 7
            EpochRecord.Builder row = EpochRecord.builder().epoch(Integer.parseInt(f[0])).step(Long.parseLong(f[1]))
                    .batchSize(Integer.parseInt(f[2])).logLikelihood(Double.parseDouble(f[3]))
                    .sigma(Double.parseDouble(f[4])).oneWayPairs(Integer.parseInt(f[5]))
                    .seconds(Double.parseDouble(f[6]));
            return (f.length > 7 ? row.sigmaRaoBlackwell(Double.parseDouble(f[7])) : row).build();
        } catch (RuntimeException e) {
            throw new UserError(file + ": line " + (k + 1) + " is not a history row: '" + line.trim() + "'");
        }
    }
}
