package com.poly.daas.ticket.api;

import com.poly.daas.platform.security.Caller;
import com.poly.daas.ticket.api.TicketViews.TicketView;
import com.poly.daas.ticket.domain.Ticket;
import com.poly.daas.ticket.service.FirstLevelSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** A ticket as the caller sees it: internal notes only for staff, its S3 milestones measured now in the site's hours (S1). */
@ApplicationScoped
public class TicketViewer {
    @Inject
    FirstLevelSupport support;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public TicketView view(Ticket ticket) {
        return TicketView.of(ticket, support.site(ticket), clock.instant(), caller.isStaff());
    }
}
