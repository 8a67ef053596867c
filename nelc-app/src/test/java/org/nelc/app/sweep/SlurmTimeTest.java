package org.nelc.app.sweep;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nelc.api.UserError;

/** reliability.md: {@code --time 1:2:3} was refused though sbatch takes it; every sbatch form is accepted. */
class SlurmTimeTest {
    private static SlurmScript.Settings withTime(String time) {
        return new SlurmScript.Settings(null, time, 1, null, null, null, List.of());
    }

    @Test
    void everyFormSbatchTakesIsAccepted() {
        for (String t : new String[] {"90", "90:30", "1:2:3", "01:02:03", "100:00:00", "2-12", "2-1:30", "2-1:2:3",
            "0", "UNLIMITED", "infinite"}) {
            assertDoesNotThrow(() -> withTime(t), t);
        }
    }

    @Test
    void anythingElseIsOneLineNamingTheFlagAndTheValue() {
        for (String t : new String[] {"", "1:2:3:4", "1h", "-5", "2-", "2-1:2:3:4", "1:", ":30", "1.5", "2--1"}) {
            UserError e = assertThrows(UserError.class, () -> withTime(t), t);
            assertTrue(e.getMessage().startsWith("--time: expected a Slurm time limit") && e.getMessage().contains(
                    "'" + t + "'"), e.getMessage());
        }
    }
}
