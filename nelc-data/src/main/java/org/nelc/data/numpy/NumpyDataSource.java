package org.nelc.data.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.DataSource;
import org.nelc.api.data.Dataset;
import org.nelc.data.LabelMap;
import org.nelc.data.RowCollector;
import org.nelc.data.Threshold;
import org.nelc.data.io.InputFiles;

/**
 * Reads NumPy files.
 *
 * <ul>
 *   <li>{@code .npy} (raw or gzip-compressed): one array, 2-D {@code N × D} rows or 3-D
 *       {@code N × H × W} images (flattened in C order, the shape kept for figures); no labels.
 *   <li>{@code .npz} ({@code np.savez}, compressed or not): the data array named by {@code x-key}
 *       (default {@code x}, else the first array of 2 or 3 dimensions) and the labels named by
 *       {@code y-key} (default {@code y} if present): a 1-D array of N non-negative integers or strings.
 * </ul>
 *
 * Values become bits by {@link Threshold} (the {@code threshold} option or the dtype's default rule).
 * Headers of format versions 1–3, either byte order and C or Fortran order are read; what cannot be
 * read (object arrays, structured or complex dtypes, 1-D or 4-D data, NaN, truncated files) is a
 * {@link UserError} with the reason. The whole array is read and checked.
 */
public final class NumpyDataSource implements DataSource {
    public static final String NAME = "numpy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return ".npy array (2-D rows or 3-D images) or .npz archive (--x-key, --y-key); --threshold";
    }

    @Override
    public Set<String> options() {
        return Set.of("threshold", "x-key", "y-key");
    }

    /** Files named {@code *.npy}, {@code *.npy.gz} or {@code *.npz}, or starting with the .npy magic. */
    @Override
    public boolean accepts(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        if (InputFiles.endsWithAny(InputFiles.fileName(path), ".npy", ".npy.gz", ".npz")) {
            return true;
        }
        byte[] head = InputFiles.head(path, 6);
        return Arrays.equals(head, NpyHeader.MAGIC);
    }

    @Override
    public Dataset load(Path path, DataSelection selection) {
        InputFiles.requireRegularFile(path);
        byte[] head = InputFiles.head(path, 4);
        boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        try {
            if (zip) {
                return loadNpz(path, selection);
            }
            if (InputFiles.endsWithAny(InputFiles.fileName(path), ".npz")) {
                throw new UserError(path + ": not an .npz archive (no zip header: starts with " + InputFiles.hex(head, 4) + ")");
            }
            for (String key : List.of("x-key", "y-key")) {
                if (selection.option(key) != null) {
                    throw new UserError("--" + key + ": " + path + " is a single .npy array, not an .npz archive");
                }
            }
            try (InputStream in = InputFiles.openMaybeGzip(path)) {
                NpyHeader h = NpyHeader.read(in, path.toString());
                return readRows(path, in, h, null, selection);
            }
        } catch (ZipException e) {
            throw new UserError(path + ": damaged .npz archive" + InputFiles.detail(e), e);
        } catch (IOException e) {
            throw new UserError(path + ": cannot read" + InputFiles.detail(e), e);
        }
    }

    private static Dataset loadNpz(Path path, DataSelection selection) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            List<String> keys = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.endsWith(".npy")) {
                    keys.add(name.substring(0, name.length() - 4));
                }
            }
            if (keys.isEmpty()) {
                throw new UserError(path + ": .npz archive without arrays");
            }
            String xKey = selection.option("x-key");
            String yKey = selection.option("y-key");
            if (xKey == null) {
                xKey = keys.contains("x") ? "x" : firstDataArray(zip, path, keys);
            }
            requireKey(path, keys, xKey, "--x-key");
            if (yKey == null && keys.contains("y") && !xKey.equals("y")) {
                yKey = "y";
            }
            if (yKey != null) {
                requireKey(path, keys, yKey, "--y-key");
            }
            LabelMap labels = yKey == null ? null : readLabels(zip, path, yKey);
            try (InputStream in = zip.getInputStream(zip.getEntry(xKey + ".npy"))) {
                NpyHeader h = NpyHeader.read(in, where(path, xKey));
                if (labels != null && labels.size() != h.shape()[0]) {
                    throw new UserError(path + ": '" + xKey + "' has " + h.shape()[0] + " rows but '" + yKey + "' has "
                            + labels.size() + " labels");
                }
                return readRows(path, in, h, labels, selection);
            }
        }
    }

    /** The first array of 2 or 3 dimensions, in archive order. */
    private static String firstDataArray(ZipFile zip, Path path, List<String> keys) throws IOException {
        List<String> seen = new ArrayList<>();
        for (String key : keys) {
            try (InputStream in = zip.getInputStream(zip.getEntry(key + ".npy"))) {
                NpyHeader h = NpyHeader.read(in, where(path, key));
                if (h.shape().length == 2 || h.shape().length == 3) {
                    return key;
                }
                seen.add(key + " " + h.shapeText());
            }
        }
        throw new UserError(path + ": no 2-D or 3-D array to read as data (arrays: " + String.join(", ", seen) + ")");
    }

    private static void requireKey(Path path, List<String> keys, String key, String flag) {
        if (!keys.contains(key)) {
            throw new UserError(flag + " " + key + ": no such array in " + path + " (arrays: " + String.join(", ", keys) + ")");
        }
    }

    private static LabelMap readLabels(ZipFile zip, Path path, String key) throws IOException {
        String where = where(path, key);
        try (InputStream in = zip.getInputStream(zip.getEntry(key + ".npy"))) {
            NpyHeader h = NpyHeader.read(in, where);
            long[] s = h.shape();
            if (!(s.length == 1 || s.length == 2 && s[1] == 1)) {
                throw new UserError(where + ": labels of shape " + h.shapeText() + "; expected one label per row (N,)");
            }
            return h.numeric() ? LabelMap.ofNumbers(where, NpyData.numbers(in, h)) : LabelMap.of(where, NpyData.strings(in, h));
        }
    }

    private static Dataset readRows(Path path, InputStream in, NpyHeader h, LabelMap labels, DataSelection selection)
            throws IOException {
        long[] shape = h.shape();
        if (shape.length < 2 || shape.length > 3) {
            throw new UserError(h.where() + ": " + shape.length + "-D array of shape " + h.shapeText() + "; data are 2-D "
                    + "(rows × values) or 3-D (images × height × width)"
                    + (shape.length == 1 ? ", e.g. x.reshape(1, -1) for one row" : ""));
        }
        if (!h.numeric()) {
            throw new UserError(h.where() + ": dtype " + h.descr() + " holds strings, not values");
        }
        long width = shape.length == 2 ? shape[1] : shape[1] * shape[2];
        if (shape[0] == 0 || width == 0) {
            throw new UserError(h.where() + ": empty array of shape " + h.shapeText());
        }
        if (width > Integer.MAX_VALUE / 2) {
            throw new UserError(h.where() + ": rows of " + width + " values are too long");
        }
        Threshold.Kind kind = switch (h.kind()) {
            case 'b' -> Threshold.Kind.BOOL;
            case 'f' -> Threshold.Kind.FLOAT;
            default -> h.kind() == 'u' && h.itemSize() == 1 ? Threshold.Kind.UINT8 : Threshold.Kind.INTEGER;
        };
        Threshold rule = new Threshold(h.where(), kind, Threshold.parse(selection.option("threshold")));
        DataSelection resolved = labels == null ? selection : labels.resolve(selection);
        RowCollector rows = new RowCollector(path, resolved, (int) width, "class")
                .reading(h.typeName() + " " + h.shapeText() + ", " + rule.describe());
        byte[] bits = new byte[(int) width];
        NpyData.rows(in, h, (k, values) -> {
            int label = labels == null ? -1 : labels.id((int) k);
            // every value is checked (NaN, range), kept or not
            for (int j = 0; j < values.length; j++) {
                bits[j] = rule.bit(values[j], k, j);
            }
            rows.offer(label, bits, 0);
        });
        Dataset d = rows.build();
        if (shape.length == 3) {
            d = d.withImageShape(new int[] {(int) shape[1], (int) shape[2]});
        }
        return labels == null ? d : d.withClassNames(labels.names());
    }

    private static String where(Path path, String key) {
        return path + ":" + key;
    }
}
