package com.poly.daas.contract;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.openapi.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The published contract follows the API conventions (docs/api-conventions.md), operation by operation. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    @Test
    void everyOperationIsDescribedWithRolesErrorsAndExamples() {
        OpenApiContract.check().atLeast(16).verify();
    }
}
