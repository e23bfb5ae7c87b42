package nl.klantportaal.accounts.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static List<Instant> failures(int count, Duration apart, Instant last) {
    List<Instant> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(last.minus(apart.multipliedBy(i)));
    }
    return list;
  }

  @Test
  void fourFailuresForAnAccountAreAllowedTheFifthLocks() {
    assertEquals(Optional.empty(), ThrottlePolicy.DEFAULT.retryAfter(failures(4, Duration.ofMinutes(1), NOW), List.of(), NOW));
    var wait = ThrottlePolicy.DEFAULT.retryAfter(failures(5, Duration.ofMinutes(1), NOW), List.of(), NOW);
    assertEquals(Optional.of(Duration.ofMinutes(11)), wait, "free when the oldest of the five leaves the 15-minute window");
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    assertEquals(Optional.empty(),
        ThrottlePolicy.DEFAULT.retryAfter(failures(5, Duration.ofMinutes(4), NOW.minus(Duration.ofMinutes(1))), List.of(), NOW));
  }

  @Test
  void twentyFailuresFromOneAddressLockThatAddressForEveryAccount() {
    assertEquals(Optional.empty(), ThrottlePolicy.DEFAULT.retryAfter(List.of(), failures(19, Duration.ofSeconds(10), NOW), NOW));
    assertEquals(true, ThrottlePolicy.DEFAULT.retryAfter(List.of(), failures(20, Duration.ofSeconds(10), NOW), NOW).isPresent());
  }
}
