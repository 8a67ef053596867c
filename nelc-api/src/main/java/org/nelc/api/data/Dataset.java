package org.nelc.api.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.nelc.api.UserError;

/**
 * A binary dataset: {@code size()} rows of {@code dimension()} bits, each with an optional class
 * label ({@code -1} when unknown), plus where it came from. Immutable: the constructor copies, and the
 * arrays handed out by {@link #bitsView()} and {@link #active(int)} are shared and must not be written.
 *
 * <p>Layout: bit {@code i} of row {@code n} is {@code bits[n * dimension + i]} ∈ {0, 1}.
 */
public final class Dataset {
    private final int size;
    private final int dimension;
    private final byte[] bits;
    private final int[] labels;
    private final String source;
    private final int[][] active;
    /** Computed on first use and shared by the copies ({@link #withOrigin} …): the rows are the same. */
    private final Fingerprint fingerprint;
    private final String path;
    private final DataSelection selection;
    private final int[] imageShape;
    private final Map<Integer, String> classNames;

    public Dataset(int size, int dimension, byte[] bits, int[] labels, String source) {
        this(size, dimension, bits, labels, source, null, null);
    }

    /**
     * @param path the file or directory the rows were loaded from (null when generated)
     * @param selection the selection that picked them (null when not known)
     */
    public Dataset(int size, int dimension, byte[] bits, int[] labels, String source, String path,
            DataSelection selection) {
        this(size, dimension, bits, labels, source, path, selection, null);
    }

    /**
     * Rows restored from a store that kept their fingerprint beside them under one checksum (the row cache):
     * the fingerprint is taken as given instead of hashed again. A JVM's first SHA-256 over the paper's
     * 2.3 MB of bits costs 80-95 ms of thread CPU (the digest runs interpreted until compiled), a fifth of a
     * short command's own time (docs/design-notes.md, "Start-up").
     *
     * @param fingerprint {@link #fingerprint()} of a dataset with these size, dimension, bits and labels
     * @throws IllegalArgumentException if it is not of that form ({@code sha256:} and 64 hex digits)
     */
    public static Dataset restored(int size, int dimension, byte[] bits, int[] labels, String source,
            String fingerprint) {
        if (fingerprint == null || !fingerprint.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a dataset fingerprint: " + fingerprint);
        }
        return new Dataset(size, dimension, bits, labels, source, null, null, fingerprint);
    }

    private Dataset(int size, int dimension, byte[] bits, int[] labels, String source, String path,
            DataSelection selection, String knownFingerprint) {
        if (size < 1) {
            throw new UserError("dataset " + source + ": no rows");
        }
        if (dimension < 1) {
            throw new UserError("dataset " + source + ": dimension " + dimension + " < 1");
        }
        if (bits.length != (long) size * dimension) {
            throw new IllegalArgumentException("bits length " + bits.length + " != " + size + " x " + dimension);
        }
        if (labels.length != size) {
            throw new IllegalArgumentException("labels length " + labels.length + " != size " + size);
        }
        this.size = size;
        this.dimension = dimension;
        this.bits = bits.clone();
        this.labels = labels.clone();
        this.source = Objects.requireNonNull(source);
        this.active = new int[size][];
        int[] buf = new int[dimension];
        for (int n = 0; n < size; n++) {
            int k = 0;
            for (int i = 0; i < dimension; i++) {
                byte b = this.bits[n * dimension + i];
                if (b == 1) {
                    buf[k++] = i;
                } else if (b != 0) {
                    throw new IllegalArgumentException("row " + n + " pixel " + i + ": bit value " + b);
                }
            }
            active[n] = Arrays.copyOf(buf, k);
        }
        this.fingerprint = new Fingerprint(knownFingerprint);
        this.path = path;
        this.selection = selection;
        this.imageShape = null;
        this.classNames = Map.of();
    }

    /** A copy sharing the (immutable) rows, with other provenance and layout. */
    private Dataset(Dataset d, String path, DataSelection selection, int[] imageShape, Map<Integer, String> classNames) {
        this.size = d.size;
        this.dimension = d.dimension;
        this.bits = d.bits;
        this.labels = d.labels;
        this.source = d.source;
        this.active = d.active;
        this.fingerprint = d.fingerprint;
        this.path = path;
        this.selection = selection;
        this.imageShape = imageShape;
        this.classNames = classNames;
    }

    /** The same rows, recording where they were loaded from and how they were selected (to reload them). */
    public Dataset withOrigin(String originPath, DataSelection originSelection) {
        return new Dataset(this, originPath, originSelection, imageShape, classNames);
    }

    /**
     * The same rows drawn as images of {@code rows × columns} pixels (pixel {@code i} at row
     * {@code i / columns}); {@code null} for data that are not images.
     *
     * @throws UserError if {@code rows · columns} is not the dimension
     */
    public Dataset withImageShape(int[] shape) {
        if (shape != null && (shape.length != 2 || shape[0] < 1 || shape[1] < 1
                || (long) shape[0] * shape[1] != dimension)) {
            throw new UserError("--image-shape " + Arrays.toString(shape) + ": does not hold the " + dimension
                    + " values of a row");
        }
        return new Dataset(this, path, selection, shape == null ? null : shape.clone(), classNames);
    }

    /** The same rows whose label ids stand for these names (string labels of .npz/CSV files). */
    public Dataset withClassNames(Map<Integer, String> names) {
        return new Dataset(this, path, selection, imageShape, Map.copyOf(new TreeMap<>(names)));
    }

    /** {rows, columns} of an image, or null if the rows are not images (or their shape is unknown). */
    public int[] imageShape() {
        return imageShape == null ? null : imageShape.clone();
    }

    /** The name of each label id when the file's labels were strings; empty for integer labels. */
    public Map<Integer, String> classNames() {
        return new TreeMap<>(classNames);
    }

    /** The file or directory the rows came from, or null. */
    public String path() {
        return path;
    }

    /** The selection that picked the rows, or null. */
    public DataSelection selection() {
        return selection;
    }

    public int size() {
        return size;
    }

    public int dimension() {
        return dimension;
    }

    /** Bit {@code i} of row {@code n}. */
    public int bit(int n, int i) {
        return bits[n * dimension + i];
    }

    /** The whole bit matrix, row-major. Shared: do not modify. */
    public byte[] bitsView() {
        return bits;
    }

    /** Indices of the 1-bits of row {@code n}, ascending. Shared: do not modify. */
    public int[] active(int n) {
        return active[n];
    }

    /** Class label of row {@code n}, or {@code -1}. */
    public int label(int n) {
        return labels[n];
    }

    public int[] labels() {
        return labels.clone();
    }

    public boolean hasLabels() {
        for (int l : labels) {
            if (l < 0) {
                return false;
            }
        }
        return true;
    }

    /** Rows per label, ascending by label. */
    public Map<Integer, Integer> classCounts() {
        Map<Integer, Integer> m = new TreeMap<>();
        for (int l : labels) {
            m.merge(l, 1, Integer::sum);
        }
        return m;
    }

    /** Where the data came from (file and selection), for provenance. */
    public String source() {
        return source;
    }

    /** SHA-256 over dimension, bits and labels: two datasets with the same fingerprint are the same data. */
    public String fingerprint() {
        String f = fingerprint.value;
        if (f == null) {
            f = computeFingerprint(); // a race computes the same string twice: harmless
            fingerprint.value = f;
        }
        return f;
    }

    private static final class Fingerprint {
        volatile String value;

        Fingerprint(String value) {
            this.value = value;
        }
    }

    /** Per-pixel mean {@code ⟨x_i⟩} over all rows (the centering vector {@code c}). */
    public double[] mean() {
        double[] c = new double[dimension];
        for (int n = 0; n < size; n++) {
            for (int i : active[n]) {
                c[i] += 1.0;
            }
        }
        for (int i = 0; i < dimension; i++) {
            c[i] /= size;
        }
        return c;
    }

    /** Row {@code n} as 0/1 doubles into {@code out[0 … dimension−1]}. */
    public void copyRow(int n, double[] out) {
        for (int i = 0; i < dimension; i++) {
            out[i] = bits[n * dimension + i];
        }
    }

    private String computeFingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ByteBuffer.allocate(8).putInt(size).putInt(dimension).array());
            md.update(bits);
            ByteBuffer lb = ByteBuffer.allocate(4 * size);
            for (int l : labels) {
                lb.putInt(l);
            }
            md.update(lb.array());
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
