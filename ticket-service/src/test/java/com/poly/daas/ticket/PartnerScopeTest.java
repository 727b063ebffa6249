package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.desk;
import static com.poly.daas.ticket.TicketFixtures.openFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.PartnerOwnedEntity;
import com.poly.daas.platform.security.PartnerScope;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.ticket.TicketFixtures.Desk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.internal.FilterImpl;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the hot lists state the partner condition themselves and run with the partner filter off, so that
 * Hibernate caches their translation (PartnerScope). They must stay exactly as confined as the filter made them (S2,
 * issue 9), and the filter must be back on for everything after.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class PartnerScopeTest {
    @Inject
    PartnerScope scope;
    @Inject
    EntityManager em;

    @Test
    @Transactional
    void anExplicitlyScopedQueryRunsWithoutTheFilterWhichIsThenBackWithItsResolver() {
        Session session = em.unwrap(Session.class);
        assertNotNull(session.getEnabledFilter(PartnerOwnedEntity.FILTER), "the partner filter is on in every session");
        Object during = scope.explicitly(() -> session.getEnabledFilter(PartnerOwnedEntity.FILTER));
        assertNull(during, "off while the explicitly scoped query runs");
        FilterImpl after = (FilterImpl) session.getEnabledFilter(PartnerOwnedEntity.FILTER);
        assertNotNull(after, "back on afterwards");
        // internal work (no request): the filter's parameter is again taken from the caller, here all partners
        assertEquals(Caller.ALL_PARTNERS, after.getParameterValue("partnerId"));
    }

    @Test
    @Transactional
    void internalWorkThatSeesEveryPartnerRunsWithoutTheFilterWhichIsThenBack() {
        // an event consumer's handler (InboundEvents): no HTTP request, so the scope is every partner
        Session session = em.unwrap(Session.class);
        Object[] during = new Object[1];
        scope.unrestricted(() -> during[0] = session.getEnabledFilter(PartnerOwnedEntity.FILTER));
        assertNull(during[0], "off while the work runs: its condition is true for every row");
        assertNotNull(session.getEnabledFilter(PartnerOwnedEntity.FILTER), "back on afterwards");
    }

    @Test
    void aPartnersListAndSearchShowOnlyItsOwnTicketsAnAgentSeesBoth() {
        Desk mine = desk();
        Desk theirs = desk();
        String own = openFor(mine);
        String other = openFor(theirs);
        given().header("Authorization", Tokens.partner(mine.partner())).queryParam("limit", 200)
                .get("/tickets").then().statusCode(200)
                .body("items.id", hasItem(own)).body("items.id", not(hasItem(other)))
                .body("items.partnerId", everyItem(equalTo(mine.partner())));
        // the same serial filter a partner of the other ticket would use: nothing of the other partner leaks
        given().header("Authorization", Tokens.partner(mine.partner())).queryParam("serial", theirs.serial())
                .get("/tickets").then().statusCode(200).body("items.id", not(hasItem(other)));
        given().header("Authorization", Tokens.agent()).queryParam("serial", theirs.serial())
                .get("/tickets").then().statusCode(200).body("items.id", hasItem(other));
    }
}
