package nl.klantportaal.billing.domain.invoice;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An invoice's totals as Dutch law wants them: per VAT rate the base (the sum of that rate's line
 * amounts) and the VAT on it, rounded half-up to the cent once per rate (not per line); then the net
 * total, the VAT total and the total due. Rates no line uses do not appear.
 */
public record InvoiceTotals(List<PerRate> perRate, Amount net, Amount vat, Amount total) {

  public record PerRate(VatRate rate, Amount base, Amount vat) {}

  public static InvoiceTotals of(List<InvoiceLine> lines) {
    Map<VatRate, Amount> bases = new EnumMap<>(VatRate.class);
    for (InvoiceLine line : lines) {
      bases.merge(line.vatRate(), line.amount(), Amount::plus);
    }
    List<PerRate> perRate = bases.entrySet().stream()
        .map(e -> new PerRate(e.getKey(), e.getValue(), Amount.roundedHalfUp(e.getValue().value().multiply(e.getKey().fraction()))))
        .toList();
    Amount net = perRate.stream().map(PerRate::base).reduce(Amount.ZERO, Amount::plus);
    Amount vat = perRate.stream().map(PerRate::vat).reduce(Amount.ZERO, Amount::plus);
    return new InvoiceTotals(perRate, net, vat, net.plus(vat));
  }

  /** Whether a rate on this invoice is reverse-charged: the invoice must then say "btw verlegd" and name the customer's VAT ID. */
  public boolean reverseCharged() {
    return perRate.stream().anyMatch(p -> p.rate() == VatRate.REVERSE_CHARGE);
  }
}
