package org.nelc.core.math;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The check that {@link Fdlibm}'s functions return {@link StrictMath}'s bits: every branch boundary of
 * the fdlibm code with the 64 doubles on each side of it, the special values, then random arguments
 * drawn from several distributions in turn (raw 64-bit patterns, which reach every exponent; uniform
 * over the range where the result is finite and not trivial; log-uniform magnitudes; points next to
 * the reductions' rounding and normalization boundaries). Results are compared bit for bit; a NaN
 * result only has to be a NaN (fdlibm's NaN payloads are the hardware's, and nelc never reads them).
 *
 * <p>Used by {@code FdlibmTest} (10^6 random arguments per function) and by
 * {@code org.nelc.bench.FdlibmCheck} (10^8 and more; docs/design-notes.md records the run).
 */
public final class FdlibmConformance {
    private static final int NEIGHBORS = 64;
    private static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double SQRT2 = 0x1.6a09e667f3bcdp0;

    /** A ported function, its reference and where its code branches. */
    public enum Function {
        EXP("exp", Fdlibm::exp, StrictMath::exp),
        LOG("log", Fdlibm::log, StrictMath::log),
        LOG1P("log1p", Fdlibm::log1p, StrictMath::log1p);

        private final String label;
        private final DoubleUnaryOperator port;
        private final DoubleUnaryOperator reference;

        Function(String label, DoubleUnaryOperator port, DoubleUnaryOperator reference) {
            this.label = label;
            this.port = port;
            this.reference = reference;
        }

        public String label() {
            return label;
        }
    }

    /** The outcome of a check: arguments compared, how many differed, and the first that did (NaN if none). */
    public record Result(Function function, long checked, long mismatches, double firstMismatch) {
        public boolean passed() {
            return mismatches == 0;
        }

        @Override
        public String toString() {
            return function.label() + ": " + checked + " arguments, " + mismatches + " mismatches"
                    + (mismatches == 0 ? "" : " (first: " + Double.toHexString(firstMismatch) + " -> port "
                            + Double.toHexString(function.port.applyAsDouble(firstMismatch)) + ", StrictMath "
                            + Double.toHexString(function.reference.applyAsDouble(firstMismatch)) + ")");
        }
    }

    private FdlibmConformance() {
    }

    /** The branch boundaries and special values of {@code f}, each with its 64 neighbors on either side. */
    public static Result checkEdges(Function f) {
        Tally t = new Tally(f);
        for (double b : boundaries(f)) {
            long bits = Double.doubleToRawLongBits(b);
            for (int d = -NEIGHBORS; d <= NEIGHBORS; d++) {
                t.check(Double.longBitsToDouble(bits + d));
                t.check(-Double.longBitsToDouble(bits + d));
            }
        }
        for (double v : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NaN, Double.longBitsToDouble(0xfff8_0000_0000_0000L), 1.0, -1.0}) {
            t.check(v);
        }
        return t.result();
    }

    /**
     * {@code count} random arguments from {@code seed}, the distributions of {@code f} taken in turn.
     */
    public static Result checkRandom(Function f, long count, long seed) {
        Tally t = new Tally(f);
        List<ToDoubleFunction<SplittableRandom>> draws = distributions(f);
        SplittableRandom rng = new SplittableRandom(seed);
        int n = draws.size();
        for (long i = 0; i < count; i++) {
            t.check(draws.get((int) (i % n)).applyAsDouble(rng));
        }
        return t.result();
    }

    private static List<Double> boundaries(Function f) {
        List<Double> out = new ArrayList<>();
        switch (f) {
            case EXP -> {
                for (int hx : new int[] {0x3e30_0000, 0x3fd6_2e42, 0x3ff0_a2b2, 0x4086_2e42}) {
                    out.add(highWord(hx));
                }
                out.add(0x1.62e42fefa39efp9); // overflow threshold
                out.add(-0x1.74910d52d3051p9); // underflow threshold
                for (int j = -1080; j <= 1030; j++) {
                    out.add((j + 0.5) * LN2); // where k = round(x / ln2) changes
                }
            }
            case LOG -> {
                for (int e = -1074; e <= 1023; e++) {
                    double p = Math.scalb(1.0, e);
                    out.add(p); // f = 0 and |f| < 2^-20
                    out.add(p * SQRT2); // the normalization x or x/2
                    out.add(p * highWord(0x3ff0_0000 | 0x6_147a)); // the i|j test of the polynomial
                    out.add(p * highWord(0x3ff0_0000 | 0x6_b851));
                }
                out.add(highWord(0x0010_0000));
            }
            case LOG1P -> {
                for (int hx : new int[] {0x3fda_827a, 0x3e20_0000, 0x3c90_0000, 0x4340_0000}) {
                    out.add(highWord(hx));
                }
                out.add(-highWord(0x3fd2_bec3));
                for (int e = -60; e <= 1023; e++) {
                    double p = Math.scalb(1.0, e);
                    out.add(p - 1.0); // 1 + x a power of two: f = 0, hu = 0
                    out.add(p * SQRT2 - 1.0); // the normalization u or u/2
                    out.add(p);
                }
            }
            default -> throw new IllegalStateException(f.toString());
        }
        return out;
    }

    private static List<ToDoubleFunction<SplittableRandom>> distributions(Function f) {
        List<ToDoubleFunction<SplittableRandom>> out = new ArrayList<>();
        out.add(r -> Double.longBitsToDouble(r.nextLong())); // every exponent, NaNs and infinities
        out.add(r -> Math.scalb(r.nextDouble(1.0, 2.0), r.nextInt(-80, 12)) * (r.nextBoolean() ? 1 : -1));
        switch (f) {
            case EXP -> {
                out.add(r -> r.nextDouble(-746.0, 710.0)); // every finite, non-zero result
                out.add(r -> r.nextDouble(-2.0, 2.0)); // the three reductions
                out.add(r -> (r.nextInt(-1080, 1030) + 0.5) * LN2 + r.nextDouble(-1e-12, 1e-12));
            }
            case LOG -> {
                out.add(r -> Double.longBitsToDouble(r.nextLong() >>> 1)); // every positive double
                out.add(r -> 1.0 + r.nextDouble(-0x1p-19, 0x1p-19)); // |f| < 2^-20 and beside it
                out.add(r -> r.nextDouble(0.5, 2.0));
            }
            case LOG1P -> {
                out.add(r -> r.nextDouble(-1.0, 1.0)); // k = 0 and the reduced range
                out.add(r -> r.nextDouble(0.0, 1.0)); // nelc's own use: log1p(e^-|v|)
                out.add(r -> Math.scalb(1.0 + r.nextDouble(-0x1p-19, 0x1p-19), r.nextInt(-1, 60)) - 1.0);
                out.add(r -> Math.scalb(1.0, r.nextInt(-60, 1024)) * r.nextDouble(1.0, 2.0));
            }
            default -> throw new IllegalStateException(f.toString());
        }
        return out;
    }

    private static double highWord(int hx) {
        return Double.longBitsToDouble((long) hx << 32);
    }

    private static final class Tally {
        private final Function f;
        private long checked;
        private long mismatches;
        private double first = Double.NaN;

        Tally(Function f) {
            this.f = f;
        }

        void check(double x) {
            checked++;
            double a = f.port.applyAsDouble(x);
            double b = f.reference.applyAsDouble(x);
            boolean same = Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b) || (a != a && b != b);
            if (!same) {
                if (mismatches == 0) {
                    first = x;
                }
                mismatches++;
            }
        }

        Result result() {
            return new Result(f, checked, mismatches, first);
        }
    }
}
