package org.nelc.analysis.exact;

import java.util.List;
import java.util.Locale;

/**
 * What {@link ExactCheck} found: the comparisons along training, and the exact log-likelihood that
 * training with the estimator under test reached against the best that exact-gradient ascent found.
 *
 * @param gradient the name of the estimator under test (labels the output)
 * @param setup one line describing data, model and training
 * @param kernelCheck one line: the kernels' derivatives checked against their own log-probabilities
 * @param rows the comparisons, by step
 * @param finalLogLikelihood exact log-likelihood after training with the estimator under test (nats per row)
 * @param bestTwoStepLogLikelihood best exact log-likelihood over the comparison points of that training
 * @param exactAscentLogLikelihood best exact log-likelihood of exact ascent from the same initialization
 * @param bestExactLogLikelihood best over exact ascent from the same and the restarted initializations
 * @param seconds wall time
 */
public record ExactCheckReport(String gradient, String setup, String kernelCheck, List<ExactCheckRow> rows, double finalLogLikelihood,
        double bestTwoStepLogLikelihood, double exactAscentLogLikelihood, double bestExactLogLikelihood,
        double seconds) {

    public ExactCheckReport {
        rows = List.copyOf(rows);
    }

    /** {@code bestExactLogLikelihood − finalLogLikelihood}: what the estimator under test leaves on the table. */
    public double gap() {
        return bestExactLogLikelihood - finalLogLikelihood;
    }

    /** Mean cosine over the comparisons after the first (the first is at initialization). */
    public double meanCosine() {
        return mean(true);
    }

    /** Mean norm ratio over the comparisons after the first. */
    public double meanNormRatio() {
        return mean(false);
    }

    private double mean(boolean cosine) {
        double s = 0;
        int n = 0;
        for (int k = rows.size() > 1 ? 1 : 0; k < rows.size(); k++) {
            s += cosine ? rows.get(k).cosine() : rows.get(k).normRatio();
            n++;
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** A fixed-width table of the rows and the summary, for the terminal. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(setup).append('\n');
        sb.append(kernelCheck).append('\n');
        sb.append(String.format(Locale.ROOT, "%7s %12s %8s %8s %8s %8s %8s %10s%n", "step", "exact LL", "cos",
                "cos z>x", "cos x>z", "|g2|/|g|", "cos 1seg", "|g exact|"));
        for (ExactCheckRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%7d %12.5f %8.4f %8.4f %8.4f %8.4f %8.4f %10.3e%n", r.step(),
                    r.exactLogLikelihood(), r.cosine(), r.cosineVisible(), r.cosineLatent(), r.normRatio(),
                    r.singleSegmentCosine(), r.exactNorm()));
        }
        sb.append(String.format(Locale.ROOT, "%s training: final exact LL %.5f (best along training %.5f)%n",
                gradient, finalLogLikelihood, bestTwoStepLogLikelihood));
        sb.append(String.format(Locale.ROOT, "exact ascent: same init %.5f, best incl. restarts %.5f%n",
                exactAscentLogLikelihood, bestExactLogLikelihood));
        sb.append(String.format(Locale.ROOT, "gap (best exact - %s final): %.5f nats/row; mean cosine %.4f, "
                + "mean norm ratio %.4f; %.1f s%n", gradient, gap(), meanCosine(), meanNormRatio(), seconds));
        return sb.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().gradient(gradient).setup(setup).kernelCheck(kernelCheck).rows(rows)
                .finalLogLikelihood(finalLogLikelihood).bestTwoStepLogLikelihood(bestTwoStepLogLikelihood)
                .exactAscentLogLikelihood(exactAscentLogLikelihood).bestExactLogLikelihood(bestExactLogLikelihood)
                .seconds(seconds);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private String gradient;
        private String setup;
        private String kernelCheck;
        private List<ExactCheckRow> rows;
        private double finalLogLikelihood;
        private double bestTwoStepLogLikelihood;
        private double exactAscentLogLikelihood;
        private double bestExactLogLikelihood;
        private double seconds;

        private Builder() {
        }

        public Builder gradient(String v) {
            gradient = v;
            return this;
        }

        public Builder setup(String v) {
            setup = v;
            return this;
        }

        public Builder kernelCheck(String v) {
            kernelCheck = v;
            return this;
        }

        public Builder rows(List<ExactCheckRow> v) {
            rows = v;
            return this;
        }

        public Builder finalLogLikelihood(double v) {
            finalLogLikelihood = v;
            return this;
        }

        public Builder bestTwoStepLogLikelihood(double v) {
            bestTwoStepLogLikelihood = v;
            return this;
        }

        public Builder exactAscentLogLikelihood(double v) {
            exactAscentLogLikelihood = v;
            return this;
        }

        public Builder bestExactLogLikelihood(double v) {
            bestExactLogLikelihood = v;
            return this;
        }

        public Builder seconds(double v) {
            seconds = v;
            return this;
        }

        public ExactCheckReport build() {
            return new ExactCheckReport(gradient, setup, kernelCheck, rows, finalLogLikelihood,
                    bestTwoStepLogLikelihood, exactAscentLogLikelihood, bestExactLogLikelihood, seconds);
        }
    }
}
