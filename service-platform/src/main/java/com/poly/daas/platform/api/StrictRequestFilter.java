package com.poly.daas.platform.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Strict input outside the body, for every operation of every service, once the operation is known (so after the
 * authentication and role checks: an anonymous caller learns nothing about input rules). Refused with a 400 problem
 * naming the parameter or header, before any resource code runs:
 * <ul>
 *   <li>a control character or an unpaired surrogate in a path parameter, query parameter or header ({@link CleanText});</li>
 *   <li>a malformed {@code limit} (not an integer 1..{@value PageRequest#MAX_LIMIT}) or {@code cursor} on a list
 *       (JAX-RS alone would answer 404 for {@code limit=abc});</li>
 * </ul>
 * and a request carrying a body without {@code Content-Type} is refused with 415.
 */
public class StrictRequestFilter {
    private static final Pattern LIMIT = Pattern.compile("\\d{1,9}");
    private final Map<Method, Set<String>> queryParams = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        ApiProblem problem = problem(request, resource);
        return problem == null ? null
                : ProblemResponses.of(problem, "/" + request.getUriInfo().getPath().replaceFirst("^/", ""));
    }

    private ApiProblem problem(ContainerRequestContext request, ResourceInfo resource) {
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getPathParameters(true).entrySet()) {
            ApiProblem problem = clean(param.getKey(), param.getValue());
            if (problem != null) {
                return problem;
            }
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            String nameProblem = CleanText.problem(param.getKey(), false);
            if (nameProblem != null) {
                return ApiProblem.invalidField("query", "a parameter name " + nameProblem);
            }
            ApiProblem problem = clean(param.getKey(), param.getValue());
            if (problem != null) {
                return problem;
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            ApiProblem problem = clean(header.getKey(), header.getValue());
            if (problem != null) {
                return problem;
            }
        }
        Set<String> declared = resource.getResourceMethod() == null ? Set.of()
                : queryParams.computeIfAbsent(resource.getResourceMethod(), StrictRequestFilter::declaredQueryParams);
        if (declared.contains("limit")) {
            String limit = query.getFirst("limit");
            if (limit != null && !limit.isEmpty()) {
                if (!LIMIT.matcher(limit).matches() || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > PageRequest.MAX_LIMIT) {
                    return ApiProblem.invalidField("limit", "must be an integer between 1 and " + PageRequest.MAX_LIMIT);
                }
            }
        }
        if (declared.contains("cursor")) {
            String cursor = query.getFirst("cursor");
            if (cursor != null && !cursor.isBlank()) {
                try {
                    PageRequest.of(null, cursor);
                } catch (ApiProblem problem) {
                    return problem;
                }
            }
        }
        if (hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            return new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "Content-Type is required on a request with a body: send Content-Type: application/json.", null)
                    .field("Content-Type", "required");
        }
        return null;
    }

    private static ApiProblem clean(String name, List<String> values) {
        for (String value : values) {
            String problem = CleanText.problem(value, false);
            if (problem != null) {
                return ApiProblem.invalidField(name, problem);
            }
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static Set<String> declaredQueryParams(Method method) {
        Set<String> names = new HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}
