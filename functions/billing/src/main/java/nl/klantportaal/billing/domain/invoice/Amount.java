package nl.klantportaal.billing.domain.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.klantportaal.billing.domain.Money;

/**
 * An amount on an invoice in euros, exact to the cent and signed: a credit invoice's lines and totals
 * are negative. Prices ({@link Money}) are never negative; amounts only become so by crediting.
 */
public record Amount(BigDecimal value) implements Comparable<Amount> {
  public static final BigDecimal LIMIT = new BigDecimal("100000000");
  public static final Amount ZERO = new Amount(BigDecimal.ZERO);

  public Amount {
    if (value == null) {
      throw new IllegalArgumentException("An amount is required");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("An amount has at most two decimals");
    }
    value = value.setScale(2, RoundingMode.UNNECESSARY);
    if (value.abs().compareTo(LIMIT) >= 0) {
      throw new TooLarge();
    }
  }

  /** An invoice's line, total or VAT that would reach {@link #LIMIT}: the use case refuses that invoice. */
  public static final class TooLarge extends IllegalArgumentException {
    private TooLarge() {
      super("An amount is below 100,000,000 euros");
    }
  }

  /** Whether {@code value} (rounded to the cent) is an amount. */
  public static boolean fits(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).abs().compareTo(LIMIT) < 0;
  }

  public static Amount of(Money price) {
    return new Amount(price.amount());
  }

  public static Amount euros(String value) {
    return new Amount(new BigDecimal(value));
  }

  /** {@code exact} rounded half-up to the cent: the one rounding step every line and VAT amount takes. */
  public static Amount roundedHalfUp(BigDecimal exact) {
    return new Amount(exact.setScale(2, RoundingMode.HALF_UP));
  }

  public Amount plus(Amount other) {
    return new Amount(value.add(other.value));
  }

  public Amount negate() {
    return new Amount(value.negate());
  }

  public int signum() {
    return value.signum();
  }

  @Override
  public int compareTo(Amount other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}
