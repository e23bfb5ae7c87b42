package nl.klantportaal.sla.domain;

import nl.klantportaal.core.shared.domain.Validation;

/**
 * What happens while a ticket waits for the customer: a reminder after {@code reminderAfterBusinessDays}
 * business days without an answer, repeated at that interval; once {@code remindersBeforeDrop}
 * reminders went unanswered, one more interval later the priority drops one step.
 *
 * <p>Defaults N = 2, M = 2. Microsoft's support terms (seed 003) promise a first reaction within one
 * business day for severity B and three for C, ask the customer to cooperate "in overeenkomstige mate",
 * and let support lower the severity when the customer does not respond within a reasonable time
 * (footnote 1). Two business days sits between those response times, and two unanswered reminders
 * (six business days in all) is a reasonable time before the priority — and with it the SLA — relaxes.
 */
public record WaitingPolicy(boolean enabled, int reminderAfterBusinessDays, int remindersBeforeDrop) {

  public WaitingPolicy {
    Validation validation = new Validation();
    validation.check(reminderAfterBusinessDays >= 1, "reminderAfterBusinessDays", "positive", "must be at least 1");
    validation.check(remindersBeforeDrop >= 1, "remindersBeforeDrop", "positive", "must be at least 1");
    validation.throwIfInvalid();
  }

  public static WaitingPolicy defaults() {
    return new WaitingPolicy(true, 2, 2);
  }

  public WaitingPolicy withEnabled(boolean on) {
    return new WaitingPolicy(on, reminderAfterBusinessDays, remindersBeforeDrop);
  }

  public WaitingPolicy withReminderAfterBusinessDays(int days) {
    return new WaitingPolicy(enabled, days, remindersBeforeDrop);
  }

  public WaitingPolicy withRemindersBeforeDrop(int reminders) {
    return new WaitingPolicy(enabled, reminderAfterBusinessDays, reminders);
  }
}
