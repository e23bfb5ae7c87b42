package nl.klantportaal.notifications.domain;

import static nl.klantportaal.notifications.domain.NotificationFixtures.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailThreadingTest {

  @Test
  void theMessageIdEncodesTheTicketAndPointsAtAStableRoot() {
    String outbox = MailThreading.outboxId("event-1", "user-1", MailKind.REPLY);
    String id = MailThreading.messageId(ACME, 42, outbox, "example.test");
    assertEquals("<t.acme-fixture.42." + outbox + "@example.test>", id);
    assertEquals("<t.acme-fixture.42@example.test>", MailThreading.rootId(ACME, 42, "example.test"));
    assertEquals(Optional.of(new MailThreading.TicketKey(ACME, 42)), MailThreading.ticketOf(id));
    assertEquals(Optional.of(new MailThreading.TicketKey(ACME, 42)), MailThreading.ticketOf("<t.acme-fixture.42@example.test>"));
    assertEquals(Optional.empty(), MailThreading.ticketOf("<random@elsewhere.test>"));
  }

  @Test
  void theOutboxIdIsStablePerEventRecipientAndKind() {
    String id = MailThreading.outboxId("event-1", "user-1", MailKind.REPLY);
    assertEquals(64, id.length());
    assertEquals(id, MailThreading.outboxId("event-1", "user-1", MailKind.REPLY), "a redelivered record gives the same id");
    assertNotEquals(id, MailThreading.outboxId("event-1", "user-2", MailKind.REPLY));
    assertNotEquals(id, MailThreading.outboxId("event-2", "user-1", MailKind.REPLY));
    assertNotEquals(id, MailThreading.outboxId("event-1", "user-1", MailKind.CREATED));
  }

  @Test
  void retriesBackOffAndStopAfterTheLastAttempt() {
    Instant now = Instant.parse("2026-11-23T09:30:00Z");
    RetryPolicy policy = RetryPolicy.DEFAULT;
    assertEquals(Optional.of(now.plus(Duration.ofMinutes(5))), policy.next(1, now));
    assertEquals(Optional.of(now.plus(Duration.ofMinutes(10))), policy.next(2, now));
    assertEquals(Optional.of(now.plus(Duration.ofMinutes(80))), policy.next(5, now));
    assertEquals(Optional.of(now.plus(Duration.ofHours(2))), policy.next(7, now));
    assertEquals(Optional.empty(), policy.next(8, now), "8 attempts in all, then FAILED");
    assertTrue(policy.lease().compareTo(Duration.ofMinutes(1)) > 0, "the lease outlasts a function timeout");
  }
}
