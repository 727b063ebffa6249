package com.poly.daas.platform.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Applies the API conventions to the published document. Parameters of the conventions (Idempotency-Key, If-Match,
 * If-None-Match, limit, cursor) get their example wherever an operation did not give one; operations taking If-Match
 * list 412 and 428, those taking Idempotency-Key list 422. And it lists the error responses every operation can give, as problem+json with an example, so that no operation in
 * the published document omits them: 401 and 403 everywhere, 400 where there is input, 500 everywhere. Responses
 * the generator added without a body (401/403 from {@code @RolesAllowed}, 400 from {@code @Valid}) get the problem body.
 */
public class ApiConventionsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(ApiConventionsFilter::conventionExample);
                }
                if (operation.getResponses() == null) {
                    continue;
                }
                boolean hasInput = operation.getRequestBody() != null
                        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
                if (hasHeader(operation, ETags.IF_MATCH)) {
                    add(operation, "412", "If-Match does not match the current ETag: read the resource again", 412,
                            "precondition-failed", "Resource changed", "If-Match \"2\" does not match the current ETag \"3\"; read it again.");
                    add(operation, "428", "If-Match missing (updates require the ETag you read)", 428,
                            "precondition-required", "If-Match required", "Send If-Match with the ETag you read.");
                }
                if (hasHeader(operation, IdempotentRequests.HEADER)) {
                    add(operation, "422", "Idempotency-Key reused with another request body", 422, "idempotency-key-reused",
                            "Idempotency-Key reused with another request",
                            "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
                }
                if (hasInput) {
                    add(operation, "400", "Invalid input (the offending fields are listed in 'errors')",
                            400, "validation-failed", "Request is not valid", "serial: must not be blank");
                }
                add(operation, "401", "Missing or invalid bearer token", 401, "unauthenticated",
                        "Authentication required", "Send a valid bearer token (Authorization: Bearer <JWT>).");
                add(operation, "403", "The caller's role may not use this operation (end users never: S2)", 403,
                        "forbidden", "Not allowed", "Your role may not call this operation.");
                add(operation, "500", "Unexpected failure (an error id is given, never a stack trace)", 500,
                        "internal-error", "Internal error", "The request failed unexpectedly. Quote error id 5f0c… to support.");
            }
        }
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> name.equalsIgnoreCase(p.getName()));
    }

    private static final Map<String, String> CONVENTION_EXAMPLES = Map.of(
            "Idempotency-Key", "6f1c2a9e-7d3b-4c55-9e21-0a8b7c6d5e4f",
            "If-Match", "\"3\"",
            "If-None-Match", "\"3\"",
            "limit", "50",
            "cursor", "djE6Q0NYLTUwMA");

    private static void conventionExample(org.eclipse.microprofile.openapi.models.parameters.Parameter parameter) {
        String example = CONVENTION_EXAMPLES.get(parameter.getName());
        boolean hasExample = parameter.getExample() != null
                || (parameter.getExamples() != null && !parameter.getExamples().isEmpty())
                || (parameter.getSchema() != null && (parameter.getSchema().getExamples() != null || parameter.getSchema().getExample() != null));
        if (example != null && !hasExample) {
            parameter.setExample(example);
        }
    }

    private static void add(Operation operation, String code, String description, int status, String slug,
                            String title, String detail) {
        APIResponse existing = operation.getResponses().getAPIResponse(code);
        boolean hasBody = existing != null && existing.getContent() != null && existing.getContent().getMediaTypes() != null
                && !existing.getContent().getMediaTypes().isEmpty();
        if (hasBody) {
            return; // the operation documented this error itself
        }
        Example example = OASFactory.createExample().value(Map.of(
                "type", Problem.TYPE_BASE + slug, "title", title, "status", status, "detail", detail));
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .addExample(slug, example);
        var content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        if (existing != null) { // generated without a body (e.g. 401/403 from @RolesAllowed): give it the problem body
            existing.content(content);
            if (existing.getDescription() == null || existing.getDescription().isBlank()) {
                existing.description(description);
            }
            return;
        }
        operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(content));
    }
}
