package nl.klantportaal.core.notification.domain;

/** Who wrote a public message ({@code authorSide} on the message item). */
public enum AuthorSide {
  CUSTOMER, PROVIDER;

  public static AuthorSide fromWire(String value) {
    return switch (value) {
      case "customer" -> CUSTOMER;
      case "provider" -> PROVIDER;
      default -> throw new IllegalArgumentException("authorSide must be customer or provider, not " + value);
    };
  }
}
