package com.poly.daas.billing;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.openapi.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The published contract follows the API conventions (docs/api-conventions.md), operation by operation. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class BillingOpenApiTest {

    @Test
    void everyOperationIsDescribedWithRolesErrorsAndExamples() {
        OpenApiContract.check().verify();
    }
}
