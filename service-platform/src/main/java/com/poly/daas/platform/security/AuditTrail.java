package com.poly.daas.platform.security;

import com.poly.daas.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Who changed what, when, before and after, for changes made by agents and admins. Written in the transaction of
 * the change, so an entry exists exactly when the change does.
 */
@ApplicationScoped
public class AuditTrail {
    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** Records the change when the caller is staff; partner changes are already attributed by their own data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordStaffChange(String action, String entityType, String entityId, Object before, Object after) {
        if (!caller.isStaff()) {
            return;
        }
        em.createNativeQuery("""
                        insert into audit_entry (id, occurred_at, actor, actor_role, action, entity_type, entity_id, before_json, after_json)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), cast(?9 as jsonb))""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, Timestamp.from(clock.instant()))
                .setParameter(3, caller.id()).setParameter(4, caller.role()).setParameter(5, action)
                .setParameter(6, entityType).setParameter(7, entityId)
                .setParameter(8, before == null ? null : EventJson.write(before))
                .setParameter(9, after == null ? null : EventJson.write(after))
                .executeUpdate();
    }
}
