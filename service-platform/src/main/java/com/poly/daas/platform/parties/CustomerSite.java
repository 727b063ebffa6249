package com.poly.daas.platform.parties;

/**
 * A partner's customer as the other services know it (replica of contract-service's customer): the partner that owns
 * it, and its site (country, optional ISO 3166-2 subdivision, IANA time zone) in which support (S1) and return (A3)
 * clocks run; region and currency follow the country (P2).
 */
public record CustomerSite(String customerId, String partnerId, String country, String subdivision, String timeZone,
                           String region, String currency) {
}
