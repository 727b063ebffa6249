package com.poly.daas.rma.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an advance-replacement decision looks at: the device, the partner asking, the cause, the customer's site
 * country, "today" in the customer's time zone (P4 decision), the coverage known for this partner's device (replica
 * of contract-service's events) and the device's open RMA, if any.
 */
public record ReplacementRequest(String serial, String partnerId, RmaCause cause, String siteCountry, LocalDate today,
                                 List<CoveredDevice> coverage, Optional<String> openRmaId) {

    /** P3: the coverage of this partner's device that covers today, if any. */
    public Optional<CoveredDevice> coveringToday() {
        return coverage.stream().filter(c -> c.covers(today)).findFirst();
    }
}
