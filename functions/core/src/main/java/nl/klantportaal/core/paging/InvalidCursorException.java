package nl.klantportaal.core.paging;

/** The cursor was not made by us, was changed, or belongs to another caller's or query's key space. */
public final class InvalidCursorException extends RuntimeException {
  public InvalidCursorException(String reason) {
    super(reason, null, false, false);
  }
}
