package nl.klantportaal.ticketing.domain;

/** A ticket's number within its customer: 1, 2, 3, ... from the customer's counter. */
public record TicketNumber(long value) {
  public static final long MAX = 99_999_999L;

  public TicketNumber {
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("A ticket number is 1.." + MAX);
    }
  }

  /** Zero-padded to eight digits, so numbers sort as text in keys. */
  public String padded() {
    return String.format("%08d", value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
