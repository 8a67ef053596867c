package org.nelc.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nelc.api.optim.OptimizerFactory;
import org.nelc.api.optim.OptimizerSettings;

/** META-INF/services/org.nelc.api.optim.OptimizerFactory lists exactly the three optimizers. */
class OptimizerServicesTest {
    private static List<OptimizerFactory> loaded() {
        List<OptimizerFactory> all = new ArrayList<>();
        ServiceLoader.load(OptimizerFactory.class).forEach(all::add);
        return all;
    }

    @Test
    void serviceLoaderFindsExactlyRmspropSgdAdam() {
        List<OptimizerFactory> all = loaded();
        Set<String> names = new TreeSet<>();
        for (OptimizerFactory f : all) {
            names.add(f.name());
        }
        assertEquals(3, all.size(), "factories: " + names);
        assertEquals(Set.of("rmsprop", "sgd", "adam"), names);
    }

    @Test
    void eachHasAOneLineDescriptionAndMakesAWorkingOptimizer() {
        for (OptimizerFactory f : loaded()) {
            String d = f.description();
            assertFalse(d.isBlank(), f.name());
            assertFalse(d.contains("\n"), f.name());
            assertTrue(f.name().matches("[a-z][a-z0-9-]*"), f.name());
            double[][] theta = {{0.0}};
            f.create(OptimizerSettings.of(0.1), new int[] {1}).step(theta, new double[][] {{1.0}});
            assertTrue(theta[0][0] > 0, f.name() + " must ascend");
        }
    }
}
