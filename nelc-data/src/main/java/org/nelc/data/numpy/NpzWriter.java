package org.nelc.data.numpy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nelc.api.io.AtomicFiles;

/**
 * Writes {@code .npy} arrays (format 1.0, C order, little-endian; header padded to 64 bytes as numpy
 * does) and {@code .npz} archives of them (stored, not compressed, as {@code np.savez}). Arrays are
 * added by name, in order; {@link #write} replaces the file atomically.
 */
public final class NpzWriter {
    private final Map<String, byte[]> arrays = new LinkedHashMap<>();

    /** A float64 array of {@code shape} holding {@code values} in C order. */
    public NpzWriter doubles(String name, long[] shape, double[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return put(name, "<f8", shape, values.length, b.array());
    }

    /** A uint8 array of {@code shape} holding {@code values} in C order. */
    public NpzWriter bytes(String name, long[] shape, byte[] values) {
        return put(name, "|u1", shape, values.length, values.clone());
    }

    /** An int64 array of {@code shape} holding {@code values} in C order. */
    public NpzWriter longs(String name, long[] shape, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return put(name, "<i8", shape, values.length, b.array());
    }

    /** A 0-d unicode string ({@code np.str_}), e.g. a JSON document. */
    public NpzWriter string(String name, String value) {
        int[] cps = value.codePoints().toArray();
        int width = Math.max(1, cps.length);
        ByteBuffer b = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int cp : cps) {
            b.putInt(cp);
        }
        arrays.put(name, npy("<U" + width, new long[0], b.array()));
        return this;
    }

    private NpzWriter put(String name, String descr, long[] shape, int count, byte[] data) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (n != count) {
            throw new IllegalArgumentException(name + ": " + count + " values for shape " + java.util.Arrays.toString(shape));
        }
        arrays.put(name, npy(descr, shape, data));
        return this;
    }

    /** One array as the bytes of a {@code .npy} file. */
    public byte[] npyBytes(String name) {
        return arrays.get(name).clone();
    }

    /** Writes the arrays as an {@code .npz} archive, atomically. */
    public void write(Path file) throws IOException {
        try {
            AtomicFiles.write(file, this::writeTo);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes the archive to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setMethod(ZipOutputStream.STORED);
        for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
            ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
            CRC32 crc = new CRC32();
            crc.update(e.getValue());
            entry.setSize(e.getValue().length);
            entry.setCompressedSize(e.getValue().length);
            entry.setCrc(crc.getValue());
            entry.setTime(0);
            zip.putNextEntry(entry);
            zip.write(e.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    static byte[] npy(String descr, long[] shape, byte[] data) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        s.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s + ", }";
        int len = dict.length() + 1;
        len += (64 - (10 + len) % 64) % 64;
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + len + data.length);
        out.writeBytes(NpyHeader.MAGIC);
        out.write(1);
        out.write(0);
        out.write(len & 0xff);
        out.write(len >> 8 & 0xff);
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(text);
        for (int i = text.length; i < len - 1; i++) {
            out.write(' ');
        }
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }
}
