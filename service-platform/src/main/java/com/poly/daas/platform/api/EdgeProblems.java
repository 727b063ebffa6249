package com.poly.daas.platform.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Problem+json answers written below JAX-RS, on the Vert.x request (limits, CORS, failures of the HTTP layer). */
final class EdgeProblems {

    static void send(HttpServerRequest request, int status, String slug, String title, String detail,
                     String field, String message) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", Problem.TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance(request));
        if (field != null) {
            problem.put("errors", new JsonArray().add(new JsonObject().put("field", field).put("message", message)));
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if ("close".equalsIgnoreCase(response.headers().get("Connection"))) {
            // the request (e.g. a body over the limit) is not read: close once the answer is out
            response.end(problem.encode()).onComplete(done -> request.connection().close());
        } else {
            response.end(problem.encode());
        }
    }

    /** The path only, cut short: the instance of a refused request is never the whole (possibly huge) URL. */
    private static String instance(HttpServerRequest request) {
        String path;
        try {
            path = request.path();
        } catch (RuntimeException e) {
            return null;
        }
        if (path == null || CleanText.problem(path, false) != null) {
            return null;
        }
        return path.length() > 200 ? path.substring(0, 200) + "…" : path;
    }

    private EdgeProblems() {
    }
}
