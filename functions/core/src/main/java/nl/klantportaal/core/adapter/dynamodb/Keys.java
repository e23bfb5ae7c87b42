package nl.klantportaal.core.adapter.dynamodb;

import java.util.Locale;
import java.util.Optional;
import nl.klantportaal.core.identity.domain.TenantId;

/**
 * Every key string of the single table is built here and nowhere else (docs/data-model.md is the
 * map). Tenant-owned items start their partition key with {@code TENANT#<id>} so that IAM
 * {@code dynamodb:LeadingKeys} could confine a role to one tenant.
 */
public final class Keys {
  public static final String PK = "PK";
  public static final String SK = "SK";
  public static final String GSI1 = "GSI1";
  public static final String GSI1PK = "GSI1PK";
  public static final String GSI1SK = "GSI1SK";

  private Keys() {}

  public static String tenant(TenantId tenant) {
    return "TENANT#" + tenant.value();
  }

  // Customers ------------------------------------------------------------------------------
  public static final String CUSTOMER_SK = "CUSTOMER";
  public static final String CUSTOMERS_BY_NAME = "CUSTOMERS";

  public static String customerByName(String name, TenantId id) {
    return name.toLowerCase(Locale.ROOT) + "#" + id.value();
  }

  public static String emailDomain(String domain) {
    return "DOMAIN#" + domain.toLowerCase(Locale.ROOT);
  }

  public static final String EMAIL_DOMAIN_SK = "DOMAIN";

  // Users ----------------------------------------------------------------------------------
  public static final String GSI2 = "GSI2";
  public static final String GSI2PK = "GSI2PK";
  public static final String GSI2SK = "GSI2SK";
  public static final String PROFILE_SK = "PROFILE";
  public static final String PENDING_USERS = "PENDING";
  public static final String PROVIDER_STAFF = "PROVIDER#STAFF";

  public static String user(String sub) {
    return "USER#" + sub;
  }

  public static String userByEmail(String email) {
    return "EMAIL#" + email.toLowerCase(Locale.ROOT);
  }

  public static String usersOf(TenantId tenant) {
    return tenant(tenant) + "#USERS";
  }

  public static String byName(String name, String sub) {
    return name.toLowerCase(Locale.ROOT) + "#" + sub;
  }

  /** Audit entries of a customer, or provider-wide ones. */
  public static String audit(Optional<TenantId> tenant) {
    return tenant.map(t -> tenant(t) + "#AUDIT").orElse("PROVIDER#AUDIT");
  }

  // Sign-in throttling ---------------------------------------------------------------------
  public static String rateLimit(String scope, String hashedKey) {
    return "RATE#" + scope + "#" + hashedKey;
  }

  // Idempotency ----------------------------------------------------------------------------
  public static final String IDEMPOTENCY_SK = "IDEMPOTENCY";

  /** Scoped under the caller's tenant; provider staff (no tenant) under PROVIDER. */
  public static String idempotency(Optional<TenantId> tenant, String scopedHash) {
    return tenant.map(t -> tenant(t) + "#IDEMPOTENCY#").orElse("PROVIDER#IDEMPOTENCY#") + scopedHash;
  }
}
