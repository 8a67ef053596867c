package org.nelc.api.diagnostic;

import org.nelc.api.data.Dataset;
import org.nelc.api.model.ModelView;

/** What a {@link Diagnostic} may look at: the model, the data, a long latent trajectory and M. */
public interface DiagnosticContext {
    ModelView model();

    /** The training data (with labels when known). */
    Dataset data();

    /** The latent states of a long chain, {@code z(0), z(1), …} as state indices. Shared: do not modify. */
    int[] trajectory();

    /**
     * The transition matrix by the named estimator ({@code "count"} or {@code "rao-blackwell"}),
     * computed once and cached by the context.
     */
    TransitionEstimate transitions(String estimator);
}
