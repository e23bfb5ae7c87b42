package nl.klantportaal.core.shared.domain;

import java.util.List;

/** The few ways a use case refuses; the request path turns each into its problem+json answer. */
public sealed abstract class DomainException extends RuntimeException
    permits DomainException.NotFound, DomainException.Forbidden, DomainException.Conflict, DomainException.InvalidInput,
    DomainException.TooManyAttempts, DomainException.Refused {

  protected DomainException(String message) {
    super(message, null, false, false);
  }

  /** The thing does not exist, or the caller may not know that it does. */
  public static final class NotFound extends DomainException {
    public NotFound(String what) {
      super(what + " not found");
    }
  }

  /** The caller's role may not do this to this thing (which the caller may know exists). */
  public static final class Forbidden extends DomainException {
    public Forbidden(String why) {
      super(why);
    }
  }

  /** The request collides with the stored state. */
  public static final class Conflict extends DomainException {
    private final Kind kind;

    public Conflict(Kind kind, String detail) {
      super(detail);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }

    public enum Kind {
      /** The caller's version is not the stored one (optimistic locking). */
      VERSION,
      /** A unique value is already taken. */
      ALREADY_EXISTS,
      /** The state machine does not allow this change now. */
      ILLEGAL_STATE,
      /** A price the change needs is missing from the customer's agreement (an hourly rate for billed time). */
      RATE_MISSING
    }
  }

  /** Too many failed attempts; the caller may try again after {@code retryAfter}. */
  public static final class TooManyAttempts extends DomainException {
    private final java.time.Duration retryAfter;

    public TooManyAttempts(java.time.Duration retryAfter) {
      super("Too many failed attempts");
      this.retryAfter = retryAfter;
    }

    public java.time.Duration retryAfter() {
      return retryAfter;
    }
  }

  /** Field-level validation found problems the caller can fix. */
  public static final class InvalidInput extends DomainException {
    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
      super("Invalid input: " + errors.size() + " field error(s)");
      this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
      return errors;
    }
  }

  /**
   * The identity provider refused credentials, a code or a request: wrong credentials or code,
   * unknown account, expired code, a request it will not take (a malformed token or value). One
   * outward answer each, so nothing tells accounts apart.
   */
  public static final class Refused extends DomainException {
    private final Reason reason;

    public Refused(Reason reason) {
      super(reason.name());
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }

    public enum Reason { INVALID_CREDENTIALS, INVALID_CODE, EXPIRED_CODE, INVALID_PASSWORD, LIMIT_EXCEEDED, REJECTED_INPUT }
  }
}
