package nl.klantportaal.billing.domain.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * One line of an invoice: what (in the customer's language, fixed when drafted), how much of it, the
 * price per unit, the VAT rate and the amount excluding VAT, rounded half-up to the cent once, on the
 * line. Time is priced from its exact minutes ({@code rate × minutes / 60}); the hours shown are
 * those minutes to two decimals. {@link Source} says what the line bills, so crediting can return it.
 */
public record InvoiceLine(String description, BigDecimal quantity, Unit unit, Amount unitPrice, VatRate vatRate, Amount amount,
    Source source) {

  public static final int MAX_DESCRIPTION = 300;

  public InvoiceLine {
    if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("A line's description is 1 to 300 characters");
    }
    if (quantity.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("A quantity has at most two decimals");
    }
    quantity = quantity.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** {@code quantity × unitPrice}, rounded half-up to the cent. */
  public static InvoiceLine of(String description, BigDecimal quantity, Unit unit, Amount unitPrice, VatRate vatRate, Source source) {
    return new InvoiceLine(description, quantity, unit, unitPrice, vatRate,
        Amount.roundedHalfUp(quantity.multiply(unitPrice.value())), source);
  }

  /** Time at an hourly rate: {@code rate × minutes / 60}, rounded half-up to the cent once; hours shown to two decimals. */
  public static InvoiceLine time(String description, int minutes, Amount hourly, VatRate vatRate, Source source) {
    BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    BigDecimal amount = hourly.value().multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    return new InvoiceLine(description, hours, Unit.HOUR, hourly, vatRate, new Amount(amount), source);
  }

  /**
   * A part of a period ({@code days} of its {@code periodDays}): {@code quantity × unitPrice × days /
   * periodDays}, rounded half-up to the cent once. A whole period ({@code days == periodDays}) is
   * exactly {@code quantity × unitPrice}.
   */
  public static InvoiceLine prorated(String description, BigDecimal quantity, Unit unit, Amount unitPrice, VatRate vatRate, int days,
      int periodDays, Source source) {
    if (days < 1 || days > periodDays) {
      throw new IllegalArgumentException("A part of a period is 1 day up to the whole period");
    }
    BigDecimal amount = quantity.multiply(unitPrice.value()).multiply(BigDecimal.valueOf(days))
        .divide(BigDecimal.valueOf(periodDays), 2, RoundingMode.HALF_UP);
    return new InvoiceLine(description, quantity, unit, unitPrice, vatRate, new Amount(amount), source);
  }

  /** The same line with every amount negated: the line of a credit invoice. */
  public InvoiceLine negated() {
    Source negatedSource = source instanceof Source.Time t ? new Source.Time(t.type(), -t.minutes()) : source;
    return new InvoiceLine(description, quantity.negate(), unit, unitPrice, vatRate, amount.negate(), negatedSource);
  }

  public enum Unit implements WireEnum {
    // Abbreviations, so one label reads right after any quantity (1 or 2 months alike).
    HOUR("hour", new LocalizedText("uur", "h", "Std.")),
    MONTH("month", new LocalizedText("mnd", "mo", "Mon.")),
    YEAR("year", new LocalizedText("jr", "yr", "J.")),
    PIECE("piece", new LocalizedText("st.", "pcs", "Stk."));

    private final String wireName;
    private final LocalizedText label;

    Unit(String wireName, LocalizedText label) {
      this.wireName = wireName;
      this.label = label;
    }

    @Override
    public String wireName() {
      return wireName;
    }

    public LocalizedText label() {
      return label;
    }
  }

  /** What a line bills. */
  public sealed interface Source {
    /** The customer's time still to be invoiced, of one type at one hourly rate. */
    record Time(RegistrationType type, int minutes) implements Source {}

    /** One charged stretch of a subscription ({@code from} … {@code to}, inclusive), claimed once. */
    record SubscriptionCharge(String subscriptionId, LocalDate from, LocalDate to) implements Source {}

    /** An ordered (pending) hour bundle; a paid invoice activates it. */
    record Bundle(String bundleId) implements Source {}

    /** A line the provider admin typed. */
    record Manual() implements Source {}
  }
}
