package nl.klantportaal.identity.handler;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.identity.testing.InMemoryUserDirectory;

import static nl.klantportaal.identity.handler.IdentityFixtures.ACME;
import static nl.klantportaal.identity.handler.IdentityFixtures.COLLEAGUE;
import static nl.klantportaal.identity.handler.IdentityFixtures.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class UsersHandlerTest {
  private KernelWiring wiring;
  private InMemoryUserDirectory directory;
  private UsersHandler handler;
  private RecordingMailSender mail;

  @BeforeEach
  void seed() {
    wiring = IdentityFixtures.freshWiring();
    IdentityFixtures.seed(wiring);
    directory = IdentityFixtures.directory(wiring);
    mail = new RecordingMailSender();
    handler = new UsersHandler(wiring, directory, mail);
  }

  private static APIGatewayV2HTTPEvent event(String fixture) {
    return Lambda.httpEvent("identity/users/" + fixture);
  }

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, Lambda.context("users"));
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return call(event(fixture));
  }

  /** The fixture aimed at the account create-staff.json made: the user pool chose its id. */
  private APIGatewayV2HTTPResponse callFor(String fixture, UserId account) {
    return call(HttpEvents.withPathParameter(event(fixture), "userId", account.value()));
  }

  private Membership membership(UserId id) {
    return IdentityWiring.of(wiring).users().find(id).orElseThrow().membership();
  }

  private int auditEntries(String partition) {
    return wiring.table().client().query(r -> r.tableName(wiring.table().name())
        .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).count();
  }

  @Test
  void thePendingQueueShowsAgeAgainstThe12HourPromiseAndASuggestedCustomer() {
    var items = HttpEvents.json(call("list-pending.json")).get("items");
    assertEquals(1, items.size());
    assertEquals(PENDING.value(), items.get(0).get("userId").asText());
    assertEquals(13 * 60, items.get(0).get("waitingMinutes").asLong());
    assertEquals(true, items.get(0).get("overdue").asBoolean());
    assertEquals("acme-fixture", items.get(0).get("suggestedCustomerId").asText());
  }

  @Test
  void linkingMakesThePendingUserAMemberAuditedAndMirrored() {
    var response = call("link.json");
    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals(new Membership.CustomerMember(ACME, Role.CUSTOMER_USER), membership(PENDING));
    assertEquals(Optional.of(Role.CUSTOMER_USER), directory.group(PENDING));
    assertEquals(Set.of(), directory.signedOut(), "linking adds rights; the next refresh carries them");
    assertEquals(1, auditEntries("TENANT#acme-fixture#AUDIT"));
    assertEquals(0, HttpEvents.json(call("list-pending.json")).get("items").size());
  }

  @Test
  void aRoleChangeIsAuditedAndEndsTheSessions() {
    assertEquals(200, call("role.json").getStatusCode());
    assertEquals(new Membership.CustomerMember(ACME, Role.CUSTOMER_ADMIN), membership(COLLEAGUE));
    assertEquals(Set.of(COLLEAGUE), directory.signedOut());
    assertEquals(Optional.of(Role.CUSTOMER_ADMIN), directory.group(COLLEAGUE));
  }

  @Test
  void unlinkingShutsTheAccountOutUntilLinkedAgain() {
    assertEquals(200, call("unlink.json").getStatusCode());
    assertTrue(membership(COLLEAGUE) instanceof Membership.Deactivated);
    assertEquals(Set.of(COLLEAGUE), directory.signedOut());
    assertEquals(Optional.empty(), directory.group(COLLEAGUE));
  }

  @Test
  void aCustomerAdminDeactivatesAColleagueWhoLeft() {
    var response = call("deactivate-colleague-as-customer-admin.json");
    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals(false, HttpEvents.json(response).get("active").asBoolean());
    assertEquals(Set.of(COLLEAGUE), directory.signedOut());
    var users = HttpEvents.json(call("list-customer-users-as-customer-admin.json")).get("items");
    assertEquals(2, users.size(), "the deactivated colleague stays visible to the admin");
    assertEquals(1, auditEntries("TENANT#acme-fixture#AUDIT"));
  }

  @Test
  void anMfaResetTurnsTheFactorOffEndsSessionsAndMailsTheUser() {
    var response = call("mfa-reset.json");
    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals(false, IdentityWiring.of(wiring).users().find(COLLEAGUE).orElseThrow().mfaEnrolled());
    assertEquals(Set.of(COLLEAGUE), directory.mfaReset());
    assertEquals(Set.of(COLLEAGUE), directory.signedOut());
    assertEquals(1, mail.sent().size(), "the notice, through the outbox (ResetMfaNoticeTest has its content)");
    assertEquals("jan@acme.example.test", mail.sent().get(0).to());
    assertEquals("Uw tweestapsverificatie is opnieuw ingesteld", mail.sent().get(0).subject());
    assertEquals(1, auditEntries("TENANT#acme-fixture#AUDIT"));
  }

  @Test
  void aProviderAdminCreatesAStaffAccountOnce() {
    var first = call("create-staff.json");
    assertEquals(201, first.getStatusCode(), first.getBody());
    var id = directory.createdAccount("nieuwe.collega@provider.example.test").orElseThrow();
    assertEquals(new Membership.ProviderStaff(Role.PROVIDER_AGENT), membership(id));
    assertEquals(false, IdentityWiring.of(wiring).users().find(id).orElseThrow().mfaEnrolled());
    assertEquals(Optional.of(Role.PROVIDER_AGENT), directory.group(id));
    assertEquals(first.getBody(), call("create-staff.json").getBody(), "a retry with its Idempotency-Key");
    assertEquals(1, auditEntries("PROVIDER#AUDIT"));
  }

  @Test
  void aProviderAdminPromotesAnAgentButRolesNeverCrossBetweenCustomerAndProvider() {
    var created = call("create-staff.json");
    assertEquals(201, created.getStatusCode(), created.getBody());
    var id = new UserId(HttpEvents.json(created).get("userId").asText());
    var promoted = callFor("role-provider-admin.json", id);
    assertEquals(200, promoted.getStatusCode(), promoted.getBody());
    assertEquals(2, HttpEvents.json(promoted).get("version").asLong());
    assertEquals(new Membership.ProviderStaff(Role.PROVIDER_ADMIN), membership(id));
    assertEquals(Optional.of(Role.PROVIDER_ADMIN), directory.group(id), "the Cognito group follows");

    HttpEvents.assertProblem(callFor("role-customer-admin-version-2.json", id), 400, "validation-failed");
    HttpEvents.assertProblem(call("role-provider-admin.json"), 400, "validation-failed");
  }

  @Test
  void providerStaffListTheirColleaguesForTheAssigneePicker() {
    assertEquals(201, call("create-staff.json").getStatusCode());
    var items = HttpEvents.json(call("list-staff-as-agent.json")).get("items");
    assertEquals(1, items.size(), items.toString());
    assertEquals("nieuwe.collega@provider.example.test", items.get(0).get("email").asText());
    assertEquals("provider-agent", items.get(0).get("role").asText());
    assertEquals(true, items.get(0).get("active").asBoolean());
    assertFalse(items.get(0).has("customerId") && !items.get(0).get("customerId").isNull(), items.toString());
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
      "list-pending-as-agent.json, 403, forbidden",
      "list-staff-as-customer.json, 403, forbidden",
      "link-as-agent.json, 403, forbidden",
      "link-unknown-customer.json, 404, not-found",
      "link-provider-role.json, 400, validation-failed",
      "link-stale-version.json, 409, version-conflict",
      "link-already-linked.json, 409, illegal-state",
      "deactivate-foreign-as-customer-admin.json, 404, not-found",
      "deactivate-as-customer-user.json, 403, forbidden",
      "deactivate-self.json, 403, forbidden",
      "deactivate-with-role.json, 400, validation-failed",
      "list-customer-users-foreign.json, 404, not-found",
      "list-customer-users-as-customer-user.json, 403, forbidden",
      "mfa-reset-as-customer-admin.json, 403, forbidden",
      "create-staff-customer-role.json, 400, validation-failed",
  })
  void refusalsChangeNothing(String fixture, int status, String type) {
    var response = call(fixture);
    assertEquals(status, response.getStatusCode(), response.getBody());
    assertEquals(type, HttpEvents.problemType(response));
    assertEquals(new Membership.Pending(), membership(PENDING));
    assertEquals(new Membership.CustomerMember(ACME, Role.CUSTOMER_USER), membership(COLLEAGUE));
    assertEquals(Set.of(), directory.signedOut());
    assertEquals(0, auditEntries("TENANT#acme-fixture#AUDIT"));
    assertEquals(0, mail.outgoing().size() + mail.sent().size(), "no mail, direct or through the outbox");
  }

  private static final String ADMIN = "0a1b2c3d-0000-4000-8000-00000000ad01";

  /** The audit sample with exactly these query parameters. */
  private static APIGatewayV2HTTPEvent audit(String... nameValues) {
    var event = event("audit.json");
    var query = new java.util.HashMap<String, String>();
    for (int i = 0; i < nameValues.length; i += 2) {
      query.put(nameValues[i], nameValues[i + 1]);
    }
    event.setQueryStringParameters(query);
    return event;
  }

  @Test
  void theAuditIsReadPerObjectAndPerActorByProviderAdminsOnly() {
    assertEquals(200, call("link.json").getStatusCode());
    assertEquals(200, call("role.json").getStatusCode());

    var ofCustomer = HttpEvents.ok(call("audit.json")).get("items");
    assertEquals("customer-created", ofCustomer.get(0).get("action").asText(), "the fixture's customer, by the system");
    assertEquals("system", ofCustomer.get(0).get("actorId").asText());

    var ofPending = HttpEvents.ok(call(audit("object", "user:" + PENDING.value()))).get("items");
    assertEquals(1, ofPending.size());
    assertEquals("user.linked", ofPending.get(0).get("action").asText());
    assertEquals(ADMIN, ofPending.get(0).get("actorId").asText());
    assertEquals("acme-fixture", ofPending.get(0).get("details").get("customer").asText());
    assertFalse(ofPending.get(0).toString().contains("@"), "entries hold ids, never addresses");

    var byAdmin = call(audit("actor", ADMIN));
    var actions = HttpEvents.ok(byAdmin).get("items");
    assertEquals(2, actions.size(), "the handler's clock is fixed: both at one moment");
    assertEquals(Set.of("user.role-changed", "user.linked"),
        Set.of(actions.get(0).get("action").asText(), actions.get(1).get("action").asText()));

    var paged = HttpEvents.ok(call(audit("actor", ADMIN, "limit", "1")));
    assertEquals(1, paged.get("items").size());
    var next = HttpEvents.ok(call(audit("actor", ADMIN, "cursor", paged.get("nextCursor").asText())));
    assertEquals(actions.get(1).get("action").asText(), next.get("items").get(0).get("action").asText(), "the next page by its cursor");

    HttpEvents.assertProblem(call("audit-as-agent.json"), 403, "forbidden");
    HttpEvents.assertProblem(call(audit("object", "customer:acme-fixture", "actor", ADMIN)), 400, "validation-failed");
    HttpEvents.assertProblem(call(audit("object", "customer")), 400, "validation-failed");
    HttpEvents.assertProblem(call(audit()), 400, "validation-failed");
  }
}
