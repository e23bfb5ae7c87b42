package nl.klantportaal.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.DomainException;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * A prepaid bundle of a customer's service hours (kept in minutes). The stored {@link State} is what
 * provider admins decide (pending, active, cancelled); what the customer sees today is
 * {@link #status(LocalDate)}: an active bundle is used up at zero remaining minutes and expired after
 * its last valid day. {@code remainingMinutes} only changes in the ledger's transactions, never below
 * zero.
 */
public record HourBundle(
    String id,
    TenantId tenant,
    int minutesBought,
    int remainingMinutes,
    LocalDate validFrom,
    LocalDate validUntil,
    Money price,
    State state,
    Optional<Long> requestTicket,
    Instant createdAt,
    long version,
    Carry carry) {

  public static final int MAX_MINUTES = 10_000 * 60;

  /**
   * What expiry moved: minutes rolled in from the previous bundle, and, once this one expired with
   * hours left, the minutes that lapsed and those rolled on into the next bundle ({@code rolledOutTo}).
   */
  public record Carry(int rolledInMinutes, int lapsedMinutes, int rolledOutMinutes, Optional<String> rolledOutTo) {
    public static final Carry NONE = new Carry(0, 0, 0, Optional.empty());

    public Carry {
      if (rolledInMinutes < 0 || lapsedMinutes < 0 || rolledOutMinutes < 0) {
        throw new IllegalArgumentException("Carried minutes are never negative");
      }
    }
  }

  public HourBundle {
    if (minutesBought < 1 || minutesBought > MAX_MINUTES) {
      throw new IllegalArgumentException("A bundle holds 1 minute to 10,000 hours");
    }
    if (remainingMinutes < 0 || remainingMinutes > minutesBought + carry.rolledInMinutes()) {
      throw new IllegalArgumentException("Remaining minutes lie between 0 and the minutes bought and rolled in");
    }
    if (validUntil.isBefore(validFrom)) {
      throw new IllegalArgumentException("A bundle ends on or after its start");
    }
  }

  public enum State implements WireEnum {
    PENDING("pending"), ACTIVE("active"), CANCELLED("cancelled");

    private final String wireName;

    State(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  public BundleStatus status(LocalDate today) {
    return switch (state) {
      case PENDING -> BundleStatus.PENDING;
      case CANCELLED -> BundleStatus.CANCELLED;
      case ACTIVE -> today.isAfter(validUntil) ? BundleStatus.EXPIRED
          : remainingMinutes == 0 ? BundleStatus.USED_UP : BundleStatus.ACTIVE;
    };
  }

  /** Minutes bought plus minutes rolled in from the previous bundle. */
  public int capacity() {
    return minutesBought + carry.rolledInMinutes();
  }

  /** Minutes booked on it (what was neither left, lapsed nor rolled on). */
  public int usedMinutes() {
    return capacity() - remainingMinutes - carry.lapsedMinutes() - carry.rolledOutMinutes();
  }

  public HourBundle withRemaining(int remaining) {
    return new HourBundle(id, tenant, minutesBought, remaining, validFrom, validUntil, price, state, requestTicket, createdAt, version,
        carry);
  }

  /** Whether time worked on {@code date} may be deducted from this bundle now. */
  public boolean covers(LocalDate date) {
    return state == State.ACTIVE && remainingMinutes > 0 && !date.isBefore(validFrom) && !date.isAfter(validUntil);
  }

  /** Pending → active (paid or approved). */
  public HourBundle activate() {
    if (state != State.PENDING) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "Only a pending bundle can be activated; this one is " + state.wireName());
    }
    return with(State.ACTIVE);
  }

  /** Pending or active with nothing used → cancelled; used time stays where it was booked, so a used bundle cannot be cancelled. */
  public HourBundle cancel() {
    if (state == State.CANCELLED) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE, "This bundle is already cancelled");
    }
    if (usedMinutes() > 0) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.ILLEGAL_STATE,
          "Time has been booked on this bundle; correct those registrations first");
    }
    return with(State.CANCELLED);
  }

  private HourBundle with(State next) {
    return new HourBundle(id, tenant, minutesBought, remainingMinutes, validFrom, validUntil, price, next, requestTicket,
        createdAt, version, carry);
  }
}
