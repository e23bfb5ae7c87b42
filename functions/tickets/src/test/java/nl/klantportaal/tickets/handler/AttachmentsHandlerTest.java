package nl.klantportaal.tickets.handler;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.sla.wiring.SlaWiring;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAction;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.port.TicketRepository.TicketChange;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.LocalS3;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Fixtures from events/tickets/attachments through the handler, on DynamoDB Local and s3proxy in
 * the JVM, with the real round trip over HTTP against the presigned URLs: announce, upload, confirm,
 * download — and every refusal.
 */
class AttachmentsHandlerTest {
  private static final TenantId ACME = new TenantId("acme-fixture");
  private static final TicketRef TICKET = new TicketRef(ACME, new TicketNumber(1));
  private static final UserId JAN = new UserId("0a1b2c3d-0000-4000-8000-0000000c0001");
  private static final UserId ANNA = new UserId("0a1b2c3d-0000-4000-8000-0000000c0002");
  private static final UserId PIET = new UserId("0a1b2c3d-0000-4000-8000-0000000c0003");
  private static final UserId EVE = new UserId("0a1b2c3d-0000-4000-8000-0000000c0009");
  private static final UserId AGENT = new UserId("0a1b2c3d-0000-4000-8000-0000000a0001");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The portal's clock, moved by tests (expiry); presigned URLs are signed with the real time, as on Lambda. */
  private final MovableClock clock =
      new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private KernelWiring wiring;
  private AttachmentsHandler handler;
  private TicketsHandler tickets;
  private S3Client s3;
  private String bucket;

  @BeforeEach
  void freshTableAndBucketWithOneTicketOfJan() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    LocalS3 localS3 = LocalS3.shared();
    Map<String, String> env = TestEnvironment.forTableAndBucket(dynamoDb, dynamoDb.createPortalTable(), localS3);
    bucket = env.get("ATTACHMENTS_BUCKET");
    s3 = localS3.client();
    wiring = new KernelWiring(Config.fromEnvironment(env), clock);
    handler = new AttachmentsHandler(wiring);
    tickets = new TicketsHandler(wiring);
    for (TenantId customer : java.util.List.of(ACME, new TenantId("globex-fixture"))) {
      IdentityWiring.of(wiring).customers().create(new nl.klantportaal.accounts.customer.domain.Customer(customer,
          new nl.klantportaal.accounts.customer.domain.CustomerDetails(customer.value(), java.util.List.of(),
              nl.klantportaal.accounts.customer.domain.SlaTier.KOPER, nl.klantportaal.core.shared.domain.Language.NL,
              java.util.Optional.empty()), clock.instant(), clock.instant(), 1));
    }
    member(JAN, "Jan Jansen", ACME, Role.CUSTOMER_USER);
    member(ANNA, "Anna de Vries", ACME, Role.CUSTOMER_ADMIN);
    member(PIET, "Piet Pieters", ACME, Role.CUSTOMER_USER);
    member(EVE, "Eve Globex", new TenantId("globex-fixture"), Role.CUSTOMER_USER);
    profile(UserProfile.staff(AGENT, "agent@provider.example.test", new UserProfile.PersonName("Ada", "Agent", "Ada Agent"),
        Language.NL, Role.PROVIDER_AGENT, clock.instant()));
    var created = tickets.handleRequest(Lambda.httpEvent("tickets/tickets/create-incident.json"), Lambda.context("tickets"));
    assertEquals(201, created.getStatusCode(), created.getBody());
    assertEquals(TICKET.token(), HttpEvents.json(created).get("id").asText());
  }

  // The round trip ---------------------------------------------------------------------------

  @Test
  void aReporterUploadsConfirmsAndDownloadsAPdf() throws Exception {
    byte[] pdf = pdf(2048);
    JsonNode offer = announce("request-upload.json");
    assertEquals("Foutmelding printer.pdf", offer.get("fileName").asText(), "the sanitised name, without the folders");
    assertEquals("application/pdf", offer.get("contentType").asText());
    assertEquals(2048, offer.get("size").asLong());
    assertEquals("PUT", offer.at("/upload/method").asText());
    assertEquals("application/pdf", offer.at("/upload/headers/content-type").asText(), offer.toString());
    String uploadId = offer.get("uploadId").asText();
    assertTrue(offer.at("/upload/url").asText().contains("/quarantine/acme-fixture/1/" + uploadId), offer.toString());
    assertEquals(clock.instant().plus(Duration.ofHours(24)).toString(), offer.get("expiresAt").asText());

    assertEquals(200, upload(offer, pdf).statusCode());
    var confirmed = confirm("confirm.json", uploadId);
    assertEquals(201, confirmed.getStatusCode(), confirmed.getBody());
    JsonNode attachment = HttpEvents.json(confirmed);
    assertEquals(uploadId, attachment.get("id").asText());
    assertEquals("Foutmelding printer.pdf", attachment.get("fileName").asText());
    assertEquals(2048, attachment.get("size").asLong());
    assertEquals(JAN.value(), attachment.get("uploadedBy").asText());
    assertEquals("Jan Jansen", attachment.get("uploadedByName").asText());
    assertEquals("/tickets/acme-fixture-1/attachments/" + uploadId, confirmed.getHeaders().get("location"));

    assertFalse(exists("quarantine/acme-fixture/1/" + uploadId), "out of quarantine");
    assertTrue(exists("attachments/acme-fixture/1/" + uploadId));
    assertEquals(List.of("Attachment", "Ticket", "TicketAudit", "TicketAudit"), itemTypes(),
        "the upload item is gone; the attachment and its audit entry are there");

    var download = call("download.json", "attachmentId", uploadId);
    assertEquals(200, download.getStatusCode(), download.getBody());
    JsonNode link = HttpEvents.json(download);
    assertEquals("GET", link.at("/download/method").asText());
    assertTrue(Instant.parse(link.at("/download/expiresAt").asText()).isBefore(Instant.now().plus(Duration.ofMinutes(6))));
    HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(link.at("/download/url").asText())).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertArrayEquals(pdf, file.body());
    assertEquals("attachment; filename=\"Foutmelding printer.pdf\"; filename*=UTF-8''Foutmelding%20printer.pdf",
        file.headers().firstValue("content-disposition").orElse(""));
    assertEquals("application/pdf", file.headers().firstValue("content-type").orElse(""));
  }

  @Test
  void theTicketDetailListsItsAttachmentsForCustomerAndStaff() throws Exception {
    String id = uploadAndConfirm("request-upload.json", pdf(2048));
    for (String fixture : List.of("get.json", "get-as-agent.json")) {
      var detail = tickets.handleRequest(Lambda.httpEvent("tickets/tickets/" + fixture), Lambda.context("tickets"));
      assertEquals(200, detail.getStatusCode(), detail.getBody());
      JsonNode attachments = HttpEvents.json(detail).get("attachments");
      assertEquals(1, attachments.size(), fixture);
      assertEquals(id, attachments.get(0).get("id").asText());
      assertEquals("application/pdf", attachments.get(0).get("contentType").asText());
    }
  }

  @Test
  void textIsServedAsUtf8() throws Exception {
    byte[] text = "Netwerk valt uit om 09:14 — switch 2 knippert oranje.\nGraag bellen.\n".getBytes(StandardCharsets.UTF_8);
    byte[] padded = Arrays.copyOf(text, 128);
    Arrays.fill(padded, text.length, 128, (byte) ' ');
    String id = uploadAndConfirm("request-upload-text.json", padded);
    JsonNode link = HttpEvents.json(call("download.json", "attachmentId", id));
    HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(link.at("/download/url").asText())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertArrayEquals(padded, file.body());
    assertEquals("text/plain;charset=utf-8", file.headers().firstValue("content-type").orElse("").replace(" ", ""),
        "s3proxy's Jetty drops the space S3 keeps");
  }

  @Test
  void aRetriedConfirmAnswersTheSameAttachment() throws Exception {
    String id = uploadAndConfirm("request-upload.json", pdf(2048));
    var again = confirm("confirm.json", id);
    assertEquals(200, again.getStatusCode(), again.getBody());
    assertEquals(id, HttpEvents.json(again).get("id").asText());
    assertEquals(1, itemTypes().stream().filter("Attachment"::equals).count());
  }

  @Test
  void staffMayConfirmACustomersUpload() throws Exception {
    JsonNode offer = announce("request-upload.json");
    upload(offer, pdf(2048));
    var confirmed = confirm("confirm-as-agent.json", offer.get("uploadId").asText());
    assertEquals(201, confirmed.getStatusCode(), confirmed.getBody());
    assertEquals(JAN.value(), HttpEvents.json(confirmed).get("uploadedBy").asText(), "still Jan's file");
  }

  // Removing a file ---------------------------------------------------------------------------

  @Test
  void theUploaderRemovesAFileItsBytesAndItemGoAndTheAuditNamesIt() throws Exception {
    String id = uploadAndConfirm("request-upload.json", pdf(2048));
    var removed = call("delete.json", "attachmentId", id);
    assertEquals(204, removed.getStatusCode(), removed.getBody());
    assertFalse(exists("attachments/acme-fixture/1/" + id), "the bytes are gone");
    assertFalse(itemTypes().contains("Attachment"), "the ticket lists it no more");
    assertTrue(auditActions().contains("attachment-deleted"), auditActions().toString());
    var entry = ticketItems().stream().filter(i -> "TicketAudit".equals(i.get("type").s())
        && "attachment-deleted".equals(i.get("action").s())).findFirst().orElseThrow();
    assertTrue(entry.toString().contains("Foutmelding printer.pdf"), "the audit names the file: " + entry);
    assertEquals(404, call("download.json", "attachmentId", id).getStatusCode());
    assertEquals(404, call("delete.json", "attachmentId", id).getStatusCode(), "a second delete finds nothing");
  }

  @Test
  void othersOfTheCustomerMayNotRemoveAFileButTheServiceDeskMay() throws Exception {
    String id = uploadAndConfirm("request-upload.json", pdf(2048));
    var refused = call("delete-as-customer-admin.json", "attachmentId", id);
    assertEquals(403, refused.getStatusCode(), refused.getBody());
    assertTrue(exists("attachments/acme-fixture/1/" + id), "nothing was removed");
    assertEquals(204, call("delete-as-agent.json", "attachmentId", id).getStatusCode());
    assertFalse(exists("attachments/acme-fixture/1/" + id));
  }

  @Test
  void onAClosedTicketOnlyTheServiceDeskRemovesFiles() throws Exception {
    String id = uploadAndConfirm("request-upload.json", pdf(2048));
    closeTicket();
    var refused = call("delete.json", "attachmentId", id);
    assertEquals(409, refused.getStatusCode(), refused.getBody());
    assertEquals("illegal-state", HttpEvents.problemType(refused));
    assertTrue(exists("attachments/acme-fixture/1/" + id));
    assertEquals(204, call("delete-as-agent.json", "attachmentId", id).getStatusCode());
  }

  // Refused at the announcement --------------------------------------------------------------

  @Test
  void anAnnouncedSizeOver25MiBIs400() {
    var response = call("request-upload-oversize.json");
    assertEquals(400, response.getStatusCode());
    assertEquals("validation-failed", HttpEvents.problemType(response));
    assertEquals("size", HttpEvents.json(response).at("/errors/0/field").asText(), response.getBody());
    assertEquals(List.of("Ticket", "TicketAudit"), itemTypes(), "no upload item");
  }

  @Test
  void aContentTypeOffTheAllowListIs400() {
    var response = call("request-upload-forbidden-type.json");
    assertEquals(400, response.getStatusCode());
    assertEquals("contentType", HttpEvents.json(response).at("/errors/0/field").asText(), response.getBody());
  }

  @Test
  void anExtensionThatIsNotTheContentTypesIs400() {
    var response = call("request-upload-wrong-extension.json");
    assertEquals(400, response.getStatusCode());
    assertEquals("fileName", HttpEvents.json(response).at("/errors/0/field").asText(), response.getBody());
  }

  @Test
  void anotherCustomersTicketIs404() {
    var response = call("request-upload-as-foreign-customer.json");
    assertEquals(404, response.getStatusCode());
    assertEquals("not-found", HttpEvents.problemType(response));
  }

  @Test
  void aClosedTicketTakesNoAttachments() {
    closeTicket();
    var response = call("request-upload.json");
    assertEquals(409, response.getStatusCode(), response.getBody());
    assertEquals("illegal-state", HttpEvents.problemType(response));
  }

  // Refused by S3 ----------------------------------------------------------------------------

  @Test
  void thePresignedUploadTakesOnlyTheAnnouncedLengthAndType() throws Exception {
    JsonNode offer = announce("request-upload.json");
    assertTrue(upload(offer, pdf(4096)).statusCode() >= 400, "another length breaks the signature");
    HttpRequest.Builder otherType = HttpRequest.newBuilder(URI.create(offer.at("/upload/url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf(2048))).header("content-type", "text/html");
    assertTrue(HTTP.send(otherType.build(), HttpResponse.BodyHandlers.discarding()).statusCode() >= 400,
        "another content type breaks the signature");
    assertFalse(exists("quarantine/acme-fixture/1/" + offer.get("uploadId").asText()));
  }

  // Refused at the confirm -------------------------------------------------------------------

  @Test
  void anUploadLargerThanAnnouncedIsRefusedAndDeleted() {
    JsonNode offer = announce("request-upload.json");
    String id = offer.get("uploadId").asText();
    // A store that ignored the signed length: the confirm checks the size itself.
    s3.putObject(r -> r.bucket(bucket).key("quarantine/acme-fixture/1/" + id).contentType("application/pdf"),
        RequestBody.fromBytes(pdf(2049)));
    var response = confirm("confirm.json", id);
    assertEquals(422, response.getStatusCode(), response.getBody());
    assertEquals("attachment-size-mismatch", HttpEvents.problemType(response));
    assertEquals("application/problem+json", response.getHeaders().get("content-type"));
    assertFalse(exists("quarantine/acme-fixture/1/" + id), "the refused object is deleted");
    assertEquals(404, confirm("confirm.json", id).getStatusCode(), "the announcement is gone with it");
    assertTrue(auditActions().contains("attachment-refused"));
  }

  @Test
  void anExecutableNamedPdfIsRefusedByItsFirstBytesAndDeleted() throws Exception {
    JsonNode offer = announce("request-upload.json");
    String id = offer.get("uploadId").asText();
    byte[] exe = new byte[2048];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[2] = (byte) 0x90;
    assertEquals(200, upload(offer, exe).statusCode(), "S3 takes any bytes of the signed length");
    var response = confirm("confirm.json", id);
    assertEquals(415, response.getStatusCode(), response.getBody());
    assertEquals("attachment-type-not-allowed", HttpEvents.problemType(response));
    assertFalse(exists("quarantine/acme-fixture/1/" + id));
    assertFalse(exists("attachments/acme-fixture/1/" + id));
    assertEquals(List.of("Ticket", "TicketAudit", "TicketAudit"), itemTypes(), "no attachment, no upload; the refusal audited");
  }

  @Test
  void aConfirmBeforeTheUploadIs409AndKeepsTheAnnouncement() throws Exception {
    JsonNode offer = announce("request-upload.json");
    String id = offer.get("uploadId").asText();
    var early = confirm("confirm.json", id);
    assertEquals(409, early.getStatusCode(), early.getBody());
    assertEquals("upload-not-received", HttpEvents.problemType(early));
    upload(offer, pdf(2048));
    assertEquals(201, confirm("confirm.json", id).getStatusCode());
  }

  @Test
  void aConfirmOfAnUploadNeverAnnouncedIs404() {
    var response = call("confirm.json");
    assertEquals(404, response.getStatusCode());
    assertEquals("not-found", HttpEvents.problemType(response));
    assertEquals(404, call("confirm-malformed-id.json").getStatusCode(), "an id that cannot be one");
  }

  @Test
  void aConfirmByAnotherUserOfTheCustomerIs404() throws Exception {
    JsonNode offer = announce("request-upload.json");
    String id = offer.get("uploadId").asText();
    upload(offer, pdf(2048));
    var byAdmin = confirm("confirm-as-customer-admin.json", id);
    assertEquals(404, byAdmin.getStatusCode(), "Anna sees the ticket but the upload is Jan's");
    assertTrue(exists("quarantine/acme-fixture/1/" + id), "nothing happened to Jan's upload");
    assertEquals(201, confirm("confirm.json", id).getStatusCode());
  }

  @Test
  void aConfirmAfterTheUploadExpiredIs410AndDeletesIt() throws Exception {
    JsonNode offer = announce("request-upload.json");
    String id = offer.get("uploadId").asText();
    upload(offer, pdf(2048));
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    var response = confirm("confirm.json", id);
    assertEquals(410, response.getStatusCode(), response.getBody());
    assertEquals("upload-expired", HttpEvents.problemType(response));
    assertFalse(exists("quarantine/acme-fixture/1/" + id));
    assertEquals(404, confirm("confirm.json", id).getStatusCode());
  }

  @Test
  void theUploadItemCarriesItsTtl() {
    JsonNode offer = announce("request-upload.json");
    var item = wiring.table().client().getItem(r -> r.tableName(wiring.table().name()).key(Map.of(
        "PK", AttributeValue.fromS("TENANT#acme-fixture#TICKET#00000001"),
        "SK", AttributeValue.fromS("STAFF#UPLOAD#" + offer.get("uploadId").asText())))).item();
    assertEquals("Upload", item.get("type").s());
    assertEquals(Long.toString(clock.instant().plus(Duration.ofHours(24)).getEpochSecond()), item.get("expiresAt").n());
    assertEquals(JAN.value(), item.get("uploadedBy").s());
    assertEquals("2048", item.get("size").n());
  }

  // Downloads --------------------------------------------------------------------------------

  @Test
  void downloadLinksAreRefusedToOutsiders() throws Exception {
    String id = uploadAndConfirm("request-upload.json", pdf(2048));
    for (String fixture : List.of("download-as-foreign-customer.json", "download-as-uninvolved-colleague.json")) {
      var response = call(fixture, "attachmentId", id);
      assertEquals(404, response.getStatusCode(), fixture);
      assertEquals("not-found", HttpEvents.problemType(response));
      assertFalse(response.getBody().contains("X-Amz-Signature"), fixture);
    }
    assertEquals(200, call("download-as-agent.json", "attachmentId", id).getStatusCode());
  }

  @Test
  void anUnknownAttachmentIs404() {
    var response = call("download.json");
    assertEquals(404, response.getStatusCode());
    assertEquals("not-found", HttpEvents.problemType(response));
  }

  @Test
  void aTamperedDownloadLinkIsRefusedByS3() throws Exception {
    String id = uploadAndConfirm("request-upload.json", pdf(2048));
    String url = HttpEvents.json(call("download.json", "attachmentId", id)).at("/download/url").asText();
    String tampered = url.replace("response-content-disposition=attachment", "response-content-disposition=inline");
    var response = HTTP.send(HttpRequest.newBuilder(URI.create(tampered)).build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(403, response.statusCode());
  }

  // Helpers ----------------------------------------------------------------------------------

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("attachments"));
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return call(Lambda.httpEvent("tickets/attachments/" + fixture));
  }

  /** The fixture aimed at an upload or attachment id the portal generated during the test. */
  private APIGatewayV2HTTPResponse call(String fixture, String parameter, String value) {
    return call(HttpEvents.withPathParameter(Lambda.httpEvent("tickets/attachments/" + fixture), parameter, value));
  }

  private APIGatewayV2HTTPResponse confirm(String fixture, String uploadId) {
    return call(fixture, "attachmentId", uploadId);
  }

  private JsonNode announce(String fixture) {
    var response = call(fixture);
    assertEquals(201, response.getStatusCode(), response.getBody());
    return HttpEvents.json(response);
  }

  /** The PUT a browser makes: the presigned URL with the headers the answer lists. */
  private static HttpResponse<String> upload(JsonNode offer, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(offer.at("/upload/url").asText()))
        .method(offer.at("/upload/method").asText(), HttpRequest.BodyPublishers.ofByteArray(body));
    offer.at("/upload/headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asText()));
    return HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String uploadAndConfirm(String fixture, byte[] content) throws Exception {
    JsonNode offer = announce(fixture);
    assertEquals(200, upload(offer, content).statusCode());
    String id = offer.get("uploadId").asText();
    var confirmed = confirm("confirm.json", id);
    assertEquals(201, confirmed.getStatusCode(), confirmed.getBody());
    return id;
  }

  private boolean exists(String key) {
    try {
      s3.headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }

  private List<Map<String, AttributeValue>> ticketItems() {
    var client = wiring.table().client();
    return StreamSupport.stream(client.queryPaginator(r -> r.tableName(wiring.table().name())
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TENANT#acme-fixture#TICKET#00000001"))))
        .items().spliterator(), false).toList();
  }

  /** The ticket partition's item types, leaving out the SLA record and its due entries (docs/sla.md). */
  private List<String> itemTypes() {
    return ticketItems().stream().map(i -> i.get("type").s()).filter(t -> !t.startsWith("Sla")).sorted().toList();
  }

  private List<String> auditActions() {
    return ticketItems().stream().filter(i -> "TicketAudit".equals(i.get("type").s())).map(i -> i.get("action").s()).toList();
  }

  private void member(UserId id, String name, TenantId tenant, Role role) {
    String[] parts = name.split(" ", 2);
    profile(UserProfile.signedUp(id, parts[0].toLowerCase() + "@example.test", new UserProfile.PersonName(parts[0], parts[1], name),
        Language.NL, clock.instant()).withMembership(new Membership.CustomerMember(tenant, role), clock.instant()));
  }

  private void profile(UserProfile profile) {
    IdentityWiring.of(wiring).users().create(profile, new AuditEntry(clock.instant(), profile.id(), "test-fixture", profile.id(),
        Optional.empty(), Map.of()));
  }

  /** Resolved by the agent, accepted by Jan: closed. */
  private void closeTicket() {
    Ticket open = SlaWiring.of(wiring).tickets().find(TICKET).orElseThrow();
    Ticket resolved = open.apply(TicketAction.RESOLVE, new Actor.Person(AGENT, Role.PROVIDER_AGENT, "Ada Agent"), clock.instant());
    SlaWiring.of(wiring).tickets().save(new TicketChange(open, resolved, List.of(), List.of(), Optional.of(clock.instant().plus(Duration.ofDays(7)))));
    Ticket closed = resolved.apply(TicketAction.ACCEPT, new Actor.Person(JAN, Role.CUSTOMER_USER, "Jan Jansen"), clock.instant());
    SlaWiring.of(wiring).tickets().save(new TicketChange(resolved, closed, List.of(), List.of(), Optional.empty()));
  }

  /** A PDF-looking file of exactly {@code size} bytes. */
  private static byte[] pdf(int size) {
    byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] file = Arrays.copyOf(head, size);
    Arrays.fill(file, head.length, size, (byte) ' ');
    return file;
  }
}
