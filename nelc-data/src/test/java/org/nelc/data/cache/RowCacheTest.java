package org.nelc.data.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.DataSource;
import org.nelc.api.data.Dataset;
import org.nelc.data.DataSources;
import org.nelc.data.text.TextDataSource;

class RowCacheTest {
    @TempDir
    Path dir;

    /** The text source, counting the loads that reach it (a cache hit does not). */
    static class CountingSource implements DataSource {
        private final TextDataSource text = new TextDataSource();
        int loads;

        @Override
        public String name() {
            return "counting-text";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public boolean accepts(Path path) {
            return text.accepts(path);
        }

        @Override
        public Dataset load(Path path, DataSelection selection) {
            loads++;
            return text.load(path, selection);
        }
    }

    private final CountingSource source = new CountingSource();
    private static final DataSelection TWO_CLASSES = new DataSelection(List.of(1, 0), 3, false);

    private Path data(String name, int rows, int seed) throws IOException {
        StringBuilder sb = new StringBuilder("# rows for the cache test\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int n = 0; n < rows; n++) {
            sb.append(n % 3).append('\t');
            for (int i = 0; i < 19; i++) { // 19 bits: rows do not fill whole bytes
                sb.append(r.nextBoolean() ? '1' : '0');
            }
            sb.append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString(), StandardCharsets.UTF_8);
    }

    private static void assertSameDataset(Dataset want, Dataset got) {
        assertEquals(want.fingerprint(), got.fingerprint());
        assertEquals(want.source(), got.source());
        assertEquals(want.path(), got.path());
        assertEquals(want.selection(), got.selection());
        assertEquals(want.size(), got.size());
        assertEquals(want.dimension(), got.dimension());
        assertArrayEquals(want.bitsView(), got.bitsView());
        assertArrayEquals(want.labels(), got.labels());
        assertArrayEquals(want.imageShape(), got.imageShape());
        assertEquals(want.classNames(), got.classNames());
    }

    private List<Path> entries(Path cacheDir) throws IOException {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.filter(p -> p.toString().endsWith(".rows")).sorted().toList();
        }
    }

    @Test
    void theSecondLoadIsServedFromTheCacheWithTheSameRows() throws IOException {
        Path file = data("rows.txt", 20, 1);
        RowCache cache = new RowCache(dir.resolve("cache"), Duration.ZERO);
        Dataset parsed = new TextDataSource().load(file, TWO_CLASSES);
        Dataset first = cache.load(source, file, TWO_CLASSES);
        Dataset second = cache.load(source, file, TWO_CLASSES);
        assertEquals(1, source.loads, "the second load did not parse");
        assertSameDataset(parsed, first);
        assertSameDataset(parsed, second);
        assertEquals(1, entries(dir.resolve("cache")).size());
    }

    /** A source that reports an image shape and string class names: both come back from the cache. */
    @Test
    void imageShapeAndClassNamesAreKept() throws IOException {
        Path file = data("rows.txt", 20, 1);
        CountingSource shaped = new CountingSource() {
            @Override
            public Dataset load(Path path, DataSelection selection) {
                return super.load(path, selection).withImageShape(new int[] {1, 19})
                        .withClassNames(java.util.Map.of(0, "zero", 1, "one", 2, "two"));
            }
        };
        RowCache cache = new RowCache(dir.resolve("cache"), Duration.ZERO);
        Dataset first = cache.load(shaped, file, TWO_CLASSES);
        Dataset second = cache.load(shaped, file, TWO_CLASSES);
        assertEquals(1, shaped.loads);
        assertArrayEquals(new int[] {1, 19}, second.imageShape());
        assertEquals("one", second.classNames().get(1));
        assertSameDataset(first, second);
    }

    /** Reading options are part of the key, whatever order they were given in. */
    @Test
    void optionsArePartOfTheKeyInAStableOrder() throws IOException {
        Path file = data("rows.txt", 20, 1);
        RowCache cache = new RowCache(dir.resolve("cache"), Duration.ZERO);
        java.util.Map<String, String> ab = new java.util.LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        java.util.Map<String, String> ba = new java.util.LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        cache.load(source, file, TWO_CLASSES.withOptions(ab));
        cache.load(source, file, TWO_CLASSES.withOptions(ba));
        assertEquals(1, source.loads);
        cache.load(source, file, TWO_CLASSES.withOptions(java.util.Map.of("a", "3")));
        assertEquals(2, source.loads);
    }

    @Test
    void aChangedFileIsParsedAgainNotServedStale() throws IOException {
        Path file = data("rows.txt", 20, 1);
        RowCache cache = new RowCache(dir.resolve("cache"), Duration.ZERO);
        Dataset before = cache.load(source, file, TWO_CLASSES);
        sleepPastAClockTick();
        data("rows.txt", 20, 2); // same name and size, other bits
        Dataset after = cache.load(source, file, TWO_CLASSES);
        assertEquals(2, source.loads);
        assertNotEquals(before.fingerprint(), after.fingerprint());
        assertSameDataset(new TextDataSource().load(file, TWO_CLASSES), after);
    }

    /**
     * File times advance in ticks of a few milliseconds, so with {@code settle = 0} a rewrite within the
     * same tick would be unseen; the production cache only trusts files written 2 s ago (next test).
     */
    private static void sleepPastAClockTick() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFileWrittenAMomentAgoIsNotCached() throws IOException {
        Path file = data("rows.txt", 20, 1);
        Path cacheDir = dir.resolve("cache");
        RowCache cache = new RowCache(cacheDir, Duration.ofHours(1));
        cache.load(source, file, TWO_CLASSES);
        cache.load(source, file, TWO_CLASSES);
        assertEquals(2, source.loads);
        assertTrue(!Files.exists(cacheDir) || entries(cacheDir).isEmpty());
        assertTrue(new RowCache(cacheDir).directory().endsWith("cache"));
    }

    @Test
    void anotherSelectionIsAnotherEntry() throws IOException {
        Path file = data("rows.txt", 20, 1);
        RowCache cache = new RowCache(dir.resolve("cache"), Duration.ZERO);
        DataSelection other = new DataSelection(List.of(2), 4, false);
        cache.load(source, file, TWO_CLASSES);
        Dataset d = cache.load(source, file, other);
        assertEquals(2, source.loads);
        assertSameDataset(new TextDataSource().load(file, other), d);
        assertEquals(2, entries(dir.resolve("cache")).size());
    }

    @Test
    void anEntryThatDoesNotReadBackWholeIsIgnoredAndRewritten() throws IOException {
        Path file = data("rows.txt", 20, 1);
        Path cacheDir = dir.resolve("cache");
        RowCache cache = new RowCache(cacheDir, Duration.ZERO);
        Dataset want = cache.load(source, file, TWO_CLASSES);
        Path entry = cache.entryFor(source, file, TWO_CLASSES).orElseThrow();
        byte[] good = Files.readAllBytes(entry);
        int expectedLoads = 1;
        // a flipped bit in the packed rows, a truncation, an empty file, garbage, a torn header
        byte[] flipped = good.clone();
        flipped[good.length - 12] ^= 0x10;
        List<byte[]> damaged = List.of(flipped, java.util.Arrays.copyOf(good, good.length - 5), new byte[0],
                "not an entry at all".getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(good, 9));
        for (byte[] bad : damaged) {
            Files.write(entry, bad);
            assertSameDataset(want, cache.load(source, file, TWO_CLASSES));
            assertEquals(++expectedLoads, source.loads, "parsed again");
            assertArrayEquals(good, Files.readAllBytes(entry), "rewritten whole");
        }
        assertSameDataset(want, cache.load(source, file, TWO_CLASSES));
        assertEquals(expectedLoads, source.loads, "and served from the cache again");
    }

    @Test
    void anEntryOfAnotherKeyUnderThisNameIsNotUsed() throws IOException {
        Path a = data("a.txt", 20, 1);
        Path b = data("b.txt", 20, 2);
        RowCache cache = new RowCache(dir.resolve("cache"), Duration.ZERO);
        cache.load(source, a, TWO_CLASSES);
        cache.load(source, b, TWO_CLASSES);
        // b's entry copied over a's: whole and with a valid checksum, but written for another key
        Files.copy(cache.entryFor(source, b, TWO_CLASSES).orElseThrow(),
                cache.entryFor(source, a, TWO_CLASSES).orElseThrow(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Dataset got = cache.load(source, a, TWO_CLASSES);
        assertEquals(3, source.loads);
        assertSameDataset(new TextDataSource().load(a, TWO_CLASSES), got);
    }

    @Test
    void anUnwritableCacheOnlyCostsAParse() throws IOException {
        Path file = data("rows.txt", 20, 1);
        Path notADirectory = Files.writeString(dir.resolve("cache"), "a file where the cache directory should be");
        RowCache cache = new RowCache(notADirectory, Duration.ZERO);
        Dataset d1 = cache.load(source, file, TWO_CLASSES);
        Dataset d2 = cache.load(source, file, TWO_CLASSES);
        assertEquals(2, source.loads);
        assertSameDataset(d1, d2);
    }

    @Test
    void keepsTheMostRecentlyUsedEntries() throws IOException {
        Path file = data("rows.txt", 30, 1);
        Path cacheDir = dir.resolve("cache");
        RowCache cache = new RowCache(cacheDir, Duration.ZERO);
        for (int n = 1; n <= RowCache.MAX_ENTRIES + 5; n++) {
            cache.load(source, file, new DataSelection(List.of(), n, false));
        }
        assertEquals(RowCache.MAX_ENTRIES, entries(cacheDir).size());
        assertTrue(Files.exists(cache.entryFor(source, file, new DataSelection(List.of(), RowCache.MAX_ENTRIES + 5, false))
                .orElseThrow()), "the newest is kept");
    }

    @Test
    void badDataIsStillTheSourcesUserErrorAndNothingIsCached() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"), "0101\n011\n");
        Path cacheDir = dir.resolve("cache");
        RowCache cache = new RowCache(cacheDir, Duration.ZERO);
        assertThrows(UserError.class, () -> cache.load(source, file, TWO_CLASSES));
        assertTrue(!Files.exists(cacheDir) || entries(cacheDir).isEmpty());
    }

    @Test
    void dataSourcesLoadThroughTheCacheWithTheOriginOfAnUncachedLoad() throws IOException {
        Path file = data("rows.txt", 20, 1);
        DataSources plain = new DataSources(List.of(source));
        DataSources cached = plain.cachedIn(new RowCache(dir.resolve("cache"), Duration.ZERO));
        Dataset want = plain.load(file, TWO_CLASSES);
        assertSameDataset(want, cached.load(file, TWO_CLASSES));
        assertSameDataset(want, cached.load(file, TWO_CLASSES));
        assertEquals(2, source.loads, "one uncached load, one to fill the cache, then none");
    }
}
