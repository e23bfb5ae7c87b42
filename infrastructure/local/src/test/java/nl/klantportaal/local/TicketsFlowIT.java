package nl.klantportaal.local;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import static nl.klantportaal.local.GatewayClient.json;
import static nl.klantportaal.local.MailStore.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tickets slice end to end on the local cloud of the real template.yaml: signed-in people with
 * real cognito-local ID tokens drive TicketsFunction through the local gateway and its JWT
 * authorizer, and every ticket write travels the real DynamoDB stream poller (with the template's
 * FilterCriteria) into TicketNotificationsFunction and out through aws-ses-v2-local, read back from
 * its {@code GET /store}.
 *
 * <p>Jan (customer user, Dutch) raises an incident with an Idempotency-Key and involves his new
 * colleague Greta (customer user, German by her own profile change); Sem (agent) takes it, answers,
 * writes an internal note and resolves it after Greta's reply; Jan accepts. Each step waits for its
 * own mails (the poller delivers in the background) before the next; the stream keeps one ticket's
 * records in order, so once the last step's mail is in, every earlier record has been handled and
 * the totals can be asserted exactly.
 */
class TicketsFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MAIL_DEADLINE = Duration.ofMinutes(3);
  private static final String GRETA_PASSWORD = "Regenboog-Fiets-2026!";
  private static final String GRETA = "greta@acme.example.test";
  private static final String TITLE = "Outlook opent de gedeelde agenda niet";
  private static final String NOTE = "Intern: licentie van Jan verlopen, nog niet aan de klant melden (e2e-7f3a)";

  @TempDir
  static Path state;
  private static LocalCloud cloud;
  private static KernelWiring wiring;
  private static GatewayClient gateway;
  private static SignIn signIn;
  private static MailStore mailStore;
  private static String firstSeed;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
    firstSeed = DemoData.seed(cloud).orElseThrow();
    wiring = TestClouds.wiring(cloud, "UsersFunction");
    gateway = GatewayClient.of(cloud);
    signIn = SignIn.of(cloud);
    mailStore = MailStore.of(cloud);
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void aTicketsLifeThroughTheGatewayMailsTheRightPeopleInTheirLanguageAndNeverTheNote() throws Exception {
    String jan = signIn.demo("jan@acme.example.test");
    String ilse = signIn.demo("it@acme.example.test");
    String sem = signIn.demo("servicedesk@provider.example.test");
    String wendy = signIn.demo("winkel@bakkerij.example.test");
    String bram = signIn.demo("eigenaar@bakkerij.example.test");
    String greta = colleagueOfJanInGerman();
    String semId = json(gateway.get("/me", sem)).path("userId").asText();
    String gretaId = json(gateway.get("/me", greta)).path("userId").asText();

    // 1. Jan raises an incident; a retry with the same Idempotency-Key is the same answer, not a second ticket
    String create = "{\"type\":\"incident\",\"category\":\"email\",\"priority\":\"high\",\"title\":\"" + TITLE
        + "\",\"description\":\"Sinds de update van vanochtend start Outlook niet meer: <profiel kan niet geladen worden>.\"}";
    HttpResponse<String> first = gateway.send(gateway.request("/tickets", jan).header("idempotency-key", "e2e-create-1")
        .POST(HttpRequest.BodyPublishers.ofString(create)));
    HttpResponse<String> retry = gateway.send(gateway.request("/tickets", jan).header("idempotency-key", "e2e-create-1")
        .POST(HttpRequest.BodyPublishers.ofString(create)));
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(201, retry.statusCode(), retry.body());
    assertEquals(first.body(), retry.body(), "the retry answers the first answer");
    JsonNode ticket = JSON.readTree(first.body());
    String id = ticket.path("id").asText();
    assertTrue(id.startsWith("demo-acme-"), id);
    assertEquals("new", ticket.path("status").asText());
    assertEquals("portal", ticket.path("source").asText());
    assertEquals(1, ids(gateway.get("/tickets?view=mine", jan)).stream().filter(id::equals).count());
    assertEquals(1, titles(gateway.get("/tickets?view=mine", jan)).stream().filter(TITLE::equals).count(),
        "one ticket for two requests with one key");
    String token = "[#" + id + "] ";
    awaitMails(token, mails -> to(mails, "servicedesk@").size() == 1 && to(mails, "beheer@").size() == 1);

    // 2. Jan involves Greta: she sees it as shared, the admin as the organisation's; others do not
    JsonNode involved = json(gateway.put("/tickets/" + id + "/involved", "{\"involved\":[\"" + gretaId + "\"],\"version\":"
        + ticket.path("version").asLong() + "}", jan));
    assertEquals(List.of(gretaId), List.of(involved.path("involved").get(0).asText()));
    assertTrue(ids(gateway.get("/tickets?view=shared", greta)).contains(id), "shared with Greta");
    assertFalse(ids(gateway.get("/tickets?view=mine", greta)).contains(id), "Greta did not report it");
    assertEquals(200, gateway.get("/tickets/" + id, greta).statusCode());
    assertTrue(ids(gateway.get("/tickets?view=organisation", ilse)).contains(id),
        "the customer admin sees the organisation's tickets");
    assertEquals(200, gateway.get("/tickets/" + id, ilse).statusCode());
    assertProblem(gateway.get("/tickets?view=organisation", jan), 403);
    assertProblem(gateway.get("/tickets?view=organisation", greta), 403);
    assertProblem(gateway.get("/tickets/" + id, wendy), 404);
    assertProblem(gateway.get("/tickets/" + id, bram), 404);
    assertProblem(gateway.post("/tickets/" + id + "/messages", "{\"body\":\"Hallo?\"}", bram), 404);
    assertFalse(ids(gateway.get("/tickets?view=organisation", bram)).contains(id), "another customer's admin does not list it");

    // 3. Sem takes the ticket and answers publicly: the first provider answer opens it
    JsonNode assigned = json(gateway.patch("/tickets/" + id, "{\"assigneeId\":\"" + semId + "\",\"version\":"
        + involved.path("version").asLong() + "}", sem));
    assertEquals(semId, assigned.path("assigneeId").asText());
    assertEquals(201, gateway.post("/tickets/" + id + "/messages",
        "{\"body\":\"Wij kijken ernaar. Kunt u Outlook in veilige modus starten?\"}", sem).statusCode());
    assertEquals("open", json(gateway.get("/tickets/" + id, jan)).path("ticket").path("status").asText());
    awaitMails(token, mails -> to(mails, "jan@").size() == 1 && to(mails, GRETA).size() == 1);

    // 4. Sem's internal note: staff see it, the customer never does
    JsonNode note = json(gateway.post("/tickets/" + id + "/messages", "{\"body\":\"" + NOTE + "\",\"internal\":true}", sem));
    assertTrue(note.path("internal").asBoolean(), note.toString());
    assertProblem(gateway.post("/tickets/" + id + "/messages", "{\"body\":\"Ik ook intern\",\"internal\":true}", jan), 403);
    assertTrue(json(gateway.get("/tickets/" + id, sem)).path("messages").toString().contains(NOTE), "staff see the note");
    for (String customer : List.of(jan, greta, ilse)) {
      assertFalse(gateway.get("/tickets/" + id, customer).body().contains(NOTE), "a customer never sees the note");
      assertFalse(gateway.get("/tickets?view=" + (customer.equals(ilse) ? "organisation" : "mine"), customer).body().contains(NOTE));
    }

    // 5. Greta answers: the assignee hears of it (not the other agent), and Jan; Greta herself does not
    assertEquals(201, gateway.post("/tickets/" + id + "/messages", "{\"body\":\"Bei mir startet Outlook auch nicht.\"}", greta)
        .statusCode());
    awaitMails(token, mails -> to(mails, "servicedesk@").size() == 2 && to(mails, "jan@").size() == 2);

    // 6. Sem resolves with the solution; a customer cannot resolve
    long version = json(gateway.get("/tickets/" + id, sem)).path("ticket").path("version").asLong();
    assertProblem(gateway.post("/tickets/" + id + "/transitions", "{\"action\":\"resolve\",\"version\":" + version + "}", jan), 403);
    JsonNode resolved = json(gateway.post("/tickets/" + id + "/transitions", "{\"action\":\"resolve\",\"message\":\"Het profiel is "
        + "opnieuw aangemaakt; Outlook start weer.\",\"version\":" + version + "}", sem));
    assertEquals("resolved", resolved.path("status").asText(), resolved.toString());
    awaitMails(token, mails -> to(mails, "jan@").size() == 3 && to(mails, GRETA).size() == 2);

    // 7. Jan accepts: closed; a closed ticket takes no reply and cannot be accepted again
    JsonNode closed = json(gateway.post("/tickets/" + id + "/transitions", "{\"action\":\"accept\",\"version\":"
        + resolved.path("version").asLong() + "}", jan));
    assertEquals("closed", closed.path("status").asText(), closed.toString());
    assertEquals("closed", json(gateway.get("/tickets/" + id, greta)).path("ticket").path("status").asText());
    assertProblem(gateway.post("/tickets/" + id + "/transitions", "{\"action\":\"accept\",\"version\":"
        + closed.path("version").asLong() + "}", jan), 409);
    assertProblem(gateway.post("/tickets/" + id + "/messages", "{\"body\":\"Nog een vraag\"}", jan), 409);
    List<JsonNode> mails = awaitMails(token, all -> to(all, GRETA).size() == 3);

    // Every mail of the ticket, per person, in that person's language; never to the author of a change
    Map<String, List<String>> subjects = MailStore.subjectsByRecipient(mails);
    assertEquals(Map.of(
        "beheer@provider.example.test", List.of(token + "Nieuw ticket: " + TITLE),
        "servicedesk@provider.example.test", List.of(token + "Nieuw ticket: " + TITLE, token + "Nieuwe reactie: " + TITLE),
        "jan@acme.example.test", List.of(token + "Nieuwe reactie: " + TITLE, token + "Nieuwe reactie: " + TITLE,
            token + "Opgelost: " + TITLE),
        GRETA, List.of(token + "Gelöst: " + TITLE, token + "Geschlossen: " + TITLE, token + "Neue Antwort: " + TITLE)),
        subjects, "created: both agents; Sem's answer: Jan and Greta (one reply mail naming new → open); Greta's answer:"
            + " Sem (assignee) and Jan; resolve with a solution: Jan and Greta (one resolved mail quoting it); Jan's accept:"
            + " Greta. Nobody about their own change, the customer admin (not involved) never");
    JsonNode resolvedToJan = mails.stream().filter(m -> m.path("subject").asText().equals(token + "Opgelost: " + TITLE))
        .findFirst().orElseThrow();
    assertTrue(resolvedToJan.path("body").path("text").asText().contains("/#/tickets/" + id + "/resolution"),
        "the resolved mail links to the signed-in resolution page: " + resolvedToJan);
    String localPortal = cloud.endpoints().gateway().toString().replaceAll("/+$", "");
    assertTrue(resolvedToJan.path("body").path("text").asText().contains(localPortal + "/#/tickets/" + id + "/resolution"),
        "locally the link opens the local portal (" + localPortal + "): " + resolvedToJan);
    assertTrue(resolvedToJan.path("body").path("text").asText().contains("> Het profiel is opnieuw aangemaakt"),
        "and quotes the solution: " + resolvedToJan);
    JsonNode germanReply = mails.stream().filter(m -> m.path("subject").asText().startsWith(token + "Neue Antwort"))
        .findFirst().orElseThrow();
    assertTrue(germanReply.path("body").path("html").asText().contains("Outlook"), germanReply.toString());
    for (JsonNode mail : mailStore.all()) {
      assertFalse(mail.toString().contains("e2e-7f3a"), "the internal note is never mailed: " + mail);
    }

    // The conversation as the customer reads it: three public messages, no note; staff also see the note and the audit
    JsonNode customerView = json(gateway.get("/tickets/" + id, jan));
    assertEquals(3, customerView.path("messages").size(), customerView.toString());
    assertTrue(customerView.path("audit").isMissingNode(), "customers get no audit trail");
    JsonNode staffView = json(gateway.get("/tickets/" + id, sem));
    assertEquals(4, staffView.path("messages").size(), staffView.toString());
    List<String> actions = new ArrayList<>();
    staffView.path("audit").forEach(a -> actions.add(a.path("action").asText()));
    assertEquals(List.of("created", "involved-changed", "triaged", "public-reply", "internal-note", "public-reply", "resolve",
        "accept"), actions, staffView.path("audit").toString());
  }

  @Test
  void theResolvedMailsOneClickLinkAcceptsWithoutSigningInOnceAndTheAcceptanceAsksForTheRating() throws Exception {
    String jan = signIn.demo("jan@acme.example.test");
    String sem = signIn.demo("servicedesk@provider.example.test");
    String title = "Scanner op de tweede verdieping scant niet naar e-mail";
    JsonNode ticket = json(gateway.send(gateway.request("/tickets", jan).header("idempotency-key", "e2e-one-click-1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"incident\",\"category\":\"email\",\"priority\":\"normal\","
            + "\"title\":\"" + title + "\",\"description\":\"Sinds maandag komt er niets meer aan.\"}"))));
    String id = ticket.path("id").asText();
    JsonNode resolved = json(gateway.post("/tickets/" + id + "/transitions", "{\"action\":\"resolve\",\"message\":"
        + "\"Het SMTP-wachtwoord van de scanner is vernieuwd.\",\"version\":" + ticket.path("version").asLong() + "}", sem));
    assertEquals("resolved", resolved.path("status").asText(), resolved.toString());
    String token = "[#" + id + "] ";
    List<JsonNode> mails = awaitMails(token, all -> to(all, "jan@").stream()
        .anyMatch(m -> m.path("subject").asText().startsWith(token + "Opgelost")));
    String text = to(mails, "jan@").stream().filter(m -> m.path("subject").asText().startsWith(token + "Opgelost"))
        .findFirst().orElseThrow().path("body").path("text").asText();
    java.util.regex.Matcher accept = java.util.regex.Pattern.compile("Oplossing accepteren: \\S+/#/mail-link/(\\S+)").matcher(text);
    assertTrue(accept.find(), "the resolved mail has a one-click accept link: " + text);
    String link = "{\"token\":\"" + accept.group(1) + "\"}";

    // Without signing in: the preview (what a mail scanner's prefetch reaches) reads; only the page's button acts, once.
    JsonNode preview = json(gateway.post("/mail-links/preview", link, null));
    assertEquals("accept", preview.path("action").asText(), preview.toString());
    assertEquals(id, preview.path("ticketId").asText());
    assertEquals("resolved", json(gateway.get("/tickets/" + id, jan)).path("ticket").path("status").asText());
    JsonNode done = json(gateway.post("/mail-links/use", link, null));
    assertEquals("closed", done.path("status").asText(), done.toString());
    assertProblem(gateway.post("/mail-links/use", link, null), 409);
    assertProblem(gateway.post("/mail-links/use", link.replace("\"}", "x\"}"), null), 400);
    JsonNode staffView = json(gateway.get("/tickets/" + id, sem));
    JsonNode acceptance = staffView.path("audit").get(staffView.path("audit").size() - 1);
    assertEquals("accept", acceptance.path("action").asText(), acceptance.toString());
    assertEquals("mail-link", acceptance.path("details").path("via").asText(), acceptance.toString());

    // The acceptance answers the rating link; the rating is staff's to see, in the customer's month.
    String rate = "{\"token\":\"" + done.path("rateToken").asText() + "\",\"score\":5,\"comment\":\"Binnen een uur opgelost\"}";
    json(gateway.post("/mail-links/use", rate, null));
    assertEquals(5, json(gateway.get("/tickets/" + id, sem)).path("rating").path("score").asInt());
    assertEquals(5, json(gateway.get("/tickets/" + id, jan)).path("rating").path("score").asInt(),
        "the customer sees the rating given on the closed ticket, so the page shows it instead of the form");
    String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
    JsonNode ratings = json(gateway.get("/ratings?customerId=demo-acme&month=" + month, sem));
    assertTrue(ratings.path("ratings").toString().contains("\"ticketId\":\"" + id + "\""), ratings.toString());
    assertProblem(gateway.get("/ratings?customerId=demo-acme&month=" + month, jan), 403);
  }

  @Test
  void theDemoTicketsAreSeededOnceThroughTheUseCasesAndReadLikeRealOnes() throws Exception {
    assertTrue(firstSeed.contains("Demo tickets: demo-acme-1, demo-acme-2, demo-acme-3, demo-bakkerij-1"), firstSeed);
    String ilse = signIn.demo("it@acme.example.test");
    String sem = signIn.demo("servicedesk@provider.example.test");
    String bram = signIn.demo("eigenaar@bakkerij.example.test");
    List<String> acmeBefore = ids(gateway.get("/tickets?view=organisation&limit=100", ilse));
    List<String> bakkerijBefore = ids(gateway.get("/tickets?view=organisation&limit=100", bram));

    String again = DemoData.seed(cloud).orElseThrow();
    assertFalse(again.contains("Demo tickets"), "a second start seeds no tickets: " + again);
    for (String email : List.of("beheer@provider.example.test", "servicedesk@provider.example.test", "it@acme.example.test",
        "jan@acme.example.test", "eigenaar@bakkerij.example.test", "winkel@bakkerij.example.test")) {
      assertTrue(again.contains(email + " ") && again.contains("TOTP secret"), "the sign-in details still print: " + again);
    }
    assertTrue(again.contains("password for all: " + DemoData.PASSWORD), again);
    assertEquals(acmeBefore, ids(gateway.get("/tickets?view=organisation&limit=100", ilse)));
    assertEquals(bakkerijBefore, ids(gateway.get("/tickets?view=organisation&limit=100", bram)));
    assertTrue(acmeBefore.containsAll(List.of("demo-acme-1", "demo-acme-2", "demo-acme-3")), acmeBefore.toString());
    assertEquals(java.util.Set.of("demo-bakkerij-1", "demo-bakkerij-2"), java.util.Set.copyOf(bakkerijBefore),
        "this month's question and last month's (DemoData.lastMonthsTickets)");

    // An open incident with a conversation (the note only for staff), a resolved one, a request waiting for approval
    JsonNode outlook = json(gateway.get("/tickets/demo-acme-1", ilse));
    assertEquals("open", outlook.path("ticket").path("status").asText(), outlook.toString());
    assertEquals(2, outlook.path("messages").size(), "two public messages for the customer: " + outlook);
    assertFalse(outlook.toString().contains("invoegtoepassing"), outlook.toString());
    assertEquals(3, json(gateway.get("/tickets/demo-acme-1", sem)).path("messages").size(), "staff also see the internal note");
    JsonNode printer = json(gateway.get("/tickets/demo-acme-2", ilse));
    assertEquals("resolved", printer.path("ticket").path("status").asText(), printer.toString());
    assertTrue(printer.path("messages").toString().contains("invoerrol"), "the solution is in the conversation");
    JsonNode request = json(gateway.get("/tickets/demo-acme-3", ilse)).path("ticket");
    assertEquals("service-request", request.path("type").asText(), request.toString());
    assertEquals("pending", request.path("approval").asText(), request.toString());
    assertEquals(List.of("demo-acme-3"), ids(gateway.get("/tickets?view=approvals", ilse)));
    assertEquals("new", json(gateway.get("/tickets/demo-bakkerij-1", bram)).path("ticket").path("status").asText());
    assertProblem(gateway.get("/tickets/demo-bakkerij-1", ilse), 404);

    // Their mail went out like any other: Jan heard of the resolution, nobody of the note
    awaitMails("[#demo-acme-2] ", mails -> to(mails, "jan@").stream()
        .anyMatch(m -> m.path("subject").asText().equals("[#demo-acme-2] Opgelost: Printer 2e verdieping geeft steeds papierstoring")));
    for (JsonNode mail : mailStore.all()) {
      assertFalse(mail.toString().contains("invoegtoepassing"), "the demo's internal note is never mailed: " + mail);
    }
    // The request waiting for approval asked Acme's customer admin, and only her, to decide
    List<JsonNode> asked = awaitMails("[#demo-acme-3] ", mails -> mails.stream()
        .anyMatch(m -> m.path("subject").asText().startsWith("[#demo-acme-3] Goedkeuring gevraagd: ")));
    List<JsonNode> approvalMails = asked.stream()
        .filter(m -> m.path("subject").asText().startsWith("[#demo-acme-3] Goedkeuring gevraagd: ")).toList();
    assertEquals(1, approvalMails.size(), approvalMails.toString());
    assertEquals(1, to(approvalMails, "it@acme.example.test").size(), approvalMails.toString());
  }

  // --- people ------------------------------------------------------------------------------------

  /** A new colleague of Jan: signs up, enrols TOTP, is linked by the provider admin, switches her profile to German. */
  private static String colleagueOfJanInGerman() throws Exception {
    UserId id;
    try (CognitoPool pool = CognitoPool.open(cloud)) {
      id = pool.createAccount(GRETA, GRETA_PASSWORD);
    }
    // What the PostConfirmation trigger stores after a sign-up (the sign-up page offers Dutch first)
    IdentityWiring.of(wiring).users().createIfAbsent(UserProfile.signedUp(id, GRETA, new UserProfile.PersonName("Greta", "Gerber", "Greta Gerber"),
        Language.NL, Instant.now()));
    String secret = signIn.enrolTotp(GRETA, GRETA_PASSWORD);
    long version = IdentityWiring.of(wiring).users().find(id).orElseThrow().version();
    JsonNode linked = json(gateway.post("/users/" + id.value() + "/link", "{\"customerId\":\"demo-acme\",\"role\":\"customer-user\","
        + "\"version\":" + version + "}", signIn.demo("beheer@provider.example.test")));
    assertEquals("customer-user", linked.path("role").asText(), linked.toString());

    String idToken = signIn.withTotp(GRETA, GRETA_PASSWORD, secret).path("idToken").asText();
    JsonNode me = json(gateway.get("/me", idToken));
    JsonNode german = json(gateway.patch("/me", "{\"language\":\"de\",\"version\":" + me.path("profile").path("version").asLong()
        + "}", idToken));
    assertEquals("de", german.path("profile").path("language").asText(), german.toString());
    return idToken;
  }

  // --- mail ----------------------------------------------------------------------------------------

  /** The ticket's mails (subject starts with its token) once {@code done} holds; the poller delivers in the background. */
  private static List<JsonNode> awaitMails(String token, Predicate<List<JsonNode>> done) throws Exception {
    return mailStore.await(token, done, MAIL_DEADLINE);
  }

  // --- HTTP ----------------------------------------------------------------------------------------

  private static List<String> ids(HttpResponse<String> response) throws Exception {
    List<String> ids = new ArrayList<>();
    json(response).path("items").forEach(i -> ids.add(i.path("id").asText()));
    return ids;
  }

  private static List<String> titles(HttpResponse<String> response) throws Exception {
    List<String> titles = new ArrayList<>();
    json(response).path("items").forEach(i -> titles.add(i.path("title").asText()));
    return titles;
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
  }
}
