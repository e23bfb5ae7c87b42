package nl.klantportaal.identity.adapter.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.AuditEntry;
import nl.klantportaal.accounts.identity.domain.EmailChangeNotice;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.accounts.identity.usecase.AuthRequests;
import nl.klantportaal.accounts.identity.usecase.ChangeEmail;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.Role;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.paging.PageRequest;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
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
 * The e-mail change's notice to the old address, through the use case as the identity function wires it: the profile
 * repository and the outbox on DynamoDB Local, the notifications context's delivery, mail recorded at the
 * {@link MailSender} port, Cognito as {@link EmailChangeCognito} stands in for it, and an injected clock.
 */
class ChangeEmailNoticeTest {
  /** 10:30 on the Amsterdam clock (CET). */
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
  private static final UserId JAN = new UserId("0a1b2c3d-0000-4000-8000-0000000c0001");
  private static final TenantId ACME = new TenantId("acme-fixture");
  private static final String OLD = "jan@acme.example.test";
  private static final String NEW = "jan.jansen@privé.example.org";
  private static final Caller CALLER = new Caller(JAN, Optional.of(ACME), Role.CUSTOMER_USER, true, Optional.of(OLD));
  /** Every mail switched off: a security notice comes all the same. */
  private static final AccountSettings NO_MAIL = new AccountSettings(
      new AccountSettings.Notifications(false, false, false, false, false, false), List.of(), false);

  private MovableClock clock;
  private KernelWiring wiring;
  private RecordingMailSender mail;
  private EmailChangeCognito cognito;
  private ChangeEmail changeEmail;

  @BeforeEach
  void freshTable() {
    LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
    clock = new MovableClock(NOW);
    wiring = new KernelWiring(Config.fromEnvironment(TestEnvironment.forTable(dynamoDb, dynamoDb.createPortalTable())), clock);
    mail = new RecordingMailSender();
    cognito = new EmailChangeCognito(JAN, OLD);
    changeEmail = AccountMailWiring.of(wiring, mail).changeEmail(cognito);
  }

  private void seed(Language language, Membership membership) {
    IdentityWiring.of(wiring).users().createIfAbsent(new UserProfile(JAN, OLD, new UserProfile.PersonName("Jan", "Jansen",
        "Jan <Jansen>"), language, membership, true, NO_MAIL, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(30)), 1));
  }

  private UserProfile verify(String code) {
    return changeEmail.verify(CALLER, new AuthRequests.AccessToken(EmailChangeCognito.ACCESS_TOKEN, code));
  }

  private UserProfile stored() {
    return IdentityWiring.of(wiring).users().find(JAN).orElseThrow();
  }

  private Optional<OutboxEntry> notice(long version) {
    return NotificationWiring.of(wiring).outbox().find(MailThreading.outboxId("ACCOUNT#" + JAN.value() + "#EMAIL#" + version,
        JAN.value(), MailKind.EMAIL_CHANGED));
  }

  private List<String> auditActions() {
    return wiring.auditTrail().byActor(JAN.value(), PageRequest.first(10)).items().stream().map(r -> r.action()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "NL|Het e-mailadres van uw account in het Klantportaal is gewijzigd|Beste Jan <Jansen>,|is op 23 november 2026 om 10:30 (CET) gewijzigd in j•••@privé.example.org.|beantwoord deze e-mail of schrijf naar support@example.test.",
      "EN|The e-mail address of your Klantportaal account was changed|Dear Jan <Jansen>,|was changed on November 23, 2026 at 10:30 (CET) to j•••@privé.example.org.|reply to this e-mail or write to support@example.test.",
      "DE|Die E-Mail-Adresse Ihres Kontos im Klantportaal wurde geändert|Guten Tag Jan <Jansen>,|wurde am 23. November 2026 um 10:30 Uhr (MEZ) in j•••@privé.example.org geändert.|Antworten Sie auf diese E-Mail oder schreiben Sie an support@example.test.",
  })
  void aVerifiedChangeMailsTheOldAddressOnceInTheUsersLanguageWithTheNewOneMasked(Language language, String subject,
      String greeting, String change, String contact) {
    seed(language, new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    cognito.requestEmailChange(EmailChangeCognito.ACCESS_TOKEN, NEW);

    UserProfile next = verify(EmailChangeCognito.CODE);

    assertEquals(NEW, next.email());
    assertEquals(next, stored());
    assertEquals(2, stored().version());
    assertEquals(List.of("user.email-changed"), auditActions());
    assertEquals(1, mail.sent().size(), "one notice, though the account switched every mail off");
    MailSender.ThreadedMail notice = mail.sent().getFirst();
    assertEquals(OLD, notice.to(), "to the old address, not the new one");
    assertEquals("Klantportaal <no-reply@example.test>", notice.from(), "the usual sender");
    assertEquals(Optional.of("Klantportaal support <support@example.test>"), notice.replyTo(), "a reply reaches the service desk");
    assertEquals(subject, notice.subject());
    assertTrue(notice.text().startsWith(greeting + "\n\n"), notice.text());
    assertTrue(notice.text().contains(change), notice.text());
    assertTrue(notice.text().contains(contact), notice.text());
    assertFalse(notice.text().contains(NEW), "the new address only masked: " + notice.text());
    assertFalse(notice.html().contains(NEW), notice.html());
    assertTrue(notice.html().contains("Jan &lt;Jansen&gt;"), "the name escaped in HTML: " + notice.html());
    assertFalse(notice.html().contains("<a "), "no link at all, so none that signs anyone in: " + notice.html());
    assertTrue(notice.messageId().matches("<a\\.[0-9a-f]{64}@example\\.test>"), notice.messageId());
    assertEquals(Optional.empty(), MailThreading.ticketOf(notice.messageId()), "no ticket's thread");

    OutboxEntry entry = notice(2).orElseThrow();
    assertEquals(OutboxEntry.State.SENT, entry.state());
    assertEquals(MailKind.EMAIL_CHANGED, entry.kind());
    assertEquals(ACME, entry.tenant());
    assertEquals(JAN.value(), entry.recipientId(), "filed under the person, for the GDPR export and erasure");
  }

  @Test
  void aWrongCodeChangesNothingAndMailsNobody() {
    seed(Language.NL, new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    cognito.requestEmailChange(EmailChangeCognito.ACCESS_TOKEN, NEW);

    var refused = assertThrows(DomainException.Refused.class, () -> verify("654321"));

    assertEquals(DomainException.Refused.Reason.INVALID_CODE, refused.reason());
    assertEquals(OLD, stored().email(), "the new address waits for its code: it is not taken for a verified one");
    assertEquals(OLD + " (" + NEW + " unverified)", cognito.email(), "Cognito keeps the old address until the code comes back");
    assertEquals(1, stored().version());
    assertEquals(List.of(), auditActions());
    assertEquals(List.of(), mail.sent());
    assertEquals(Optional.empty(), notice(2));
  }

  @Test
  void aRepeatedVerifyMailsNoSecondTime() {
    seed(Language.NL, new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    cognito.requestEmailChange(EmailChangeCognito.ACCESS_TOKEN, NEW);
    verify(EmailChangeCognito.CODE);

    var again = assertThrows(DomainException.Refused.class, () -> verify(EmailChangeCognito.CODE));

    assertEquals(DomainException.Refused.Reason.EXPIRED_CODE, again.reason(), "Cognito spends a code once");
    assertEquals(2, stored().version(), "the profile holds the change once");
    assertEquals(List.of("user.email-changed"), auditActions());
    assertEquals(1, mail.sent().size());

    var mailbox = AccountMailWiring.of(wiring, mail).mailbox();
    mailbox.send(new EmailChangeNotice(JAN, Optional.of(ACME), 2, OLD, NEW, "Jan",
        Language.NL, NOW));
    assertEquals(1, mail.sent().size(), "the notice of that change, sent again, finds its outbox entry sent");
    clock.advance(Duration.ofHours(1));
    NotificationWiring.of(wiring).retryDueMail(mail).execute(clock.instant());
    assertEquals(1, mail.sent().size(), "nor does the retry job send it again");
  }

  @Test
  void aFailedSendLeavesTheChangeMadeAndTheNoticeToTheRetryJob() {
    seed(Language.EN, new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    cognito.requestEmailChange(EmailChangeCognito.ACCESS_TOKEN, NEW);
    mail.failing(true);

    UserProfile next = verify(EmailChangeCognito.CODE);

    assertEquals(NEW, next.email(), "the change stands: SES refusing the notice does not undo it");
    assertEquals(NEW, stored().email());
    OutboxEntry waiting = notice(2).orElseThrow();
    assertEquals(OutboxEntry.State.PENDING, waiting.state(), "queued with the change, not dropped");
    assertEquals(1, waiting.attempts(), "the send after the change was its first attempt");
    assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(5))), waiting.nextAttemptAt(), "the retry policy's first delay");
    assertEquals(List.of(), mail.sent());

    mail.failing(false);
    clock.advance(Duration.ofMinutes(6));
    NotificationWiring.of(wiring).retryDueMail(mail).execute(clock.instant());
    assertEquals(1, mail.sent().size());
    assertEquals(OLD, mail.sent().getFirst().to());
    assertEquals("The e-mail address of your Klantportaal account was changed", mail.sent().getFirst().subject());
    assertEquals(OutboxEntry.State.SENT, notice(2).orElseThrow().state());
    NotificationWiring.of(wiring).retryDueMail(mail).execute(clock.instant().plus(Duration.ofHours(3)));
    assertEquals(1, mail.sent().size(), "sent once");
  }

  @Test
  void aChangeCognitoMadeButTheTableDidNotIsRecordedWithItsNoticeWhenTheCodeComesAgain() {
    seed(Language.NL, new Membership.CustomerMember(ACME, Role.CUSTOMER_USER));
    cognito.requestEmailChange(EmailChangeCognito.ACCESS_TOKEN, NEW);
    // While Cognito checks the code, the profile changes (another tab's PATCH /me): the change's transaction fails.
    cognito.duringVerify = () -> {
      var users = IdentityWiring.of(wiring).users();
      UserProfile current = users.find(JAN).orElseThrow();
      users.update(current.withDetails(current.name(), Language.DE, current.settings(), NOW),
          new AuditEntry(NOW, JAN, "user.profile-updated", JAN, Optional.of(ACME), Map.of()));
      cognito.duringVerify = () -> {};
    };

    var conflict = assertThrows(DomainException.Conflict.class, () -> verify(EmailChangeCognito.CODE));

    assertEquals(DomainException.Conflict.Kind.VERSION, conflict.kind());
    assertEquals(OLD, stored().email(), "nothing of the change in the table");
    assertEquals(2, stored().version(), "the other change only");
    assertEquals(Optional.empty(), notice(3), "no notice without its change");
    assertEquals(List.of(), mail.sent());
    assertEquals(NEW, cognito.email(), "Cognito has the new address verified");

    clock.advance(Duration.ofMinutes(1));
    UserProfile recorded = verify(EmailChangeCognito.CODE);

    assertEquals(NEW, recorded.email(), "the spent code, sent again, records what Cognito already holds");
    assertEquals(3, stored().version());
    assertEquals(List.of("user.email-changed", "user.profile-updated"), auditActions());
    assertEquals(1, mail.sent().size());
    assertEquals(OLD, mail.sent().getFirst().to());
    assertEquals("Die E-Mail-Adresse Ihres Kontos im Klantportaal wurde geändert", mail.sent().getFirst().subject(),
        "in the language the profile has now");
    assertTrue(mail.sent().getFirst().text().contains("23. November 2026 um 10:31 Uhr (MEZ)"), mail.sent().getFirst().text());

    assertThrows(DomainException.Refused.class, () -> verify(EmailChangeCognito.CODE), "recorded once; then refused again");
    assertEquals(1, mail.sent().size());
  }

  @Test
  void anAccountWithoutACustomerGetsItsNoticeToo() {
    seed(Language.EN, new Membership.Pending());
    cognito.requestEmailChange(EmailChangeCognito.ACCESS_TOKEN, NEW);
    Caller pending = new Caller(JAN, Optional.empty(), Role.NONE, true, Optional.of(OLD));

    changeEmail.verify(pending, new AuthRequests.AccessToken(EmailChangeCognito.ACCESS_TOKEN, EmailChangeCognito.CODE));

    assertEquals(1, mail.sent().size());
    assertEquals(new TenantId(OutboxAccountMailbox.NO_CUSTOMER), notice(2).orElseThrow().tenant());
  }
}
