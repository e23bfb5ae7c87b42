package nl.klantportaal.core.shared.domain;

/** Optimistic locking at the use-case level: the caller's version must be the stored one. */
public final class Versions {
  private Versions() {}

  /** Throws Conflict VERSION when {@code expected} is not the {@code stored} version of {@code what}. */
  public static void require(String what, long stored, long expected) {
    if (stored != expected) {
      throw new DomainException.Conflict(DomainException.Conflict.Kind.VERSION,
          what + " is at version " + stored + ", not " + expected);
    }
  }
}
