package nl.klantportaal.core.shared.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshingTest {
  private Instant now = Instant.parse("2026-12-06T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };

  @Test
  void readsOncePerMaxAgeAndAgainAfterInvalidate() {
    AtomicInteger reads = new AtomicInteger();
    Refreshing<Integer> value = new Refreshing<>(reads::incrementAndGet, Duration.ofSeconds(60), clock);
    assertEquals(1, value.get());
    now = now.plusSeconds(59);
    assertEquals(1, value.get(), "59 s old: still the first read");
    now = now.plusSeconds(1);
    assertEquals(2, value.get(), "60 s old: read again");
    value.invalidate();
    assertEquals(3, value.get(), "invalidated: read again at once");
    now = now.minusSeconds(3600);
    assertEquals(4, value.get(), "a clock that went back reads again rather than trusting a future read");
    assertEquals(4, reads.get());
  }
}
