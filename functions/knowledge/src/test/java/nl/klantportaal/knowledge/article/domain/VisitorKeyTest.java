package nl.klantportaal.knowledge.article.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The daily claim key: the same visitor, article and purpose give one key a day, and nothing readable is in it. */
class VisitorKeyTest {
  private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
  private final VisitorKey keys = new VisitorKey(() -> SECRET);
  private final String visitor = VisitorKey.anonymous("203.0.113.10", "Mozilla/5.0");

  @Test
  void oneVisitorHasOneKeyPerDayArticleAndPurpose() {
    Instant morning = Instant.parse("2026-11-23T07:00:00Z");
    Instant evening = Instant.parse("2026-11-23T22:59:59Z");
    String key = keys.claim(morning, VisitorKey.Purpose.READ, "kb-1", visitor);
    assertEquals(key, keys.claim(evening, VisitorKey.Purpose.READ, "kb-1", visitor));
    assertNotEquals(key, keys.claim(morning.plus(Duration.ofDays(1)), VisitorKey.Purpose.READ, "kb-1", visitor));
    assertNotEquals(key, keys.claim(morning, VisitorKey.Purpose.VOTE, "kb-1", visitor));
    assertNotEquals(key, keys.claim(morning, VisitorKey.Purpose.READ, "kb-2", visitor));
    assertNotEquals(key, keys.claim(morning, VisitorKey.Purpose.READ, "kb-1", VisitorKey.anonymous("203.0.113.11", "Mozilla/5.0")));
    assertNotEquals(key, new VisitorKey(() -> "another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8))
        .claim(morning, VisitorKey.Purpose.READ, "kb-1", visitor));
  }

  @Test
  void theKeyIsAHashWithoutTheAddressAndExpiresADayLater() {
    Instant at = Instant.parse("2026-11-23T07:00:00Z");
    String key = keys.claim(at, VisitorKey.Purpose.READ, "kb-1", visitor);
    assertTrue(key.matches("[0-9a-f]{64}"));
    assertFalse(key.contains("203"));
    assertEquals(Instant.parse("2026-11-24T07:00:00Z"), VisitorKey.expiry(at));
  }
}
