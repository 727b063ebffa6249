package com.poly.daas.platform.api;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class ProblemResponses {

    public static Response of(ApiProblem problem, String instance) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem(instance));
        problem.headers().forEach(builder::header);
        return builder.build();
    }

    public static Response of(int status, String slug, String title, String detail, String instance) {
        return of(new ApiProblem(status, slug, title, detail, null), instance);
    }

    private ProblemResponses() {
    }
}
