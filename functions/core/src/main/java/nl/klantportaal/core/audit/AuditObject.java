package nl.klantportaal.core.audit;

import java.util.regex.Pattern;

/**
 * What an audit entry is about: a kind ({@code customer}, {@code user}, {@code ticket},
 * {@code sla-tier}, ...) and the object's id within that kind. The provider admin's audit page asks
 * for one object by these two values.
 */
public record AuditObject(String kind, String id) {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@+-]{1,128}");

  public AuditObject {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("kind must be a kebab-case word");
    }
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be 1..128 of [A-Za-z0-9._:@+-]");
    }
  }

  /** True when {@code kind} and {@code id} make an object (the route's check of its query). */
  public static boolean valid(String kind, String id) {
    return kind != null && id != null && KIND.matcher(kind).matches() && ID.matcher(id).matches();
  }

  public static AuditObject customer(String tenantId) {
    return new AuditObject("customer", tenantId);
  }

  public static AuditObject user(String sub) {
    return new AuditObject("user", sub);
  }
}
