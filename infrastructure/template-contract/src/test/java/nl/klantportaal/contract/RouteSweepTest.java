package nl.klantportaal.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.klantportaal.accounts.customer.domain.Customer;
import nl.klantportaal.accounts.customer.domain.CustomerDetails;
import nl.klantportaal.accounts.customer.domain.SlaTier;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.billing.usecase.BundleInput;
import nl.klantportaal.billing.usecase.RegistrationInput;
import nl.klantportaal.billing.usecase.SettingsInput;
import nl.klantportaal.billing.usecase.SubscriptionInput;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.api.ApiHandler;
import nl.klantportaal.core.api.Route;
import nl.klantportaal.core.claims.Access;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.sla.wiring.SlaWiring;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.OpenApiDocument;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.TestEnvironment;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.usecase.CreateTicket;
import nl.klantportaal.ticketing.usecase.NewTicketInput;
import nl.klantportaal.ticketing.usecase.ReplyToTicket;
import nl.klantportaal.ticketing.usecase.TicketAccess;
import nl.klantportaal.ticketing.domain.TicketSource;
import nl.klantportaal.ticketing.wiring.TicketWiring;
import org.junit.jupiter.api.Test;

/**
 * Every HttpApi route of template.yaml × every role × the other tenant's ids, generated from the
 * template, so a new route is swept without anyone adding it here. Tenant B (Globex) holds tickets,
 * an internal note, a bundle, a subscription and time registrations whose texts carry a marker;
 * tenant A (Acme) has an internal note with a staff marker. The callers are A's customer user and
 * admin, a pending user and an anonymous caller (then provider staff, for escalation-free reads of
 * their own). Each route is called with B's ids in the path (and in the body of its sample event,
 * where one exists). It must hold:
 *
 * <ul>
 *   <li>no foreign read: no answer to a caller of A (or none) carries B's marker;</li>
 *   <li>no staff-only field for customer roles: no answer to them carries A's staff marker;</li>
 *   <li>no escalation: a customer role or a pending user never gets a 2xx from a route that needs a
 *       provider role or a customer admin beyond its own;</li>
 *   <li>no foreign write: B's data reads back unchanged after all of A's calls;</li>
 *   <li>no server error: every refusal is a 4xx problem;</li>
 *   <li>every answer, and every answer to provider staff on every route (after the foreign-write
 *       check), is what docs/openapi.yaml documents: its status, media type and schema.</li>
 * </ul>
 *
 * <p>Last, each route's own success that the passes above only meet as a refusal: the caller the route
 * is for, on tenant A's own objects, with the body of the sample in events/ that succeeds. Each call
 * must succeed, so that the document's success schemas are held to real answers too.</p>
 *
 * <p>It runs in-process on DynamoDB Local with the handlers the template names (the JWT authorizer is
 * the gateway's, tested in infrastructure/local); routes that need Cognito or S3 answer from here
 * with their refusals. The figures are printed: cells, calls, violations.
 */
class RouteSweepTest {
  private static final TenantId A = new TenantId("sweep-acme");
  private static final TenantId B = new TenantId("sweep-globex");
  private static final String B_MARK = "B-SECRET-7f3a";
  private static final String A_STAFF_MARK = "A-STAFF-ONLY-91c2";
  private static final OpenApiDocument DOCUMENT = OpenApiDocument.project();
  private static final ObjectMapper JSON = new ObjectMapper();
  private record Person(UserId id, String email, Role role, Optional<TenantId> tenant) {}

  private static final Person A_USER = new Person(new UserId("5e1e0000-0000-4000-8000-00000000a001"), "user@sweep-acme.example.test",
      Role.CUSTOMER_USER, Optional.of(A));
  private static final Person A_ADMIN = new Person(new UserId("5e1e0000-0000-4000-8000-00000000a002"), "admin@sweep-acme.example.test",
      Role.CUSTOMER_ADMIN, Optional.of(A));
  private static final Person B_USER = new Person(new UserId("5e1e0000-0000-4000-8000-00000000b001"), "user@sweep-globex.example.test",
      Role.CUSTOMER_USER, Optional.of(B));
  private static final Person B_ADMIN = new Person(new UserId("5e1e0000-0000-4000-8000-00000000b002"), "admin@sweep-globex.example.test",
      Role.CUSTOMER_ADMIN, Optional.of(B));
  private static final Person PENDING = new Person(new UserId("5e1e0000-0000-4000-8000-00000000c001"), "new@elsewhere.example.test",
      Role.NONE, Optional.empty());
  private static final Person AGENT = new Person(new UserId("5e1e0000-0000-4000-8000-00000000d001"), "agent@provider.example.test",
      Role.PROVIDER_AGENT, Optional.empty());
  private static final Person ADMIN = new Person(new UserId("5e1e0000-0000-4000-8000-00000000d002"), "admin@provider.example.test",
      Role.PROVIDER_ADMIN, Optional.empty());

  @Test
  void noRouteLetsACustomerReadOrWriteAnotherTenantsDataOrEscalate() throws Exception {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    Map<String, String> env = TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable());
    KernelWiring wiring = new KernelWiring(Config.fromEnvironment(env), Clock.systemUTC());
    Map<String, String> ids = seed(wiring);
    Map<String, String> before = readBack(wiring);

    Map<String, ApiHandler> handlers = new HashMap<>();
    List<String> violations = new ArrayList<>();
    List<String> schemaViolations = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    int cells = 0;
    int calls = 0;
    List<Optional<Person>> customerSide = List.of(Optional.of(A_USER), Optional.of(A_ADMIN), Optional.of(PENDING), Optional.empty());
    for (TemplateRoutes.HttpRoute http : TemplateRoutes.all()) {
      String handlerName = http.handlerName();
      String routeKey = http.routeKey();
      ApiHandler handler = handlers.computeIfAbsent(handlerName, name -> TemplateRoutes.construct(name, env));
      Route route = handler.routes().find(routeKey).orElseThrow();
      if (route.access() == Access.PUBLIC) {
        continue; // sign-up, sign-in, health: no caller, no tenant data (the corpus covers their input)
      }
      cells++;
      Optional<String> body = sampleBody(handlerName, routeKey).map(b -> b.replace("acme-fixture", B.value()));
      for (Optional<Person> caller : customerSide) {
        APIGatewayV2HTTPEvent request = TemplateRoutes.event(routeKey, name -> ids.getOrDefault(name, "x"), Map.of(),
            caller.map(RouteSweepTest::claims), body.orElse(null), "application/json");
        APIGatewayV2HTTPResponse answer = ((com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent,
            APIGatewayV2HTTPResponse>) handler).handleRequest(request, Lambda.context("sweep"));
        calls++;
        schemaViolations.addAll(DOCUMENT.check(routeKey, answer.getStatusCode(), contentType(answer), answer.getBody()));
        statuses.merge(answer.getStatusCode(), 1, Integer::sum);
        String who = caller.map(p -> p.role().wireName()).orElse("no token");
        if (answer.getStatusCode() >= 500 && !TemplateRoutes.CALLS_COGNITO.contains(handlerName)) {
          violations.add("server error: " + routeKey + " as " + who + " → " + answer.getStatusCode() + " " + answer.getBody());
        }
        String text = String.valueOf(answer.getBody());
        if (text.contains(B_MARK)) {
          violations.add("foreign read: " + routeKey + " as " + who + " → " + answer.getStatusCode());
        }
        if (text.contains(A_STAFF_MARK)) {
          violations.add("staff-only field: " + routeKey + " as " + who);
        }
        int status = answer.getStatusCode();
        boolean allowed = caller.map(p -> route.access().permits(new Caller(p.id(), p.tenant(), p.role(), true, Optional.of(p.email()))))
            .orElse(false);
        if (!allowed && status >= 200 && status < 300) {
          violations.add("escalation: " + routeKey + " (" + route.access() + ") as " + who + " → " + status);
        }
      }
    }
    Map<String, String> after = readBack(wiring);
    before.forEach((what, json) -> {
      if (!json.equals(after.get(what))) {
        violations.add("foreign write: " + what + " changed during the customer-side sweep");
      }
    });
    // Then provider staff on every route (their 2xx are the documented answers the customer side rarely gets):
    // only held to docs/openapi.yaml, after the foreign-write check, since staff may change B's data.
    int staffCalls = 0;
    for (TemplateRoutes.HttpRoute http : TemplateRoutes.all()) {
      ApiHandler handler = handlers.computeIfAbsent(http.handlerName(), name -> TemplateRoutes.construct(name, env));
      Optional<String> body = sampleBody(http.handlerName(), http.routeKey()).map(b -> b.replace("acme-fixture", B.value()));
      for (Person staff : List.of(AGENT, ADMIN)) {
        APIGatewayV2HTTPResponse answer = ((com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent,
            APIGatewayV2HTTPResponse>) handler).handleRequest(TemplateRoutes.event(http.routeKey(), name -> ids.getOrDefault(name, "x"),
            Map.of(), Optional.of(claims(staff)), body.orElse(null), "application/json"), Lambda.context("sweep"));
        staffCalls++;
        schemaViolations.addAll(DOCUMENT.check(http.routeKey(), answer.getStatusCode(), contentType(answer), answer.getBody()));
      }
    }
    // Last, each route's own success, which the passes above only meet as refusals (the other tenant's ids, the first
    // sample's body): the caller it is for, on its own tenant's objects, with a valid body from events/. Each must
    // succeed, so that its success body is held to the document too.
    Map<String, String> handlerOf = new HashMap<>();
    TemplateRoutes.all().forEach(r -> handlerOf.put(r.routeKey(), r.handlerName()));
    List<String> failures = new ArrayList<>();
    List<OwnCall> own = ownSuccesses(wiring);
    for (int i = 0; i < own.size(); i++) {
      OwnCall call = own.get(i);
      ApiHandler handler = handlers.computeIfAbsent(handlerOf.get(call.routeKey()), name -> TemplateRoutes.construct(name, env));
      APIGatewayV2HTTPEvent request = TemplateRoutes.event(call.routeKey(), call.ids()::get, call.query(), Optional.of(claims(call.who())),
          call.body().orElse(null), "application/json");
      request.getHeaders().put("idempotency-key", "sweep-own-" + i);
      APIGatewayV2HTTPResponse answer = ((com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent,
          APIGatewayV2HTTPResponse>) handler).handleRequest(request, Lambda.context("sweep"));
      if (answer.getStatusCode() < 200 || answer.getStatusCode() >= 300) {
        failures.add(call.routeKey() + " as " + call.who().role().wireName() + " → " + answer.getStatusCode() + " " + answer.getBody());
      }
      schemaViolations.addAll(DOCUMENT.check(call.routeKey(), answer.getStatusCode(), contentType(answer), answer.getBody()));
    }
    System.out.printf("Route sweep: %d route cells × %d callers, %d calls, answers by status %s, %d violations%n", cells,
        customerSide.size(), calls, statuses, violations.size());
    System.out.printf("Route sweep against docs/openapi.yaml: %d answers (%d customer side, %d provider staff, %d own successes), "
        + "%d schema violations%n", calls + staffCalls + own.size(), calls, staffCalls, own.size(), schemaViolations.size());
    assertEquals(List.of(), violations);
    assertEquals(List.of(), failures, "own successes that did not succeed");
    assertEquals(List.of(), schemaViolations, "answers that docs/openapi.yaml does not describe");
  }

  private static Optional<String> contentType(APIGatewayV2HTTPResponse answer) {
    return Optional.ofNullable(answer.getHeaders()).flatMap(h -> h.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("content-type")).map(Map.Entry::getValue).findFirst());
  }

  /** The body of a sample of the route from events/, if one has a body. */
  private static Optional<String> sampleBody(String handlerName, String routeKey) throws Exception {
    Path folder = Lambda.eventsFolder(handlerName);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        APIGatewayV2HTTPEvent sample = Lambda.httpEvent(Lambda.events().relativize(file).toString());
        if (routeKey.equals(sample.getRouteKey()) && sample.getBody() != null && !sample.getBody().isBlank()) {
          return Optional.of(sample.getBody());
        }
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> claims(Person p) {
    Map<String, String> claims = new HashMap<>(Map.of("sub", p.id().value(), "email", p.email(), "kp_role", p.role().wireName(),
        "kp_mfa", "true", "token_use", "id"));
    p.tenant().ifPresent(t -> claims.put("kp_tenant", t.value()));
    return claims;
  }

  /** Tenant B's data with the marker, A's internal note with the staff marker; answers B's ids by path parameter. */
  private static Map<String, String> seed(KernelWiring wiring) {
    Instant now = Instant.now();
    var identity = IdentityWiring.of(wiring);
    for (TenantId id : List.of(A, B)) {
      identity.customers().create(new Customer(id, new CustomerDetails(id.value(), List.of(id.value() + ".example.test"),
          SlaTier.KOPER, Language.NL, Optional.empty()), now, now, 1));
    }
    for (Person p : List.of(A_USER, A_ADMIN, B_USER, B_ADMIN, PENDING, AGENT, ADMIN)) {
      Membership membership = p.role().isCustomer() ? new Membership.CustomerMember(p.tenant().orElseThrow(), p.role())
          : p.role().isProviderStaff() ? new Membership.ProviderStaff(p.role()) : new Membership.Pending();
      identity.users().createIfAbsent(new UserProfile(p.id(), p.email(), new UserProfile.PersonName("Sweep", p.role().wireName(),
          "Sweep " + p.role().wireName()), Language.NL, membership, true, AccountSettings.DEFAULT, now, now, 1));
    }
    var access = new TicketAccess(SlaWiring.of(wiring).tickets(), identity.users());
    var create = new CreateTicket(access, TicketWiring.of(wiring).catalogue(), identity.customers(), wiring.clock());
    var reply = new ReplyToTicket(access, wiring.clock());
    Caller bUser = caller(B_USER);
    Caller agent = caller(AGENT);
    Ticket bTicket = create.execute(bUser, new NewTicketInput("incident", "email", "normal", "Mail " + B_MARK, "Beschrijving " + B_MARK,
        List.of(), null, null, null, null, null, null));
    reply.execute(agent, bTicket.ref(), new ReplyToTicket.ReplyInput("Intern " + B_MARK, true), TicketSource.PORTAL);
    Ticket aTicket = create.execute(caller(A_USER), new NewTicketInput("incident", "email", "normal", "Printer", "Printer stuk",
        List.of(), null, null, null, null, null, null));
    reply.execute(agent, aTicket.ref(), new ReplyToTicket.ReplyInput("Intern " + A_STAFF_MARK, true), TicketSource.PORTAL);

    var billing = BillingWiring.of(wiring);
    Caller admin = caller(ADMIN);
    billing.settings().put(admin, A, new SettingsInput(15, 15, true, List.of(), null, null, 0L));
    var bundle = billing.manageBundles().create(admin, B, new BundleInput(600, "2026-01-01", "2027-12-31", new BigDecimal("950.00"),
        null));
    billing.manageBundles().activate(admin, B, bundle.id());
    var aBundle = billing.manageBundles().create(admin, A, new BundleInput(600, "2026-01-01", "2027-12-31", new BigDecimal("950.00"),
        null));
    billing.manageBundles().activate(admin, A, aBundle.id());
    var registered = billing.registerTime().execute(agent, B, new RegistrationInput(java.time.LocalDate.now().toString(), 30, "bundle",
        "Werk " + B_MARK, "Notitie " + B_MARK, null));
    billing.registerTime().execute(agent, A, new RegistrationInput(java.time.LocalDate.now().toString(), 30, "bundle", "Werk voor A",
        "Notitie " + A_STAFF_MARK, null));
    var subscription = billing.subscriptions().create(admin, B, new SubscriptionInput("Dienst B", 1, new BigDecimal("10.00"),
        "monthly", "2026-01-01", "2027-12-31", true, null), Language.NL);

    // A service notice for B only: A's people must not change it. Its texts carry no marker: the public status page shows
    // every notice (never whom it affects), so its title is not B's secret; NoticesHandlerTest holds the customer views.
    var notice = nl.klantportaal.knowledge.notice.wiring.NoticeWiring.of(wiring, nl.klantportaal.mail.wiring.MailWiring.sender(wiring))
        .manage().create(agent, new nl.klantportaal.knowledge.notice.usecase.NoticeInput("outage", "Dienst B",
            new nl.klantportaal.knowledge.notice.usecase.NoticeInput.AffectsInput(null, List.of(B.value())), now.toString(), null,
            "investigating", new nl.klantportaal.knowledge.notice.usecase.NoticeInput.Texts(
                new nl.klantportaal.knowledge.notice.usecase.NoticeInput.Text("Storing", "Tekst"),
                new nl.klantportaal.knowledge.notice.usecase.NoticeInput.Text("Outage", "Text"),
                new nl.klantportaal.knowledge.notice.usecase.NoticeInput.Text("Störung", "Text"))));

    Map<String, String> ids = new HashMap<>();
    ids.put("customerId", B.value());
    ids.put("noticeId", notice.id());
    ids.put("ticketId", bTicket.ref().token());
    ids.put("userId", B_USER.id().value());
    ids.put("bundleId", bundle.id());
    ids.put("registrationId", registered.lines().getFirst().registrationId());
    ids.put("subscriptionId", subscription.id());
    // The knowledge base: an article for B only, and one for staff only (customers never read either).
    var kb = nl.klantportaal.knowledge.wiring.ArticleWiring.of(wiring);
    kb.manageCategories().create(admin, "cat-sweep", new nl.klantportaal.knowledge.article.usecase.CategoryInput("sweep",
        new nl.klantportaal.core.shared.domain.TextInput("Sweep", "Sweep", "Sweep"), 1, null));
    var bArticle = kb.manageArticles().create(agent, kbArticle("customer", B.value(), "Voor B " + B_MARK));
    kb.manageArticles().publish(agent, bArticle.articleId());
    var staffArticle = kb.manageArticles().create(agent, kbArticle("staff", null, "Intern " + A_STAFF_MARK));
    kb.manageArticles().publish(agent, staffArticle.articleId());
    ids.put("articleId", bArticle.articleId());
    ids.put("slug", bArticle.slug());
    ids.put("categoryId", "cat-sweep");
    ids.put("attachmentId", "00000000-0000-4000-8000-000000000000");
    ids.put("domain", B.value() + ".example.test");
    ids.put("tier", "goud");
    return ids;
  }

  private static nl.klantportaal.knowledge.article.usecase.ArticleInput kbArticle(String visibility, String customerId,
      String title) {
    return new nl.klantportaal.knowledge.article.usecase.ArticleInput("cat-sweep", visibility, customerId, List.of(),
        Map.of("nl", new nl.klantportaal.knowledge.article.usecase.ArticleInput.LanguageText(title, "Samenvatting " + title,
            "Tekst " + title)), null, null);
  }

  /** B's data as B sees it (and staff see B's registrations): compared before and after the customer-side sweep. */
  private static Map<String, String> readBack(KernelWiring wiring) {
    Map<String, String> state = new TreeMap<>();
    var billing = BillingWiring.of(wiring);
    state.put("B's bundles", billing.viewHours().overview(B, Language.NL).bundles().toString());
    state.put("B's subscriptions", billing.subscriptions().list(B, Language.NL).toString());
    state.put("B's registrations", billing.viewHours().entries(B, new nl.klantportaal.billing.usecase.EntryFilter(
        "2026-01-01", java.time.LocalDate.now().toString(), null, null), Language.NL, true).toString());
    state.put("B's knowledge article", nl.klantportaal.knowledge.wiring.ArticleWiring.of(wiring).browse().list(
        new nl.klantportaal.knowledge.article.domain.Reader.Staff(), Optional.of("cat-sweep"), Language.NL,
        nl.klantportaal.core.paging.PageRequest.first(50)).toString());
    state.put("B's notice", nl.klantportaal.knowledge.notice.wiring.NoticeWiring.of(wiring,
        nl.klantportaal.mail.wiring.MailWiring.sender(wiring)).view().list(caller(B_USER), Optional.of("current"), Language.NL).toString());
    state.put("B's customer", IdentityWiring.of(wiring).customers().find(B).orElseThrow().toString());
    state.put("B's user", IdentityWiring.of(wiring).users().find(B_USER.id()).orElseThrow().toString());
    state.put("B's tickets", SlaWiring.of(wiring).tickets().list(new nl.klantportaal.ticketing.port.TicketRepository.TicketQuery
        .Organisation(B, nl.klantportaal.ticketing.port.TicketRepository.Sort.UPDATED,
            nl.klantportaal.ticketing.port.TicketRepository.Filter.NONE),
        nl.klantportaal.core.paging.PageRequest.first(50)).items().toString());
    return state;
  }

  /** A call that must succeed: its caller, route, path parameters, query and body. */
  private record OwnCall(Person who, String routeKey, Map<String, String> ids, Map<String, String> query, Optional<String> body) {
    OwnCall(Person who, String routeKey, Map<String, String> ids) {
      this(who, routeKey, ids, Map.of(), Optional.empty());
    }
  }

  /**
   * Tenant A's objects for the successes (a bundle nobody booked on, a service request awaiting its
   * admin, a ticket to close and rate, a failing address) and the calls, in order: each with the
   * body and query of the sample in events/ that succeeds, its version set to the object's.
   */
  private static List<OwnCall> ownSuccesses(KernelWiring wiring) {
    Caller admin = caller(ADMIN);
    var billing = BillingWiring.of(wiring);
    String unused = billing.manageBundles().create(admin, A, new BundleInput(120, "2026-01-01", "2027-12-31", new BigDecimal("190.00"),
        null)).id();
    String aBundle = billing.viewHours().overview(A, Language.NL).bundles().getFirst().id();
    var identity = IdentityWiring.of(wiring);
    var access = new TicketAccess(SlaWiring.of(wiring).tickets(), identity.users());
    var create = new CreateTicket(access, TicketWiring.of(wiring).catalogue(), identity.customers(), wiring.clock());
    JsonNode request = read(Lambda.httpEvent("tickets/tickets/create-service-request.json").getBody());
    Ticket service = create.execute(caller(A_USER), new NewTicketInput("service-request", "email", null, "Teams-kanaal",
        "Graag een kanaal.", List.of(), "teams-team-or-channel", JSON.convertValue(request.path("answers"),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}), null, null, null, null));
    Ticket toRate = create.execute(caller(A_USER), new NewTicketInput("incident", "email", "normal", "Outlook start niet",
        "Sinds vanochtend.", List.of(), null, null, null, null, null, null));
    var bounced = new nl.klantportaal.notifications.domain.FailingAddress("oud@sweep-acme.example.test",
        nl.klantportaal.notifications.domain.FailingAddress.Reason.PERMANENT_BOUNCE, "5.1.1 user unknown", Instant.now());
    nl.klantportaal.notifications.wiring.NotificationWiring.of(wiring).failingAddresses().mark(bounced);

    Map<String, String> customer = Map.of("customerId", A.value());
    return List.of(
        new OwnCall(ADMIN, "PUT /customers/{customerId}", customer, Map.of(), body("identity/customers/update.json",
            Map.of("version", 1, "emailDomains", List.of(A.value() + ".example.test")))),
        new OwnCall(ADMIN, "PUT /customers/{customerId}/billing-settings", customer, Map.of(),
            body("billing/billing/put-billing-settings.json", Map.of("version", 1))),
        new OwnCall(ADMIN, "GET /audit", Map.of(), Map.of("object", "customer:" + A.value()), Optional.empty()),
        new OwnCall(ADMIN, "GET /audit", Map.of(), Map.of("actor", ADMIN.id().value()), Optional.empty()),
        new OwnCall(ADMIN, "GET /users/{userId}/export", Map.of("userId", A_USER.id().value())),
        new OwnCall(ADMIN, "PUT /catalogue/categories/{categoryId}", Map.of("categoryId", "backup"), Map.of(),
            body("tickets/catalogue/put-category.json", Map.of("version", 0))),   // a new id: a change of nothing
        new OwnCall(ADMIN, "PUT /catalogue/request-types/{requestTypeId}", Map.of("requestTypeId", "restore-files"), Map.of(),
            body("tickets/catalogue/put-request-type.json", Map.of("version", 0))),
        new OwnCall(ADMIN, "PUT /sla/calendar", Map.of(), Map.of(), body("sla/sla/put-calendar.json", Map.of("version", 0))),
        new OwnCall(ADMIN, "POST /customers/{customerId}/hour-bundles/{bundleId}/cancel", Map.of("customerId", A.value(),
            "bundleId", unused)),
        new OwnCall(A_USER, "GET /hour-bundles/{bundleId}", Map.of("bundleId", aBundle)),
        new OwnCall(AGENT, "GET /customers/{customerId}/time-registrations/export", customer,
            query("billing/billing/export-customer-xlsx.json"), Optional.empty()),
        new OwnCall(AGENT, "GET /customers/{customerId}/time-registrations/export", customer,
            withFormat(query("billing/billing/export-customer-xlsx.json"), "pdf"), Optional.empty()),
        new OwnCall(A_ADMIN, "GET /time-registrations/export", Map.of(), query("billing/billing/export-own-xlsx.json"), Optional.empty()),
        new OwnCall(A_ADMIN, "GET /time-registrations/export", Map.of(), query("billing/billing/export-own-pdf.json"), Optional.empty()),
        new OwnCall(A_ADMIN, "POST /tickets/{ticketId}/approval", Map.of("ticketId", service.ref().token()), Map.of(),
            body("tickets/tickets/approval.json", Map.of("version", service.version()))),
        new OwnCall(AGENT, "POST /tickets/{ticketId}/transitions", Map.of("ticketId", toRate.ref().token()), Map.of(),
            body("tickets/tickets/transition.json", Map.of("version", toRate.version()))),
        new OwnCall(A_USER, "POST /tickets/{ticketId}/transitions", Map.of("ticketId", toRate.ref().token()), Map.of(),
            body("tickets/tickets/transition-as-customer.json", Map.of("version", toRate.version() + 1))),
        new OwnCall(A_USER, "POST /tickets/{ticketId}/rating", Map.of("ticketId", toRate.ref().token()), Map.of(),
            body("tickets/ticket-feedback/rate.json", Map.of())),
        new OwnCall(ADMIN, "DELETE /mail/failing-addresses/{addressId}", Map.of("addressId", bounced.id())));
  }

  /** The body of a sample in events/ with these top-level fields set. */
  private static Optional<String> body(String sample, Map<String, Object> fields) {
    var body = (com.fasterxml.jackson.databind.node.ObjectNode) read(Lambda.httpEvent(sample).getBody());
    fields.forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
    return Optional.of(body.toString());
  }

  private static Map<String, String> query(String sample) {
    return Map.copyOf(Lambda.httpEvent(sample).getQueryStringParameters());
  }

  private static Map<String, String> withFormat(Map<String, String> query, String format) {
    Map<String, String> changed = new HashMap<>(query);
    changed.put("format", format);
    return changed;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Caller caller(Person p) {
    return new Caller(p.id(), p.tenant(), p.role(), true, Optional.of(p.email()));
  }
}
