package com.poly.daas.platform.api;

import io.smallrye.config.common.MapBackedConfigSource;
import io.quarkus.runtime.annotations.StaticInitSafe;
import java.util.Map;

/**
 * Hands the syntax checks of the request line and headers from the HTTP codec to the platform, so that every refusal
 * is a problem body naming the part at fault, on a connection's first request too.
 * <p>
 * The codec (Netty under Vert.x) and Quarkus refuse a header with a control character, or a request target that is
 * not a URL, before any application code runs, with a bare 400; Vert.x offers no hook on the server Quarkus creates.
 * Both checks are switched off here, by the JVM-wide switches {@code vertx.disableHttpHeadersValidation} and
 * {@code vertx.disableURIValidation}, as early as configuration is read (before Vert.x loads), unless the JVM was
 * started with an explicit value; {@link RequestLimits} performs the same checks instead, and
 * {@link ResponseHeaders} guards the response headers the codec no longer validates.
 * <p>
 * It is a configuration source only to run that early; it holds no configuration.
 */
@StaticInitSafe
public class HttpCodecDefaults extends MapBackedConfigSource {
    static final String HEADER_VALIDATION_OFF = "vertx.disableHttpHeadersValidation";
    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    static {
        if (System.getProperty(HEADER_VALIDATION_OFF) == null) {
            System.setProperty(HEADER_VALIDATION_OFF, "true");
        }
        if (System.getProperty(URI_VALIDATION_OFF) == null) {
            System.setProperty(URI_VALIDATION_OFF, "true");
        }
    }

    public HttpCodecDefaults() {
        super("daas-http-codec-defaults", Map.of(), Integer.MIN_VALUE);
    }
}
