package nl.klantportaal.billing.domain;

/**
 * How a customer's registered minutes are rounded, once, when time is registered: up to the next
 * multiple of {@code incrementMinutes}, and never below {@code minimumMinutes}. The default is the
 * usual MSP rule, up to a quarter of an hour with a minimum of a quarter (docs/billing.md).
 */
public record RoundingRule(int incrementMinutes, int minimumMinutes) {
  public static final RoundingRule DEFAULT = new RoundingRule(15, 15);
  public static final RoundingRule EXACT = new RoundingRule(1, 0);

  public RoundingRule {
    if (incrementMinutes < 1 || incrementMinutes > 60) {
      throw new IllegalArgumentException("Rounding increment must be 1 to 60 minutes");
    }
    if (minimumMinutes < 0 || minimumMinutes > 240) {
      throw new IllegalArgumentException("Rounding minimum must be 0 to 240 minutes");
    }
  }

  public int apply(int minutes) {
    if (minutes <= 0) {
      throw new IllegalArgumentException("Only positive minutes are rounded");
    }
    int rounded = ((minutes + incrementMinutes - 1) / incrementMinutes) * incrementMinutes;
    return Math.max(rounded, minimumMinutes);
  }
}
