package nl.klantportaal.billing.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.billing.usecase.BundleInput;
import nl.klantportaal.billing.usecase.RegistrationInput;
import nl.klantportaal.billing.usecase.SettingsInput;
import nl.klantportaal.billing.wiring.BillingWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily hour notices: once per bundle and threshold, once per expiry, once per overflow day, to admins who want them. */
class HourNoticesHandlerTest {
  private static final Caller AGENT = new Caller(BillingFixtures.AGENT, Optional.empty(), Role.PROVIDER_AGENT, true, Optional.empty());
  private static final Caller ADMIN = new Caller(BillingFixtures.ADMIN, Optional.empty(), Role.PROVIDER_ADMIN, true, Optional.empty());
  private KernelWiring wiring;
  private BillingWiring billing;
  private RecordingMailSender mail;

  @BeforeEach
  void freshTable() {
    wiring = BillingFixtures.freshWiring();
    billing = BillingWiring.of(wiring);
    mail = new RecordingMailSender();
    billing.settings().put(ADMIN, BillingFixtures.ACME, new SettingsInput(1, 0, false, List.of(), null, null, 0L));
  }

  private String activeBundle(int minutes, String from, String until) {
    var bundle = billing.manageBundles().create(ADMIN, BillingFixtures.ACME,
        new BundleInput(minutes, from, until, new java.math.BigDecimal("100.00"), null));
    billing.manageBundles().activate(ADMIN, BillingFixtures.ACME, bundle.id());
    return bundle.id();
  }

  private void register(int minutes) {
    billing.registerTime().execute(AGENT, BillingFixtures.ACME, new RegistrationInput("2026-11-20", minutes, "bundle", "Werk", null, null));
  }

  private Map<String, Object> run() {
    var event = Lambda.scheduledEvent("billing/hour-notices/scheduled.json");
    return new HourNoticesHandler(wiring, mail).handleRequest(event, Lambda.context("hour-notices"));
  }

  private Map<String, Object> runAt(Instant time) {
    var event = Lambda.scheduledEvent("billing/hour-notices/scheduled.json", time);
    return new HourNoticesHandler(wiring, mail).handleRequest(event, Lambda.context("hour-notices"));
  }

  private nl.klantportaal.billing.domain.HourBundle bundle(String id) {
    return new nl.klantportaal.billing.adapter.dynamodb.DynamoDbBundles(wiring.table()).find(BillingFixtures.ACME, id).orElseThrow();
  }

  @Test
  void hoursLeftAtExpiryRollOverIntoTheNextBundleUpToTheCapAndTheRestLapses() {
    billing.settings().put(ADMIN, BillingFixtures.ACME, new SettingsInput(1, 0, false, List.of(), true, 60, 1L));
    String ending = activeBundle(120, "2026-11-01", "2026-11-30");
    String next = activeBundle(600, "2026-12-01", "2027-11-30");
    register(30);
    runAt(Instant.parse("2026-11-30T20:00:00Z")); // 21:00 in Amsterdam on its last day: not yet
    assertEquals(90, bundle(ending).remainingMinutes());
    runAt(Instant.parse("2026-12-01T06:00:00Z"));
    var expired = bundle(ending);
    assertEquals(0, expired.remainingMinutes());
    assertEquals(60, expired.carry().rolledOutMinutes());
    assertEquals(30, expired.carry().lapsedMinutes());
    assertEquals(Optional.of(next), expired.carry().rolledOutTo());
    assertEquals(30, expired.usedMinutes(), "what was booked stays booked");
    var into = bundle(next);
    assertEquals(660, into.remainingMinutes());
    assertEquals(60, into.carry().rolledInMinutes());
    assertEquals(660, into.capacity());
    runAt(Instant.parse("2026-12-02T06:00:00Z"));
    assertEquals(660, bundle(next).remainingMinutes(), "expiry happens once");
  }

  @Test
  void withoutRolloverEverythingLeftLapses() {
    String ending = activeBundle(120, "2026-11-01", "2026-11-30");
    activeBundle(600, "2026-12-01", "2027-11-30");
    register(30);
    runAt(Instant.parse("2026-12-01T06:00:00Z"));
    assertEquals(90, bundle(ending).carry().lapsedMinutes());
    assertEquals(0, bundle(ending).carry().rolledOutMinutes());
  }

  private List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    mail.sent().forEach(m -> subjects.add(m.to() + " " + m.subject()));
    return subjects;
  }

  @Test
  void eachThresholdIsMailedOnceToTheCustomersAdminsWithTheForecast() {
    activeBundle(600, "2026-01-01", "2027-06-30");
    register(470); // 78 %
    register(20); // 81 %: crosses 80
    Map<String, Object> first = run();
    assertEquals(1, first.get("mailsSent"));
    register(100); // 98 %: crosses 95
    assertEquals(1, run().get("mailsSent"));
    assertEquals(List.of("anna@example.test Uw urenbundel is voor 81% verbruikt", "anna@example.test Uw urenbundel is voor 98% verbruikt"),
        subjects(), "Anna is the customer admin; Jan, a user, gets nothing; each says how far the bundle is used");
    assertTrue(mail.sent().getFirst().text().contains("Nog te weinig verbruik voor een voorspelling")
        || mail.sent().getFirst().text().contains("In dit tempo"), mail.sent().getFirst().text());
    assertTrue(mail.sent().get(1).text().contains("is 9:50 van 10:00 uur verbruikt (98%). U heeft nog 0:10 uur."),
        mail.sent().get(1).text());
    assertEquals(0, run().get("mailsSent"), "a repeated run sends nothing again");
    assertEquals(2, mail.sent().size());
  }

  @Test
  void aBundleUsedUpPastBothThresholdsAtOnceGetsOneMailSayingSo() {
    activeBundle(600, "2026-01-01", "2027-06-30");
    register(600); // 100 %: crosses 80 and 95 in one booking
    Map<String, Object> outcome = run();
    assertEquals(1, outcome.get("mailsSent"), "not '80 %' and '95 %' for a bundle that is used up");
    assertEquals(List.of("anna@example.test Uw urenbundel is op"), subjects());
    assertTrue(mail.sent().getFirst().text().contains("is 10:00 van 10:00 uur verbruikt (100%). U heeft nog 0:00 uur."),
        mail.sent().getFirst().text());
    assertEquals(0, run().get("mailsSent"), "both notices are handled");
  }

  @Test
  void snapStartPrimingLeavesTheDueNoticesToTheRun() {
    activeBundle(600, "2026-01-01", "2027-06-30");
    register(490); // 81 %: crosses 80
    assertEquals(Map.of("hour notices due by 1970", "answered"), new HourNoticesHandler(wiring, mail).prime());
    assertEquals(List.of(), mail.sent(), "priming mails nothing that is due");
    assertEquals(1, run().get("mailsSent"), "and leaves the notice due for the run");
  }

  @Test
  void concurrentRunsSendEveryNoticeExactlyOnce() throws Exception {
    activeBundle(100, "2026-01-01", "2027-06-30");
    register(85);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Map<String, Object>>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(pool.submit((Callable<Map<String, Object>>) this::run));
    }
    int sent = 0;
    for (Future<Map<String, Object>> r : runs) {
      sent += (Integer) r.get().get("mailsSent");
    }
    pool.shutdown();
    assertEquals(1, sent);
    assertEquals(1, mail.sent().size());
  }

  @Test
  void aBundleEndingWithinThirtyDaysWithHoursLeftIsAnnouncedOnceAndOverflowOncePerDay() {
    activeBundle(60, "2026-11-01", "2026-12-15");
    register(30); // 50 %: no threshold
    register(60); // 30 from the bundle (crossing 80 and 95 at once), 30 overflow
    register(15); // more overflow the same day: no second overflow notice
    run();
    List<String> subjects = subjects().stream().sorted().toList();
    assertEquals(List.of("anna@example.test Uren buiten uw urenbundel geregistreerd", "anna@example.test Uw urenbundel is op"),
        subjects, "one mail for both thresholds crossed at once; expiry is not mailed for a used-up bundle");
    assertTrue(mail.sent().stream().anyMatch(m -> m.text().contains("0:45 uur geregistreerd")), "the day's overflow: 30 + 15 minutes");
    var overflow = mail.sent().stream().filter(m -> m.text().contains("0:45 uur geregistreerd")).findFirst().orElseThrow();
    assertTrue(overflow.text().contains("/#/time-registrations\n"), "the portal's registrations page (#/hours/registrations is no page): "
        + overflow.text());

    activeBundle(120, "2026-11-01", "2026-12-20");
    run();
    assertTrue(subjects().contains("anna@example.test Uw urenbundel verloopt op 20 december 2026"), subjects().toString());
    int before = mail.sent().size();
    run();
    assertEquals(before, mail.sent().size());
  }

  @Test
  void anAdminWhoTurnedHourMailOffGetsNone() {
    var users = IdentityWiring.of(wiring).users();
    var anna = users.find(new nl.klantportaal.core.claims.UserId("0a1b2c3d-0000-4000-8000-0000000c0002")).orElseThrow();
    var off = new AccountSettings(new AccountSettings.Notifications(true, true, true, false, true, true), anna.settings().dashboard());
    Instant at = Instant.parse("2026-11-23T10:00:00Z");
    users.update(anna.withDetails(anna.name(), anna.language(), off, at), new nl.klantportaal.accounts.identity.domain.AuditEntry(at,
        anna.id(), "settings-changed", anna.id(), Optional.of(BillingFixtures.ACME), Map.of()));
    activeBundle(100, "2026-01-01", "2027-06-30");
    register(85);
    assertEquals(0, run().get("mailsSent"));
    assertEquals(0, mail.sent().size());
  }
}
