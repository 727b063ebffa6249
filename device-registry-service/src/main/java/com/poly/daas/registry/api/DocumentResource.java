package com.poly.daas.registry.api;

import com.poly.daas.platform.api.QueryParams;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.blob.BlobContent;
import com.poly.daas.platform.blob.BlobStore;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.registry.api.PortalViews.DocumentView;
import com.poly.daas.registry.domain.Document;
import com.poly.daas.registry.domain.DocumentKind;
import com.poly.daas.registry.service.PortalCatalogue;
import com.poly.daas.registry.service.PortalCatalogue.DocumentUpload;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/documents")
@Tag(name = "Documents and software", description = "Portal: download product documentation or Poly software (catalogue data)")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {
    @Inject
    PortalCatalogue portal;
    @Inject
    BlobStore blobs;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD) // the blob store's policy decides the types; also lets the role check answer before media-type matching
    @Operation(operationId = "uploadDocument", summary = "Upload a document or software release",
            description = "Admins only. The body is the file itself, its Content-Type one of application/pdf, application/zip, "
                    + "application/gzip, application/octet-stream, text/plain, image/png, image/jpeg (up to 8 MiB); the metadata are query "
                    + "parameters. Size and SHA-256 are computed by the server while streaming the file; PDF, ZIP, gzip, PNG and JPEG "
                    + "files must start with their format's signature and text must be UTF-8. The file name must be a plain name "
                    + "(no path). Bad metadata or a refused file stores nothing (no file, no row).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Catalogued", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "Metadata invalid or the file empty (the field is named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type missing or not accepted, JSON/form instead of the file's bytes, or the bytes are not of the declared type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "File larger than 8 MiB (or the body limit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@Parameter(description = "Model the file belongs to", required = true, example = "CCX-500") @QueryParam("sku") String sku,
                           @Parameter(description = "DATASHEET, USER_GUIDE, ADMIN_GUIDE, RELEASE_NOTES, FIRMWARE or SOFTWARE", required = true, example = "FIRMWARE") @QueryParam("kind") String kind,
                           @Parameter(description = "Title", required = true, example = "CCX UC Software") @QueryParam("title") String title,
                           @Parameter(description = "Version", required = true, example = "8.1.3") @QueryParam("version") String version,
                           @Parameter(description = "Release date (not in the future)", required = true, example = "2026-09-30") @QueryParam("releasedOn") String releasedOn,
                           @Parameter(description = "Download file name (plain name, no path)", required = true, example = "ccx-8.1.3.zip") @QueryParam("fileName") String fileName,
                           InputStream body, @Context UriInfo uri, @Context HttpHeaders headers) {
        refuseNonFileMediaType(headers.getMediaType());
        MediaType type = headers.getMediaType();
        Document document = portal.upload(new DocumentUpload(sku, kind, title, version, releasedOn, fileName), body,
                type == null ? null : type.getType() + "/" + type.getSubtype());
        return Response.created(uri.getBaseUriBuilder().path("documents").path(document.id.toString()).build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(DocumentView.of(document)).build();
    }

    /**
     * The body is the file's bytes. JSON and form bodies are what a client sends when it mistakes the upload for a
     * metadata call: refused (415) before anything is stored. Checked here, after the role check, so that callers
     * without the admin role learn 401/403 first; a missing Content-Type is refused by the platform (415).
     */
    private static void refuseNonFileMediaType(MediaType type) {
        if (type == null) {
            return;
        }
        String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        boolean json = subtype.equals("json") || subtype.endsWith("+json");
        boolean form = type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.getType().equalsIgnoreCase("multipart");
        if (json || form) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "The upload body is the file itself: send application/octet-stream (or the file's own type), not "
                            + type.getType() + "/" + type.getSubtype() + "; the metadata are query parameters.", null)
                    .field("Content-Type", "must be the file's type, e.g. application/octet-stream");
        }
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listDocuments", summary = "Find documents and software", description = "By model, kind and a text in the title; ordered by model then id; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of documents")
    public Page<DocumentView> list(@Parameter(description = "Model", example = "CCX-500") @QueryParam("sku") String sku,
                                   @Parameter(description = "Kind", schema = @Schema(implementation = DocumentKind.class)) @QueryParam("kind") String kindParam,
                                   @Parameter(description = "Text contained in the title", example = "software") @QueryParam("q") String text,
                                   @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                                   @Parameter(description = "Opaque cursor from the previous page") @QueryParam("cursor") String cursor,
                                   @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        DocumentKind kind = QueryParams.enumValue(DocumentKind.class, kindParam, "kind");
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (sku != null && !sku.isBlank()) {
            query.append(" and sku = :sku");
            params.and("sku", sku);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (text != null && !text.isBlank()) {
            query.append(" and lower(title) like :text");
            params.and("text", "%" + text.toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        if (page.after() != null) {
            String[] key = page.after().split(" ", 2);
            if (key.length != 2) {
                throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API");
            }
            UUID afterId;
            try {
                afterId = UUID.fromString(key[1]);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API");
            }
            query.append(" and (sku > :afterSku or (sku = :afterSku and id > :afterId))");
            params.and("afterSku", key[0]).and("afterId", afterId);
        }
        var rows = Document.<Document>find(query.toString(), Sort.by("sku").and("id"), params).page(0, page.limit() + 1).list();
        return Page.of(rows, page, d -> d.sku + " " + d.id, DocumentView::of, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getDocument", summary = "Get a document's metadata", description = "Title, kind, version, release date, size and SHA-256.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "Unknown document", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DocumentView get(@Parameter(description = "Document id", example = "3f1c9a2e-5b7d-4c1e-9f0a-2d4b6c8e0f13") @PathParam("id") String id) {
        return DocumentView.of(find(id));
    }

    @GET
    @Path("/{id}/content")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadDocument", summary = "Download a document or software release",
            description = "Streams the file from the blob store with the type it was uploaded as (e.g. application/pdf, "
                    + "application/octet-stream), Content-Length, ETag (the SHA-256) and Content-Disposition. If-None-Match with that ETag gives 304.")
    @APIResponse(responseCode = "200", description = "The file", headers = {@Header(name = "ETag", description = "\"<sha256>\""),
            @Header(name = "Content-Length"), @Header(name = "Content-Disposition")},
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @APIResponse(responseCode = "404", description = "Unknown document", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(@Parameter(description = "Document id", example = "3f1c9a2e-5b7d-4c1e-9f0a-2d4b6c8e0f13") @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Document document = find(id);
        EntityTag tag = new EntityTag(document.sha256);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + document.sha256 + "\"") || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified(tag).build();
        }
        BlobContent content = blobs.open(document.blobId).orElseThrow(() -> new IllegalStateException(
                "blob " + document.blobId + " of document " + document.id + " is missing from the store"));
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) content::writeTo, content.blob().mediaType())
                .tag(tag)
                .header(HttpHeaders.CONTENT_LENGTH, document.sizeBytes)
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName + "\"")
                .build();
    }

    private static Document find(String id) {
        return Document.<Document>findByIdOptional(QueryParams.uuid("document", id)).orElseThrow(() -> ApiProblem.notFound("document", id));
    }
}
