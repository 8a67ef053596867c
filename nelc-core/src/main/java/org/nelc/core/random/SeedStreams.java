package org.nelc.core.random;

/**
 * The names of the seeded streams, in one place: {@link SeedTree#child(String, long)} derives a stream's
 * key from its name, so a name is part of every result computed from it — renaming one changes the bits
 * of every run that draws from it. Trees used by nelc:
 *
 * <pre>
 *   root(seed) ─ init · chain-init · chain/k · batch          training (TrainingSession)
 *   root(seed) ─ evaluate ─ init · chain · rao-blackwell ─ row/z   evaluation (SPEC §6–7)
 *   root(seed) ─ exact-check ─ data · init · chain-init · chain · batch · probe/p · init-restart/r
 *   root(seed) ─ em ─ restart/r                                 the Bernoulli-mixture baseline
 *   root(seed) ─ figure                                         fantasy chains of the figures
 * </pre>
 */
public final class SeedStreams {
    /** The paper's initialization of {@code w} (App. A.1): which rows make each {@code D(α)}. */
    public static final String INIT = "init";
    /** The data rows the persistent chains start from. */
    public static final String CHAIN_INIT = "chain-init";
    /** Persistent chain {@code k} ({@code child(CHAIN, k)}), or the evaluation chain. */
    public static final String CHAIN = "chain";
    /** The minibatch sampler. */
    public static final String BATCH = "batch";
    /** Root of the evaluation of a trained model. */
    public static final String EVALUATE = "evaluate";
    /** The Rao-Blackwellized transition-matrix estimator; its rows are {@code child(ROW, z)}. */
    public static final String RAO_BLACKWELL = "rao-blackwell";
    /** One row of a per-row estimator. */
    public static final String ROW = "row";
    /** Root of {@code nelc exact-check}. */
    public static final String EXACT_CHECK = "exact-check";
    /** Generated data (exact-check's prototypes). */
    public static final String DATA = "data";
    /** Probe chain {@code p} of exact-check's comparisons. */
    public static final String PROBE = "probe";
    /** exact-check: the logit vectors at which the x→z kernel's score is checked. */
    public static final String KERNEL_CHECK = "kernel-check";
    /** Extra initialization {@code r} of exact-check's exact ascent. */
    public static final String INIT_RESTART = "init-restart";
    /** Root of the Bernoulli-mixture EM baseline. */
    public static final String EM = "em";
    /** EM restart {@code r}. */
    public static final String RESTART = "restart";
    /** The fantasy chains drawn in figures. */
    public static final String FIGURE = "figure";

    private SeedStreams() {
    }
}
