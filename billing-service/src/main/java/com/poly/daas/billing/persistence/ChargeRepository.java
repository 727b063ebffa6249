package com.poly.daas.billing.persistence;

import com.poly.daas.billing.domain.ChargeCause;
import com.poly.daas.billing.domain.ChargeHistoryEntry;
import com.poly.daas.billing.domain.ChargeStatus;
import com.poly.daas.billing.domain.PenaltyCharge;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Keyset;
import com.poly.daas.platform.api.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Penalty charges; every query is partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class ChargeRepository implements PanacheRepositoryBase<PenaltyCharge, UUID> {

    /** Filters of the charge lists. */
    public record Filter(ChargeStatus status, ChargeCause cause, String partnerId, String customerId, String rmaId) {
    }

    public static String sortKey(PenaltyCharge c) {
        return Keyset.newestFirstKey(c.createdAt, c.id);
    }

    public Optional<PenaltyCharge> ofRma(String rmaId, ChargeCause cause) {
        return find("rmaId = ?1 and cause = ?2", rmaId, cause).firstResultOptional();
    }

    public List<PenaltyCharge> ofRma(String rmaId) {
        return list("rmaId", Sort.by("createdAt"), rmaId);
    }

    /** B2: approved charges of a contract that arose by {@code lastDay} and are not invoiced yet. */
    public List<PenaltyCharge> toInvoice(String contractId, LocalDate lastDay) {
        return list("contractId = ?1 and status = ?2 and invoiceId is null and aroseOn <= ?3",
                Sort.by("aroseOn", "createdAt"), contractId, ChargeStatus.APPROVED, lastDay);
    }

    /** Contracts with approved charges due on an invoice closing on {@code lastDay}. */
    public List<String> contractsWithChargesDue(LocalDate lastDay) {
        return getEntityManager().createQuery("""
                        select distinct c.contractId from PenaltyCharge c
                        where c.status = :approved and c.invoiceId is null and c.aroseOn <= :lastDay and c.contractId is not null""",
                        String.class)
                .setParameter("approved", ChargeStatus.APPROVED).setParameter("lastDay", lastDay).getResultList();
    }

    public List<ChargeHistoryEntry> history(UUID chargeId) {
        return ChargeHistoryEntry.list("chargeId", Sort.by("occurredAt").and("id"), chargeId);
    }

    /** Newest first, for partners (their own) and staff. Fetches limit + 1 rows (see Page.of). */
    public List<PenaltyCharge> page(Filter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        where(filter, query, params);
        Keyset.newestFirst(page, "createdAt", query, params);
        return find(query.toString(), Sort.descending("createdAt", "id"), params).page(0, page.limit() + 1).list();
    }

    /** The agents' queue: charges awaiting a decision (PENDING, UNPRICED), oldest first. */
    public List<PenaltyCharge> queue(Filter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("status in :awaiting");
        Parameters params = Parameters.with("awaiting",
                filter.status() != null ? List.of(filter.status()) : List.of(ChargeStatus.PENDING, ChargeStatus.UNPRICED));
        where(new Filter(null, filter.cause(), filter.partnerId(), filter.customerId(), filter.rmaId()), query, params);
        if (page.after() != null) {
            String[] key = page.after().split("\\|", 2);
            try {
                params.and("cursorAt", Instant.parse(key[0])).and("cursorId", UUID.fromString(key[1]));
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API (use the 'next' link as given)");
            }
            query.append(" and (createdAt > :cursorAt or (createdAt = :cursorAt and id > :cursorId))");
        }
        return find(query.toString(), Sort.ascending("createdAt", "id"), params).page(0, page.limit() + 1).list();
    }

    private static void where(Filter filter, StringBuilder query, Parameters params) {
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.cause() != null) {
            query.append(" and cause = :cause");
            params.and("cause", filter.cause());
        }
        if (filter.partnerId() != null && !filter.partnerId().isBlank()) {
            query.append(" and partnerId = :partnerId");
            params.and("partnerId", filter.partnerId());
        }
        if (filter.customerId() != null && !filter.customerId().isBlank()) {
            query.append(" and customerId = :customerId");
            params.and("customerId", filter.customerId());
        }
        if (filter.rmaId() != null && !filter.rmaId().isBlank()) {
            query.append(" and rmaId = :rmaId");
            params.and("rmaId", filter.rmaId());
        }
    }
}
