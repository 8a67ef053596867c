package org.nelc.core.latent;

import java.util.List;
import org.nelc.api.UserError;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.latent.LatentEncoding;

/** {@code z ∈ {0,1}^L}: the paper's general form, {@code 2^L} states, independent bits (Eq. 11). */
public final class BitsEncoding implements LatentEncoding {
    public static final String FACTORIZED = "factorized";
    /** Largest L: state indices are ints. */
    public static final int MAX_UNITS = 30;

    @Override
    public String name() {
        return "bits";
    }

    @Override
    public String description() {
        return "binary latent z in {0,1}^L, 2^L states; Abar a product of Bernoulli(sigmoid(u_beta)) (Eq. 11)";
    }

    @Override
    public List<String> normalizations() {
        return List.of(FACTORIZED);
    }

    @Override
    public LatentKernel create(int units, String normalization) {
        if (units < 1 || units > MAX_UNITS) {
            throw new UserError("--latent bits:" + units + ": the number of latent bits must be in [1, " + MAX_UNITS + "]");
        }
        if (normalization != null && !normalization.equals(FACTORIZED)) {
            throw new UserError("--normalization: '" + normalization + "' is not a normalization of bits (expected "
                    + FACTORIZED + ")");
        }
        return new BitsKernel(units);
    }
}
