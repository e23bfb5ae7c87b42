package nl.klantportaal.billing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.LedgerChange;
import nl.klantportaal.billing.domain.Registration;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.port.BillingSettingsRepository;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;

/**
 * A correction never edits history: it reverses every line of the registration (restoring the
 * bundle minutes it took) and books the replacement as a new registration, in one transaction that
 * also marks the originals corrected by it, so a registration is corrected once. Invoiced time cannot be corrected
 * (409): a credit invoice corrects it. A reversal or an already corrected registration is refused (400).
 */
public final class CorrectRegistration {
  private final TimeLedger ledger;
  private final BillingSettingsRepository settings;
  private final RegisterTime register;
  private final RegisterTime.AgentNames agents;
  private final Clock clock;

  public CorrectRegistration(TimeLedger ledger, BillingSettingsRepository settings, RegisterTime register,
                             RegisterTime.AgentNames agents, Clock clock) {
    this.ledger = ledger;
    this.settings = settings;
    this.register = register;
    this.agents = agents;
    this.clock = clock;
  }

  public LedgerChange execute(Caller agent, TenantId customer, String registrationId, RegistrationInput replacement) {
    if (registrationId == null || !registrationId.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}\\.[a-z0-9]{8}")) {
      throw new DomainException.NotFound("Time registration");
    }
    List<TimeEntry> original = ledger.registration(customer, registrationId);
    if (original.isEmpty()) {
      throw new DomainException.NotFound("Time registration");
    }
    if (original.stream().anyMatch(TimeEntry::isReversal)) {
      throw refused("is-correction", "is a correction; correct the registration it replaced instead");
    }
    if (original.stream().anyMatch(l -> l.correctedBy().isPresent())) {
      throw refused("already-corrected", "has already been corrected; correct its replacement instead");
    }
    if (original.stream().anyMatch(l -> !l.status().correctable())) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "This time has been invoiced; a credit invoice corrects it");
    }
    Registration next = register.validated(customer, replacement);
    int billed = settings.load(customer).rounding().apply(next.minutes());
    // The reversals are a group of their own, dated as the original (its month, its period totals);
    // the replacement is a new registration that can itself be corrected later.
    String reversalId = RegisterTime.newRegistrationId(original.getFirst().date());
    String replacementId = RegisterTime.newRegistrationId(next.date());
    String name = agents.nameOf(agent);
    Instant now = clock.instant();
    return ledger.apply(customer, bundles -> {
      List<TimeEntry> lines = new ArrayList<>();
      int line = 1;
      for (TimeEntry entry : original) {
        lines.add(entry.reversal(reversalId, line++, agent.userId(), name, now));
      }
      // The replacement is planned as if the reversals had already given their minutes back.
      List<HourBundle> restored = bundles.stream().map(b -> restore(b, original)).toList();
      lines.addAll(RegisterTime.lines(replacementId, 1, customer, next, billed, restored, agent, name, now));
      return new LedgerChange(lines, original, Optional.of(replacementId));
    });
  }

  private static HourBundle restore(HourBundle bundle, List<TimeEntry> reversed) {
    int back = reversed.stream().filter(l -> l.status() instanceof InvoiceStatus.InBundle b && b.bundleId().equals(bundle.id()))
        .mapToInt(TimeEntry::minutes).sum();
    if (back == 0) {
      return bundle;
    }
    return bundle.withRemaining(Math.min(bundle.capacity(), bundle.remainingMinutes() + back));
  }

  private static DomainException refused(String code, String message) {
    return new DomainException.InvalidInput(List.of(new FieldError("registrationId", code, message)));
  }
}
