package org.nelc.app.report;

import java.util.Arrays;

/** Small order statistics for the claim rules. NaN values are ignored; ±∞ sort like numbers. */
final class Stats {
    private Stats() {
    }

    static double[] finiteOrInfinite(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
    }

    /** The {@code q}-quantile ({@code 0 ≤ q ≤ 1}) by linear interpolation between order statistics; NaN if empty. */
    static double quantile(double[] values, double q) {
        double[] v = finiteOrInfinite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        if (lo == hi || v[lo] == v[hi]) {
            return v[lo];
        }
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Ranks 1…n, ties get their average rank. */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(v[idx[j + 1]], v[idx[i]]) == 0) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /** Spearman's rank correlation over the pairs where neither is NaN; NaN with fewer than 3 pairs. */
    static double spearman(double[] x, double[] y) {
        int n = 0;
        double[] a = new double[x.length];
        double[] b = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                a[n] = x[i];
                b[n] = y[i];
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        double[] ra = ranks(Arrays.copyOf(a, n));
        double[] rb = ranks(Arrays.copyOf(b, n));
        return pearson(ra, rb);
    }

    static double pearson(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
