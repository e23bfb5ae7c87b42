package nl.klantportaal.local;

/** A reason the local cloud cannot start that the user can fix; printed as a message, not a stack trace. */
public final class StartFailure extends RuntimeException {
  public StartFailure(String message) {
    super(message);
  }

  public StartFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
