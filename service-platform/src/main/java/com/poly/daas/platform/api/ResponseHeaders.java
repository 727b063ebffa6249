package com.poly.daas.platform.api;

import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The last check on the headers a service writes. The HTTP codec's header validation is off for requests
 * ({@link HttpCodecDefaults}), which also turns it off for responses: a header whose name is not a token or whose
 * value holds CR, LF or another control character (response splitting) is dropped here and logged, never written.
 */
final class ResponseHeaders {
    private static final Logger LOG = Logger.getLogger(ResponseHeaders.class);

    static void guard(HttpServerResponse response) {
        List<String> unsafe = null;
        for (Map.Entry<String, String> header : response.headers()) {
            if (RequestTarget.headerProblem(header.getKey(), header.getValue()) != null) {
                if (unsafe == null) {
                    unsafe = new ArrayList<>(1);
                }
                unsafe.add(header.getKey());
            }
        }
        if (unsafe != null) {
            for (String name : unsafe) {
                LOG.errorf("Response header %s dropped: its name or value is not valid HTTP",
                        RequestTarget.printableName(name));
                response.headers().remove(name);
            }
        }
    }

    private ResponseHeaders() {
    }
}
