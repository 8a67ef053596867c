package org.nelc.analysis.classes;

import java.util.Arrays;
import java.util.Map;
import org.nelc.analysis.transition.KernelTables;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.model.ModelView;
import org.nelc.core.math.LogMath;

/**
 * The class of each latent state (SPEC §7): state α goes to the class {@code k} with the highest mean
 * posterior {@code p(α|x) = p̄(α) A_{αx} / Σ_β p̄(β) A_{βx}} over the data {@code x} of class {@code k}.
 * (Assigning by the highest mean {@code log A_{αx}} instead is biased towards sparse classes.) States
 * with {@code p̄(α) = 0} have posterior 0 everywhere and stay unassigned ({@code -1}).
 *
 * @param classes the data's class labels, ascending
 * @param stateClass the label assigned to each state, or {@code -1}
 * @param meanPosterior {@code meanPosterior[k][α]}: mean over class {@code classes[k]} of {@code p(α|x)}
 * @param dataFractions {@code P_D(k)}, the fraction of rows in each class
 * @param modelFractions {@code P_e(k) = Σ_{α→k} p̄(α)}
 */
public record ClassAssignment(int[] classes, int[] stateClass, double[][] meanPosterior, double[] dataFractions,
        double[] modelFractions) {

    /**
     * @param pbar latent weights {@code p̄} (the occupancy of a long chain)
     * @throws UserError when {@code data} has unlabeled rows
     */
    public static ClassAssignment of(ModelView model, Dataset data, double[] pbar) {
        if (!data.hasLabels()) {
            throw new UserError("class assignment: the data (" + data.source() + ") has unlabeled rows");
        }
        KernelTables tables = new KernelTables(model);
        int states = tables.states();
        if (pbar.length != states) {
            throw new IllegalArgumentException(pbar.length + " weights for " + states + " states");
        }
        Map<Integer, Integer> counts = data.classCounts();
        int[] classes = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
        int nc = classes.length;
        int n = data.size();
        double[] dataFractions = new double[nc];
        for (int k = 0; k < nc; k++) {
            dataFractions[k] = counts.get(classes[k]) / (double) n;
        }
        int[] live = new int[states];
        int s = 0;
        for (int z = 0; z < states; z++) {
            if (pbar[z] > 0) {
                live[s++] = z;
            }
        }
        double[] logw = logWeights(tables, data, pbar, Arrays.copyOf(live, s));
        double[][] mean = new double[nc][states];
        for (int m = 0; m < n; m++) {
            int k = Arrays.binarySearch(classes, data.label(m));
            double lse = LogMath.logSumExp(logw, m * s, s);
            for (int j = 0; j < s; j++) {
                mean[k][live[j]] += StrictMath.exp(logw[m * s + j] - lse);
            }
        }
        for (int k = 0; k < nc; k++) {
            double inv = 1.0 / counts.get(classes[k]);
            for (int z = 0; z < states; z++) {
                mean[k][z] *= inv;
            }
        }
        int[] stateClass = new int[states];
        double[] modelFractions = new double[nc];
        for (int z = 0; z < states; z++) {
            stateClass[z] = -1;
            if (!(pbar[z] > 0)) {
                continue;
            }
            int best = 0;
            for (int k = 1; k < nc; k++) {
                if (mean[k][z] > mean[best][z]) {
                    best = k;
                }
            }
            stateClass[z] = classes[best];
            modelFractions[best] += pbar[z];
        }
        return new ClassAssignment(classes, stateClass, mean, dataFractions, modelFractions);
    }

    /** {@code log p̄(α) + log A_{αx}} for every row {@code m} and live state {@code live[j]}, at {@code m·s + j}. */
    static double[] logWeights(KernelTables tables, Dataset data, double[] pbar, int[] live) {
        int s = live.length;
        int n = data.size();
        double[] out = new double[n * s];
        double[] h = new double[tables.dimension()];
        int[] scratch = new int[tables.units()];
        for (int j = 0; j < s; j++) {
            int z = live[j];
            double offset = StrictMath.log(pbar[z]) - tables.naturalField(z, h, scratch);
            for (int m = 0; m < n; m++) {
                double v = offset;
                for (int i : data.active(m)) {
                    v += h[i];
                }
                out[m * s + j] = v;
            }
        }
        return out;
    }

    /** The position of {@code label} in {@link #classes()}, or −1. */
    public int classIndex(int label) {
        int k = Arrays.binarySearch(classes, label);
        return k < 0 ? -1 : k;
    }
}
