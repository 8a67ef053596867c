package org.nelc.app.report;

import java.util.Locale;
import org.nelc.api.diagnostic.Measurement;

/**
 * How every output writes a {@link Measurement}: {@code value ± s.e.}, the value rounded to the
 * precision its error allows (two significant digits of the error); {@code value} alone for an exact
 * number; {@code value ± ?} when the error is not estimated (the method says why).
 */
public final class MeasurementText {
    /** What {@code ± ?} means, for a table's legend. */
    public static final String UNKNOWN_ERROR = "± ? = standard error not estimated (the method says why)";

    private MeasurementText() {
    }

    /** {@code "7.94 ± 0.12"}, {@code "3"}, {@code "7.94 ± ?"}, {@code "∞"}. */
    public static String valueWithError(Measurement m) {
        double v = m.value();
        double se = m.standardError();
        if (!Double.isFinite(v)) {
            return number(v);
        }
        if (se == 0) {
            return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : number(v);
        }
        if (Double.isNaN(se)) {
            return number(v) + " ± ?";
        }
        if (Double.isInfinite(se)) {
            return number(v) + " ± " + number(se);
        }
        // decimals so that the error shows two significant digits
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(se)));
        if (decimals <= 8 && Math.abs(v) < 1e6 && (v == 0 || Math.abs(v) >= 1e-3)) {
            String f = "%." + decimals + "f";
            return String.format(Locale.ROOT, f + " ± " + f, v, se);
        }
        return String.format(Locale.ROOT, "%.3g ± %.2g", v, se);
    }

    /** A number alone, four significant digits; {@code ∞}, {@code n/a} for non-finite values. */
    public static String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /** The description with the unit, e.g. {@code "σ, counted M (nats/double step)"}. */
    public static String label(Measurement m) {
        return m.unit().isEmpty() ? m.description() : m.description() + " (" + m.unit() + ")";
    }
}
