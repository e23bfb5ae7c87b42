package nl.klantportaal.billing.adapter.dynamodb;

import java.time.LocalDate;
import nl.klantportaal.core.claims.TenantId;

/**
 * The billing context's keys (docs/data-model.md, patterns 34–39): bundles in the customer's
 * partition, each bundle's audit in its own, ledger lines in one partition per customer and month,
 * by ticket on GSI1 and by invoice status (per bundle for bundle time) on GSI2.
 */
final class BillingKeys {
  static final String BUNDLE_PREFIX = "BUNDLE#";
  static final String SETTINGS_SK = "BILLING#SETTINGS";
  static final String ACTIVE_BUNDLES = "BUNDLES#ACTIVE";
  static final String ENTRY_PREFIX = "ENTRY#";
  static final String INVOICE_PREFIX = "INVOICE#";
  /** The DueIndex partition of the invoice notices (issued, overdue, reminders, collection failed, paid, credited). */
  static final String DUE_INVOICES = "DUE#INVOICES";
  /** The DueIndex partition of the billing notices (threshold, expiry, overflow): read by the daily job. */
  static final String DUE_BILLING = "DUE#BILLING";

  private BillingKeys() {}

  static String tenant(TenantId tenant) {
    return "TENANT#" + tenant.value();
  }

  static String bundle(String bundleId) {
    return BUNDLE_PREFIX + bundleId;
  }

  /** Sparse GSI1 sort key of an active bundle: all customers' active bundles by end date (the daily job). */
  static String activeBundleSort(LocalDate validUntil, TenantId tenant, String bundleId) {
    return validUntil + "#" + tenant.value() + "#" + bundleId;
  }

  static String bundleAudit(TenantId tenant, String bundleId) {
    return "TENANT#" + tenant.value() + "#BUNDLE#" + bundleId;
  }

  /** {@code TENANT#<t>#TIME#<yyyy-mm>}: a customer's ledger lines of one month. */
  static String month(TenantId tenant, LocalDate date) {
    return "TENANT#" + tenant.value() + "#TIME#" + date.toString().substring(0, 7);
  }

  /** {@code ENTRY#<registrationId>#<line 3 digits>}: sorts by date (the id starts with it), then registration, then line. */
  static String entry(String registrationId, int line) {
    return ENTRY_PREFIX + registrationId + "#" + String.format("%03d", line);
  }

  static String registrationPrefix(String registrationId) {
    return ENTRY_PREFIX + registrationId + "#";
  }

  static String ticketTime(TenantId tenant, long number) {
    return "TENANT#" + tenant.value() + "#TICKET#" + String.format("%08d", number) + "#TIME";
  }

  static String invoiceStatus(TenantId tenant, String indexKey) {
    return "TENANT#" + tenant.value() + "#INVOICESTATUS#" + indexKey;
  }

  static String lineSort(String registrationId, int line) {
    return registrationId + "#" + String.format("%03d", line);
  }

  /** {@code NOTICE#USED#80}, {@code NOTICE#EXPIRY}: a bundle's notices, beside its audit. */
  static String bundleNotice(String kind) {
    return "NOTICE#" + kind;
  }

  /** {@code BILLING#OVERFLOW#<date>}: the customer's overflow notice of one day, in the customer's partition. */
  static String overflowNotice(LocalDate date) {
    return "BILLING#OVERFLOW#" + date;
  }

  /** The registration date of a registration id ({@code 2026-12-05.k3j9pq2m}). */
  static LocalDate dateOf(String registrationId) {
    return LocalDate.parse(registrationId.substring(0, 10));
  }
}
