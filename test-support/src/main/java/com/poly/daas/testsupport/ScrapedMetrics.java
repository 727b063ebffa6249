package com.poly.daas.testsupport;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's metrics as Prometheus scrapes them from {@code /q/metrics} (what the operations alerts read). */
public final class ScrapedMetrics {

    /**
     * The value of the sample {@code name} whose labels contain {@code label} (e.g. {@code milestone="TRIAGE"}; null
     * for any, or none); fails when the service does not expose it.
     */
    public static double gauge(String name, String label) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String labels = label == null ? "(?:\\{[^}]*})?" : "\\{[^}]*" + Pattern.quote(label) + "[^}]*}";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + labels + " ([0-9.E+-]+)$").matcher(metrics);
        if (!m.find()) {
            throw new AssertionError(name + (label == null ? "" : "{" + label + "}") + " is not in /q/metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    private ScrapedMetrics() {
    }
}
