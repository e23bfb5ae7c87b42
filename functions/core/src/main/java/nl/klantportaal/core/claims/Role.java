package nl.klantportaal.core.claims;

import java.util.Arrays;
import java.util.Optional;

/** What a signed-in person may do. {@link #NONE} while the account waits to be linked to a customer. */
public enum Role {
  NONE("none"),
  CUSTOMER_USER("customer-user"),
  CUSTOMER_ADMIN("customer-admin"),
  PROVIDER_AGENT("provider-agent"),
  PROVIDER_ADMIN("provider-admin");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isCustomer() {
    return this == CUSTOMER_USER || this == CUSTOMER_ADMIN;
  }

  public boolean isProviderStaff() {
    return this == PROVIDER_AGENT || this == PROVIDER_ADMIN;
  }

  public static Optional<Role> fromWire(String value) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(value)).findFirst();
  }
}
