package com.poly.daas.platform.api;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class ProblemResponses {

    public static Response of(ApiProblem problem, String instance) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem(printable(instance)));
        problem.headers().forEach(builder::header);
        return builder.build();
    }

    public static Response of(int status, String slug, String title, String detail, String instance) {
        return of(new ApiProblem(status, slug, title, detail, null), instance);
    }

    /** The instance path without control characters (a refused request's path may carry them). */
    static String printable(String instance) {
        if (instance == null || CleanText.problem(instance, false) == null) {
            return instance;
        }
        StringBuilder out = new StringBuilder();
        for (char c : instance.toCharArray()) {
            out.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) ? '\uFFFD' : c);
        }
        return out.toString();
    }

    private ProblemResponses() {
    }
}
