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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of staff changes in this service, newest first. Admins only. */
@Path("/audit-entries")
@Tag(name = "Audit", description = "Who changed what, when, before and after (changes by agents and admins)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {
    @Inject
    EntityManager em;

    @Schema(name = "AuditEntry", description = "One state change made by an agent or admin")
    public record AuditEntry(@Schema(example = "0d4c2b9e-8f1a-4e57-9a36-2b1c0d9e8f7a") UUID id,
                             @Schema(example = "2026-11-24T09:15:00Z") Instant occurredAt,
                             @Schema(example = "admin@poly.example") String actor,
                             @Schema(example = "admin") String actorRole,
                             @Schema(example = "model.end-of-sale-announced") String action,
                             @Schema(example = "Model") String entityType,
                             @Schema(example = "CCX-500") String entityId,
                             @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "State before (absent for creations)",
                                     example = "{\"status\": \"DRAFT\"}") JsonNode before,
                             @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "State after, or the request applied",
                                     example = "{\"status\": \"ACTIVE\"}") JsonNode after) {
    }

    @GET
    @Operation(summary = "List audit entries", description = "Admins only. State changes made by agents and admins in this service "
            + "(who, role, action, entity, before/after), newest first; filter by entity type and id; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of audit entries")
    public Page<AuditEntry> list(@Parameter(description = "Entity type", example = "Model") @QueryParam("entityType") String entityType,
                                 @Parameter(description = "Entity id", example = "CCX-500") @QueryParam("entityId") String entityId,
                                 @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                                 @Parameter(description = "Opaque cursor from the previous page", example = "djE6MjAyNi0xMS0yNFQwOToxNTowMFp8MGQ0YzJiOWU")
                                 @QueryParam("cursor") String cursor,
                                 @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.after();
        if (after != null) {
            com.poly.daas.platform.api.Keyset.parseNewestFirst(after); // a forged cursor is a 400 naming it, never SQL
        }
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
