package com.poly.daas.platform.api;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.Http1xServerConnection;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The product's request limits and the problem bodies of the HTTP layer, below JAX-RS, for every service:
 * <ul>
 *   <li>URL (path and query) over {@code daas.http.max-url-length} (8 KB): 414;</li>
 *   <li>request headers over {@code daas.http.max-header-size} (16 KB in all): 431;</li>
 *   <li>a declared body ({@code Content-Length}) over {@code quarkus.http.limits.max-body-size} (8 MB): 413, before
 *       any of it is read;</li>
 *   <li>any failure of a Vert.x handler (e.g. a streamed body passing the limit): a problem with the same status.</li>
 * </ul>
 * The HTTP codec's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set
 * well above these so that the product limits answer first; a request beyond the codec's limits, or one the codec
 * cannot parse, is answered by the codec itself (see docs/api-conventions.md, "Limits").
 */
@ApplicationScoped
public class RequestLimits {
    private static final Logger LOG = Logger.getLogger(RequestLimits.class);
    /** Before Quarkus's own upload limit (route order -2) and every other filter. */
    static final int PRIORITY = 30_000;

    @ConfigProperty(name = "daas.http.max-url-length", defaultValue = "8192")
    int maxUrlLength;
    @ConfigProperty(name = "daas.http.max-header-size", defaultValue = "16384")
    int maxHeaderSize;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(RequestLimits::failure);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.connection() instanceof Http1xServerConnection connection) {
            // Later requests on this connection that the codec refuses get a problem body too (the first cannot).
            connection.invalidRequestHandler(RequestLimits::invalid);
        }
        if (request.uri().length() > maxUrlLength) {
            EdgeProblems.send(request, 414, "uri-too-long", "URL too long",
                    "The URL (path and query) is longer than " + maxUrlLength + " characters.", "url",
                    "at most " + maxUrlLength + " characters");
            return;
        }
        String badTarget = RequestTarget.problem(request.uri());
        if (badTarget != null) {
            EdgeProblems.send(request, 400, "malformed-request", "Request is not valid",
                    "The request target is not a valid URL: " + badTarget + ".",
                    RequestTarget.part(request.uri()), badTarget);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
            String badHeader = RequestTarget.headerProblem(header.getKey(), header.getValue());
            if (badHeader != null) {
                String name = RequestTarget.printableName(header.getKey());
                EdgeProblems.send(request, 400, "malformed-request", "Request is not valid",
                        "The header " + name + " " + badHeader + ".", name, badHeader);
                return;
            }
        }
        // The codec's header validation is off (HttpCodecDefaults): guard what this service writes instead.
        context.addHeadersEndHandler(ignored -> ResponseHeaders.guard(request.response()));
        if (headerBytes > maxHeaderSize) {
            EdgeProblems.send(request, 431, "headers-too-large", "Request headers too large",
                    "The request headers total more than " + maxHeaderSize + " bytes.", "headers",
                    "at most " + maxHeaderSize + " bytes in all");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && maxBodySize.isPresent()) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                EdgeProblems.send(request, 400, "malformed-request", "Request is not valid",
                        "Content-Length is not a number of bytes.", "Content-Length", "must be a number of bytes");
                return;
            }
            if (declared > maxBodySize.get().asLongValue()) {
                request.response().putHeader("Connection", "close");
                EdgeProblems.send(request, 413, "payload-too-large", "Request too large",
                        "The request body exceeds the size limit of " + maxBodySize.get().asLongValue() + " bytes.",
                        "body", "at most " + maxBodySize.get().asLongValue() + " bytes");
                return;
            }
        }
        context.next();
    }

    /** A request the HTTP codec could not parse (line or headers too long, forbidden characters in a header). */
    static void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            EdgeProblems.send(request, 414, "uri-too-long", "URL too long", "The request line is too long.", null, null);
        } else if (cause instanceof TooLongHttpHeaderException) {
            EdgeProblems.send(request, 431, "headers-too-large", "Request headers too large", "The request headers are too large.", null, null);
        } else {
            EdgeProblems.send(request, 400, "malformed-request", "Request is not valid",
                    "The HTTP request cannot be parsed (a header with a forbidden character such as NUL?).", null, null);
        }
        request.connection().close();
    }

    private static void failure(RoutingContext context) {
        int status = context.statusCode();
        Throwable failure = context.failure();
        // refusals of HTTP permissions (e.g. the demo clock's admin-only route) arrive here as exceptions, whatever
        // status the context carries
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.quarkus.security.ForbiddenException) {
                status = 403;
                break;
            }
            if (t instanceof io.quarkus.security.UnauthorizedException
                    || t instanceof io.quarkus.security.AuthenticationFailedException) {
                status = 401;
                break;
            }
        }
        if (status < 400) {
            status = 500;
        }
        if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(failure, "Unexpected failure %s on %s", errorId, context.request().path());
            EdgeProblems.send(context.request(), 500, "internal-error", "Internal error",
                    "The request failed unexpectedly. Quote error id " + errorId + " to support.", null, null);
            return;
        }
        String title = switch (status) {
            case 401 -> "Authentication required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            case 414 -> "URL too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request headers too large";
            default -> "Request refused";
        };
        String slug = switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            default -> "http-" + status;
        };
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        EdgeProblems.send(context.request(), status, slug, title,
                status == 413 ? "The request body exceeds the size limit." : title + ".", null, null);
    }
}
