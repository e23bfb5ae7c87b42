package nl.klantportaal.billing.handler;

import static nl.klantportaal.testing.HttpEvents.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.usecase.RegistrationInput;
import nl.klantportaal.billing.usecase.invoice.InvoiceInput;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.billing.wiring.InvoiceWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.HttpEvents;
import nl.klantportaal.testing.Lambda;
import nl.klantportaal.testing.MovableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invoices end to end through the handlers, on DynamoDB Local and s3proxy, "today" 1 December 2026:
 * drafting from November's time (at the agreement's rates), its subscription and an ordered bundle;
 * finalising with the yearly series; the PDF read back; mail from the administrative sender; credit
 * invoices; payment states and the daily notices; bad input; who sees what.
 */
class InvoicesFlowTest {
  private static final Caller AGENT = new Caller(BillingFixtures.AGENT, Optional.empty(), Role.PROVIDER_AGENT, true, Optional.empty());
  private static final Caller ADMIN = new Caller(BillingFixtures.ADMIN, Optional.empty(), Role.PROVIDER_ADMIN, true, Optional.empty());

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final RecordingMailSender mail = new RecordingMailSender();
  private KernelWiring wiring;
  private InvoicesHandler invoices;
  private BillingHandler billing;

  @BeforeEach
  void acmesNovember() {
    wiring = BillingFixtures.freshWiringWithBucket(clock);
    invoices = new InvoicesHandler(wiring, mail);
    billing = new BillingHandler(wiring);
    assertEquals(200, billing("put-billing-settings.json").getStatusCode(), "rates: 95.00, from 21 November 105.50");
  }

  private APIGatewayV2HTTPResponse call(String fixture) {
    return invoices.handleRequest(Lambda.httpEvent("billing/invoices/" + fixture), Lambda.context("invoices"));
  }

  private APIGatewayV2HTTPResponse on(String fixture, String invoiceId) {
    return invoices.handleRequest(HttpEvents.withPathParameter(Lambda.httpEvent("billing/invoices/" + fixture), "invoiceId", invoiceId),
        Lambda.context("invoices"));
  }

  private APIGatewayV2HTTPResponse billing(String fixture) {
    return billing.handleRequest(Lambda.httpEvent("billing/billing/" + fixture), Lambda.context("billing"));
  }

  private void register(String date, int minutes) {
    BillingWiring.of(wiring).registerTime().execute(AGENT, BillingFixtures.ACME,
        new RegistrationInput(date, minutes, "ad-hoc-billable", "Werkplek " + date, null, null));
  }

  private List<String> statusLabels() {
    List<String> labels = new ArrayList<>();
    HttpEvents.ok(billing("get-customer-registrations.json")).get("entries").forEach(e -> labels.add(e.get("invoiceStatusLabel").asText()));
    return labels;
  }

  private String acmesNovemberDraft() {
    register("2026-11-10", 60);
    register("2026-11-25", 45);
    assertEquals(201, billing("create-subscription.json").getStatusCode());
    assertEquals(201, billing("create-bundle.json").getStatusCode());
    assertEquals(200, call("put-invoice-profile.json").getStatusCode());
    APIGatewayV2HTTPResponse drafted = call("draft-invoice.json");
    assertEquals(201, drafted.getStatusCode(), drafted.getBody());
    return HttpEvents.json(drafted).get("id").asText();
  }

  @Test
  void aDraftBillsNovembersTimeSubscriptionAndBundleAndFinalisingNumbersItAndInvoicesTheTimeAtOnce() throws Exception {
    String id = acmesNovemberDraft();
    JsonNode draft = HttpEvents.ok(on("get-customer-invoice.json", id));
    assertEquals("draft", draft.get("status").asText());
    List<String> amounts = new ArrayList<>();
    draft.get("lines").forEach(l -> amounts.add(l.get("source").asText() + " " + l.get("amount").asText()));
    // 60 min at 95.00; 45 min at 105.50 (from 21 Nov) = 79.125 → 79.13; 12 × 20.60; the bundle; 2 × 75.00.
    assertEquals(List.of("time 95.00", "time 79.13", "subscription 247.20", "bundle 950.00", "manual 150.00"), amounts);
    assertEquals("1521.33", draft.get("totals").get("net").asText());
    assertEquals("319.48", draft.get("totals").get("vat").asText(), "1521.33 × 21 % = 319.4793");
    assertEquals("1840.81", draft.get("totals").get("total").asText());
    assertEquals(List.of("Nog te factureren", "Nog te factureren"), statusLabels(), "a draft invoices nothing yet");
    assertEquals(0, HttpEvents.ok(call("list-own-invoices.json")).get("invoices").size(), "a customer never sees a draft");
    assertProblem(on("get-own-invoice.json", id), 404, "not-found");

    JsonNode fin = HttpEvents.ok(on("finalise-invoice.json", id));
    assertEquals("open", fin.get("status").asText());
    assertEquals("2026-00001", fin.get("number").asText());
    assertEquals("2026-12-01", fin.get("invoiceDate").asText());
    assertEquals("2026-12-15", fin.get("dueDate").asText(), "the customer's 14-day term");
    assertEquals("acme-fixture", fin.get("billTo").get("name").asText());
    assertEquals("NL812345678B01", fin.get("billTo").get("vatId").asText());
    assertEquals(List.of("Gefactureerd Factuur #2026-00001", "Gefactureerd Factuur #2026-00001"), statusLabels());
    assertProblem(on("finalise-invoice.json", id), 409, "version-conflict");

    // The customer admin sees it and downloads the PDF the bucket keeps; a real reader finds number, lines and total.
    JsonNode own = HttpEvents.ok(call("list-own-invoices.json")).get("invoices");
    assertEquals(1, own.size());
    String url = HttpEvents.ok(on("get-own-invoice-document.json", id)).get("url").asText();
    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    String text;
    try (var document = Loader.loadPDF(pdf.body())) {
      text = new PDFTextStripper().getText(document);
    }
    for (String expected : List.of("2026-00001", "Microsoft 365 Business Premium", "Installatie werkplek", "1.840,81", "12345678",
        "NL812345678B01")) {
      assertTrue(text.contains(expected), expected + " in the PDF:\n" + text);
    }

    // Mailed once, with the PDF, to the billing contact, from the administrative sender.
    var sent = mail.sent().stream().filter(m -> m.to().equals("facturen@acme.example.test")).toList();
    assertEquals(1, sent.size());
    assertTrue(sent.getFirst().from().contains("administratie@"), sent.getFirst().from());
    assertEquals("Factuur 2026-00001 van Klantportaal", sent.getFirst().subject());
    assertTrue(sent.getFirst().text().contains(", te voldoen vóór 15 december 2026."), "the due date in words: " + sent.getFirst().text());
    assertEquals("factuur-2026-00001.pdf", sent.getFirst().attachments().getFirst().fileName());
    assertEquals(pdfText(sent.getFirst().attachments().getFirst().content()), text, "the mailed PDF is the stored one");

    // Invoiced time is not corrected; a credit invoice (next number) returns it, and it is billed again.
    var registration = HttpEvents.ok(billing("get-customer-registrations.json")).get("entries").get(0).get("registrationId").asText();
    assertProblem(billing.handleRequest(HttpEvents.withPathParameter(Lambda.httpEvent("billing/billing/correct-registration.json"),
        "registrationId", registration), Lambda.context("billing")), 409, "illegal-state");
    APIGatewayV2HTTPResponse credited = on("credit-invoice.json", id);
    assertEquals(201, credited.getStatusCode(), credited.getBody());
    JsonNode credit = HttpEvents.json(credited);
    assertEquals("credit", credit.get("kind").asText());
    assertEquals("2026-00002", credit.get("number").asText());
    assertEquals("-1840.81", credit.get("totals").get("total").asText());
    assertEquals("2026-00001", credit.get("credits").get("number").asText());
    assertEquals("paid", credit.get("status").asText(), "it corrects an unpaid invoice: settled at once, nothing owed either way");
    assertEquals("Verrekend", credit.get("statusLabel").asText());
    JsonNode original = HttpEvents.ok(on("get-customer-invoice.json", id));
    assertEquals("credited", original.get("status").asText());
    assertEquals("2026-00002", original.get("creditedBy").get("number").asText());
    assertEquals(List.of("Nog te factureren", "Nog te factureren"), statusLabels());
    assertProblem(on("credit-invoice.json", id), 409, "version-conflict");

    APIGatewayV2HTTPResponse again = call("draft-invoice.json");
    assertEquals(201, again.getStatusCode(), again.getBody());
    assertEquals("1840.81", HttpEvents.json(again).get("totals").get("total").asText(), "the credited time, subscription and bundle");
  }

  @Test
  void theInvoiceAndCreditInvoiceAreNamedInTheLanguageOfWhoGetsThem() throws Exception {
    // Billing contacts: an address only (the customer's language, nl), and two users reading English and German.
    BillingFixtures.person(wiring, new UserId("0a1b2c3d-0000-4000-8000-0000000c0021"), "Emma",
        new Membership.CustomerMember(BillingFixtures.ACME, Role.CUSTOMER_USER), Language.EN);
    BillingFixtures.person(wiring, new UserId("0a1b2c3d-0000-4000-8000-0000000c0022"), "Dieter",
        new Membership.CustomerMember(BillingFixtures.ACME, Role.CUSTOMER_USER), Language.DE);
    register("2026-11-10", 60);
    var profile = Lambda.httpEvent("billing/invoices/put-invoice-profile.json");
    profile.setBody(profile.getBody().replace("[\"facturen@acme.example.test\"]",
        "[\"facturen@acme.example.test\", \"emma@example.test\", \"dieter@example.test\"]"));
    assertEquals(200, invoices.handleRequest(profile, Lambda.context("invoices")).getStatusCode());
    String id = HttpEvents.json(call("draft-invoice.json")).get("id").asText();
    assertEquals(200, on("finalise-invoice.json", id).getStatusCode());
    assertEquals(Map.of("facturen@acme.example.test", "factuur-2026-00001.pdf", "emma@example.test", "invoice-2026-00001.pdf",
        "dieter@example.test", "Rechnung-2026-00001.pdf"), attachmentNames("2026-00001"), "each recipient's language");
    assertEquals("factuur-2026-00001.pdf", downloadName("get-own-invoice-document.json", id, "nl-NL,nl;q=0.9"));
    assertEquals("invoice-2026-00001.pdf", downloadName("get-own-invoice-document.json", id, "en-GB,en;q=0.9"));
    assertEquals("Rechnung-2026-00001.pdf", downloadName("get-customer-invoice-document.json", id, "de-DE"));

    APIGatewayV2HTTPResponse credited = on("credit-invoice.json", id);
    assertEquals(201, credited.getStatusCode(), credited.getBody());
    String credit = HttpEvents.json(credited).get("id").asText();
    assertEquals(Map.of("facturen@acme.example.test", "creditfactuur-2026-00002.pdf", "emma@example.test",
        "credit-note-2026-00002.pdf", "dieter@example.test", "Gutschrift-2026-00002.pdf"), attachmentNames("2026-00002"));
    assertEquals("creditfactuur-2026-00002.pdf", downloadName("get-customer-invoice-document.json", credit, "nl"));
    assertEquals("credit-note-2026-00002.pdf", downloadName("get-own-invoice-document.json", credit, "en"));
    assertEquals("Gutschrift-2026-00002.pdf", downloadName("get-own-invoice-document.json", credit, "de-AT,de;q=0.9"));
  }

  /** Who got the mailed invoice {@code number}, and the name its PDF was attached under. */
  private Map<String, String> attachmentNames(String number) {
    Map<String, String> names = new TreeMap<>();
    mail.sent().stream().filter(m -> !m.attachments().isEmpty() && m.attachments().getFirst().fileName().contains(number))
        .forEach(m -> names.put(m.to(), m.attachments().getFirst().fileName()));
    return names;
  }

  /** The name the presigned link of the invoice's PDF saves it under, asked for in {@code acceptLanguage}. */
  private String downloadName(String fixture, String invoiceId, String acceptLanguage) throws Exception {
    var event = HttpEvents.withPathParameter(Lambda.httpEvent("billing/invoices/" + fixture), "invoiceId", invoiceId);
    event.getHeaders().put("accept-language", acceptLanguage);
    String url = HttpEvents.ok(invoices.handleRequest(event, Lambda.context("invoices"))).get("url").asText();
    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    String disposition = pdf.headers().firstValue("content-disposition").orElse("");
    assertTrue(disposition.matches("attachment; filename=\"[A-Za-z0-9._-]+\""), "a plain quoted ASCII name: " + disposition);
    return disposition.substring("attachment; filename=\"".length(), disposition.length() - 1);
  }

  @Test
  void fiveHundredRegistrationsAttachInChunksAndAllReadInvoicedTheMomentTheInvoiceIsFinal() {
    for (int i = 0; i < 500; i++) {
      register(String.format("2026-11-%02d", 1 + i % 30), 30);
    }
    Invoice draft = InvoiceWiring.of(wiring, mail).drafts().draft(ADMIN, BillingFixtures.ACME,
        new InvoiceInput.Draft("2026-11-01", "2026-11-30", List.of()));
    assertEquals(500, draft.registrationLines());
    assertTrue(draft.complete());
    Set<String> labels = new TreeSet<>(statusLabels());
    assertEquals(Set.of("Nog te factureren"), labels);
    assertEquals(200, on("finalise-invoice.json", draft.id()).getStatusCode());
    List<String> after = statusLabels();
    assertEquals(500, after.size());
    assertEquals(Set.of("Gefactureerd Factuur #2026-00001"), new TreeSet<>(after));
  }

  @Test
  void twentyConcurrentFinalisationsTakeTwentyDistinctConsecutiveNumbers() throws Exception {
    // 20 at once, more than a provider's administrators finalise together, all racing for the year's counter (50
    // showed the same in 30 to 75 s of the suite: the retries grow with the square of the number racing)
    int concurrent = 20;
    var drafts = InvoiceWiring.of(wiring, mail).drafts();
    var issue = InvoiceWiring.of(wiring, mail).issue();
    List<Invoice> made = new ArrayList<>();
    for (int i = 0; i < concurrent; i++) {
      made.add(drafts.draft(ADMIN, i % 2 == 0 ? BillingFixtures.ACME : BillingFixtures.GLOBEX, new InvoiceInput.Draft("2026-10-01",
          "2026-10-31", List.of(new InvoiceInput.LineInput("Advies " + i, java.math.BigDecimal.ONE, "piece",
              new java.math.BigDecimal("100.00"), "21")))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrent);
    try {
      List<Future<Invoice>> finals = new ArrayList<>();
      for (Invoice draft : made) {
        finals.add(pool.submit(() -> issue.finalise(ADMIN, draft.tenant(), draft.id(), new InvoiceInput.Version(0L))));
      }
      Set<Integer> numbers = new TreeSet<>();
      for (Future<Invoice> f : finals) {
        numbers.add(f.get().number().orElseThrow().sequence());
      }
      Set<Integer> expected = new TreeSet<>();
      for (int n = 1; n <= concurrent; n++) {
        expected.add(n);
      }
      assertEquals(expected, numbers, "1 to " + concurrent + ", none twice, none skipped");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoDraftsRacingForTheSamePeriodLeaveOneDraftHoldingEverythingAndTheOtherNothing() throws Exception {
    for (int i = 0; i < 150; i++) {
      register(String.format("2026-11-%02d", 1 + i % 30), 30);
    }
    assertEquals(201, billing("create-bundle.json").getStatusCode());
    var drafts = InvoiceWiring.of(wiring, mail).drafts();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Invoice>> racing = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        racing.add(pool.submit(() -> drafts.draft(ADMIN, BillingFixtures.ACME, new InvoiceInput.Draft("2026-11-01", "2026-11-30",
            List.of()))));
      }
      List<Invoice> made = new ArrayList<>();
      int refused = 0;
      for (Future<Invoice> f : racing) {
        try {
          made.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          assertTrue(e.getCause() instanceof nl.klantportaal.core.shared.domain.DomainException.Conflict, e.getCause().toString());
          refused++;
        }
      }
      // One wins (or, when the second read the period after the first attached it all, the second bills nothing).
      JsonNode listed = HttpEvents.ok(call("list-customer-invoices.json")).get("invoices");
      int holding = 0;
      for (JsonNode invoice : listed) {
        if (invoice.get("registrationLines").asInt() > 0) {
          holding++;
          assertEquals(150, invoice.get("registrationLines").asInt(), "the winner holds all the time");
          assertTrue(invoice.get("complete").asBoolean());
        }
      }
      assertEquals(1, holding, "exactly one draft holds the period's time: " + listed);
      assertEquals(2, made.size() + refused);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badInputIsRefusedWithAProblemAndChangesNothing() {
    APIGatewayV2HTTPResponse invalid = call("draft-invoice-invalid.json");
    assertProblem(invalid, 400, "validation-failed");
    JsonNode fields = HttpEvents.json(invalid).get("errors");
    List<String> named = new ArrayList<>();
    fields.forEach(f -> named.add(f.get("field").asText()));
    assertTrue(named.containsAll(List.of("to", "lines[0].quantity", "lines[1].unitPrice", "lines[1].vatRate")), named.toString());
    assertEquals(0, HttpEvents.ok(call("list-customer-invoices.json")).get("invoices").size(), "nothing was drafted");
    assertProblem(call("put-invoice-profile-invalid.json"), 400, "validation-failed");

    // An empty draft cannot be finalised; a typed line with an unknown VAT rate is refused; the draft stays as it was.
    String empty = HttpEvents.json(call("draft-invoice-empty.json")).get("id").asText();
    assertProblem(on("finalise-invoice.json", empty), 409, "illegal-state");
    assertProblem(on("revise-invoice-lines-unknown-vat.json", empty), 400, "validation-failed");
    assertEquals(0, HttpEvents.ok(on("get-customer-invoice.json", empty)).get("version").asInt());
    assertEquals(200, on("revise-invoice-lines.json", empty).getStatusCode());
    assertProblem(on("invoice-status-unknown.json", empty), 400, "validation-failed");

    // A period whose time another draft holds is refused until that draft is finalised or discarded.
    register("2026-11-10", 60);
    String first = HttpEvents.json(call("draft-invoice.json")).get("id").asText();
    assertProblem(call("draft-invoice.json"), 409, "illegal-state");
    assertEquals(204, on("discard-invoice.json", first).getStatusCode());
    assertProblem(on("get-customer-invoice.json", first), 404, "not-found");
    APIGatewayV2HTTPResponse redrafted = call("draft-invoice.json");
    assertEquals(201, redrafted.getStatusCode(), "the discarded draft let go of its time");
    assertEquals(1, HttpEvents.json(redrafted).get("registrationLines").asInt());

    // A reverse-charged invoice needs the customer's VAT ID before it is final.
    String reverse = HttpEvents.json(redrafted).get("id").asText();
    assertEquals(204, on("discard-invoice.json", reverse).getStatusCode());
    assertEquals(200, call("put-invoice-profile-reverse-charge.json").getStatusCode());
    String noVatId = HttpEvents.json(call("draft-invoice.json")).get("id").asText();
    assertProblem(on("finalise-invoice.json", noVatId), 409, "illegal-state");
  }

  @Test
  void aLineOrATotalOfAHundredMillionEurosOrMoreIsRefusedAndTheDraftStaysAsItWas() {
    String empty = HttpEvents.json(call("draft-invoice-empty.json")).get("id").asText();
    var line = "{\"description\": \"Licenties\", \"quantity\": 100000, \"unitPrice\": %s, \"vatRate\": \"21\"}";
    var tooLarge = HttpEvents.withPathParameter(Lambda.httpEvent("billing/invoices/revise-invoice-lines.json"), "invoiceId", empty);
    tooLarge.setBody("{\"version\": 0, \"lines\": [" + line.formatted("1000") + "]}");
    APIGatewayV2HTTPResponse refused = invoices.handleRequest(tooLarge, Lambda.context("invoices"));
    assertProblem(refused, 400, "validation-failed");
    JsonNode error = HttpEvents.json(refused).get("errors").get(0);
    assertEquals("lines[0].unitPrice too-large", error.get("field").asText() + " " + error.get("code").asText());

    // Two lines of 90 million each: each an amount, their total (and its VAT) not.
    tooLarge.setBody("{\"version\": 0, \"lines\": [" + line.formatted("900") + ", " + line.formatted("900") + "]}");
    assertProblem(invoices.handleRequest(tooLarge, Lambda.context("invoices")), 409, "illegal-state");
    JsonNode unchanged = HttpEvents.ok(on("get-customer-invoice.json", empty));
    assertEquals(0, unchanged.get("version").asInt());
    assertEquals(0, unchanged.get("lines").size());
  }

  @Test
  void customersSeeTheirOwnFinalInvoicesOnlyAndStaffRolesAreKept() {
    String id = acmesNovemberDraft();
    assertProblem(call("draft-invoice-as-agent.json"), 403, "forbidden");
    assertProblem(on("finalise-invoice-as-agent.json", id), 403, "forbidden");
    assertEquals(1, HttpEvents.ok(call("list-customer-invoices.json")).get("invoices").size(), "agents read drafts");
    assertEquals(200, call("get-invoice-profile.json").getStatusCode());
    assertEquals(200, on("finalise-invoice.json", id).getStatusCode());
    assertEquals(200, on("get-own-invoice.json", id).getStatusCode());
    assertEquals(200, on("get-customer-invoice-document.json", id).getStatusCode());
    assertProblem(call("list-own-invoices-as-user.json"), 403, "forbidden");
    assertProblem(on("get-own-invoice-foreign.json", id), 404, "not-found");
  }

  @Test
  void paymentStatesMailAFailedCollectionAndPayingActivatesTheBundleAndTheDailyJobRemindsOnce() {
    String id = acmesNovemberDraft();
    assertEquals(200, on("finalise-invoice.json", id).getStatusCode());

    assertEquals("in-collection", HttpEvents.ok(on("invoice-in-collection.json", id)).get("status").asText());
    assertEquals("Incasso uitgevoerd", HttpEvents.ok(on("get-own-invoice.json", id)).get("statusLabel").asText());
    assertEquals("collection-failed", HttpEvents.ok(on("invoice-collection-failed.json", id)).get("status").asText());
    var failed = mail.sent().stream().filter(m -> m.subject().equals("Notificatie e-mail voor mislukte incasso")).toList();
    assertEquals(1, failed.size());
    assertEquals("anna@example.test", failed.getFirst().to());
    assertTrue(failed.getFirst().from().contains("administratie@"), failed.getFirst().from());
    assertProblem(on("invoice-in-collection.json", id), 409, "version-conflict");

    noticesAt("2026-12-16T06:30:00Z");
    assertEquals("collection-failed", HttpEvents.ok(on("get-customer-invoice.json", id)).get("status").asText(),
        "only an open invoice becomes overdue");
    noticesAt("2026-12-22T06:30:00Z");
    noticesAt("2026-12-22T06:31:00Z");
    assertEquals(1, mail.sent().stream().filter(m -> m.subject().equals("Betalingsherinnering factuur 2026-00001")).count(),
        "the 7-day reminder, once");
    assertTrue(mail.sent().stream().filter(m -> m.subject().equals("Betalingsherinnering factuur 2026-00001")).findFirst().orElseThrow()
        .text().contains("De vervaldatum was 15 december 2026 (7 dagen geleden)."), "the due date in words");
    noticesAt("2027-01-05T06:30:00Z");
    assertEquals(2, mail.sent().stream().filter(m -> m.subject().equals("Betalingsherinnering factuur 2026-00001")).count());

    assertEquals("paid", HttpEvents.ok(on("invoice-paid.json", id)).get("status").asText());
    JsonNode bundles = HttpEvents.ok(billing("get-customer-bundles.json")).get("bundles");
    assertEquals("active", bundles.get(0).get("status").asText(), "the paid invoice activated the bundle it billed");
  }

  @Test
  void aBundleActivatedBeforeItWasBilledIsBilledPayingActivatesEveryOrderedOneAndACreditBillsThemAgain() {
    String agreed = HttpEvents.json(billing("create-bundle.json")).get("bundle").get("id").asText();
    var activate = HttpEvents.withPathParameter(Lambda.httpEvent("billing/billing/activate-bundle.json"), "bundleId", agreed);
    assertEquals(200, billing.handleRequest(activate, Lambda.context("billing")).getStatusCode(), "activated once agreed");
    assertEquals(201, billing("create-bundle-ending-first.json").getStatusCode());
    assertEquals(201, billing("create-bundle-ending-first.json").getStatusCode());
    assertEquals(200, call("put-invoice-profile.json").getStatusCode());
    String id = HttpEvents.json(call("draft-invoice.json")).get("id").asText();
    List<String> lines = new ArrayList<>();
    HttpEvents.ok(on("get-customer-invoice.json", id)).get("lines").forEach(l -> lines.add(l.get("source").asText() + " "
        + l.get("amount").asText()));
    assertEquals(List.of("bundle 950.00", "bundle 200.00", "bundle 200.00"), bundleLines(lines),
        "the active bundle too: activating it before its invoice did not make it free");

    assertEquals(200, on("finalise-invoice.json", id).getStatusCode());
    assertEquals("paid", HttpEvents.ok(atVersionRead("invoice-paid.json", id)).get("status").asText());
    List<String> states = new ArrayList<>();
    HttpEvents.ok(billing("get-customer-bundles.json")).get("bundles").forEach(b -> states.add(b.get("status").asText()));
    assertEquals(List.of("active", "active", "active"), states, "paying activated both ordered bundles, not the first only");
    assertEquals(List.of(), draftLines(), "no bundle is left to bill");

    APIGatewayV2HTTPResponse credited = atVersionRead("credit-invoice.json", id);
    assertTrue(credited.getStatusCode() / 100 == 2, credited.getBody());
    assertEquals(List.of("bundle 950.00", "bundle 200.00", "bundle 200.00"), draftLines(),
        "what the credited invoice billed is billed again, though every bundle is active now");
  }

  /** A sample's request on {@code invoiceId} with the version the invoice has now. */
  private APIGatewayV2HTTPResponse atVersionRead(String fixture, String invoiceId) {
    var event = HttpEvents.withPathParameter(Lambda.httpEvent("billing/invoices/" + fixture), "invoiceId", invoiceId);
    long version = HttpEvents.ok(on("get-customer-invoice.json", invoiceId)).get("version").asLong();
    event.setBody(event.getBody().replaceFirst("\"version\": \\d+", "\"version\": " + version));
    return invoices.handleRequest(event, Lambda.context("invoices"));
  }

  /** The bundle lines of a draft of November (which also has a typed line), discarded again. */
  private List<String> draftLines() {
    APIGatewayV2HTTPResponse drafted = call("draft-invoice.json");
    assertEquals(201, drafted.getStatusCode(), drafted.getBody());
    List<String> lines = new ArrayList<>();
    HttpEvents.json(drafted).get("lines").forEach(l -> lines.add(l.get("source").asText() + " " + l.get("amount").asText()));
    assertEquals(204, on("discard-invoice.json", HttpEvents.json(drafted).get("id").asText()).getStatusCode());
    return bundleLines(lines);
  }

  private static List<String> bundleLines(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("bundle ")).sorted(Comparator.reverseOrder()).toList();
  }

  @Test
  void anOpenInvoicePastItsDueDateBecomesOverdueOnce() {
    String id = acmesNovemberDraft();
    assertEquals(200, on("finalise-invoice.json", id).getStatusCode());
    noticesAt("2026-12-15T06:30:00Z");
    assertEquals("open", HttpEvents.ok(on("get-customer-invoice.json", id)).get("status").asText(), "due today, not yet overdue");
    noticesAt("2026-12-16T06:30:00Z");
    assertEquals("overdue", HttpEvents.ok(on("get-customer-invoice.json", id)).get("status").asText());
    assertEquals("Vervallen", HttpEvents.ok(on("get-own-invoice.json", id)).get("statusLabel").asText());
  }

  @Test
  void theMonthlyScheduleDraftsEveryCustomersPreviousMonthOnce() {
    register("2026-11-10", 60);
    var event = Lambda.scheduledEvent("billing/monthly-invoice-drafts/scheduled.json");
    var drafts = new MonthlyInvoiceDraftsHandler(wiring, mail);
    var first = drafts.handleRequest(event, Lambda.context("monthly-invoice-drafts"));
    assertEquals("2026-11", first.get("month"));
    assertEquals(1, first.get("drafted"), "Acme has time; Globex has nothing to bill");
    assertEquals(0, drafts.handleRequest(event, Lambda.context("monthly-invoice-drafts")).get("drafted"), "a re-run drafts nothing");
    JsonNode listed = HttpEvents.ok(call("list-customer-invoices.json")).get("invoices");
    assertEquals("2026-11.month", listed.get(0).get("id").asText());
    assertEquals("95.00", listed.get(0).get("totals").get("net").asText());
    assertTrue(mail.sent().isEmpty(), "drafting mails nobody");
  }

  private void noticesAt(String time) {
    clock.set(Instant.parse(time));
    var event = Lambda.scheduledEvent("billing/invoice-notices/scheduled.json", Instant.parse(time));
    var run = new InvoiceNoticesHandler(wiring, mail).handleRequest(event, Lambda.context("invoice-notices"));
    assertEquals(0, run.get("failed"), run.toString());
  }

  private static String pdfText(byte[] pdf) throws java.io.IOException {
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
