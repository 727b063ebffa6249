package com.poly.daas.ticket.domain;

/** S3: what first-level support concluded about the device. */
public enum TriageDecision {
    /** A hardware defect or failure: the ticket leads to an advance-replacement RMA (A1). */
    HARDWARE_FAILURE,
    /** No hardware fault: the partner keeps end-user support and troubleshooting (S2). */
    NO_FAULT
}
