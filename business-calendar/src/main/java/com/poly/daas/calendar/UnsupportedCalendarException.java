package com.poly.daas.calendar;

/**
 * Thrown when no business calendar can be given for a country or subdivision: outside the programme's regions
 * (P2), without holiday data, or an unknown subdivision code. Services map it to a client error.
 */
public class UnsupportedCalendarException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnsupportedCalendarException(String message) {
        super(message);
    }
}
