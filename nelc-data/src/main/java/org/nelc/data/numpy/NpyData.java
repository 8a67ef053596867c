package org.nelc.data.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.nelc.api.UserError;

/**
 * The data part of a {@code .npy} array, after its {@link NpyHeader}: elements decoded to doubles (or,
 * for string dtypes, to strings), in C order whatever the file's order. A C-order array is read row by
 * row (rows of the first axis), so a large file never sits in memory twice; a Fortran-order array is
 * read whole and gathered.
 */
final class NpyData {
    /** Largest Fortran-order array read whole. */
    static final long MAX_WHOLE_BYTES = Integer.MAX_VALUE - 16;

    /** Receives the rows of the first axis, each flattened in C order. */
    interface RowSink {
        void row(long index, double[] values);
    }

    private NpyData() {}

    /**
     * Reads every row of an array of two or more dimensions: row {@code k} is the sub-array
     * {@code a[k]} flattened, {@code shape[1] × … } values.
     */
    static void rows(InputStream in, NpyHeader h, RowSink sink) throws IOException {
        long n = h.shape()[0];
        long width = h.count() / Math.max(1, n);
        if (n == 0 || width == 0) {
            throw new UserError(h.where() + ": empty array of shape " + h.shapeText());
        }
        if (width * h.itemSize() > MAX_WHOLE_BYTES) {
            throw new UserError(h.where() + ": rows of " + width + " values are too long");
        }
        double[] row = new double[(int) width];
        if (!h.fortranOrder() || h.shape().length < 2) {
            byte[] bytes = new byte[(int) width * h.itemSize()];
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(h.order());
            for (long k = 0; k < n; k++) {
                readFully(in, bytes, h, k * bytes.length);
                for (int j = 0; j < width; j++) {
                    row[j] = number(buf, j * h.itemSize(), h);
                }
                sink.row(k, row);
            }
        } else {
            long total = h.count() * h.itemSize();
            if (total > MAX_WHOLE_BYTES) {
                throw new UserError(h.where() + ": Fortran-order array of " + total + " bytes is too large to read "
                        + "whole; save it in C order (np.ascontiguousarray)");
            }
            byte[] bytes = new byte[(int) total];
            readFully(in, bytes, h, 0);
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(h.order());
            // Fortran order: element (i0, i1, …) sits at i0 + s0·(i1 + s1·(i2 + …)); the row's values
            // run over (i1, i2, …) in C order, the last index fastest
            long[] shape = h.shape();
            int dims = shape.length;
            long[] index = new long[dims];
            for (long k = 0; k < n; k++) {
                java.util.Arrays.fill(index, 0);
                for (int j = 0; j < width; j++) {
                    long offset = 0;
                    for (int a = dims - 1; a >= 1; a--) {
                        offset = offset * shape[a] + index[a];
                    }
                    offset = offset * shape[0] + k;
                    row[j] = number(buf, (int) (offset * h.itemSize()), h);
                    for (int a = dims - 1; a >= 1; a--) {
                        if (++index[a] < shape[a]) {
                            break;
                        }
                        index[a] = 0;
                    }
                }
                sink.row(k, row);
            }
        }
        requireEnd(in, h);
    }

    /** The values of a 1-D numeric array (labels). */
    static double[] numbers(InputStream in, NpyHeader h) throws IOException {
        double[] out = new double[checkedLength(h)];
        byte[] bytes = new byte[out.length * h.itemSize()];
        readFully(in, bytes, h, 0);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(h.order());
        for (int i = 0; i < out.length; i++) {
            out[i] = number(buf, i * h.itemSize(), h);
        }
        requireEnd(in, h);
        return out;
    }

    /** The values of a 1-D string array (labels), trailing NULs removed as numpy does. */
    static String[] strings(InputStream in, NpyHeader h) throws IOException {
        String[] out = new String[checkedLength(h)];
        byte[] bytes = new byte[out.length * h.itemSize()];
        readFully(in, bytes, h, 0);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(h.order());
        for (int i = 0; i < out.length; i++) {
            int base = i * h.itemSize();
            String s;
            if (h.kind() == 'U') {
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < h.itemSize() / 4; c++) {
                    int cp = buf.getInt(base + 4 * c);
                    if (cp != 0) {
                        if (!Character.isValidCodePoint(cp)) {
                            throw new UserError(h.where() + ": element " + i + " holds the invalid code point " + cp);
                        }
                        sb.appendCodePoint(cp);
                    }
                }
                s = sb.toString();
            } else {
                int len = h.itemSize();
                while (len > 0 && bytes[base + len - 1] == 0) {
                    len--;
                }
                s = new String(bytes, base, len, StandardCharsets.UTF_8);
            }
            out[i] = s;
        }
        requireEnd(in, h);
        return out;
    }

    private static int checkedLength(NpyHeader h) {
        if (h.count() * h.itemSize() > MAX_WHOLE_BYTES) {
            throw new UserError(h.where() + ": array of " + h.count() + " elements is too large");
        }
        return (int) h.count();
    }

    private static double number(ByteBuffer b, int at, NpyHeader h) {
        return switch (h.kind()) {
            case 'b' -> b.get(at) != 0 ? 1 : 0;
            case 'u' -> switch (h.itemSize()) {
                case 1 -> b.get(at) & 0xff;
                case 2 -> b.getShort(at) & 0xffff;
                case 4 -> b.getInt(at) & 0xffffffffL;
                default -> unsignedLong(b.getLong(at));
            };
            case 'i' -> switch (h.itemSize()) {
                case 1 -> b.get(at);
                case 2 -> b.getShort(at);
                case 4 -> b.getInt(at);
                default -> b.getLong(at);
            };
            case 'f' -> h.itemSize() == 4 ? b.getFloat(at) : b.getDouble(at);
            default -> throw new UserError(h.where() + ": " + h.typeName() + " elements are strings, not numbers");
        };
    }

    private static double unsignedLong(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    private static void readFully(InputStream in, byte[] bytes, NpyHeader h, long before) throws IOException {
        int got = in.readNBytes(bytes, 0, bytes.length);
        if (got < bytes.length) {
            long want = h.count() * h.itemSize();
            throw new UserError(h.where() + ": truncated: the header announces " + h.shapeText() + " " + h.typeName()
                    + " = " + want + " bytes of data, the file ends after " + (before + got));
        }
    }

    private static void requireEnd(InputStream in, NpyHeader h) throws IOException {
        if (in.read() != -1) {
            throw new UserError(h.where() + ": extra bytes after the " + h.shapeText() + " " + h.typeName()
                    + " array its header announces");
        }
    }
}
