package org.nelc.app.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nelc.analysis.cycles.Cycle;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.app.experiment.ModelSummary;

/**
 * Checks each claim of docs/model.md §9 on an ensemble's {@link ModelSummary} rows. Every verdict is computed by
 * a rule written in {@link Claim#rule()} (and below); σ, τ, {@code Tr(M)/L} and the cycles are those of
 * the Rao-Blackwellized {@code M} (see {@link ModelSummary}). Claims about a population need at least
 * {@value #MIN_MODELS} models; with fewer they are {@link Verdict#NOT_TESTABLE}. A gap between groups counts
 * when it is at least {@value #SEPARATION} pooled within-group standard deviations: cutting a single normal
 * population in two already yields 2.7, a uniform one 3.5.
 *
 * <ol>
 *   <li><b>three-regimes</b> — {@link Regimes} (k-means, k = 3, on standardized LL and ln σ). Holds when
 *       regime (i) has the lowest σ, its LL lies at least {@value #SEPARATION} pooled SDs below (ii) and
 *       (iii), (iii)'s ln σ lies at least {@value #SEPARATION} pooled SDs above (ii)'s, and the mean
 *       silhouette is at least {@value #SILHOUETTE}; partly when (i) has the lowest σ and one of the two
 *       separations reaches {@value #SEPARATION}; else does not hold.</li>
 *   <li><b>low-ll-reversible</b> — the low-LL runs are the lower group of the best two-group split of the
 *       LL values alone (σ plays no part), when the gap between the groups' means is at least
 *       {@value #SEPARATION} pooled SDs (otherwise there is no low-LL group: not testable). A low-LL run is
 *       near reversibility when its σ is at most {@value #REVERSIBLE} × the median σ of the high-LL runs.
 *       Holds when every low-LL run is; partly when at least half are, or at least half have σ below the
 *       lower quartile of the high-LL runs' σ (lower σ, but not near reversibility).</li>
 *   <li><b>tau-50</b> — high-σ runs: regime (iii) when it is separated from (ii) by at least
 *       {@value #SEPARATION} SDs in ln σ, else the top third by σ. Holds when their median τ lies in
 *       [{@value #TAU_LOW}, {@value #TAU_HIGH}] double steps (50 within a factor 2) and Spearman's ρ(σ, τ)
 *       over all runs is at least {@value #CORRELATION}; partly when one of the two.</li>
 *   <li><b>self-transition</b> — holds when {@code Tr(M)/L < 1/L} for every run; partly when for more
 *       than half.</li>
 *   <li><b>kl-high-sigma</b> — a run has low KL when its KL is among the lowest third of the ensemble and
 *       at most {@value #LOW_KL} nats (about one class at 0.2 instead of 1/3), high σ when σ is above the
 *       ensemble's median. Holds when all low-KL runs have high σ and ρ(σ, KL) &lt; 0; partly when at least
 *       half of them have high σ or ρ(σ, KL) ≤ −0.3; does not hold otherwise (also when no run reaches
 *       {@value #LOW_KL}).</li>
 *   <li><b>prototype-cycles</b> — over the high-σ runs (as in 3), a run cycles through the prototypes when
 *       its dominant-successor map is one clean cycle through every state (positive flux), every transition
 *       on it has {@code M ≥} {@value #DETERMINISTIC} (a fixed, nearly deterministic order), and it visits
 *       every class; it also has the paper's structure when every class has {@code L/K ± 1} states and p̄ is
 *       near uniform (entropy ≥ {@value #UNIFORM} ln L). Holds when at least 2/3 of the high-σ runs have the
 *       structure; partly when at least 1/3 cycle through the prototypes or any has the structure. The order
 *       of the classes along the cycle (periodic such as 0 2 1 0 2 1, grouped such as 0 0 1 1 2 2, or other)
 *       is reported but not judged: the paper's "regular order" does not say which.</li>
 * </ol>
 */
public final class ClaimChecker {
    public static final int MIN_MODELS = 6;
    /**
     * Gaps between groups are measured in pooled within-group standard deviations; splitting one normal
     * population in two already gives about 2.7, a uniform one 3.5, so a distinct group needs 4.
     */
    public static final double SEPARATION = 4.0;
    public static final double SILHOUETTE = 0.5;
    public static final double TAU_LOW = 25;
    public static final double TAU_HIGH = 100;
    public static final double CORRELATION = 0.5;
    public static final double LOW_KL = 0.05;
    public static final double DETERMINISTIC = 0.5;
    /** A low-LL run is near reversibility when its σ is at most this fraction of the high-LL runs' median σ. */
    public static final double REVERSIBLE = 0.25;
    public static final double UNIFORM = 0.95;

    private ClaimChecker() {
    }

    /**
     * The claims with their verdicts on the numbers as measured, each with its robustness to their
     * errors ({@link ClaimRobustness}).
     */
    public static ClaimReport check(List<ModelSummary> rows) {
        return ClaimRobustness.assess(verdicts(rows), rows, ClaimChecker::verdicts);
    }

    /** The claims' verdicts on the numbers as given. */
    static ClaimReport verdicts(List<ModelSummary> rows) {
        int n = rows.size();
        double[] ll = new double[n];
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            ll[i] = rows.get(i).logLikelihood();
            sigma[i] = rows.get(i).sigma();
        }
        Regimes regimes = Regimes.find(ll, sigma);
        Map<Long, Integer> regimeBySeed = new LinkedHashMap<>();
        if (regimes != null) {
            for (int i = 0; i < n; i++) {
                regimeBySeed.put(rows.get(i).seed(), regimes.label()[i]);
            }
        }
        // the high-σ runs
        Set<Long> high = new LinkedHashSet<>();
        String highRule;
        if (regimes != null && regimes.sigmaSeparation() >= SEPARATION && regimes.counts()[2] > 0) {
            highRule = "regime (iii), separated from (ii) by " + f2(regimes.sigmaSeparation()) + " SD in ln σ";
            for (int i = 0; i < n; i++) {
                if (regimes.label()[i] == 2) {
                    high.add(rows.get(i).seed());
                }
            }
        } else {
            int k = (n + 2) / 3;
            highRule = "the top third by σ, as regime (iii) is not separated from (ii)"
                    + (regimes == null ? "" : " (" + f2(regimes.sigmaSeparation()) + " SD in ln σ)");
            Integer[] idx = byDescending(sigma);
            for (int j = 0; j < k; j++) {
                high.add(rows.get(idx[j]).seed());
            }
        }
        List<Claim> claims = new ArrayList<>();
        claims.add(threeRegimes(n, regimes));
        claims.add(lowLikelihoodReversible(rows, ll, sigma));
        claims.add(tau(rows, high, highRule, sigma));
        claims.add(selfTransition(rows));
        claims.add(klHighSigma(rows, sigma));
        claims.add(prototypeCycles(rows, high, highRule));
        return new ClaimReport(claims, regimes, regimeBySeed, high, highRule);
    }

    static final String P1 = "At convergence the models cluster into three regimes: (i) low LL and low σ, (ii) high LL "
            + "with intermediate σ, (iii) high LL with high σ (Fig. 2c).";
    static final String P2 = "Low log-likelihood is observed only when the model settles into a nearly reversible "
            + "regime with small entropy production.";
    static final String P3 = "Models with large entropy production develop long correlation times, τ ≈ 50 steps; τ "
            + "correlates strongly with σ (Fig. 4b).";
    static final String P4 = "No trained model has self-transitions above the random baseline: Tr(M)/L < 1/L for every "
            + "model, also at low σ (Fig. 4c).";
    static final String P5 = "Low class KL divergence is achieved only for large σ; at small σ the generative "
            + "performance stays poor whatever the LL (Fig. 4a).";
    static final String P6 = "High-σ runs cycle nearly deterministically through the class prototypes, in regular "
            + "order, with about two latent states per class and near-uniform p̄ (Fig. 3a).";

    private static Claim threeRegimes(int n, Regimes r) {
        String rule = "k-means (k = 3) on standardized (LL, ln σ); (i) = lowest mean LL, (ii)/(iii) = lower/higher "
                + "mean σ of the others. Holds if (i) has the lowest σ, LL gap (i)→(ii, iii) ≥ " + f1(SEPARATION)
                + " pooled SD, ln σ gap (ii)→(iii) ≥ " + f1(SEPARATION) + " pooled SD and silhouette ≥ " + SILHOUETTE
                + "; partly if (i) has the lowest σ and one gap is reached.";
        if (r == null || n < MIN_MODELS) {
            return new Claim("three-regimes", P1, rule, n + " models: too few to cluster", Verdict.NOT_TESTABLE);
        }
        StringBuilder m = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            m.append(String.format(Locale.ROOT, "%s: %d runs, mean LL %.2f, geometric-mean σ %.3g. ", Regimes.name(k),
                    r.counts()[k], r.meanLogLikelihood()[k], StrictMath.exp(r.meanLogSigma()[k])));
        }
        m.append(String.format(Locale.ROOT, "LL gap (i)→(ii, iii): %.1f SD; ln σ gap (ii)→(iii): %.1f SD; (i) lowest σ: %s; "
                + "silhouette k=2/3/4: %s.", r.llSeparation(), r.sigmaSeparation(), r.ordered() ? "yes" : "no",
                silhouettes(r)));
        double sil = r.silhouette().getOrDefault(3, Double.NaN);
        boolean llGap = r.llSeparation() >= SEPARATION;
        boolean sGap = r.sigmaSeparation() >= SEPARATION;
        Verdict v;
        if (r.ordered() && llGap && sGap && sil >= SILHOUETTE) {
            v = Verdict.HOLDS;
        } else if (r.ordered() && (llGap || sGap)) {
            v = Verdict.PARTLY;
        } else {
            v = Verdict.DOES_NOT_HOLD;
        }
        return new Claim("three-regimes", P1, rule, m.toString().trim(), v);
    }

    private static Claim lowLikelihoodReversible(List<ModelSummary> rows, double[] ll, double[] sigma) {
        String rule = "Low-LL runs = lower group of the best two-group split of LL alone, if the groups are ≥ "
                + f1(SEPARATION) + " pooled SD apart. A low-LL run is near reversibility when its σ is at most "
                + REVERSIBLE + " × the median σ of the high-LL runs. Holds if every low-LL run is; partly if at least "
                + "half are, or at least half have σ below the lower quartile of the high-LL runs' σ (lower σ, but not "
                + "near reversibility).";
        int n = rows.size();
        if (n < MIN_MODELS) {
            return new Claim("low-ll-reversible", P2, rule, n + " models: too few", Verdict.NOT_TESTABLE);
        }
        Split s = Split.of(ll);
        String rho = String.format(Locale.ROOT, " Spearman ρ(LL, σ) over all runs: %.2f.", Stats.spearman(ll, sigma));
        if (s.separation() < SEPARATION) {
            return new Claim("low-ll-reversible", P2, rule, String.format(Locale.ROOT,
                    "No distinct low-LL group: the best split of LL (at %.2f) separates the groups by only %.1f pooled SD."
                    + "%s", s.threshold(), s.separation(), rho), Verdict.NOT_TESTABLE);
        }
        List<Double> highSigma = new ArrayList<>();
        List<Double> lowSigma = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (ll[i] < s.threshold() ? lowSigma : highSigma).add(sigma[i]);
        }
        double medHigh = Stats.median(unbox(highSigma));
        double q = Stats.quantile(unbox(highSigma), 0.25);
        int near = 0;
        int lower = 0;
        for (double v : lowSigma) {
            near += v <= REVERSIBLE * medHigh ? 1 : 0;
            lower += v < q ? 1 : 0;
        }
        int k = lowSigma.size();
        double medLow = Stats.median(unbox(lowSigma));
        String m = String.format(Locale.ROOT, "%d low-LL runs (LL < %.2f, %.1f SD below the rest): σ median %.3g (range "
                + "%.3g–%.3g), %.2f × the median σ %.3g of the %d high-LL runs. Near reversibility (σ ≤ %.3g): %d of %d; "
                + "below the high-LL lower quartile %.3g: %d of %d.%s", k, s.threshold(), s.separation(), medLow,
                min(lowSigma), max(lowSigma), medLow / medHigh, medHigh, highSigma.size(), REVERSIBLE * medHigh, near, k,
                q, lower, k, rho);
        Verdict v = near == k ? Verdict.HOLDS : (2 * near >= k || 2 * lower >= k) ? Verdict.PARTLY
                : Verdict.DOES_NOT_HOLD;
        return new Claim("low-ll-reversible", P2, rule, m, v);
    }

    private static Claim tau(List<ModelSummary> rows, Set<Long> high, String highRule, double[] sigma) {
        String rule = "High-σ runs: regime (iii) if separated from (ii), else the top third by σ. Holds if their median "
                + "τ is in [" + f0(TAU_LOW) + ", " + f0(TAU_HIGH) + "] and Spearman ρ(σ, τ) ≥ " + CORRELATION
                + "; partly if one of the two.";
        int n = rows.size();
        if (n < MIN_MODELS || high.isEmpty()) {
            return new Claim("tau-50", P3, rule, n + " models: too few", Verdict.NOT_TESTABLE);
        }
        double[] tau = new double[n];
        List<Double> highTau = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tau[i] = rows.get(i).tau();
            if (high.contains(rows.get(i).seed())) {
                highTau.add(tau[i]);
            }
        }
        double med = Stats.median(unbox(highTau));
        double rho = Stats.spearman(sigma, tau);
        double restMed = Stats.median(unbox(rest(rows, high, ModelSummary::tau)));
        boolean inBand = med >= TAU_LOW && med <= TAU_HIGH;
        boolean corr = rho >= CORRELATION;
        String m = String.format(Locale.ROOT, "%d high-σ runs (%s): median τ %.3g double steps (range %.3g–%.3g); "
                + "median τ of the other runs %.3g. Spearman ρ(σ, τ) = %.2f.", highTau.size(), highRule, med,
                min(highTau), max(highTau), restMed, rho);
        Verdict v = inBand && corr ? Verdict.HOLDS : inBand || corr ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
        return new Claim("tau-50", P3, rule, m, v);
    }

    private static Claim selfTransition(List<ModelSummary> rows) {
        String rule = "Tr(M)/L vs 1/L for every run (Rao-Blackwellized M; counted M shown beside). Holds if below for "
                + "all runs; partly if for more than half.";
        int n = rows.size();
        if (n == 0) {
            return new Claim("self-transition", P4, rule, "no models", Verdict.NOT_TESTABLE);
        }
        long unmeasured = rows.stream().filter(r -> Double.isNaN(r.selfTransition())).count();
        if (unmeasured > 0) {
            // NaN < 1/L is false: without this, runs with no dense M (a sparse evaluation) would count as above
            return new Claim("self-transition", P4, rule, unmeasured + " of " + n + " runs have no Tr(M)/L (no dense M "
                    + "beyond 2048 latent states)", Verdict.NOT_TESTABLE);
        }
        int below = 0;
        int belowCount = 0;
        double worst = Double.NEGATIVE_INFINITY;
        double baseline = Double.NaN;
        for (ModelSummary r : rows) {
            if (r.selfTransition() < r.selfTransitionBaseline()) {
                below++;
            }
            if (r.value(MeasurementKey.SELF_TRANSITION_COUNT) < r.selfTransitionBaseline()) {
                belowCount++;
            }
            worst = Math.max(worst, r.selfTransition());
            baseline = r.selfTransitionBaseline();
        }
        double[] st = rows.stream().mapToDouble(ModelSummary::selfTransition).toArray();
        String m = String.format(Locale.ROOT, "Below 1/L = %.3f: %d of %d runs (counted M: %d of %d). Tr(M)/L: median "
                + "%.3f, largest %.3f.", baseline, below, n, belowCount, n, Stats.median(st), worst);
        Verdict v = below == n ? Verdict.HOLDS : 2 * below > n ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
        return new Claim("self-transition", P4, rule, m, v);
    }

    private static Claim klHighSigma(List<ModelSummary> rows, double[] sigma) {
        String rule = "Low KL = among the lowest third of the ensemble's KL values and ≤ " + LOW_KL + " nats; high σ = "
                + "above the ensemble's median σ. Holds if all low-KL runs have high σ and ρ(σ, KL) < 0; partly if at "
                + "least half of them have high σ or ρ(σ, KL) ≤ −0.3; does not hold otherwise (also when no run has "
                + "KL ≤ " + LOW_KL + ").";
        int n = rows.size();
        double[] kl = new double[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            kl[i] = rows.get(i).classKl();
            any |= !Double.isNaN(kl[i]);
        }
        if (n < MIN_MODELS || !any) {
            return new Claim("kl-high-sigma", P5, rule, any ? n + " models: too few" : "needs labels: the data has none",
                    Verdict.NOT_TESTABLE);
        }
        double medSigma = Stats.median(sigma);
        int third = (n + 2) / 3;
        double[] sorted = Stats.finiteOrInfinite(kl);
        Arrays.sort(sorted);
        double cut = Math.min(LOW_KL, sorted[Math.min(third, sorted.length) - 1]);
        int low = 0;
        int lowHigh = 0;
        int absolute = 0;
        for (int i = 0; i < n; i++) {
            absolute += kl[i] <= LOW_KL ? 1 : 0;
            if (kl[i] <= cut) {
                low++;
                if (sigma[i] > medSigma) {
                    lowHigh++;
                }
            }
        }
        double rho = Stats.spearman(sigma, kl);
        double[] klLowerHalf = pick(kl, sigma, medSigma, false);
        double[] klUpperHalf = pick(kl, sigma, medSigma, true);
        String m = String.format(Locale.ROOT, "Runs with KL ≤ %.2f: %d of %d. Low-KL runs (KL ≤ %.3g): %d, of which %d have "
                + "σ above the median (%.3g). Median KL: %.3g above the median σ, %.3g below. Spearman ρ(σ, KL) = %.2f.",
                LOW_KL, absolute, n, cut, low, lowHigh, medSigma, Stats.median(klUpperHalf), Stats.median(klLowerHalf),
                rho);
        Verdict v;
        if (absolute == 0) {
            v = Verdict.DOES_NOT_HOLD;
        } else if (lowHigh == low && rho < 0) {
            v = Verdict.HOLDS;
        } else if (2 * lowHigh >= low || rho <= -0.3) {
            v = Verdict.PARTLY;
        } else {
            v = Verdict.DOES_NOT_HOLD;
        }
        return new Claim("kl-high-sigma", P5, rule, m, v);
    }

    private static Claim prototypeCycles(List<ModelSummary> rows, Set<Long> high, String highRule) {
        String rule = "Over the high-σ runs: a run cycles through the prototypes if its dominant-successor map is one clean "
                + "cycle through all states (positive flux) with every step M ≥ " + DETERMINISTIC + " (a fixed, nearly "
                + "deterministic order) that visits every class; it has the paper's structure if also every class has "
                + "L/K ± 1 states and p̄ has entropy ≥ " + UNIFORM + " ln L. Holds if ≥ 2/3 of the high-σ runs have the "
                + "structure; partly if ≥ 1/3 cycle through the prototypes or any has the structure. The class order "
                + "along the cycle (periodic, grouped, other) is reported, not judged.";
        int n = rows.size();
        boolean labels = rows.stream().anyMatch(r -> r.classes().length > 0);
        if (n < MIN_MODELS || high.isEmpty() || !labels) {
            return new Claim("prototype-cycles", P6, rule, labels ? n + " models: too few" : "needs labels: the data has none",
                    Verdict.NOT_TESTABLE);
        }
        int cyc = 0;
        int struct = 0;
        int otherCyc = 0;
        int others = 0;
        int[] order = new int[3];
        List<String> examples = new ArrayList<>();
        for (ModelSummary r : rows) {
            boolean c = cyclesThroughPrototypes(r);
            if (high.contains(r.seed())) {
                if (c) {
                    cyc++;
                    order[classOrder(r.cycles().get(0).classes())]++;
                    if (hasPaperStructure(r)) {
                        struct++;
                    }
                    if (examples.size() < 3) {
                        examples.add("seed " + r.seed() + ": " + r.cyclesText());
                    }
                }
            } else {
                others++;
                if (c) {
                    otherCyc++;
                }
            }
        }
        int h = high.size();
        String m = String.format(Locale.ROOT, "%d high-σ runs (%s). Cycle through the prototypes: %d (class order along "
                + "the cycle: periodic %d, grouped %d, other %d); with ~L/K states per class and near-uniform p̄ as well: "
                + "%d. Other runs cycling through the prototypes: %d of %d.%s", h, highRule, cyc, order[0], order[1],
                order[2], struct, otherCyc, others, examples.isEmpty() ? "" : " E.g. " + String.join("; ", examples) + ".");
        Verdict v = 3 * struct >= 2 * h ? Verdict.HOLDS : (3 * cyc >= h || struct > 0) ? Verdict.PARTLY
                : Verdict.DOES_NOT_HOLD;
        return new Claim("prototype-cycles", P6, rule, m, v);
    }

    /** One clean cycle through every state, each step {@code M ≥} {@value #DETERMINISTIC}, visiting every class. */
    public static boolean cyclesThroughPrototypes(ModelSummary r) {
        if (!r.cleanCycle() || r.cycles().isEmpty() || r.classes().length == 0) {
            return false;
        }
        Cycle c = r.cycles().get(0);
        if (c.minTransition() < DETERMINISTIC) {
            return false;
        }
        Set<Integer> seen = new LinkedHashSet<>();
        for (int k : c.classes()) {
            if (k < 0) {
                return false;
            }
            seen.add(k);
        }
        return seen.size() == r.classes().length;
    }

    /**
     * The class sequence along a cycle: 0 = periodic (the same order of classes every round, e.g. 0 2 1 0 2 1),
     * 1 = grouped (each class's states consecutive, e.g. 0 0 1 1 2 2), 2 = other.
     */
    static int classOrder(int[] cl) {
        Set<Integer> distinct = new LinkedHashSet<>();
        for (int k : cl) {
            distinct.add(k);
        }
        int p = distinct.size();
        boolean periodic = p > 1 && cl.length % p == 0 && cl.length > p;
        for (int j = 0; periodic && j < cl.length; j++) {
            periodic = cl[j] == cl[(j + p) % cl.length];
        }
        if (periodic) {
            return 0;
        }
        int runs = 0;
        for (int j = 0; j < cl.length; j++) {
            if (cl[j] != cl[(j + cl.length - 1) % cl.length]) {
                runs++;
            }
        }
        return Math.max(runs, 1) == p ? 1 : 2;
    }

    /** About {@code L/K} states per class (±1) and near-uniform p̄. */
    public static boolean hasPaperStructure(ModelSummary r) {
        int k = r.classes().length;
        int l = r.states();
        if (k == 0 || l < 2) {
            return false;
        }
        double target = l / (double) k;
        for (int label : r.classes()) {
            int count = 0;
            for (int z = 0; z < l; z++) {
                if (r.stateClass().length == l && r.stateClass()[z] == label) {
                    count++;
                }
            }
            if (Math.abs(count - target) > 1) {
                return false;
            }
        }
        return normalizedEntropy(r.occupancy()) >= UNIFORM;
    }

    static double normalizedEntropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * StrictMath.log(v);
            }
        }
        return p.length < 2 ? 1 : h / StrictMath.log(p.length);
    }

    /** The best split of {@code v} into a lower and an upper group (least within sum of squares). */
    record Split(double threshold, double separation, int lowCount) {
        static Split of(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            int n = s.length;
            double best = Double.POSITIVE_INFINITY;
            int cut = 1;
            for (int c = 1; c < n; c++) {
                double w = ss(s, 0, c) + ss(s, c, n);
                if (w < best - 1e-12) {
                    best = w;
                    cut = c;
                }
            }
            double m0 = Stats.mean(Arrays.copyOfRange(s, 0, cut));
            double m1 = Stats.mean(Arrays.copyOfRange(s, cut, n));
            double sd = n > 2 ? Math.sqrt(best / (n - 2)) : 0;
            double sep = sd > 0 ? (m1 - m0) / sd : (m1 > m0 ? Double.POSITIVE_INFINITY : 0);
            return new Split((s[cut - 1] + s[cut]) / 2, sep, cut);
        }

        private static double ss(double[] s, int from, int to) {
            double m = 0;
            for (int i = from; i < to; i++) {
                m += s[i];
            }
            m /= to - from;
            double q = 0;
            for (int i = from; i < to; i++) {
                q += (s[i] - m) * (s[i] - m);
            }
            return q;
        }
    }

    private interface Field {
        double of(ModelSummary r);
    }

    private static List<Double> rest(List<ModelSummary> rows, Set<Long> high, Field f) {
        List<Double> out = new ArrayList<>();
        for (ModelSummary r : rows) {
            if (!high.contains(r.seed())) {
                out.add(f.of(r));
            }
        }
        return out;
    }

    private static double[] pick(double[] v, double[] sigma, double med, boolean above) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if ((sigma[i] > med) == above) {
                out.add(v[i]);
            }
        }
        return unbox(out);
    }

    private static Integer[] byDescending(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[b], v[a]));
        return idx;
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String silhouettes(Regimes r) {
        List<String> s = new ArrayList<>();
        for (int k = 2; k <= 4; k++) {
            Double v = r.silhouette().get(k);
            s.add(v == null ? "–" : String.format(Locale.ROOT, "%.2f", v));
        }
        return String.join("/", s);
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
