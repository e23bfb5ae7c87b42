package nl.klantportaal.knowledge.notice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

class NoticeTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:30:00Z"), ZoneOffset.UTC);
  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");
  private static final Map<Language, Notice.Text> TEXTS = Map.of(Language.NL, new Notice.Text("Mail vertraagd", "Wij onderzoeken het."),
      Language.EN, new Notice.Text("Mail delayed", "We are investigating."), Language.DE,
      new Notice.Text("E-Mail verzögert", "Wir untersuchen es."));
  private static final Map<Language, String> UPDATE = Map.of(Language.NL, "Oorzaak gevonden.", Language.EN, "Cause found.",
      Language.DE, "Ursache gefunden.");

  private static Notice outage(Affects affects) {
    return Notice.open("ntc-20261123-abcdef", NoticeKind.OUTAGE, "Microsoft 365", affects, CLOCK.instant().minusSeconds(600),
        Optional.of(CLOCK.instant().plusSeconds(7200)), NoticeStatus.INVESTIGATING, TEXTS, "agent", CLOCK.instant());
  }

  @Test
  void eachKindStartsOnlyInItsOpeningStatuses() {
    assertTrue(NoticeKind.OUTAGE.startsIn(NoticeStatus.INVESTIGATING));
    assertFalse(NoticeKind.OUTAGE.startsIn(NoticeStatus.RESOLVED));
    assertFalse(NoticeKind.OUTAGE.startsIn(NoticeStatus.SCHEDULED));
    assertTrue(NoticeKind.MAINTENANCE.startsIn(NoticeStatus.SCHEDULED));
    assertTrue(NoticeKind.MAINTENANCE.startsIn(NoticeStatus.IN_PROGRESS));
    assertFalse(NoticeKind.MAINTENANCE.startsIn(NoticeStatus.INVESTIGATING));
    assertTrue(NoticeKind.INFORMATION.startsIn(NoticeStatus.IN_PROGRESS));
    assertFalse(NoticeKind.INFORMATION.startsIn(NoticeStatus.COMPLETED));
    var refused = assertThrows(DomainException.Conflict.class, () -> Notice.open("ntc-20261123-abcdef", NoticeKind.MAINTENANCE,
        "Back-up", new Affects.All(), CLOCK.instant(), Optional.empty(), NoticeStatus.INVESTIGATING, TEXTS, "agent", CLOCK.instant()));
    assertEquals(DomainException.Conflict.Kind.ILLEGAL_STATE, refused.kind());
  }

  @Test
  void anOutageMovesBetweenItsOpenStatusesAndEndsResolved() {
    Notice open = outage(new Affects.All());
    var identified = open.update(NoticeStatus.IDENTIFIED, Optional.empty(), UPDATE, "agent", CLOCK.instant());
    assertEquals(NoticeStatus.IDENTIFIED, identified.notice().status());
    assertEquals(2, identified.notice().version());
    assertEquals(Optional.of(NoticeOccasion.status(open.id(), NoticeStatus.IDENTIFIED)), identified.occasion());
    var relapse = identified.notice().update(NoticeStatus.INVESTIGATING, Optional.empty(), UPDATE, "agent", CLOCK.instant());
    assertTrue(relapse.notice().current());
    Instant later = CLOCK.instant().plus(Duration.ofHours(2));
    var resolved = relapse.notice().update(NoticeStatus.RESOLVED, Optional.empty(), UPDATE, "agent", later);
    assertFalse(resolved.notice().current());
    assertEquals(Optional.of(later), resolved.notice().endedAt());
    assertEquals(3, resolved.notice().updates().size());
    var ended = assertThrows(DomainException.Conflict.class,
        () -> resolved.notice().update(NoticeStatus.MONITORING, Optional.empty(), UPDATE, "agent", later));
    assertEquals(DomainException.Conflict.Kind.ILLEGAL_STATE, ended.kind());
    assertThrows(DomainException.Conflict.class,
        () -> open.update(NoticeStatus.COMPLETED, Optional.empty(), UPDATE, "agent", later), "completed is maintenance's");
  }

  @Test
  void maintenanceGoesForwardOnlyAndAnUpdateThatKeepsTheStatusIsNotMailed() {
    Notice planned = Notice.open("ntc-20261123-bcdefg", NoticeKind.MAINTENANCE, "Exchange", new Affects.All(),
        CLOCK.instant().plus(Duration.ofDays(2)), Optional.of(CLOCK.instant().plus(Duration.ofDays(2).plusHours(3))),
        NoticeStatus.SCHEDULED, TEXTS, "agent", CLOCK.instant());
    var kept = planned.update(NoticeStatus.SCHEDULED, Optional.empty(), UPDATE, "agent", CLOCK.instant());
    assertEquals(Optional.empty(), kept.occasion());
    var started = kept.notice().update(NoticeStatus.IN_PROGRESS, Optional.empty(), UPDATE, "agent", CLOCK.instant());
    assertThrows(DomainException.Conflict.class,
        () -> started.notice().update(NoticeStatus.SCHEDULED, Optional.empty(), UPDATE, "agent", CLOCK.instant()));
    var done = started.notice().update(NoticeStatus.COMPLETED, Optional.empty(), UPDATE, "agent", CLOCK.instant());
    assertEquals(Optional.of(NoticeOccasion.status(planned.id(), NoticeStatus.COMPLETED)), done.occasion());
    assertFalse(done.notice().current());
  }

  @Test
  void theExpectedEndMustFollowTheStart() {
    assertThrows(DomainException.InvalidInput.class, () -> Notice.open("ntc-20261123-abcdef", NoticeKind.OUTAGE, "Mail",
        new Affects.All(), CLOCK.instant(), Optional.of(CLOCK.instant().minusSeconds(1)), NoticeStatus.INVESTIGATING, TEXTS, "agent",
        CLOCK.instant()));
    Notice open = outage(new Affects.All());
    assertThrows(DomainException.InvalidInput.class, () -> open.update(NoticeStatus.IDENTIFIED,
        Optional.of(open.startsAt().minusSeconds(60)), UPDATE, "agent", CLOCK.instant()));
    var moved = open.update(NoticeStatus.IDENTIFIED, Optional.of(CLOCK.instant().plusSeconds(99_999)), UPDATE, "agent",
        CLOCK.instant());
    assertEquals(Optional.of(CLOCK.instant().plusSeconds(99_999)), moved.notice().expectedEndAt());
  }

  @Test
  void aCustomerSeesOnlyNoticesForEveryCustomerOrItsOwn() {
    assertTrue(outage(new Affects.All()).visibleTo(GLOBEX));
    Notice acmeOnly = outage(new Affects.Customers(Set.of(ACME)));
    assertTrue(acmeOnly.visibleTo(ACME));
    assertFalse(acmeOnly.visibleTo(GLOBEX));
    assertThrows(IllegalArgumentException.class, () -> new Affects.Customers(Set.of()));
  }

  @Test
  void theStatusPageShowsPastNoticesForNinetyDaysAfterTheyEnded() {
    Instant ended = CLOCK.instant();
    Notice resolved = outage(new Affects.All()).update(NoticeStatus.RESOLVED, Optional.empty(), UPDATE, "agent", ended).notice();
    assertTrue(resolved.shownAt(ended.plus(Duration.ofDays(90))));
    assertFalse(resolved.shownAt(ended.plus(Duration.ofDays(90)).plusSeconds(1)));
    assertTrue(outage(new Affects.All()).shownAt(ended.plus(Duration.ofDays(400))), "a current notice always shows");
  }

  @Test
  void aTimelineIsBounded() {
    Notice notice = outage(new Affects.All());
    for (int i = 0; i < Notice.MAX_UPDATES; i++) {
      notice = notice.update(NoticeStatus.INVESTIGATING, Optional.empty(), UPDATE, "agent", CLOCK.instant()).notice();
    }
    Notice full = notice;
    assertThrows(DomainException.Conflict.class,
        () -> full.update(NoticeStatus.IDENTIFIED, Optional.empty(), UPDATE, "agent", CLOCK.instant()));
  }

  @Test
  void occasionsHaveStableKeysPerNoticeAndStatus() {
    assertEquals("notice#ntc-1#created", NoticeOccasion.created("ntc-1").eventKey());
    assertEquals("notice#ntc-1#status-in-progress", NoticeOccasion.status("ntc-1", NoticeStatus.IN_PROGRESS).eventKey());
    assertEquals(NoticeOccasion.status("ntc-1", NoticeStatus.IN_PROGRESS), NoticeOccasion.parse("ntc-1", "status-in-progress"));
    assertEquals(NoticeOccasion.created("ntc-1"), NoticeOccasion.parse("ntc-1", "created"));
  }

  @Test
  void theMailIsWrittenInTheRecipientsLanguage() {
    Notice open = outage(new Affects.All());
    var nl = NoticeMail.render(open, NoticeOccasion.created(open.id()), Language.NL, "Anna", "https://portal.example.test/#/status");
    assertEquals("[Storing] Microsoft 365: Mail vertraagd", nl.subject());
    assertTrue(nl.text().contains("Beste Anna,"));
    assertTrue(nl.text().contains("Wij onderzoeken het."));
    assertTrue(nl.text().contains("https://portal.example.test/#/status"));
    assertTrue(nl.text().contains("Begin: 23 november 2026 om 10:20 (CET)\nVerwacht einde: 23 november 2026 om 12:30 (CET)"),
        "times in words on the Amsterdam clock with the zone named: " + nl.text());
    var updated = open.update(NoticeStatus.IDENTIFIED, Optional.empty(), UPDATE, "agent", CLOCK.instant());
    var de = NoticeMail.render(updated.notice(), updated.occasion().orElseThrow(), Language.DE, "Greta", "https://x.example.test");
    assertEquals("[Störung] Microsoft 365: E-Mail verzögert (Ursache gefunden)", de.subject());
    assertTrue(de.text().contains("Ursache gefunden."));
    assertTrue(de.text().contains("Beginn: 23. November 2026 um 10:20 Uhr (MEZ)"), de.text());
    var en = NoticeMail.render(updated.notice(), updated.occasion().orElseThrow(), Language.EN, "<b>Eve</b>", "https://x.example.test");
    assertTrue(en.text().contains("Dear <b>Eve</b>,"));
    assertTrue(en.text().contains("Start: November 23, 2026 at 10:20 (CET)"), en.text());
    assertTrue(en.html().contains("Dear &lt;b&gt;Eve&lt;/b&gt;,"), "HTML is escaped");
  }
}
