package org.nelc.data.numpy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code .npy} bytes by hand, independently of nelc's writer: any header version, byte order,
 * memory order and dtype, so the reader is tested against the format's definition.
 */
final class NpyFiles {
    private NpyFiles() {}

    /**
     * @param values the logical array in C order
     * @param descr the dtype, e.g. {@code "<f8"}, {@code ">i4"}, {@code "|b1"}
     */
    static byte[] npy(int version, String descr, boolean fortran, long[] shape, double[] values) {
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int size = Integer.parseInt(descr.substring(2));
        char kind = descr.charAt(1);
        ByteBuffer data = ByteBuffer.allocate(values.length * size).order(order);
        for (int f = 0; f < values.length; f++) {
            double v = values[fortran ? cIndexOfFortran(f, shape) : f];
            switch (kind) {
                case 'f' -> {
                    if (size == 4) {
                        data.putFloat((float) v);
                    } else {
                        data.putDouble(v);
                    }
                }
                case 'b' -> data.put((byte) (v != 0 ? 1 : 0));
                default -> {
                    switch (size) {
                        case 1 -> data.put((byte) v);
                        case 2 -> data.putShort((short) v);
                        case 4 -> data.putInt((int) v);
                        default -> data.putLong((long) v);
                    }
                }
            }
        }
        return withHeader(version, header(descr, fortran, shape), data.array());
    }

    /** A 1-D array of fixed-width unicode strings ({@code <Uw}). */
    static byte[] unicode(String[] values, int width) {
        ByteBuffer data = ByteBuffer.allocate(values.length * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (String s : values) {
            int[] cps = s.codePoints().toArray();
            for (int c = 0; c < width; c++) {
                data.putInt(c < cps.length ? cps[c] : 0);
            }
        }
        return withHeader(1, header("<U" + width, false, new long[] {values.length}), data.array());
    }

    static String header(String descr, boolean fortran, long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        s.append(shape.length == 1 ? ",)" : ")");
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + s + ", }";
    }

    /** Magic, version, length and the header dict padded with spaces and a newline to a multiple of 64. */
    static byte[] withHeader(int version, String dict, byte[] data) {
        int pre = 6 + 2 + (version == 1 ? 2 : 4);
        byte[] text = dict.getBytes(version == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int len = text.length + 1;
        int pad = (64 - (pre + len) % 64) % 64;
        len += pad;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        out.write(len & 0xff);
        out.write(len >> 8 & 0xff);
        if (version != 1) {
            out.write(len >> 16 & 0xff);
            out.write(len >> 24 & 0xff);
        }
        out.writeBytes(text);
        for (int i = 0; i < pad; i++) {
            out.write(' ');
        }
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** The C-order index of the element at Fortran-order position {@code f}. */
    private static int cIndexOfFortran(int f, long[] shape) {
        long[] idx = new long[shape.length];
        long rest = f;
        for (int a = 0; a < shape.length; a++) {
            idx[a] = rest % shape[a];
            rest /= shape[a];
        }
        long c = 0;
        for (int a = 0; a < shape.length; a++) {
            c = c * shape[a] + idx[a];
        }
        return (int) c;
    }
}
