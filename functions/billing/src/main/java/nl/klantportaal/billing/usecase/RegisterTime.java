package nl.klantportaal.billing.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.Allocation;
import nl.klantportaal.billing.domain.HourBundle;
import nl.klantportaal.billing.domain.LedgerChange;
import nl.klantportaal.billing.domain.Registration;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.port.BillingSettingsRepository;
import nl.klantportaal.billing.port.TicketLookup;
import nl.klantportaal.billing.port.TimeLedger;
import nl.klantportaal.core.claims.Caller;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.FieldError;
import nl.klantportaal.core.shared.domain.RandomIds;

/**
 * Provider staff register time for a customer, on a ticket of that customer or on the customer
 * itself. The customer's rounding rule is applied once, here; bundle time is deducted from the
 * active bundles that cover the date, earliest end first, and what they do not cover is booked as
 * ad-hoc billable overflow, all in one transaction of the ledger.
 */
public final class RegisterTime {
  private final TimeLedger ledger;
  private final BillingSettingsRepository settings;
  private final TicketLookup tickets;
  private final AgentNames agents;
  private final Clock clock;

  public RegisterTime(TimeLedger ledger, BillingSettingsRepository settings, TicketLookup tickets, AgentNames agents, Clock clock) {
    this.ledger = ledger;
    this.settings = settings;
    this.tickets = tickets;
    this.agents = agents;
    this.clock = clock;
  }

  /** The name an agent's lines carry (the customer reads it). */
  @FunctionalInterface
  public interface AgentNames {
    String nameOf(Caller agent);
  }

  public LedgerChange execute(Caller agent, TenantId customer, RegistrationInput input) {
    Registration registration = validated(customer, input);
    int billed = settings.load(customer).rounding().apply(registration.minutes());
    String registrationId = newRegistrationId(registration.date());
    String name = agents.nameOf(agent);
    Instant now = clock.instant();
    return ledger.apply(customer, bundles -> LedgerChange.booking(
        lines(registrationId, 1, customer, registration, billed, bundles, agent, name, now)));
  }

  Registration validated(TenantId customer, RegistrationInput input) {
    Registration registration = input.validate(BillingDates.today(clock));
    registration.ticket().ifPresent(number -> {
      if (!tickets.exists(customer, number)) {
        throw new DomainException.InvalidInput(List.of(new FieldError("ticketNumber", "not-found",
            "is not a ticket of this customer")));
      }
    });
    return registration;
  }

  /** The ledger lines of {@code registration} booked against {@code bundles}, numbered from {@code firstLine}. */
  static List<TimeEntry> lines(String registrationId, int firstLine, TenantId customer, Registration registration, int billed,
                               List<HourBundle> bundles, Caller agent, String agentName, Instant at) {
    Allocation allocation = Allocation.plan(registration.type(), billed, registration.date(), bundles);
    List<TimeEntry> lines = new ArrayList<>();
    int line = firstLine;
    for (Allocation.Part part : allocation.parts()) {
      lines.add(new TimeEntry(registrationId, line++, customer, registration.date(), part.minutes(), registration.minutes(),
          part.type(), part.status(), part.overflow(), agent.userId(), agentName, registration.description(),
          registration.internalNote(), registration.ticket(), Optional.empty(), Optional.empty(), at));
    }
    return lines;
  }

  /** {@code <date>.<random>}: the date keys the month partition, so a registration is found by its id alone. */
  static String newRegistrationId(LocalDate date) {
    return date + "." + RandomIds.suffix() + RandomIds.suffix().substring(0, 2);
  }
}
