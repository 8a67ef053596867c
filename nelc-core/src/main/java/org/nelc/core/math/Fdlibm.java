/*
 * The algorithms and constants below are those of fdlibm 5.3 (e_exp.c, e_log.c, s_log1p.c):
 * ====================================================
 * Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
package org.nelc.core.math;

/**
 * {@code exp}, {@code log} and {@code log1p} of fdlibm 5.3, ported to Java operation by operation, so
 * each returns the same bits as {@link StrictMath}'s function of the same name (which the JDK specifies
 * to be fdlibm's result) for every argument; NaN arguments give a NaN, whose payload is not promised.
 * {@code FdlibmTest} checks every branch boundary and 10^6 random arguments per function against
 * {@code StrictMath}; {@code org.nelc.bench.FdlibmCheck} checks 10^8 (docs/design-notes.md records
 * the run).
 *
 * <p>Why a port, when {@code StrictMath} gives the same bits: speed, for the z→x tables' per-pixel
 * exps and log1ps (SPEC §2; docs/design-notes.md, "fdlibm in Java"). On JDK 17 {@code StrictMath.log}
 * and {@code log1p} are native calls through JNI, which the JIT cannot inline, and
 * {@code StrictMath.exp} is a Java port too large to inline. Here each function keeps its common
 * path short (the JIT inlines it into the caller's loop) and moves the rare cases — NaN, infinities,
 * zeros, tiny arguments, results that overflow or are subnormal — into methods of their own.
 *
 * <p>The C code reads and writes the 32-bit halves of a double; here {@code hi(x)} is the high word
 * and {@code withHi} replaces it. Every floating-point operation is the C code's, in its order:
 * Java's {@code double} arithmetic is IEEE 754 binary64 with round-to-nearest, as fdlibm assumes.
 */
public final class Fdlibm {
    private static final double TWO54 = 0x1.0p54;

    // e_exp.c
    private static final double O_THRESHOLD = 0x1.62e42fefa39efp9; // 7.09782712893383973096e+02
    private static final double U_THRESHOLD = -0x1.74910d52d3051p9; // -7.45133219101941108420e+02
    private static final double LN2_HI = 0x1.62e42feep-1; // 6.93147180369123816490e-01
    private static final double LN2_LO = 0x1.a39ef35793c76p-33; // 1.90821492927058770002e-10
    private static final double INV_LN2 = 0x1.71547652b82fep0; // 1.44269504088896338700e+00
    private static final double TWOM1000 = 0x1.0p-1000;
    private static final double P1 = 0x1.555555555553ep-3; // 1.66666666666666019037e-01
    private static final double P2 = -0x1.6c16c16bebd93p-9; // -2.77777777770155933842e-03
    private static final double P3 = 0x1.1566aaf25de2cp-14; // 6.61375632143793436117e-05
    private static final double P4 = -0x1.bbd41c5d26bf1p-20; // -1.65339022054652515390e-06
    private static final double P5 = 0x1.6376972bea4d0p-25; // 4.13813679705723846039e-08

    // e_log.c and s_log1p.c (the same polynomial: Lg1..Lg7 = Lp1..Lp7)
    private static final double L1 = 0x1.5555555555593p-1; // 6.666666666666735130e-01
    private static final double L2 = 0x1.999999997fa04p-2; // 3.999999999940941908e-01
    private static final double L3 = 0x1.2492494229359p-2; // 2.857142874366239149e-01
    private static final double L4 = 0x1.c71c51d8e78afp-3; // 2.222219843214978396e-01
    private static final double L5 = 0x1.7466496cb03dep-3; // 1.818357216161805012e-01
    private static final double L6 = 0x1.39a09d078c69fp-3; // 1.531383769920937332e-01
    private static final double L7 = 0x1.2f112df3e5244p-3; // 1.479819860511658591e-01

    private Fdlibm() {
    }

    private static int hi(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static int lo(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    private static double withHi(double x, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xffff_ffffL));
    }

    /**
     * {@code e^x}, bit-identical to {@link StrictMath#exp}. Reduction {@code x = k ln2 + r},
     * {@code |r| ≤ ln2/2}, then a rational approximation of {@code e^r}, then {@code 2^k} into the
     * exponent (fdlibm e_exp.c).
     */
    public static double exp(double x) {
        int hx = hi(x);
        int xsb = hx >>> 31;
        hx &= 0x7fff_ffff;
        if (hx < 0x3e30_0000 || !(x <= O_THRESHOLD && x >= U_THRESHOLD)) {
            return expOutside(x, hx, xsb); // |x| < 2^-28, overflow, underflow, ±∞, NaN
        }
        double hi;
        double lo;
        int k;
        if (hx > 0x3fd6_2e42) { // |x| > ln2/2
            if (hx < 0x3ff0_a2b2) { // and |x| < 1.5 ln2
                hi = x - (xsb == 0 ? LN2_HI : -LN2_HI);
                lo = xsb == 0 ? LN2_LO : -LN2_LO;
                k = 1 - xsb - xsb;
            } else {
                k = (int) (INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
                double t = k;
                hi = x - t * LN2_HI; // exact: t·LN2_HI has at most 43 significant bits
                lo = t * LN2_LO;
            }
            x = hi - lo;
        } else {
            hi = 0;
            lo = 0;
            k = 0;
        }
        double t = x * x;
        double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        if (k == 0) {
            return 1.0 - ((x * c) / (c - 2.0) - x);
        }
        double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
        if (k >= -1021) {
            return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
        }
        return expSubnormal(y, k);
    }

    /** e_exp.c for {@code |x| < 2^-28}, results that overflow or underflow, ±∞ and NaN. */
    private static double expOutside(double x, int hx, int xsb) {
        if (hx < 0x3e30_0000) {
            return 1.0 + x;
        }
        if (hx >= 0x7ff0_0000) {
            if (((hx & 0xf_ffff) | lo(x)) != 0) {
                return x + x; // NaN
            }
            return xsb == 0 ? x : 0.0; // exp(+∞) = +∞, exp(−∞) = 0
        }
        return x > O_THRESHOLD ? Double.POSITIVE_INFINITY : 0.0;
    }

    /** {@code y · 2^k} for {@code k < −1021}, as e_exp.c: {@code 2^(k+1000)} into the exponent, then {@code · 2^-1000}. */
    private static double expSubnormal(double y, int k) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) (k + 1000) << 52)) * TWOM1000;
    }

    /**
     * {@code log(x)}, bit-identical to {@link StrictMath#log}. {@code x = 2^k (1 + f)} with
     * {@code √2/2 < 1 + f < √2}, {@code log(1 + f)} from {@code s = f / (2 + f)} and a polynomial in
     * {@code s²} (fdlibm e_log.c).
     */
    public static double log(double x) {
        int hx = hi(x);
        if (hx < 0x0010_0000 || hx >= 0x7ff0_0000) {
            return logOutside(x, hx); // x < 2^-1022 (zeros, subnormals, negatives), +∞, NaN
        }
        return logNormal(x, hx, 0);
    }

    /** e_log.c for {@code x < 2^-1022}, +∞ and NaN. */
    private static double logOutside(double x, int hx) {
        if (hx >= 0x7ff0_0000) {
            return x + x;
        }
        if (((hx & 0x7fff_ffff) | lo(x)) == 0) {
            return Double.NEGATIVE_INFINITY; // log(±0)
        }
        if (hx < 0) {
            return Double.NaN; // log(x < 0)
        }
        double scaled = x * TWO54; // subnormal: scale into the normal range
        return logNormal(scaled, hi(scaled), -54);
    }

    /** e_log.c from the reduction on, for a normal positive finite {@code x} with high word {@code hx}. */
    private static double logNormal(double x, int hx, int k) {
        k += (hx >> 20) - 1023;
        hx &= 0x000f_ffff;
        int i = (hx + 0x9_5f64) & 0x10_0000;
        x = withHi(x, hx | (i ^ 0x3ff0_0000)); // normalize x or x/2
        k += i >> 20;
        double f = x - 1.0;
        if ((0x000f_ffff & (2 + hx)) < 3) { // |f| < 2^-20
            return logNearOne(f, k);
        }
        double s = f / (2.0 + f);
        double dk = k;
        double z = s * s;
        i = hx - 0x6_147a;
        double w = z * z;
        int j = 0x6_b851 - hx;
        double t1 = w * (L2 + w * (L4 + w * L6));
        double t2 = z * (L1 + w * (L3 + w * (L5 + w * L7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    private static double logNearOne(double f, int k) {
        if (f == 0.0) {
            if (k == 0) {
                return 0.0;
            }
            double dk = k;
            return dk * LN2_HI + dk * LN2_LO;
        }
        double r = f * f * (0.5 - 0.33333333333333333 * f);
        if (k == 0) {
            return f - r;
        }
        double dk = k;
        return dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }

    /**
     * {@code log(1 + x)}, bit-identical to {@link StrictMath#log1p}. For {@code −0.2929 < x < 0.41422}
     * directly from {@code f = x}; otherwise {@code 1 + x = 2^k (1 + f)} with a correction term for the
     * rounding of {@code 1 + x}; then e_log.c's polynomial (fdlibm s_log1p.c).
     */
    public static double log1p(double x) {
        int hx = hi(x);
        int ax = hx & 0x7fff_ffff;
        if (hx < 0x3fda_827a) { // x < 0.41422
            if (ax >= 0x3ff0_0000 || ax < 0x3e20_0000) {
                return log1pOutside(x, ax); // x ≤ −1 (and −NaN), or |x| < 2^-29
            }
            if (hx > 0 || hx <= 0xbfd2_bec3) { // −0.2929 < x < 0.41422
                return log1pReduced(x, 0, 0.0, 1);
            }
        } else if (hx >= 0x7ff0_0000) {
            return x + x; // +∞, NaN
        }
        double u;
        double c;
        int hu;
        int k;
        if (hx < 0x4340_0000) {
            u = 1.0 + x;
            hu = hi(u);
            k = (hu >> 20) - 1023;
            c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // the rounding error of 1 + x
            c /= u;
        } else {
            u = x;
            hu = hi(u);
            k = (hu >> 20) - 1023;
            c = 0;
        }
        hu &= 0x000f_ffff;
        if (hu < 0x6_a09e) {
            u = withHi(u, hu | 0x3ff0_0000); // normalize u
        } else {
            k += 1;
            u = withHi(u, hu | 0x3fe0_0000); // normalize u/2
            hu = (0x0010_0000 - hu) >> 2;
        }
        return log1pReduced(u - 1.0, k, c, hu);
    }

    /** s_log1p.c for {@code x ≤ −1}, −NaN, and {@code |x| < 2^-29}. */
    private static double log1pOutside(double x, int ax) {
        if (ax >= 0x3ff0_0000) {
            if (x == -1.0) {
                return Double.NEGATIVE_INFINITY;
            }
            return Double.NaN; // x < −1, −∞, −NaN
        }
        if (ax < 0x3c90_0000) {
            return x; // |x| < 2^-54
        }
        return x - x * x * 0.5;
    }

    /** s_log1p.c from {@code log1p(f) + k ln2 + c}; {@code hu == 0} flags {@code |f| < 2^-20}. */
    private static double log1pReduced(double f, int k, double c, int hu) {
        double hfsq = 0.5 * f * f;
        if (hu == 0) {
            return log1pNearOne(f, k, c, hfsq);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (L1 + z * (L2 + z * (L3 + z * (L4 + z * (L5 + z * (L6 + z * L7))))));
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    private static double log1pNearOne(double f, int k, double c, double hfsq) {
        if (f == 0.0) {
            if (k == 0) {
                return 0.0;
            }
            c += k * LN2_LO;
            return k * LN2_HI + c;
        }
        double r = hfsq * (1.0 - 0.66666666666666666 * f);
        if (k == 0) {
            return f - r;
        }
        return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
    }
}
