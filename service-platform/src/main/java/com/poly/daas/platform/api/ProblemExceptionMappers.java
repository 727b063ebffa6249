package com.poly.daas.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the service as problem+json: validation, malformed JSON, unknown routes, security refusals,
 * lost updates and unexpected failures. Bodies never carry stack traces or SQL; a 500 carries an error id that
 * is also in the log.
 */
public class ProblemExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return ProblemResponses.of(problem, path(uri));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ConstraintViolation<?>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> fieldName(v.getPropertyPath())))
                .toList();
        boolean returnValue = violations.stream().anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, uri);
        }
        ApiProblem problem = new ApiProblem(400, "validation-failed", "Request is not valid",
                violations.stream().map(v -> fieldName(v.getPropertyPath()) + ": " + v.getMessage())
                        .collect(Collectors.joining("; ")), null);
        violations.forEach(v -> problem.field(fieldName(v.getPropertyPath()), v.getMessage()));
        return ProblemResponses.of(problem, path(uri));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return ProblemResponses.of(jsonProblem(e), path(uri));
    }

    // The specific Jackson types below also have built-in mappers with non-problem bodies: ours must be as specific.
    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return lostUpdate(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return lostUpdate(uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(403, "forbidden", "Not allowed",
                "Your role may not call this operation (S2: end users are never served directly).", path(uri));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 415 -> "Unsupported media type";
            case 413 -> "Request too large";
            default -> "Request refused";
        };
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This resource does not support the method.";
            case 415 -> "Send application/json.";
            case 413 -> "The request body exceeds the size limit.";
            default -> e.getMessage();
        };
        ApiProblem problem = new ApiProblem(status, slug(status), title, detail, null);
        if (status == 415) {
            problem.field("Content-Type", "not accepted by this operation");
        }
        Response response = ProblemResponses.of(problem, path(uri));
        if (status == 405 && e.getResponse().getAllowedMethods() != null) {
            return Response.fromResponse(response).allow(e.getResponse().getAllowedMethods()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, path(uri));
        return ProblemResponses.of(500, "internal-error", "Internal error",
                "The request failed unexpectedly. Quote error id " + errorId + " to support.", path(uri));
    }

    static ApiProblem jsonProblem(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : null;
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = jsonPath(unknown);
            reason = "unknown field (the request schema does not have it)";
        } else if (e instanceof InvalidFormatException invalid && (invalid.getTargetType() == String.class
                || invalid.getTargetType() == java.math.BigDecimal.class) && invalid.getValue() instanceof String) {
            reason = invalid.getOriginalMessage(); // StrictJson's own refusal: a control character, a decimal string
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && java.time.temporal.Temporal.class.isAssignableFrom(invalid.getTargetType())
                && "must be an ISO-8601 string".equals(invalid.getOriginalMessage())) {
            reason = "must be " + expected(invalid.getTargetType()) + ", not " + invalid.getValue();
        } else if (e instanceof InvalidFormatException invalid && !(invalid.getValue() instanceof String)
                && invalid.getTargetType() != null) {
            reason = "must be " + expected(invalid.getTargetType()) + ", not " + invalid.getValue();
        } else if (e instanceof InvalidFormatException invalid) {
            reason = "'" + invalid.getValue() + "' is not a valid " + invalid.getTargetType().getSimpleName();
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched
                && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            field = null;
            reason = "unexpected content after the JSON value";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched
                && mismatched.getTargetType() != null) {
            reason = "wrong type: must be " + expected(mismatched.getTargetType());
        } else if (e instanceof JsonMappingException) {
            reason = "wrong type or shape";
        } else {
            reason = "malformed JSON at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr());
        }
        ApiProblem problem = ApiProblem.badRequest("malformed-request",
                field == null || field.isEmpty() ? "Body is not valid JSON for this operation: " + reason : field + ": " + reason);
        if (field != null && !field.isEmpty()) {
            problem.field(field, reason);
        }
        return problem;
    }

    /** What a JSON value for {@code type} looks like, in the words of the OpenAPI schema. */
    private static String expected(Class<?> type) {
        if (type == String.class || type == java.util.UUID.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.math.BigDecimal.class) {
            return "a decimal string such as \"24.90\"";
        }
        if (type == java.time.LocalDate.class) {
            return "a date string such as \"2026-11-24\"";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date-time string such as \"2026-11-24T09:15:00Z\"";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private Response lostUpdate(UriInfo uri) {
        return ProblemResponses.of(409, "concurrent-modification", "Changed by someone else",
                "The resource changed since you read it. Read it again and retry with the new ETag.", path(uri));
    }

    private Response unauthorized(UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(401, "unauthenticated", "Authentication required",
                "Send a valid bearer token (Authorization: Bearer <JWT>).", path(uri)))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** "register.request.serial" becomes "serial"; a query or path parameter keeps its own name. */
    static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getIndex() != null) {
                        name.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        if (name.length() > 0) {
                            name.append('.');
                        }
                        name.append(node.getName());
                    }
                }
            }
        }
        return name.length() > 0 ? name.toString() : parameter;
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new java.util.ArrayList<>();
        path.forEach(n -> kinds.add(n.getKind()));
        return kinds;
    }

    private static String slug(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
