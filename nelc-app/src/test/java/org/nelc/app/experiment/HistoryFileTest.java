package org.nelc.app.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.core.train.EpochRecord;

/** history.csv as train writes it now: a header, then one appended row per epoch; read back on resume. */
class HistoryFileTest {
    @TempDir
    Path dir;

    private static EpochRecord row(int e) {
        return EpochRecord.builder().epoch(e).step(30L * e).batchSize(15 + e).logLikelihood(-160.5 + e).sigma(0.25 * e)
                .oneWayPairs(e % 3).seconds(0.5 * e).sigmaRaoBlackwell(e == 2 ? Double.NaN : 0.125).build();
    }

    @Test
    void appendedRowsReadBackExactly() {
        Path f = dir.resolve("history.csv");
        HistoryFile.write(f, List.of());
        for (int e = 1; e <= 5; e++) {
            HistoryFile.append(f, row(e));
        }
        assertEquals(List.of(row(1), row(2), row(3), row(4), row(5)), HistoryFile.read(f));
    }

    @Test
    void aTornLastLineAndRowsAfterTheCheckpointAreDropped() throws Exception {
        Path f = dir.resolve("history.csv");
        HistoryFile.write(f, List.of(row(1), row(2), row(3)));
        Files.writeString(f, Files.readString(f) + "4,120,1");
        assertEquals(List.of(row(1), row(2), row(3)), HistoryFile.readPrefix(f, 3));
        assertEquals(List.of(row(1), row(2)), HistoryFile.readPrefix(f, 2));
        // a torn line is whatever follows the last newline, even when it would parse
        Files.writeString(f, Files.readString(f).replace("4,120,1", row(4).csv()));
        assertEquals(3, HistoryFile.readPrefix(f, 3).size());
        UserError e = assertThrows(UserError.class, () -> HistoryFile.readPrefix(f, 4));
        assertEquals(f + ": holds 3 whole rows, the checkpoint 4 epochs (the history does not belong to the checkpoint)",
                e.getMessage());
    }
}
