package com.poly.daas.system;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A journey that moves the demo clock (issue 14) through a year of its own: the year after the one the clocks show when
 * the class starts, so its months are free of other journeys' invoices; every service's clock is back on real time
 * when the class ends, so the next class starts on real time. Register it with
 * {@code @RegisterExtension static final DemoYear demo = new DemoYear();}.
 */
final class DemoYear implements BeforeAllCallback, AfterAllCallback {
    private RunningSuite running;
    private int year;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = RunningSuite.in(context);
        year = running.nextYearOnTheDemoClock();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        running.resetClocks();
    }

    /** The running suite the journey talks to. */
    RunningSuite suite() {
        return running;
    }

    /** The journey's year. */
    int year() {
        return year;
    }
}
