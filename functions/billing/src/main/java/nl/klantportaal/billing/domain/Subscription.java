package nl.klantportaal.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * A running service of a customer (seed: "Uw Abonnementen Bekijken en Beheren"): what, how many, the
 * price per unit and billing period, start and end date, and whether it renews by itself at its end.
 */
public record Subscription(
    String id,
    TenantId tenant,
    String service,
    int quantity,
    Money unitPrice,
    Period period,
    LocalDate startDate,
    LocalDate endDate,
    boolean autoRenew,
    boolean cancelled,
    Instant createdAt,
    long version) {

  /** Expiry notices go out this many days before the end of a subscription that does not renew. */
  public static final int[] NOTICE_DAYS = {60, 30};

  public Subscription {
    if (quantity < 1 || quantity > 100_000) {
      throw new IllegalArgumentException("A quantity is 1 to 100,000");
    }
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("A subscription ends on or after its start");
    }
    if (!priceFits(quantity, unitPrice)) {
      throw new IllegalArgumentException("A period's price (quantity × unit price) is below 10,000,000 euros");
    }
  }

  /** Whether {@code quantity × unitPrice}, the price of a period, is an amount ({@link Money#LIMIT}). */
  public static boolean priceFits(int quantity, Money unitPrice) {
    return unitPrice.amount().multiply(java.math.BigDecimal.valueOf(quantity)).compareTo(Money.LIMIT) < 0;
  }

  public enum Period implements WireEnum {
    MONTHLY("monthly", new LocalizedText("per maand", "per month", "pro Monat")),
    YEARLY("yearly", new LocalizedText("per jaar", "per year", "pro Jahr"));

    private final String wireName;
    private final LocalizedText label;

    Period(String wireName, LocalizedText label) {
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

  public enum Status implements WireEnum {
    /** Not begun yet. */
    PLANNED("planned", new LocalizedText("Gepland", "Planned", "Geplant")),
    ACTIVE("active", new LocalizedText("Actief", "Active", "Aktiv")),
    /** Ends within 60 days and does not renew. */
    ENDING("ending", new LocalizedText("Loopt binnenkort af", "Ending soon", "Läuft bald ab")),
    ENDED("ended", new LocalizedText("Afgelopen", "Ended", "Beendet")),
    CANCELLED("cancelled", new LocalizedText("Opgezegd", "Cancelled", "Gekündigt"));

    private final String wireName;
    private final LocalizedText label;

    Status(String wireName, LocalizedText label) {
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

  /** The price of one billing period: quantity × unit price. */
  public Money periodPrice() {
    return new Money(unitPrice.amount().multiply(java.math.BigDecimal.valueOf(quantity)));
  }

  /** The end that counts today: a renewing subscription past its end date renews by whole periods. */
  public LocalDate currentEnd(LocalDate today) {
    LocalDate end = endDate;
    if (autoRenew && !cancelled) {
      while (end.isBefore(today)) {
        end = period == Period.MONTHLY ? end.plusMonths(1) : end.plusYears(1);
      }
    }
    return end;
  }

  public Status status(LocalDate today) {
    if (cancelled) {
      return Status.CANCELLED;
    }
    if (today.isBefore(startDate)) {
      return Status.PLANNED;
    }
    if (!autoRenew && today.isAfter(endDate)) {
      return Status.ENDED;
    }
    if (!autoRenew && !today.isBefore(endDate.minusDays(NOTICE_DAYS[0]))) {
      return Status.ENDING;
    }
    return Status.ACTIVE;
  }

  public Subscription cancel() {
    if (cancelled) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "This subscription is already cancelled");
    }
    return new Subscription(id, tenant, service, quantity, unitPrice, period, startDate, endDate, false, true, createdAt, version);
  }
}
