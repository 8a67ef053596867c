package org.nelc.data.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.nelc.api.UserError;

/**
 * The header of a {@code .npy} array (format versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY},
 * the version, the header length (2 bytes little-endian in version 1, 4 in versions 2 and 3), and a
 * Python dict literal (Latin-1, UTF-8 in version 3) with {@code descr} (the dtype, e.g. {@code '<f8'}),
 * {@code fortran_order} and {@code shape}.
 *
 * <p>Readable dtypes: bool ({@code b1}), unsigned and signed integers of 1, 2, 4 and 8 bytes
 * ({@code u1…u8}, {@code i1…i8}), floats of 4 and 8 bytes ({@code f4}, {@code f8}), and, for labels,
 * fixed-width strings ({@code U} UTF-32, {@code S} bytes), in either byte order. Everything else is
 * refused with the reason: object arrays (pickles), structured dtypes, complex, float16, datetimes.
 *
 * @param where the file (and array name inside an .npz) for messages
 * @param kind numpy's kind character: {@code b u i f U S}
 * @param itemSize bytes per element
 */
public record NpyHeader(String where, int version, String descr, char kind, int itemSize, ByteOrder order,
        boolean fortranOrder, long[] shape) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Reads the header from {@code in}, leaving it at the first data byte. */
    public static NpyHeader read(InputStream in, String where) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 6 || !java.util.Arrays.equals(java.util.Arrays.copyOf(pre, 6), MAGIC)) {
            throw new UserError(where + ": not a .npy array (it does not start with \\x93NUMPY)");
        }
        if (pre.length < 8) {
            throw new UserError(where + ": truncated .npy header (" + pre.length + " bytes)");
        }
        int major = pre[6] & 0xff;
        int minor = pre[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new UserError(where + ": .npy format version " + major + "." + minor
                    + " is not supported (this reads 1.0, 2.0 and 3.0)");
        }
        byte[] len = in.readNBytes(major == 1 ? 2 : 4);
        if (len.length < (major == 1 ? 2 : 4)) {
            throw new UserError(where + ": truncated .npy header (no header length)");
        }
        long headerLength = (len[0] & 0xff) | (len[1] & 0xff) << 8;
        if (major > 1) {
            headerLength |= (long) (len[2] & 0xff) << 16 | (long) (len[3] & 0xff) << 24;
        }
        if (headerLength > 1 << 20) {
            throw new UserError(where + ": .npy header of " + headerLength + " bytes (damaged file?)");
        }
        byte[] raw = in.readNBytes((int) headerLength);
        if (raw.length < headerLength) {
            throw new UserError(where + ": truncated .npy header (" + raw.length + " of " + headerLength + " bytes)");
        }
        String text = new String(raw, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).strip();
        Object parsed;
        try {
            parsed = PyLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(where + ": unreadable .npy header (" + e.getMessage() + "): " + abbreviate(text));
        }
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw new UserError(where + ": .npy header is not a dict: " + abbreviate(text));
        }
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shapeValue = dict.get("shape");
        if (descr instanceof List) {
            throw new UserError(where + ": structured dtype " + abbreviate(String.valueOf(descr))
                    + " (records with named fields) cannot be read; save one plain numeric array");
        }
        if (!(descr instanceof String d) || !(fortran instanceof Boolean f) || !(shapeValue instanceof List<?> s)) {
            throw new UserError(where + ": .npy header lacks descr, fortran_order or shape: " + abbreviate(text));
        }
        long[] shape = new long[s.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(s.get(i) instanceof Long n) || n < 0) {
                throw new UserError(where + ": .npy shape " + s + " is not a tuple of sizes");
            }
            shape[i] = n;
        }
        return dtype(where, major, d, f, shape);
    }

    private static NpyHeader dtype(String where, int version, String d, boolean fortran, long[] shape) {
        if (d.length() < 2) {
            throw new UserError(where + ": dtype '" + d + "' is not readable");
        }
        char orderChar = d.charAt(0);
        char kind = d.charAt(1);
        int size;
        try {
            size = Integer.parseInt(d.substring(2));
        } catch (NumberFormatException e) {
            // '|O' (objects) and other dtypes without an item size
            throw new UserError(where + ": dtype '" + d + "' is not readable (" + refusal(kind) + ")");
        }
        ByteOrder order = switch (orderChar) {
            case '<', '|', '=' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> throw new UserError(where + ": dtype '" + d + "': unknown byte order '" + orderChar + "'");
        };
        boolean ok = switch (kind) {
            case 'b' -> size == 1;
            case 'u', 'i' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'f' -> size == 4 || size == 8;
            case 'U' -> size >= 1 && size <= 1 << 16;
            case 'S' -> size >= 1 && size <= 1 << 18;
            default -> false;
        };
        if (!ok) {
            throw new UserError(where + ": dtype '" + d + "' is not readable (" + refusal(kind) + ")");
        }
        int itemSize = kind == 'U' ? 4 * size : size;
        return new NpyHeader(where, version, d, kind, itemSize, order, fortran, shape);
    }

    /** Why a kind of dtype is refused, with what to do instead. */
    private static String refusal(char kind) {
        return switch (kind) {
            case 'O' -> "an object array holds pickled Python objects; save a numeric array, e.g. x.astype(np.uint8)";
            case 'c' -> "complex numbers have no binarization";
            case 'f' -> "floats of 4 or 8 bytes only; convert with x.astype(np.float32)";
            case 'M', 'm' -> "dates and time spans are not data values";
            case 'V' -> "raw void records cannot be read";
            default -> "readable: bool, int8..64, uint8..64, float32, float64; strings for labels";
        };
    }

    /** Number of elements. */
    public long count() {
        long n = 1;
        for (long s : shape) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    /** Whether the elements are numbers (not strings). */
    public boolean numeric() {
        return kind != 'U' && kind != 'S';
    }

    /** The dtype as numpy prints it ({@code uint8}, {@code float64}, {@code <U5}). */
    public String typeName() {
        return switch (kind) {
            case 'b' -> "bool";
            case 'u' -> "uint" + 8 * itemSize;
            case 'i' -> "int" + 8 * itemSize;
            case 'f' -> "float" + 8 * itemSize;
            default -> descr;
        };
    }

    /** The shape as numpy prints it: {@code (60000, 28, 28)}. */
    public String shapeText() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
