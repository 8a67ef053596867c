package org.nelc.core.train;

import org.nelc.api.UserError;

/**
 * Which model a run trains ({@code --model}): the paper's nonequilibrium model, or its equilibrium
 * limit, the restricted Boltzmann machine (docs/model.md §8).
 */
public enum ModelKind {
    /** Independent {@code w}, {@code w̄}; centering; the paper's two-step gradient (docs/model.md §1–4). */
    NEQ("neq"),
    /**
     * {@code w̄ = wᵀ}, no centering, and for one-hot the {@code softmax} normalization: the alternating
     * chain is Gibbs sampling of {@code p(x,z) ∝ exp(xᵀwz + aᵀx + āᵀz)}, trained by PCD with the usual
     * RBM gradient ({@code rbm-pcd}).
     */
    RBM("rbm");

    private final String label;

    ModelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ModelKind parse(String text) {
        for (ModelKind k : values()) {
            if (k.label.equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new UserError("--model: unknown model '" + text + "' (expected neq or rbm)");
    }
}
