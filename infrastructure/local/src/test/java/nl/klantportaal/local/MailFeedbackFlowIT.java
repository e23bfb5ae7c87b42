package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Outgoing mail's feedback end to end on the local cloud of the real template.yaml: a ticket staff raised
 * on a reporter's behalf is mailed to the reporter, whose address is the SES mailbox simulator's bounce address, through
 * TicketNotificationsFunction, the SES front and aws-ses-v2-local with the portal's configuration set;
 * the local fake of SES event publishing delivers the Permanent bounce through SNS's event to
 * MailFeedbackFunction; provider staff then see the address in {@code GET /mail/failing-addresses},
 * and the next mail, a staff reply, is not mailed to it (while the other customer gets it).
 */
class MailFeedbackFlowIT {
  @RegisterExtension
  static final DemoCloud DEMO = new DemoCloud();

  private static final Duration DEADLINE = Duration.ofMinutes(1);
  private static final TenantId TENANT = new TenantId("acme-feedback");
  private static final String PK = "TENANT#acme-feedback#TICKET#00000003";
  private static final String BOUNCING = "bounce+reporter@simulator.amazonses.com";
  private static final String GRETA_ADDRESS = "greta@acme-feedback.example.test";
  private static final String REPLY_SUBJECT = "[#acme-feedback-3] Nieuwe reactie: Mail bounces";
  private static final UserId REPORTER = new UserId("22222222-0000-4000-8000-000000000001");
  private static final UserId GRETA = new UserId("22222222-0000-4000-8000-000000000002");
  private static final UserId ANNA = new UserId("22222222-0000-4000-8000-00000000a001");

  @Test
  void aTicketMailThatBouncesForGoodListsTheAddressAsFailingAndTheNextMailToItIsNotSent() throws Exception {
    LocalCloud cloud = DEMO.cloud();
    KernelWiring wiring = TestClouds.wiring(cloud, "TicketNotificationsFunction");
    Instant now = Instant.now();
    person(wiring, REPORTER, BOUNCING, "Rita Retour", new Membership.CustomerMember(TENANT, Role.CUSTOMER_USER), now);
    person(wiring, GRETA, GRETA_ADDRESS, "Greta Gerber", new Membership.CustomerMember(TENANT,
        Role.CUSTOMER_ADMIN), now);
    person(wiring, ANNA, "anna@provider-feedback.example.test", "Anna Agent", new Membership.ProviderStaff(Role.PROVIDER_AGENT),
        now);
    MailStore mails = MailStore.of(cloud);
    try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(cloud.endpoints().dynamoDb())) {
      ticket(dynamoDb); // raised by staff on the reporter's behalf: the reporter is mailed
      List<JsonNode> first = mails.await(all -> MailStore.to(all, BOUNCING).size() == 1, DEADLINE);
      assertEquals("[#acme-feedback-3] Nieuw ticket: Mail bounces", MailStore.to(first, BOUNCING).getFirst().path("subject").asText(),
          "the new ticket's mail went out to the simulator");

      String staff = DEMO.signIn().demo("servicedesk@provider.example.test");
      JsonNode listed = Poll.until(() -> GatewayClient.json(DEMO.gateway().get("/mail/failing-addresses", staff)),
          page -> page.toString().contains(BOUNCING), DEADLINE, page -> "not listed as failing: " + page);
      JsonNode entry = null;
      for (JsonNode item : listed.path("items")) {
        if (item.path("address").asText().equals(BOUNCING)) {
          entry = item;
        }
      }
      assertTrue(entry != null, listed.toString());
      assertEquals("permanent-bounce", entry.path("reason").asText(), entry.toString());
      assertTrue(entry.toString().contains("5.1.1"), "SES's status and diagnostic: " + entry);

      message(dynamoDb, "PUB#MSG#2026-12-06T10:30:00Z#r2", "Fixed, please check.");
      mails.await(all -> replies(all, GRETA_ADDRESS) == 1, DEADLINE);
      new Outbox(dynamoDb).awaitNonePending(DEADLINE);
      assertEquals(1, MailStore.to(mails.all(), BOUNCING).size(), "the reply is not mailed to the failing address");
    }
  }

  private static long replies(List<JsonNode> mails, String to) {
    return MailStore.to(mails, to).stream().filter(m -> m.path("subject").asText().equals(REPLY_SUBJECT)).count();
  }

  private static void ticket(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", s(PK));
    item.put("SK", s("PUB#TICKET"));
    item.put("type", s("Ticket"));
    item.put("tenantId", s(TENANT.value()));
    item.put("number", AttributeValue.fromN("3"));
    item.put("token", s("acme-feedback-3"));
    item.put("ticketType", s("incident"));
    item.put("priority", s("normal"));
    item.put("title", s("Mail bounces"));
    item.put("description", s("Nobody hears from you."));
    item.put("reporterId", s(REPORTER.value()));
    item.put("involved", AttributeValue.fromL(List.of(s(GRETA.value()))));
    item.put("source", s("portal"));
    item.put("status", s("new"));
    item.put("assigneeId", AttributeValue.fromNul(true));
    item.put("createdAt", s("2026-12-06T09:30:00Z"));
    item.put("updatedAt", s(Instant.now().toString()));
    item.put("lastChangeBy", s(ANNA.value()));
    item.put("lastChangeKind", s("new"));
    item.put("version", AttributeValue.fromN("1"));
    dynamoDb.putItem(r -> r.tableName("PortalTable").item(item));
  }

  private static void message(DynamoDbClient dynamoDb, String sk, String body) {
    String id = sk.substring(sk.lastIndexOf('#') + 1);
    dynamoDb.putItem(r -> r.tableName("PortalTable").item(Map.ofEntries(Map.entry("PK", s(PK)), Map.entry("SK", s(sk)),
        Map.entry("type", s("Message")), Map.entry("tenantId", s(TENANT.value())), Map.entry("number", AttributeValue.fromN("3")),
        Map.entry("id", s(id)), Map.entry("authorId", s(ANNA.value())), Map.entry("authorName", s("Anna Agent")),
        Map.entry("authorSide", s("provider")), Map.entry("body", s(body)), Map.entry("source", s("portal")),
        Map.entry("at", s(Instant.now().toString())))));
  }

  private static void person(KernelWiring wiring, UserId id, String email, String name, Membership membership, Instant at) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(id, email, new UserProfile.PersonName(name.split(" ")[0], "x",
        name), Language.NL, membership, true, AccountSettings.DEFAULT, at, at, 1));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
