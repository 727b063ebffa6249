package com.poly.daas.platform.security;

import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.poly.daas.events.EventJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import com.poly.daas.platform.api.SqlValues;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of staff changes in this service, newest first. Admins only. */
@Path("/audit-entries")
@Tag(name = "Audit", description = "Who changed what, when, before and after (changes by agents and admins)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {
    @Inject
    EntityManager em;

    public record AuditEntry(UUID id, Instant occurredAt, String actor, String actorRole, String action,
                             String entityType, String entityId, JsonNode before, JsonNode after) {
    }

    @GET
    @Operation(summary = "List audit entries", description = "Filter by entity type and id; cursor pagination, newest first.")
    public Page<AuditEntry> list(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                 @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.after();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, occurred_at, actor, actor_role, action, entity_type, entity_id, before_json::text, after_json::text
                        from audit_entry
                        where (cast(?1 as text) is null or entity_type = ?1) and (cast(?2 as text) is null or entity_id = ?2)
                          and (cast(?3 as text) is null or (occurred_at, id::text) < (cast(split_part(?3, '|', 1) as timestamptz), split_part(?3, '|', 2)))
                        order by occurred_at desc, id::text desc limit ?4""")
                .setParameter(1, entityType).setParameter(2, entityId).setParameter(3, after)
                .setParameter(4, page.limit() + 1).getResultList();
        return Page.of(rows, page, r -> SqlValues.instant(r[1]) + "|" + r[0], AuditResource::entry, uri);
    }

    private static AuditEntry entry(Object[] r) {
        return new AuditEntry((UUID) r[0], SqlValues.instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], json((String) r[7]), json((String) r[8]));
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : EventJson.mapper().readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
