package nl.klantportaal.identity.adapter.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.usecase.ResetMfa;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.identity.testing.InMemoryUserDirectory;
import nl.klantportaal.identity.wiring.AccountMailWiring;
import nl.klantportaal.mail.testing.RecordingMailSender;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.domain.MailThreading;
import nl.klantportaal.notifications.domain.OutboxEntry;
import nl.klantportaal.notifications.wiring.NotificationWiring;
import nl.klantportaal.testing.LocalDynamoDb;
import nl.klantportaal.testing.MovableClock;
import nl.klantportaal.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MFA reset's notice to the account, through the use case as the users function wires it: the profile repository
 * and the outbox on DynamoDB Local, the notifications context's delivery, mail recorded at the {@link MailSender} port,
 * the directory in memory, and an injected clock. Like the e-mail-change notice: written with the reset, sent once,
 * whatever the mail preferences, and left to the retry job when the mail service fails, without failing the reset.
 */
class ResetMfaNoticeTest {
  /** 10:30 on the Amsterdam clock (CET). */
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private static final UserId JAN = new UserId("0a1b2c3d-0000-4000-8000-0000000c0001");
  private static final UserId ADMIN = new UserId("0a1b2c3d-0000-4000-8000-00000000a001");
  private static final TenantId ACME = new TenantId("acme-fixture");
  private static final String ADDRESS = "jan@acme.example.test";
  private static final Caller PROVIDER_ADMIN = new Caller(ADMIN, Optional.empty(), Role.PROVIDER_ADMIN, true,
      Optional.of("beheer@provider.example.test"));
  /** Every mail switched off: a security notice comes all the same. */
  private static final AccountSettings NO_MAIL = new AccountSettings(
      new AccountSettings.Notifications(false, false, false, false, false, false), List.of(), false);

  private MovableClock clock;
  private KernelWiring wiring;
  private RecordingMailSender mail;
  private InMemoryUserDirectory directory;
  private ResetMfa resetMfa;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    clock = new MovableClock(NOW);
    wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())), clock);
    mail = new RecordingMailSender();
    directory = new InMemoryUserDirectory().add(JAN, ADDRESS);
    directory.enrolTotp(JAN);
    resetMfa = AccountMailWiring.of(wiring, mail).resetMfa(directory);
  }

  private void seed(Language language) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(JAN, ADDRESS, new UserProfile.PersonName("Jan",
        "Jansen", "Jan <Jansen>"), language, new Membership.CustomerMember(ACME, Role.CUSTOMER_USER), true, NO_MAIL,
        NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(30)), 1));
  }

  private UserProfile stored() {
    return IdentityWiring.of(wiring).users().find(JAN).orElseThrow();
  }

  private Optional<OutboxEntry> notice(long version) {
    return NotificationWiring.of(wiring).outbox().find(MailThreading.outboxId("ACCOUNT#" + JAN.value() + "#MFA#" + version,
        JAN.value(), MailKind.MFA_RESET));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "NL|Uw tweestapsverificatie is opnieuw ingesteld|Beste Jan <Jansen>,|op 23 november 2026 om 10:30 (CET)|beantwoord deze e-mail of schrijf naar support@example.test.",
      "EN|Your two-factor authentication was reset|Dear Jan <Jansen>,|On November 23, 2026 at 10:30 (CET)|reply to this e-mail or write to support@example.test.",
      "DE|Ihre Zwei-Faktor-Authentifizierung wurde zurückgesetzt|Guten Tag Jan <Jansen>,|am 23. November 2026 um 10:30 Uhr (MEZ)|Antworten Sie auf diese E-Mail oder schreiben Sie an support@example.test.",
  })
  void aResetMailsTheAccountOnceInItsLanguageWithTheChangeInTheSameTransaction(Language language, String subject,
      String greeting, String when, String contact) {
    seed(language);

    UserProfile next = resetMfa.execute(PROVIDER_ADMIN, JAN, 1);

    assertFalse(next.mfaEnrolled());
    assertEquals(next, stored());
    assertEquals(Set.of(JAN), directory.mfaReset());
    assertEquals(Set.of(JAN), directory.signedOut());
    assertEquals(List.of("user.mfa-reset"), wiring.auditTrail().byActor(ADMIN.value(), PageRequest.first(10)).items()
        .stream().map(r -> r.action()).toList());
    assertEquals(1, mail.sent().size(), "one notice, though the account switched every mail off");
    MailSender.ThreadedMail sent = mail.sent().getFirst();
    assertEquals(ADDRESS, sent.to());
    assertEquals("Klantportaal <no-reply@example.test>", sent.from(), "the usual sender");
    assertEquals(subject, sent.subject());
    assertTrue(sent.text().startsWith(greeting + "\n\n"), sent.text());
    assertTrue(sent.text().contains(when), sent.text());
    assertTrue(sent.text().contains(contact), sent.text());
    assertTrue(sent.html().contains("Jan &lt;Jansen&gt;"), "the name escaped in HTML: " + sent.html());
    assertFalse(sent.html().contains("<a "), "no link at all: " + sent.html());

    OutboxEntry entry = notice(2).orElseThrow();
    assertEquals(OutboxEntry.State.SENT, entry.state());
    assertEquals(ACME, entry.tenant());
    assertEquals(JAN.value(), entry.recipientId(), "filed under the person, for the GDPR export and erasure");

    clock.advance(Duration.ofHours(1));
    NotificationWiring.of(wiring).retryDueMail(mail).execute(clock.instant());
    assertEquals(1, mail.sent().size(), "the retry job finds it sent");
  }

  @Test
  void aFailedSendLeavesTheResetMadeAndTheNoticeToTheRetryJob() {
    seed(Language.EN);
    mail.failing(true);

    UserProfile next = resetMfa.execute(PROVIDER_ADMIN, JAN, 1);

    assertFalse(next.mfaEnrolled(), "the reset stands: SES refusing the notice neither undoes it nor fails the request");
    assertFalse(stored().mfaEnrolled());
    OutboxEntry waiting = notice(2).orElseThrow();
    assertEquals(OutboxEntry.State.PENDING, waiting.state(), "queued with the reset, not dropped");
    assertEquals(List.of(), mail.sent());

    mail.failing(false);
    clock.advance(Duration.ofMinutes(6));
    NotificationWiring.of(wiring).retryDueMail(mail).execute(clock.instant());
    assertEquals(1, mail.sent().size());
    assertEquals("Your two-factor authentication was reset", mail.sent().getFirst().subject());
    assertEquals(OutboxEntry.State.SENT, notice(2).orElseThrow().state());
  }
}
