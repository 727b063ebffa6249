package com.poly.daas.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.poly.daas.platform.api.ApiProblem;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractTest {

    static Contract draft(int term) {
        Contract c = new Contract();
        c.id = UUID.randomUUID();
        c.termMonths = term;
        c.status = ContractStatus.DRAFT;
        return c;
    }

    @Test
    void activationSetsTheExclusiveEndWithJavaTimeMonthArithmetic() {
        Contract leap = draft(12);
        leap.activate(LocalDate.of(2028, 2, 29));
        assertThat(leap.endsOn).isEqualTo(LocalDate.of(2029, 2, 28));
        Contract monthEnd = draft(60);
        monthEnd.activate(LocalDate.of(2026, 8, 31));
        assertThat(monthEnd.endsOn).isEqualTo(LocalDate.of(2031, 8, 31));
        assertThat(monthEnd.everActivated()).isTrue();
    }

    @Test
    void illegalTransitionsAreConflictsAndChangeNothing() {
        Contract c = draft(24);
        assertThatThrownBy(() -> c.terminate(LocalDate.of(2026, 1, 1), "x"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThatThrownBy(c::expire).isInstanceOf(ApiProblem.class);
        assertThat(c.status).isEqualTo(ContractStatus.DRAFT);
        c.activate(LocalDate.of(2026, 1, 10));
        c.terminate(LocalDate.of(2026, 6, 1), "customer request");
        assertThat(c.endedOn).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThatThrownBy(() -> c.activate(LocalDate.of(2026, 7, 1))).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(c::expire).isInstanceOf(ApiProblem.class);
        assertThat(c.status).isEqualTo(ContractStatus.TERMINATED);
    }

    @Test
    void P1_aPartnerIsActiveOnlyWithStatusActiveAndInsideItsInclusiveValidity() {
        Partner p = new Partner();
        p.certificationStatus = CertificationStatus.ACTIVE;
        p.certifiedFrom = LocalDate.of(2026, 1, 1);
        p.certifiedUntil = LocalDate.of(2026, 12, 31);
        assertThat(p.activeOn(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(p.activeOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(p.activeOn(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(p.activeOn(LocalDate.of(2027, 1, 1))).isFalse();
        p.certificationStatus = CertificationStatus.SUSPENDED;
        assertThat(p.activeOn(LocalDate.of(2026, 6, 1))).isFalse();
    }
}
