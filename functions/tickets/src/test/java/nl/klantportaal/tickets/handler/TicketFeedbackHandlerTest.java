package nl.klantportaal.tickets.handler;

import static nl.klantportaal.testing.HttpEvents.assertProblem;
import static nl.klantportaal.tickets.handler.TicketFixtures.ACME;
import static nl.klantportaal.tickets.handler.TicketFixtures.AGENT;
import static nl.klantportaal.tickets.handler.TicketFixtures.JAN;
import static nl.klantportaal.tickets.handler.TicketFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.ticketing.domain.MailLink;
import nl.klantportaal.ticketing.domain.MailLinkAction;
import nl.klantportaal.ticketing.domain.MailLinkSigner;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TicketStatus;
import nl.klantportaal.ticketing.port.TicketRepository.TicketThread;
import nl.klantportaal.ticketing.usecase.ChangeTicketStatus;
import nl.klantportaal.ticketing.usecase.GetTicket;
import nl.klantportaal.ticketing.usecase.TicketAccess;
import nl.klantportaal.ticketing.usecase.TicketDetailView;
import nl.klantportaal.ticketing.wiring.TicketWiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one-click links of ticket mails and ratings, from events/tickets/ticket-feedback through the
 * handler on DynamoDB Local; a sample's {@code REPLACED-BY-THE-TEST} token is a link signed here
 * with the deployment's mail-link key (derived from the test's cursor key).
 */
class TicketFeedbackHandlerTest {
  private static final TicketRef FIRST = new TicketRef(ACME, new TicketNumber(1));
  private static final Caller AGENT_CALLER = new Caller(AGENT, Optional.empty(), Role.PROVIDER_AGENT, true, Optional.empty());
  private static final Caller JAN_CALLER = new Caller(JAN, Optional.of(ACME), Role.CUSTOMER_USER, true, Optional.empty());

  private MovableClock clock;
  private KernelWiring wiring;
  private TicketFeedbackHandler handler;
  private MailLinkSigner signer;
  private TicketAccess access;
  private int links;

  @BeforeEach
  void resolvedTicket() {
    clock = new MovableClock(NOW);
    wiring = TicketFixtures.freshWiring(clock);
    handler = new TicketFeedbackHandler(wiring);
    signer = TicketWiring.of(wiring).mailLinks();
    access = new TicketAccess(SlaWiring.of(wiring).tickets(), IdentityWiring.of(wiring).users());
    var created = new TicketsHandler(wiring).handleRequest(Lambda.httpEvent("tickets/tickets/create-incident.json"),
        Lambda.context("tickets"));
    assertEquals(201, created.getStatusCode(), created.getBody());
    clock.advance(Duration.ofHours(1));
    transition(AGENT_CALLER, "resolve", "De printerdriver is opnieuw geïnstalleerd.");
    clock.advance(Duration.ofHours(1));
  }

  private void transition(Caller caller, String action, String message) {
    new ChangeTicketStatus(access, clock, Duration.ofDays(7)).execute(caller, FIRST,
        new ChangeTicketStatus.TransitionInput(action, message, access.tickets().find(FIRST).orElseThrow().version()));
  }

  private String link(MailLinkAction action, UserId recipient) {
    links++;
    return signer.sign(new MailLink("test-link-" + action.wireName() + "-000000" + links, FIRST, action, recipient,
        clock.instant().plus(action.lifetime())));
  }

  private APIGatewayV2HTTPResponse call(String sample, String token) {
    APIGatewayV2HTTPEvent event = Lambda.httpEvent("tickets/ticket-feedback/" + sample);
    if (token != null) {
      event.setBody(event.getBody().replace("REPLACED-BY-THE-TEST", token));
    }
    return handler.handleRequest(event, Lambda.context("ticket-feedback"));
  }

  private JsonNode ok(APIGatewayV2HTTPResponse response) {
    assertEquals(200, response.getStatusCode(), response.getBody());
    return HttpEvents.json(response);
  }

  private TicketStatus status() {
    return access.tickets().find(FIRST).orElseThrow().status();
  }

  private TicketThread asStaff() {
    return new GetTicket(access).execute(AGENT_CALLER, FIRST);
  }

  @Test
  void thePreviewSaysWhatWillHappenAndChangesNothingThenTheButtonAcceptsOnce() {
    String token = link(MailLinkAction.ACCEPT, JAN);
    for (int i = 0; i < 3; i++) { // a mail scanner prefetching, the person opening it, a reload
      JsonNode preview = ok(call("preview.json", token));
      assertEquals("accept", preview.get("action").asText());
      assertEquals("acme-fixture-1", preview.get("ticketId").asText());
      assertEquals("resolved", preview.get("status").asText());
      assertEquals(JAN.value(), preview.get("recipientId").asText());
      assertEquals("Jan", preview.get("recipientName").asText());
    }
    assertEquals(TicketStatus.RESOLVED, status());

    JsonNode done = ok(call("use-accept.json", token));
    assertEquals("closed", done.get("status").asText());
    assertEquals(TicketStatus.CLOSED, status());
    var audit = asStaff().audit();
    var accepted = audit.get(audit.size() - 1);
    assertEquals("accept", accepted.action());
    assertEquals(JAN.value(), accepted.actorId(), "the link acts as its recipient");
    assertEquals("mail-link", accepted.details().get("via"));

    assertProblem(call("use-accept.json", token), 409, "link-used");
    assertProblem(call("preview.json", token), 409, "link-used");

    // Nobody is mailed about their own change, so the acceptance answers the rating link for the page to ask at once.
    String rateToken = done.get("rateToken").asText();
    assertEquals("rate", ok(call("preview.json", rateToken)).get("action").asText());
    ok(call("use-rate.json", rateToken));
    assertEquals(4, asStaff().rating().orElseThrow().score());
  }

  @Test
  void aRejectionNeedsItsReasonAndReopensTheTicketWithTheReasonInTheConversation() {
    String token = link(MailLinkAction.REJECT, JAN);
    assertProblem(call("use-accept.json", token), 400, "validation-failed");
    assertEquals(TicketStatus.RESOLVED, status(), "a refused attempt leaves the ticket and the link as they were");

    JsonNode done = ok(call("use-reject.json", token));
    assertEquals("open", done.get("status").asText());
    var messages = asStaff().messages();
    var reason = messages.get(messages.size() - 1);
    assertEquals("De printer op de tweede verdieping doet het nog steeds niet.", reason.body());
    assertEquals("mail-link", reason.source().wireName());
    assertEquals(JAN, reason.author());
    assertProblem(call("use-reject.json", token), 409, "link-used");
  }

  @Test
  void anExpiredTamperedOrForeignLinkIsRefusedAndActsOnNothing() {
    String token = link(MailLinkAction.ACCEPT, JAN);
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertProblem(call("preview.json", tampered), 400, "link-invalid");
    assertProblem(call("use-accept.json", tampered), 400, "link-invalid");
    String otherKey = new MailLinkSigner(() -> new byte[32]).sign(new MailLink("test-link-foreign-000001", FIRST,
        MailLinkAction.ACCEPT, JAN, clock.instant().plus(Duration.ofDays(1))));
    assertProblem(call("use-accept.json", otherKey), 400, "link-invalid");
    assertProblem(call("use-accept.json", "not-a-token"), 400, "link-invalid");

    clock.advance(MailLinkAction.ACCEPT.lifetime().plusSeconds(1));
    assertProblem(call("preview.json", token), 410, "link-expired");
    assertProblem(call("use-accept.json", token), 410, "link-expired");
    assertEquals(TicketStatus.RESOLVED, status());
  }

  @Test
  void aLinkWhoseTicketMovedOnSaysSoAndALinkToAnotherCustomersPersonIsInvalid() {
    String token = link(MailLinkAction.ACCEPT, JAN);
    transition(JAN_CALLER, "reject", "Nog steeds stuk");
    assertProblem(call("preview.json", token), 409, "illegal-state");
    assertProblem(call("use-accept.json", token), 409, "illegal-state");
    assertEquals(TicketStatus.OPEN, status());
    String eves = link(MailLinkAction.ACCEPT, TicketFixtures.EVE);
    assertProblem(call("preview.json", eves), 400, "link-invalid");
  }

  @Test
  void twoClicksAtOnceOnOneLinkActOnce() throws Exception {
    String token = link(MailLinkAction.ACCEPT, JAN);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return call("use-accept.json", token);
        }));
      }
      start.countDown();
      int accepted = 0;
      for (var answer : answers) {
        var response = answer.get();
        if (response.getStatusCode() == 200) {
          accepted++;
        } else {
          assertEquals(409, response.getStatusCode(), response.getBody());
        }
      }
      assertEquals(1, accepted);
    } finally {
      pool.shutdownNow();
    }
    long acceptances = asStaff().audit().stream().filter(a -> a.action().equals("accept")).count();
    assertEquals(1, acceptances);
  }

  @Test
  void aClosedTicketIsRatedOnceByLinkOrPortalAndStaffSeeTheMonthsTotals() {
    String rateToken = link(MailLinkAction.RATE, JAN);
    assertProblem(call("use-rate.json", rateToken), 409, "illegal-state");
    transition(JAN_CALLER, "accept", null);

    assertProblem(call("rate-out-of-range.json", null), 400, "validation-failed");
    JsonNode preview = ok(call("preview.json", rateToken));
    assertEquals("rate", preview.get("action").asText());
    ok(call("use-rate.json", rateToken));
    assertProblem(call("use-rate.json", rateToken), 409, "link-used");
    String another = link(MailLinkAction.RATE, JAN);
    assertProblem(call("preview.json", another), 409, "already-exists");
    assertProblem(call("use-rate.json", another), 409, "already-exists");
    assertProblem(call("rate.json", null), 409, "already-exists");

    JsonNode month = ok(call("list-ratings-as-agent.json", null));
    assertEquals(1, month.get("count").asInt());
    assertEquals("4.00", month.get("average").asText());
    assertEquals("[0,0,0,1,0]", month.get("perScore").toString());
    JsonNode rating = month.get("ratings").get(0);
    assertEquals("acme-fixture-1", rating.get("ticketId").asText());
    assertEquals("Snel opgelost, dank!", rating.get("comment").asText());
    assertEquals("mail-link", rating.get("via").asText());
    assertFalse(month.get("more").asBoolean());

    TicketDetailView staffView = TicketDetailView.of(asStaff(), true);
    assertEquals(4, staffView.rating().orElseThrow().score());
    var customerThread = new GetTicket(access).execute(JAN_CALLER, FIRST);
    assertTrue(TicketDetailView.of(customerThread, false).rating().isEmpty(),
        "a customer's thread is read without the provider side; GET /tickets/{id} adds the rating of a closed ticket");
    var asJan = new TicketsHandler(wiring).handleRequest(Lambda.httpEvent("tickets/tickets/get.json"), Lambda.context("tickets"));
    assertEquals(4, HttpEvents.json(asJan).get("rating").get("score").asInt(), asJan.getBody());
    var rated = asStaff().audit().stream().filter(a -> a.action().equals("rated")).toList();
    assertEquals(1, rated.size());
    assertEquals("4", rated.get(0).details().get("score"));
    assertEquals("mail-link", rated.get(0).details().get("via"));

    assertProblem(call("list-ratings-as-customer.json", null), 403, "forbidden");
  }

  @Test
  void aCustomerRatesAClosedTicketInThePortalWithoutALink() {
    transition(JAN_CALLER, "accept", null);
    var response = call("rate.json", null);
    assertEquals(201, response.getStatusCode(), response.getBody());
    JsonNode month = ok(call("list-ratings-as-agent.json", null));
    assertEquals(1, month.get("count").asInt());
    assertEquals("5.00", month.get("average").asText());
    assertEquals("portal", month.get("ratings").get(0).get("via").asText());
  }
}
