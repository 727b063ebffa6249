package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.desk;
import static com.poly.daas.ticket.TicketFixtures.openFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.ticket.TicketFixtures.Desk;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: logs and photos attached to a ticket (S3 triage material), in the platform blob store with size and type
 * limits and a SHA-256; a refused file stores nothing. The test profile's limit is 64 KiB.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TicketAttachmentsTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Inject
    EntityManager em;

    static ValidatableResponse upload(String token, String ticketId, String fileName, String type, byte[] bytes) {
        var request = given().header("Authorization", token).body(bytes);
        if (type != null) {
            request = request.contentType(type);
        }
        return request.post("/tickets/" + ticketId + "/attachments?fileName=" + fileName).then();
    }

    private long rows(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from " + table)
                .getSingleResult()).longValue());
    }

    @Test
    void S3_aPartnerAttachesALogAndAPhotoWithTheirChecksumAndDownloadsThem() throws Exception {
        Desk desk = desk();
        String id = openFor(desk);
        String partner = Tokens.partner(desk.partner());
        byte[] log = "2026-11-23 09:14 boot loop after firmware 3.2\n".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(log));
        String attachment = upload(partner, id, "boot-log.txt", "text/plain; charset=utf-8", log).statusCode(201)
                .header("Location", endsWith("/content")).body("sha256", equalTo(sha)).body("sizeBytes", equalTo(log.length))
                .body("mediaType", equalTo("text/plain")).body("fileName", equalTo("boot-log.txt")).extract().path("id");
        upload(Tokens.agent(), id, "photo.png", "image/png", PNG).statusCode(201).body("mediaType", equalTo("image/png"));
        // a retried upload of the same file is the same attachment
        upload(partner, id, "boot-log.txt", "text/plain", log).statusCode(201).body("id", equalTo(attachment));

        given().header("Authorization", partner).get("/tickets/" + id + "/attachments").then().statusCode(200)
                .body("items", hasSize(2));
        byte[] back = given().header("Authorization", partner).get("/tickets/" + id + "/attachments/" + attachment + "/content")
                .then().statusCode(200).header("ETag", equalTo("\"" + sha + "\"")).extract().asByteArray();
        assertThat(back).isEqualTo(log);
        given().header("Authorization", Tokens.agent()).get("/tickets/" + id).then()
                .body("timeline.step", hasItem("ATTACHED"));
    }

    @Test
    void tooLargeWrongTypeEmptyOrMislabelledFilesAreRefusedNamingTheFieldAndNothingIsStored() {
        Desk desk = desk();
        String id = openFor(desk);
        String partner = Tokens.partner(desk.partner());
        long blobs = rows("blob");
        long attachments = rows("ticket_attachment");

        byte[] tooLarge = new byte[64 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        upload(partner, id, "huge.txt", "text/plain", tooLarge).statusCode(413).body("errors.field", hasItem("body"));
        upload(partner, id, "setup.exe", "application/x-msdownload", new byte[] {'M', 'Z', 0, 0}).statusCode(415)
                .body("errors.field", hasItem("Content-Type"));
        upload(partner, id, "empty.txt", "text/plain", new byte[0]).statusCode(400).body("errors.field", hasItem("body"));
        upload(partner, id, "not-a.png", "image/png", "plain text".getBytes(StandardCharsets.UTF_8)).statusCode(415)
                .body("errors.field", hasItem("body"));
        upload(partner, id, "meta.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode(415);
        upload(partner, id, "../etc/passwd", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors.field", hasItem("fileName"));

        assertThat(rows("blob")).isEqualTo(blobs);
        assertThat(rows("ticket_attachment")).isEqualTo(attachments);
        given().header("Authorization", partner).get("/tickets/" + id + "/attachments").then().body("items", hasSize(0));
    }
}
