package com.poly.daas.platform.security;

import io.quarkus.arc.Arc;
import java.util.function.Supplier;

/** Supplies the partner filter's parameter from the current {@link Caller} (Hibernate calls it per session). */
public class PartnerScopeResolver implements Supplier<String> {
    @Override
    public String get() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Caller.ALL_PARTNERS; // internal work: relays, consumers, schedulers
        }
        return container.instance(Caller.class).get().scope();
    }
}
