package org.nelc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;

class RowCollectorTest {
    private static final Path FILE = Path.of("some", "dir", "rows.dat");

    /** Offers rows whose single bit is the row's index parity, with these labels. */
    private static RowCollector offer(DataSelection selection, int... labels) {
        RowCollector c = new RowCollector(FILE, selection, 2, "digit");
        for (int n = 0; n < labels.length; n++) {
            c.offer(labels[n], new byte[] {9, (byte) (n % 2), 1}, 1);
        }
        return c;
    }

    /** Rows tagged by their offer index: bits = (index % 2, 1). */
    private static int[] firstBits(Dataset d) {
        int[] b = new int[d.size()];
        for (int n = 0; n < d.size(); n++) {
            b[n] = d.bit(n, 0);
        }
        return b;
    }

    @Test
    void keepsClassesInSelectionOrderAndFirstRowsOfEachInFileOrder() {
        // offer index:              0  1  2  3  4  5  6
        RowCollector c = offer(new DataSelection(List.of(2, 0), 2, false), 0, 2, 1, 0, 2, 2, 0);
        Dataset d = c.build();
        assertArrayEquals(new int[] {2, 2, 0, 0}, d.labels());
        // class 2 rows are offers 1 and 4 (parities 1, 0); class 0 rows are offers 0 and 3 (0, 1)
        assertArrayEquals(new int[] {1, 0, 0, 1}, firstBits(d));
        assertEquals(Map.of(0, 2, 2, 2), d.classCounts());
        assertEquals("rows.dat digits=[2, 0] perClass=2", d.source());
    }

    @Test
    void aShortClassGivesWhatItHas() {
        Dataset d = offer(new DataSelection(List.of(0, 1), 3, false), 0, 1, 0, 0, 0).build();
        assertEquals(Map.of(0, 3, 1, 1), d.classCounts());
    }

    @Test
    void strictRefusesAShortClassNamingFileClassAndCounts() {
        UserError e = assertThrows(UserError.class,
                () -> offer(new DataSelection(List.of(0, 1), 3, true), 0, 1, 0, 0).build());
        assertTrue(e.getMessage().contains(FILE.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("digit 1 has 1 rows"), e.getMessage());
        assertTrue(e.getMessage().contains("3 requested"), e.getMessage());
    }

    @Test
    void anAbsentClassIsAnErrorNamingClassAndFile() {
        UserError e = assertThrows(UserError.class,
                () -> offer(new DataSelection(List.of(0, 7), 3, false), 0, 1, 0).build());
        assertTrue(e.getMessage().contains(FILE.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("digit 7"), e.getMessage());
        assertTrue(e.getMessage().contains("present: 0, 1"), e.getMessage());
    }

    @Test
    void classesCannotBeSelectedFromUnlabeledRows() {
        UserError e = assertThrows(UserError.class,
                () -> offer(new DataSelection(List.of(0), 3, false), -1, -1).build());
        assertTrue(e.getMessage().contains("no labels"), e.getMessage());
    }

    @Test
    void withoutClassesTakesTheFirstRowsWhateverTheirLabel() {
        RowCollector c = offer(new DataSelection(List.of(), 3, false), 5, -1, 2, 5, 1);
        assertTrue(c.full());
        Dataset d = c.build();
        assertArrayEquals(new int[] {5, -1, 2}, d.labels());
        assertArrayEquals(new int[] {0, 1, 0}, firstBits(d));
        assertEquals("rows.dat first 3 rows", d.source());
    }

    @Test
    void withoutClassesStrictNeedsTheWholeCount() {
        UserError e = assertThrows(UserError.class,
                () -> offer(new DataSelection(List.of(), 3, true), 1, 2).build());
        assertTrue(e.getMessage().contains("2 rows, but 3 requested"), e.getMessage());
        assertEquals(2, offer(new DataSelection(List.of(), 3, false), 1, 2).build().size());
    }

    @Test
    void noRowsIsAnError() {
        UserError e = assertThrows(UserError.class, () -> offer(new DataSelection(List.of(), 3, false)).build());
        assertTrue(e.getMessage().contains(FILE + ": no rows"), e.getMessage());
    }

    @Test
    void wantsAndFullFollowTheCounts() {
        RowCollector c = new RowCollector(FILE, new DataSelection(List.of(3), 1, false), 1, "class");
        assertTrue(c.wants(3));
        assertFalse(c.wants(4));
        assertFalse(c.full());
        assertFalse(c.offer(4, new byte[] {1}, 0));
        assertTrue(c.offer(3, new byte[] {1}, 0));
        assertFalse(c.wants(3));
        assertTrue(c.full());
        assertFalse(c.offer(3, new byte[] {0}, 0));
        assertEquals(1, c.size());
        assertEquals("classes=[3] perClass=1", c.describeSelection());
    }

    @Test
    void strictIsPartOfTheSource() {
        assertEquals("digits=[1] perClass=4 strict",
                new RowCollector(FILE, new DataSelection(List.of(1), 4, true), 1, "digit").describeSelection());
    }

    @Test
    void growsPastTheInitialCapacity() {
        RowCollector c = new RowCollector(FILE, new DataSelection(List.of(), 5000, false), 3, "digit");
        for (int n = 0; n < 1000; n++) {
            c.offer(n % 4, new byte[] {(byte) (n % 2), 1, 0}, 0);
        }
        Dataset d = c.build();
        assertEquals(1000, d.size());
        assertEquals(1, d.bit(999, 0));
        assertEquals(3, d.label(999));
    }
}
