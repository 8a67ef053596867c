package org.nelc.app.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.core.train.EpochRecord;

class SeedRangeTest {
    @TempDir
    Path dir;

    @Test
    void parsesRangesAndLists() {
        assertEquals(List.of(1L, 2L, 3L), SeedRange.parse("1..3"));
        assertEquals(List.of(7L, 3L, 4L), SeedRange.parse("7, 3..4, 7"));
        assertEquals(36, SeedRange.first(36).size());
        UserError e = assertThrows(UserError.class, () -> SeedRange.parse("9..2"));
        assertTrue(e.getMessage().contains("--seeds"));
        assertThrows(UserError.class, () -> SeedRange.parse("a..b"));
        assertThrows(UserError.class, () -> SeedRange.first(0));
    }

    @Test
    void layoutNamesModelsWithTwoDigits() {
        EnsembleLayout l = new EnsembleLayout(dir);
        assertEquals(dir.resolve("models/seed-03/model.json"), l.modelFile(3));
        assertEquals(dir.resolve("models/seed-123"), l.modelDir(123));
        assertEquals(dir.resolve("variants/softmax-exact/models"), l.variant("softmax-exact").modelsDir());
    }

    @Test
    void historyRoundTrips() {
        List<EpochRecord> rows = List.of(
                EpochRecord.builder().epoch(1).step(30).batchSize(16).logLikelihood(-160.5).sigma(0.25).oneWayPairs(3)
                        .seconds(0.5).build(),
                EpochRecord.builder().epoch(2).step(60).batchSize(17).logLikelihood(-150.25).sigma(Double.NaN)
                        .oneWayPairs(0).seconds(1.0).build());
        Path f = dir.resolve("history.csv");
        HistoryFile.write(f, rows);
        List<EpochRecord> back = HistoryFile.read(f);
        assertEquals(rows.get(0), back.get(0));
        assertEquals(rows.get(1).logLikelihood(), back.get(1).logLikelihood());
        assertTrue(Double.isNaN(back.get(1).sigma()));
    }
}
