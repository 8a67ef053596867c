package org.nelc.app.report;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The regimes of Fig. 2(c), found by clustering the final (LL, σ) of the models.
 *
 * <p><b>Rule.</b> Features: the precise LL and {@code ln σ} (σ floored at {@value #SIGMA_FLOOR}; σ spans
 * decades), each standardized to mean 0 and standard deviation 1. k-means with {@code k = 3}
 * (k-means++ seeding from a fixed seed, {@value #RESTARTS} restarts, the lowest within-cluster sum of
 * squares kept — deterministic). The cluster with the lowest mean LL is regime (i); of the two others the
 * one with the lower mean {@code ln σ} is (ii), the higher (iii). Reported with it:
 * <ul>
 *   <li>{@code llSeparation}: the gap between the mean LL of (i) and the lower of the means of (ii) and
 *       (iii), in units of the pooled within-cluster standard deviation of LL;</li>
 *   <li>{@code sigmaSeparation}: the gap between the mean {@code ln σ} of (iii) and of (ii), in units of
 *       their pooled within-cluster standard deviation of {@code ln σ};</li>
 *   <li>{@code ordered}: (i) also has the lowest mean {@code ln σ};</li>
 *   <li>the mean silhouette of the clustering for k = 2, 3, 4 (how well separated the clusters are).</li>
 * </ul>
 *
 * @param label the regime of each model: 0 = (i), 1 = (ii), 2 = (iii)
 * @param counts models per regime
 * @param meanLogLikelihood mean LL per regime
 * @param meanLogSigma mean {@code ln σ} per regime
 * @param llSeparation see above
 * @param sigmaSeparation see above
 * @param ordered see above
 * @param silhouette mean silhouette by k
 */
public record Regimes(int[] label, int[] counts, double[] meanLogLikelihood, double[] meanLogSigma,
        double llSeparation, double sigmaSeparation, boolean ordered, Map<Integer, Double> silhouette) {
    static final double SIGMA_FLOOR = 1e-9;
    static final int RESTARTS = 50;
    /** Named by how they are found, not by what the paper expects of them (claim 1 checks that). */
    static final String[] NAMES = {"(i) lowest LL", "(ii) high LL, lower σ", "(iii) high LL, higher σ"};

    /** Null when fewer than 3 distinct (LL, σ) points. */
    public static Regimes find(double[] ll, double[] sigma) {
        int n = ll.length;
        if (n < 3) {
            return null;
        }
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            distinct.add(ll[i] + "/" + Math.max(sigma[i], SIGMA_FLOOR));
        }
        if (distinct.size() < 3) {
            return null;
        }
        double[] ls = new double[n];
        for (int i = 0; i < n; i++) {
            ls[i] = StrictMath.log(Math.max(sigma[i], SIGMA_FLOOR));
        }
        double[][] x = new double[n][];
        double[] zl = standardize(ll);
        double[] zs = standardize(ls);
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {zl[i], zs[i]};
        }
        Map<Integer, Double> sil = new LinkedHashMap<>();
        int[] raw3 = null;
        for (int k = 2; k <= 4 && k <= n; k++) {
            int[] a = kMeans(x, k);
            sil.put(k, silhouette(x, a, k));
            if (k == 3) {
                raw3 = a;
            }
        }
        // name the raw clusters: lowest mean LL → (i); then by mean ln σ
        double[] mll = clusterMeans(ll, raw3, 3);
        double[] mls = clusterMeans(ls, raw3, 3);
        int low = 0;
        for (int c = 1; c < 3; c++) {
            if (mll[c] < mll[low]) {
                low = c;
            }
        }
        int a = (low + 1) % 3;
        int b = (low + 2) % 3;
        int mid = mls[a] <= mls[b] ? a : b;
        int high = mid == a ? b : a;
        int[] map = new int[3];
        map[low] = 0;
        map[mid] = 1;
        map[high] = 2;
        int[] label = new int[n];
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            label[i] = map[raw3[i]];
            counts[label[i]]++;
        }
        double[] meanLl = clusterMeans(ll, label, 3);
        double[] meanLs = clusterMeans(ls, label, 3);
        double llSep = (Math.min(meanLl[1], meanLl[2]) - meanLl[0]) / pooledSd(ll, label, new boolean[] {true, true, true});
        double sSep = (meanLs[2] - meanLs[1]) / pooledSd(ls, label, new boolean[] {false, true, true});
        boolean ordered = meanLs[0] < meanLs[1];
        return new Regimes(label, counts, meanLl, meanLs, llSep, sSep, ordered, sil);
    }

    public static String name(int regime) {
        return NAMES[regime];
    }

    static double[] standardize(double[] v) {
        double m = Stats.mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        s = Math.sqrt(s / Math.max(1, v.length - 1));
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = s > 0 ? (v[i] - m) / s : 0;
        }
        return out;
    }

    /** Deterministic k-means (k-means++ seeding, restarts): cluster index of each point. */
    static int[] kMeans(double[][] x, int k) {
        SplittableRandom rng = new SplittableRandom(0x5EEDL + k);
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RESTARTS; r++) {
            double[][] c = seed(x, k, rng);
            int[] a = new int[x.length];
            for (int it = 0; it < 200; it++) {
                boolean changed = assign(x, c, a) || it == 0;
                update(x, c, a);
                if (!changed) {
                    break;
                }
            }
            double cost = 0;
            for (int i = 0; i < x.length; i++) {
                cost += dist2(x[i], c[a[i]]);
            }
            if (cost < bestCost - 1e-12) {
                bestCost = cost;
                best = a.clone();
            }
        }
        return best;
    }

    private static double[][] seed(double[][] x, int k, SplittableRandom rng) {
        int n = x.length;
        double[][] c = new double[k][];
        c[0] = x[rng.nextInt(n)].clone();
        double[] d = new double[n];
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double m = Double.POSITIVE_INFINITY;
                for (int q = 0; q < j; q++) {
                    m = Math.min(m, dist2(x[i], c[q]));
                }
                d[i] = m;
                total += m;
            }
            int pick = rng.nextInt(n);
            if (total > 0) {
                double u = rng.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    u -= d[i];
                    if (u <= 0) {
                        pick = i;
                        break;
                    }
                }
            }
            c[j] = x[pick].clone();
        }
        return c;
    }

    private static boolean assign(double[][] x, double[][] c, int[] a) {
        boolean changed = false;
        for (int i = 0; i < x.length; i++) {
            int b = 0;
            double bd = dist2(x[i], c[0]);
            for (int q = 1; q < c.length; q++) {
                double dq = dist2(x[i], c[q]);
                if (dq < bd) {
                    bd = dq;
                    b = q;
                }
            }
            if (a[i] != b) {
                a[i] = b;
                changed = true;
            }
        }
        return changed;
    }

    private static void update(double[][] x, double[][] c, int[] a) {
        int k = c.length;
        int dim = x[0].length;
        double[][] s = new double[k][dim];
        int[] m = new int[k];
        for (int i = 0; i < x.length; i++) {
            m[a[i]]++;
            for (int j = 0; j < dim; j++) {
                s[a[i]][j] += x[i][j];
            }
        }
        for (int q = 0; q < k; q++) {
            if (m[q] > 0) {
                for (int j = 0; j < dim; j++) {
                    c[q][j] = s[q][j] / m[q];
                }
            }
        }
    }

    static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }

    /** Mean silhouette (Rousseeuw), Euclidean; a point alone in its cluster scores 0. */
    static double silhouette(double[][] x, int[] a, int k) {
        int n = x.length;
        int[] size = new int[k];
        for (int v : a) {
            size[v]++;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum[a[j]] += Math.sqrt(dist2(x[i], x[j]));
                }
            }
            if (size[a[i]] <= 1) {
                continue;
            }
            double in = sum[a[i]] / (size[a[i]] - 1);
            double out = Double.POSITIVE_INFINITY;
            for (int q = 0; q < k; q++) {
                if (q != a[i] && size[q] > 0) {
                    out = Math.min(out, sum[q] / size[q]);
                }
            }
            if (Double.isInfinite(out)) {
                continue;
            }
            double m = Math.max(in, out);
            total += m > 0 ? (out - in) / m : 0;
        }
        return total / n;
    }

    static double[] clusterMeans(double[] v, int[] a, int k) {
        double[] s = new double[k];
        int[] m = new int[k];
        for (int i = 0; i < v.length; i++) {
            s[a[i]] += v[i];
            m[a[i]]++;
        }
        for (int q = 0; q < k; q++) {
            s[q] = m[q] > 0 ? s[q] / m[q] : Double.NaN;
        }
        return s;
    }

    /** Pooled within-cluster standard deviation over the clusters with {@code use[c]}; a tiny floor avoids 0. */
    static double pooledSd(double[] v, int[] a, boolean[] use) {
        double[] mean = clusterMeans(v, a, use.length);
        double ss = 0;
        int n = 0;
        int groups = 0;
        boolean[] seen = new boolean[use.length];
        for (int i = 0; i < v.length; i++) {
            if (use[a[i]]) {
                ss += (v[i] - mean[a[i]]) * (v[i] - mean[a[i]]);
                n++;
                seen[a[i]] = true;
            }
        }
        for (boolean s : seen) {
            groups += s ? 1 : 0;
        }
        int dof = n - groups;
        double sd = dof > 0 ? Math.sqrt(ss / dof) : 0;
        return Math.max(sd, 1e-12 * (1 + Arrays.stream(v).map(Math::abs).max().orElse(0)));
    }
}
