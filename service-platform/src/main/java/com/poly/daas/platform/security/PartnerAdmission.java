package com.poly.daas.platform.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Issue 9: a partner token is honoured only for a partner the programme knows, on every operation, shared catalogue
 * reads included (which never ask the partner filter). Runs after authentication, on the request's worker thread;
 * {@link Caller#partnerId()} refuses an unknown partner with 403 {@code unknown-partner} and remembers the answer for
 * the rest of the request.
 */
public class PartnerAdmission {
    @Inject
    Caller caller;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    public void admitKnownPartnersOnly() {
        if (caller.isPartner()) {
            caller.partnerId();
        }
    }
}
