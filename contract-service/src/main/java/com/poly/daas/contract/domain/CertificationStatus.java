package com.poly.daas.contract.domain;

/** P1: a partner's certification as Poly records it; validity dates bound it further. */
public enum CertificationStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED
}
