package com.poly.daas.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContractStatusTest {

    @Test
    void lifecycleIsDraftActiveThenExpiredOrTerminatedAndNothingLeavesAnEnd() {
        assertThat(ContractStatus.DRAFT.canBecome(ContractStatus.ACTIVE)).isTrue();
        assertThat(ContractStatus.DRAFT.canBecome(ContractStatus.TERMINATED)).isFalse();
        assertThat(ContractStatus.DRAFT.canBecome(ContractStatus.EXPIRED)).isFalse();
        assertThat(ContractStatus.ACTIVE.canBecome(ContractStatus.EXPIRED)).isTrue();
        assertThat(ContractStatus.ACTIVE.canBecome(ContractStatus.TERMINATED)).isTrue();
        assertThat(ContractStatus.ACTIVE.canBecome(ContractStatus.ACTIVE)).isFalse();
        for (ContractStatus end : new ContractStatus[] {ContractStatus.EXPIRED, ContractStatus.TERMINATED}) {
            for (ContractStatus next : ContractStatus.values()) {
                assertThat(end.canBecome(next)).as(end + " -> " + next).isFalse();
            }
            assertThat(end.acceptsEnrolments()).isFalse();
        }
        assertThat(ContractStatus.DRAFT.acceptsEnrolments()).isTrue();
        assertThat(ContractStatus.ACTIVE.acceptsEnrolments()).isTrue();
    }
}
