package org.nelc.analysis.exact;

import org.junit.jupiter.api.Test;

class ExactCheckRunTest {
    @Test
    void prints() {
        ExactCheckReport r = ExactCheck.run(ExactCheckOptions.builder().build());
        System.out.println(r.toTable());
    }
}
