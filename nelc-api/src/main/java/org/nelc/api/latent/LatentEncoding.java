package org.nelc.api.latent;

import java.util.List;
import org.nelc.api.Named;
import org.nelc.api.kernel.LatentKernel;

/**
 * How the latent state {@code z} is represented (one-hot, bits, …), and therefore how the x→z
 * kernel {@code Ā} is normalized. An encoding is a factory: {@link #create} builds the kernel for
 * a given number of latent units and a normalization among {@link #normalizations()}.
 *
 * <p>Thread safety: one encoding instance serves every thread, and {@link #create} may be called from
 * several at once: keep no mutable state. nelc never passes a {@code null} normalization (it substitutes
 * the first of {@link #normalizations()}) nor one outside that list.
 */
public interface LatentEncoding extends Named {
    /** Normalizations this encoding supports; the first is the default. */
    List<String> normalizations();

    /**
     * Builds the x→z kernel.
     *
     * @param units the number of latent units {@code L} (length of {@code z} and of the logits {@code u})
     * @param normalization one of {@link #normalizations()}
     * @throws org.nelc.api.UserError for a bad size or an unknown normalization, naming the value
     */
    LatentKernel create(int units, String normalization);
}
