package com.poly.daas.rma;

import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.fuzz.ApiFuzz;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the published document, fuzzed with bounded bad input (NUL and control characters, wrong JSON
 * types, trailing garbage, no Content-Type, limit=abc, forged cursors, huge URL/headers/body): no 5xx, no 4xx without
 * a problem body, no bad input accepted (docs/api-conventions.md, "Strict input").
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class RmaApiFuzzTest {

    @Test
    void badInputOnEveryOperationIsRefusedWithAProblem() {
        // a partner the service knows (issue 9), so partner operations reach their handlers rather than 403
        ApiFuzz.fromOpenApi().seed(17).partner(ProgrammeFacts.known("P-FUZZ")).verify();
    }
}
