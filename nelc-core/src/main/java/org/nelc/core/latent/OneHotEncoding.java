package org.nelc.core.latent;

import java.util.List;
import org.nelc.api.UserError;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.latent.LatentEncoding;

/**
 * One-hot latent states, {@code z = e_α} for {@code α < L} (the paper's experiment, Sect. IV.1).
 * Normalizations: {@code sigmoid-ratio} (Eq. 19) and {@code softmax} (App. A.2's wording).
 */
public final class OneHotEncoding implements LatentEncoding {
    public static final String SIGMOID_RATIO = "sigmoid-ratio";
    public static final String SOFTMAX = "softmax";

    @Override
    public String name() {
        return "one-hot";
    }

    @Override
    public String description() {
        return "one-hot latent, L states z = e_alpha; Abar by sigmoid-ratio (Eq. 19) or softmax";
    }

    @Override
    public List<String> normalizations() {
        return List.of(SIGMOID_RATIO, SOFTMAX);
    }

    @Override
    public LatentKernel create(int units, String normalization) {
        if (units < 1) {
            throw new UserError("--latent one-hot:" + units + ": the number of latent states L must be at least 1");
        }
        String norm = normalization == null ? SIGMOID_RATIO : normalization;
        return switch (norm) {
            case SIGMOID_RATIO -> new OneHotKernel(units, false);
            case SOFTMAX -> new OneHotKernel(units, true);
            default -> throw new UserError("--normalization: '" + norm + "' is not a normalization of one-hot (expected "
                    + String.join(" or ", normalizations()) + ")");
        };
    }
}
