package com.poly.daas.platform.inbox;

/**
 * A well-formed event that cannot be applied <em>yet</em>: it refers to a fact that has not reached this consumer's
 * replica (e.g. a replacement shipped before the coverage it replaces was enrolled here). Not poison: the inbox
 * retries it with backoff, then parks it and re-applies it when the consumer moves on or periodically.
 */
public class NotYetApplicableException extends RuntimeException {
    public NotYetApplicableException(String message) {
        super(message);
    }
}
