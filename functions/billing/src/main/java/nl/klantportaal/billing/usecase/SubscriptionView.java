package nl.klantportaal.billing.usecase;

import java.time.LocalDate;
import nl.klantportaal.billing.domain.Subscription;
import nl.klantportaal.core.shared.domain.Language;

/** A subscription as the API shows it: its service, cost per period, dates, renewal and status today. */
public record SubscriptionView(String id, String service, int quantity, String unitPrice, String periodPrice, String period,
                               String periodLabel, String startDate, String endDate, String currentEnd, boolean autoRenew,
                               String status, String statusLabel, long version) {

  public static SubscriptionView of(Subscription s, LocalDate today, Language language) {
    var status = s.status(today);
    return new SubscriptionView(s.id(), s.service(), s.quantity(), s.unitPrice().toString(), s.periodPrice().toString(),
        s.period().wireName(), s.period().label().in(language), s.startDate().toString(), s.endDate().toString(),
        s.currentEnd(today).toString(), s.autoRenew(), status.wireName(), status.label().in(language), s.version());
  }
}
