package nl.klantportaal.ticketing.usecase;

/** A mail link that cannot act: not genuine, past its time, or used. The handler answers each as its own problem. */
public final class MailLinkRefused extends RuntimeException {
  public enum Reason { INVALID, EXPIRED, USED }

  private final Reason reason;

  public MailLinkRefused(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
