package com.poly.daas.rma.domain;

import java.util.Optional;

/** One rule of the advance-replacement decision: empty when it allows the request, else the rejection. */
@FunctionalInterface
public interface ReplacementPolicy {
    Optional<Rejection> check(ReplacementRequest request);
}
