package nl.klantportaal.billing.usecase;

import java.util.List;
import java.util.Map;

/**
 * The filtered registrations with their totals: minutes overall, per type and per invoice status,
 * and the value of the ad-hoc billable time at the customer's rates ({@code unpricedMinutes}: time
 * on a day no rate covers).
 */
public record EntryList(String from, String to, List<EntryView> entries, Totals totals) {
  public record Totals(int minutes, Map<String, Integer> byType, Map<String, Integer> byInvoiceStatus, String billableValue,
                       int unpricedMinutes) {}
}
