package nl.klantportaal.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in euros, exact to the cent (never a double). */
public record Money(BigDecimal amount) implements Comparable<Money> {
  /** Every amount, and every product of amounts the portal shows (a period's price, time's value), is below this. */
  public static final BigDecimal LIMIT = new BigDecimal("10000000");
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  public Money {
    if (amount == null) {
      throw new IllegalArgumentException("An amount is required");
    }
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("An amount has at most two decimals");
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    if (amount.signum() < 0 || amount.compareTo(LIMIT) >= 0) {
      throw new IllegalArgumentException("An amount is between 0 and 10,000,000 euros");
    }
  }

  public static Money euros(String amount) {
    return new Money(new BigDecimal(amount));
  }

  /** This hourly rate for {@code minutes}, rounded half-up to the cent. */
  public Money forMinutes(long minutes) {
    return new Money(valueOfMinutes(minutes));
  }

  /** {@link #forMinutes} as a plain sum, for totals over many registrations, which may pass {@link #LIMIT}. */
  public BigDecimal valueOfMinutes(long minutes) {
    return amount.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }

  public Money plus(Money other) {
    return new Money(amount.add(other.amount));
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(other.amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString();
  }
}
