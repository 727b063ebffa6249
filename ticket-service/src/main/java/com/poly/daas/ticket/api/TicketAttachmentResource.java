package com.poly.daas.ticket.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Keyset;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.api.QueryParams;
import com.poly.daas.platform.blob.BlobContent;
import com.poly.daas.platform.blob.BlobStore;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.ticket.domain.TicketAttachment;
import com.poly.daas.ticket.persistence.TicketRepository;
import com.poly.daas.ticket.service.TicketAttachments;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

/** Files attached to tickets (logs, photos), kept in the platform blob store (S2: partners and agents only). */
@Path("/tickets/{id}/attachments")
@Tag(name = "Tickets", description = "First-level support tickets (portal: create and track service tickets; S1-S3)")
@Produces(MediaType.APPLICATION_JSON)
public class TicketAttachmentResource {
    private static final String TICKET_ID = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    @Inject
    TicketAttachments attachments;
    @Inject
    TicketRepository tickets;
    @Inject
    BlobStore blobs;

    @Schema(name = "TicketAttachment", description = "A file attached to a ticket; size and SHA-256 computed by the server")
    public record AttachmentView(
            @Schema(example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a") String id,
            @Schema(example = TICKET_ID) String ticketId,
            @Schema(example = "boot-log.txt") String fileName,
            @Schema(example = "text/plain") String mediaType,
            @Schema(example = "18234") long sizeBytes,
            @Schema(description = "SHA-256 of the bytes, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String sha256,
            @Schema(example = "erp-P-1001") String uploadedBy,
            @Schema(example = "2026-11-23T14:05:00Z") Instant uploadedAt) {

        static AttachmentView of(TicketAttachment a) {
            return new AttachmentView(a.id.toString(), a.ticketId.toString(), a.fileName, a.mediaType, a.sizeBytes, a.sha256,
                    a.uploadedBy, a.uploadedAt);
        }
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.AGENT})
    @Consumes(MediaType.WILDCARD) // the blob store's policy decides the types
    @Operation(operationId = "attachFileToTicket", summary = "Attach a file to a ticket",
            description = "The partner (its own tickets) or an agent; S2: never an end user (403). The body is the file itself "
                    + "(a log or a photo for first-level support's triage, S3), its Content-Type one of text/plain, image/png, "
                    + "image/jpeg, application/pdf, application/zip, application/gzip, up to 8 MiB; the file name is a query "
                    + "parameter. Size and SHA-256 are computed while streaming; PNG, JPEG, PDF, ZIP and gzip must start with "
                    + "their signature and text must be UTF-8. An empty (400), too large (413) or refused (415) file stores "
                    + "nothing. Sending the same file under the same name again returns the existing attachment (safe "
                    + "retries, in place of an Idempotency-Key for a streamed body). A CLOSED ticket is 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Attached", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "400", description = "File name invalid or the file empty (the field is named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "File larger than the limit (the field is named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type missing or not accepted, or the bytes are not of the declared type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response attachFileToTicket(@Parameter(description = "Ticket id", example = TICKET_ID) @PathParam("id") String id,
                                       @Parameter(description = "File name (plain name, no path)", required = true, example = "boot-log.txt")
                                       @QueryParam("fileName") String fileName,
                                       InputStream body, @Context UriInfo uri, @Context HttpHeaders headers) {
        UUID ticketId = QueryParams.uuid("ticket", id);
        tickets.findByIdOptional(ticketId).orElseThrow(() -> ApiProblem.notFound("ticket", id)); // 404 before anything else
        MediaType type = headers.getMediaType();
        refuseNonFileMediaType(type);
        TicketAttachment a = attachments.attach(ticketId, fileName, body, type == null ? null : type.getType() + "/" + type.getSubtype());
        return Response.created(uri.getBaseUriBuilder().path("tickets").path(id).path("attachments").path(a.id.toString())
                        .path("content").build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(AttachmentView.of(a)).build();
    }

    /** JSON or a form instead of the file's bytes is a client mistake: 415 before anything is stored. */
    private static void refuseNonFileMediaType(MediaType type) {
        if (type == null) {
            return;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        boolean json = subtype.equals("json") || subtype.endsWith("+json");
        boolean form = type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.getType().equalsIgnoreCase("multipart");
        if (json || form) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "The body is the file itself (e.g. text/plain for a log, image/jpeg for a photo), not "
                            + type.getType() + "/" + type.getSubtype() + "; the file name is a query parameter.", null)
                    .field("Content-Type", "must be the file's type, e.g. text/plain");
        }
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "listTicketAttachments", summary = "List a ticket's attachments",
            description = "Newest first, cursor pagination, with size and SHA-256. A partner sees only its own tickets' files (S2).")
    @APIResponse(responseCode = "200", description = "One page of attachments")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AttachmentView> listTicketAttachments(@Parameter(description = "Ticket id", example = TICKET_ID) @PathParam("id") String id,
                                                      @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                                                      @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
                                                      @Context UriInfo uri) {
        UUID ticketId = QueryParams.uuid("ticket", id);
        tickets.findByIdOptional(ticketId).orElseThrow(() -> ApiProblem.notFound("ticket", id));
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder query = new StringBuilder("ticketId = :ticket");
        Parameters params = Parameters.with("ticket", ticketId);
        Keyset.newestFirst(page, "uploadedAt", query, params);
        List<TicketAttachment> rows = TicketAttachment.find(query.toString(), Sort.descending("uploadedAt", "id"), params)
                .page(0, page.limit() + 1).list();
        return Page.of(rows, page, a -> Keyset.newestFirstKey(a.uploadedAt, a.id), AttachmentView::of, uri);
    }

    @GET
    @Path("/{attachmentId}/content")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadTicketAttachment", summary = "Download a ticket's attachment",
            description = "Streams the file with the type it was attached as, Content-Length, ETag (its SHA-256) and "
                    + "Content-Disposition. A partner downloads only its own tickets' files (S2); others are 404.")
    @APIResponse(responseCode = "200", description = "The file", headers = {@Header(name = "ETag", description = "\"<sha256>\""),
            @Header(name = "Content-Length"), @Header(name = "Content-Disposition")},
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such ticket or attachment visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response downloadTicketAttachment(@Parameter(description = "Ticket id", example = TICKET_ID) @PathParam("id") String id,
                                             @Parameter(description = "Attachment id", example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a")
                                             @PathParam("attachmentId") String attachmentId) {
        UUID ticketId = QueryParams.uuid("ticket", id);
        TicketAttachment a = TicketAttachment.<TicketAttachment>findByIdOptional(QueryParams.uuid("attachment", attachmentId))
                .filter(found -> found.ticketId.equals(ticketId))
                .orElseThrow(() -> ApiProblem.notFound("attachment", attachmentId));
        BlobContent content = blobs.open(a.blobId).orElseThrow(() -> new IllegalStateException(
                "blob " + a.blobId + " of attachment " + a.id + " is missing from the store"));
        return Response.ok((StreamingOutput) content::writeTo, content.blob().mediaType())
                .tag(a.sha256)
                .header(HttpHeaders.CONTENT_LENGTH, a.sizeBytes)
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName.replace("\"", "") + "\"")
                .build();
    }
}
