package nl.klantportaal.core.claims;

import java.util.regex.Pattern;

/** A customer of the provider: every customer-owned item is keyed under its tenant id. */
public record TenantId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

  public TenantId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Tenant id must match " + FORMAT.pattern());
    }
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
