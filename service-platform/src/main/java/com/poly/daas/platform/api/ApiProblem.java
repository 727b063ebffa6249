package com.poly.daas.platform.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A refusal the API reports as problem+json. Thrown from any layer; the transaction rolls back so bad input
 * changes nothing. {@code slug} becomes the problem type URI.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final String rule;
    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ApiProblem(int status, String slug, String title, String detail, String rule) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.rule = rule;
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(400, slug, "Request is not valid", detail, null);
    }

    /** A single invalid field (400, validation-failed). */
    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(400, "validation-failed", "Request is not valid", field + ": " + message, null)
                .field(field, message);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(404, "not-found", what + " not found", "No " + what + " with id '" + id + "' is visible to you.", null);
    }

    public static ApiProblem conflict(String slug, String title, String detail, String rule) {
        return new ApiProblem(409, slug, title, detail, rule);
    }

    /** A business rule refuses a well-formed request (422, rule id given). */
    public static ApiProblem ruleViolation(String rule, String slug, String title, String detail) {
        return new ApiProblem(422, slug, title, detail, rule);
    }

    public ApiProblem field(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    public ApiProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem(URI.create(Problem.TYPE_BASE + slug), title, status, getMessage(), instance, rule, List.copyOf(errors));
    }
}
