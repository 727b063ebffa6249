package com.poly.daas.platform.api;

import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Applies the API conventions to the published document. Parameters of the conventions (Idempotency-Key, If-Match,
 * If-None-Match, limit, cursor) get their example wherever an operation did not give one; operations taking If-Match
 * list 412 and 428, those taking Idempotency-Key list 422. And it lists the error responses every operation can give, as problem+json with an example, so that no operation in
 * the published document omits them: 400 (invalid input, or a malformed header or URL), 401, 403, 414 (URL too long),
 * 431 (headers too large) and 500 everywhere, 413 and 415 where there is a body. Responses
 * the generator added without a body (401/403 from {@code @RolesAllowed}, 400 from {@code @Valid}) get the problem body.
 * <p>
 * It also makes the document lint-clean and fit for client generation (docs/api-conventions.md, module api-contract):
 * the license gets its SPDX identifier ({@code daas.openapi.license-identifier}), every
 * response header a schema, every parameter example the type of its schema, and the platform's shared
 * {@code GET /audit-entries} an operationId unique across the suite, named after the service
 * ({@code listContractAuditEntries}, {@code listDeviceRegistryAuditEntries}, ...).
 */
public class ApiConventionsFilter implements OASFilter {

    /** The platform's audit trail, served by every service: its operationId is made unique per service. */
    static final String AUDIT_PATH = "/audit-entries";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        document(openAPI, config);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String auditOperationId = auditOperationId(config.getOptionalValue("quarkus.application.name", String.class).orElse(""));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (AUDIT_PATH.equals(path.getKey()) && entry.getKey() == PathItem.HttpMethod.GET && operation.getOperationId() == null) {
                    operation.setOperationId(auditOperationId);
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(ApiConventionsFilter::conventionExample);
                    operation.getParameters().forEach(p -> p.setExample(typed(p.getExample(), p.getSchema())));
                }
                if (operation.getResponses() == null) {
                    continue;
                }
                if (operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(ApiConventionsFilter::headerSchemas);
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
                } else {
                    add(operation, "400", "Malformed request: a header with a control character, or a URL that is not valid",
                            400, "malformed-request", "Request is not valid", "The header X-Trace contains the control character U+0000 (NUL).");
                }
                if (operation.getRequestBody() != null) {
                    add(operation, "413", "Request body over the size limit (8 MB by default)", 413, "payload-too-large",
                            "Request too large", "The request body exceeds the size limit of 8388608 bytes.");
                    add(operation, "415", "Content-Type missing or not one this operation accepts", 415,
                            "unsupported-media-type", "Unsupported media type", "Send the body as application/json.");
                }
                add(operation, "414", "URL (path and query) over 8 KB", 414, "uri-too-long", "URL too long",
                        "The URL (path and query) is longer than 8192 characters.");
                add(operation, "431", "Request headers over 16 KB in all", 431, "headers-too-large",
                        "Request headers too large", "The request headers total more than 16384 bytes.");
                add(operation, "401", "Missing or invalid bearer token", 401, "unauthenticated",
                        "Authentication required", "Send a valid bearer token (Authorization: Bearer <JWT>).");
                add(operation, "403", "The caller's role may not use this operation (end users never: S2)", 403,
                        "forbidden", "Not allowed", "Your role may not call this operation.");
                add(operation, "500", "Unexpected failure (an error id is given, never a stack trace)", 500,
                        "internal-error", "Internal error", "The request failed unexpectedly. Quote error id 5f0c… to support.");
            }
        }
    }

    /** info.license.identifier (SPDX), which Quarkus has no setting for (read by linters and client generators). */
    private static void document(OpenAPI openAPI, Config config) {
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null && openAPI.getInfo().getLicense().getIdentifier() == null
                && openAPI.getInfo().getLicense().getUrl() == null) {
            config.getOptionalValue("daas.openapi.license-identifier", String.class)
                    .ifPresent(openAPI.getInfo().getLicense()::setIdentifier);
        }
    }

    /** {@code device-registry-service} → {@code listDeviceRegistryAuditEntries}. */
    static String auditOperationId(String applicationName) {
        StringBuilder name = new StringBuilder("list");
        for (String word : applicationName.replaceFirst("-service$", "").split("-")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.append("AuditEntries").toString();
    }

    /** A header without schema is invalid OpenAPI (and untyped for generated clients): headers we send are strings. */
    private static void headerSchemas(APIResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
            Header h = header.getValue();
            if (h.getRef() == null && h.getSchema() == null && h.getContent() == null) {
                h.setSchema(OASFactory.createSchema().addType(
                        "Content-Length".equalsIgnoreCase(header.getKey()) ? Schema.SchemaType.INTEGER : Schema.SchemaType.STRING));
            }
        }
    }

    /** An example written as text in an annotation, given the type of the parameter's schema ("50" → 50). */
    static Object typed(Object example, Schema schema) {
        if (!(example instanceof String text) || schema == null || schema.getType() == null) {
            return example;
        }
        try {
            if (schema.getType().contains(Schema.SchemaType.INTEGER)) {
                return Long.valueOf(text);
            }
            if (schema.getType().contains(Schema.SchemaType.NUMBER)) {
                return new java.math.BigDecimal(text);
            }
            if (schema.getType().contains(Schema.SchemaType.BOOLEAN) && ("true".equals(text) || "false".equals(text))) {
                return Boolean.valueOf(text);
            }
        } catch (NumberFormatException e) {
            return example; // left as written: the linters will name it
        }
        return example;
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
