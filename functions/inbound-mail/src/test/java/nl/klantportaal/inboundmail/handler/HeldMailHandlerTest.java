package nl.klantportaal.inboundmail.handler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.inboundmail.domain.Corpus;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.LocalS3;
import nl.klantportaal.testing.TestEnvironment;
import nl.klantportaal.ticketing.domain.Actor;
import nl.klantportaal.ticketing.domain.AttachmentKind;
import nl.klantportaal.ticketing.domain.PendingUpload;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketAction;
import nl.klantportaal.ticketing.domain.TicketAttachment;
import nl.klantportaal.ticketing.domain.TicketAudit;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.TicketRepository;
import nl.klantportaal.ticketing.wiring.TicketWiring;
import nl.klantportaal.tickets.adapter.s3.ObjectKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Held mail through the staff routes (events/inbound-mail/held-mail): an unknown sender's mail, held by
 * the inbound function, is listed, made Acme's ticket reported by Jan with its PDF, and gone from the
 * list; another is discarded; a customer is refused, a second handling conflicts, a bad choice changes nothing.
 */
class HeldMailHandlerTest {
  private static final TenantId ACME = new TenantId("acme-k3j9pq");
  private static final UserId JAN = new UserId("0a1b2c3d-0000-4000-8000-0000000c0101");
  private static final UserId AGENT = new UserId("0a1b2c3d-0000-4000-8000-00000000a9e1");
  private static final String RECEIVED = "inbound-mail/inbound-mail/received.json";

  private final RecordingMailSender mail = new RecordingMailSender();
  private KernelWiring wiring;
  private InboundMailHandler inbound;
  private HeldMailHandler held;
  private String bucket;

  @BeforeEach
  void acmeWithJanAndAnAgent() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTableAndBucket(dynamoDb, dynamoDb.createPortalTable(), LocalS3.shared());
    bucket = LocalS3.shared().createBucket();
    env.put("INBOUND_MAIL_BUCKET", bucket);
    env.put("INBOUND_MAIL_PREFIX", "mail/");
    env.put("SENDER_ADDRESS", "Klantportaal <no-reply@klantportaal.example>");
    wiring = new KernelWiring(Config.fromEnvironment(env), Clock.fixed(Instant.parse("2026-11-03T09:15:00Z"), ZoneOffset.UTC));
    IdentityWiring.of(wiring).customers().create(new Customer(ACME, new CustomerDetails("Acme", List.of("acme.example"),
        SlaTier.KOPER, Language.NL, Optional.empty()), wiring.clock().instant(), wiring.clock().instant(), 1));
    person(JAN, "jan@acme.example", new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    person(AGENT, "agent@provider.example", new Membership.ProviderStaff(Role.PROVIDER_AGENT));
    inbound = new InboundMailHandler(wiring, mail);
    held = new HeldMailHandler(wiring);
  }

  @Test
  void staffMakeAHeldMailACustomersTicketWithItsFilesOrDiscardItOnce() {
    hold("From: Onbekend <nieuw@elders.example>\nSubject: Printer kapot\nMessage-ID: <h1@elders.example>\n\nDe printer doet niets.\n");
    JsonNode list = HttpEvents.ok(call("list.json", null));
    assertEquals(1, list.get("items").size());
    JsonNode first = list.get("items").get(0);
    assertEquals("nieuw@elders.example", first.get("from").asText());
    assertEquals("unknown-sender", first.get("reason").asText());
    String id = first.get("id").asText();

    HttpEvents.assertProblem(call("list-as-customer.json", null), 403, "forbidden");
    HttpEvents.assertProblem(call("to-ticket-missing-customer.json", id), 400, "validation-failed");
    var made = call("to-ticket.json", id);
    assertEquals(201, made.getStatusCode(), made.getBody());
    Ticket ticket = SlaWiring.of(wiring).tickets().find(new TicketRef(ACME, new TicketNumber(1))).orElseThrow();
    assertEquals("Printer kapot", ticket.title());
    assertEquals(JAN, ticket.reporter());
    assertEquals(TicketSource.EMAIL, ticket.source());
    assertEquals(0, HttpEvents.ok(call("list.json", null)).get("items").size(), "handled: off the list");
    HttpEvents.assertProblem(call("to-ticket.json", id), 404, "not-found");

    hold("From: Reclame <spam@elders.example>\nSubject: Aanbieding\nMessage-ID: <h2@elders.example>\n\nKoop nu.\n");
    String second = HttpEvents.ok(call("list.json", null)).get("items").get(0).get("id").asText();
    assertEquals(204, call("discard.json", second).getStatusCode());
    HttpEvents.assertProblem(call("discard.json", second), 404, "not-found");
    var discards = wiring.auditTrail().byActor("0a1b2c3d-0000-4000-8000-00000000a9e1",
        nl.klantportaal.core.paging.PageRequest.first(10)).items().stream()
        .filter(e -> e.action().equals("held-mail-discarded")).toList();
    assertEquals(1, discards.size(), "the discard is audited once, by the staff member's id");
    assertEquals("held-mail", discards.getFirst().object().kind());
    HttpEvents.assertProblem(call("discard.json", "bm90LWFuLWlk"), 404, "not-found");
    assertTrue(SlaWiring.of(wiring).tickets().find(new TicketRef(ACME, new TicketNumber(2))).isEmpty(), "discarded: no ticket");
  }

  private void hold(String mime) {
    LocalS3.shared().client().putObject(r -> r.bucket(bucket).key("mail/o3vrnil0e2ic28trm7dfhrc2v0clambdaexample1"),
        RequestBody.fromString(mime));
    var answer = inbound.handleRequest(Lambda.scheduledEvent(RECEIVED), Lambda.context("inbound-mail"));
    assertTrue(answer.toString().contains("held"), answer.toString());
  }

  private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse call(String fixture, String id) {
    var event = Lambda.httpEvent("inbound-mail/held-mail/" + fixture);
    if (id != null) {
      event = HttpEvents.withPathParameter(event, "heldId", id);
    }
    return held.handleRequest(event, Lambda.context("held-mail"));
  }

  private void person(UserId id, String email, Membership membership) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id, email, new UserProfile.PersonName("Jan", "Fixture", "Jan"),
        Language.NL, membership, true, AccountSettings.DEFAULT, wiring.clock().instant(), wiring.clock().instant(), 1));
  }
}
