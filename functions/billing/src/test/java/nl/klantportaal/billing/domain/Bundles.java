package nl.klantportaal.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;

/** Bundles for the domain tests. */
final class Bundles {
  static final TenantId ACME = new TenantId("acme-fixture");

  private Bundles() {}

  static HourBundle active(String id, int bought, int remaining, String from, String until) {
    return new HourBundle(id, ACME, bought, remaining, LocalDate.parse(from), LocalDate.parse(until), Money.euros("100.00"),
        HourBundle.State.ACTIVE, Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"), 1, HourBundle.Carry.NONE);
  }

  static HourBundle pending(String id, int bought, String from, String until) {
    return new HourBundle(id, ACME, bought, bought, LocalDate.parse(from), LocalDate.parse(until), Money.euros("100.00"),
        HourBundle.State.PENDING, Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"), 1, HourBundle.Carry.NONE);
  }
}
