package nl.klantportaal.core.adapter.dynamodb;

import java.util.Locale;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;

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

  // The audit trail of every context (core.audit; docs/data-model.md patterns 11a, 11b) ----
  /** Every audit entry carries this on GSI1 ({@code GSI1SK = <at>#<entry id>}): the entries about one object. */
  public static String auditOfObject(String kind, String id) {
    return "AUDIT#OBJECT#" + kind + "#" + id;
  }

  /** Every audit entry carries this on GSI5 ({@code GSI5SK = <at>#<entry id>}): the entries one actor wrote. */
  public static String auditByActor(String actorId) {
    return "AUDIT#ACTOR#" + actorId;
  }

  /** Every message and note carries this on GSI5 ({@code GSI5SK = <at>#<ticket partition>}): what one person wrote (GDPR). */
  public static String messagesBy(String sub) {
    return "AUTHOR#" + sub;
  }

  /** Every outbox entry carries this on GSI1 ({@code GSI1SK = <createdAt>#<outbox id>}): the mail sent to one person (GDPR). */
  public static String mailTo(String recipientId) {
    return "MAILTO#" + recipientId;
  }

  /** The table key of a context's audit entry that has no partition of its own to live in. */
  public static String auditEntry(String kind, String id) {
    return "AUDIT#" + kind + "#" + id;
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

  // Tickets --------------------------------------------------------------------------------
  public static final String GSI3 = "GSI3";
  public static final String GSI3PK = "GSI3PK";
  public static final String GSI3SK = "GSI3SK";
  public static final String GSI4 = "GSI4";
  public static final String GSI4PK = "GSI4PK";
  public static final String GSI4SK = "GSI4SK";
  public static final String GSI5 = "GSI5";
  public static final String GSI5PK = "GSI5PK";
  public static final String GSI5SK = "GSI5SK";
  public static final String GSI6 = "GSI6";
  public static final String GSI6PK = "GSI6PK";
  public static final String GSI6SK = "GSI6SK";
  public static final String DUE_INDEX = "DueIndex";
  public static final String DUE_PK = "DuePK";
  public static final String DUE_SK = "DueSK";
  /** Pending timed events are spread over this many DueIndex partitions (no hot key), read one by one. */
  public static final int DUE_SHARDS = 4;

  public static final String TICKET_COUNTER_SK = "COUNTER#TICKET";
  public static final String TICKET_SK = "PUB#TICKET";
  public static final String PUBLIC_PREFIX = "PUB#";
  public static final String NOTE_PREFIX = "STAFF#NOTE#";
  public static final String TICKET_AUDIT_PREFIX = "STAFF#AUDIT#";
  public static final String WATCH_PREFIX = "PUB#WATCH#";
  public static final String APPROVAL_SK = "PUB#APPROVAL";
  public static final String AUTO_CLOSE_SK = "STAFF#DUE#AUTO_CLOSE";
  /** A ticket's SLA record (pattern 32); its pending events are {@code STAFF#SLA#<kind>#<target>}. */
  public static final String SLA_SK = "STAFF#SLA";
  public static final String CATALOGUE = "CATALOGUE";
  /** The provider's SLA settings (patterns 29, 30): {@code SLA / TIER#<tier>} and {@code SLA / CALENDAR#BUSINESS}. */
  public static final String SLA_SETTINGS = "SLA";
  public static final String SLA_TIER_PREFIX = "TIER#";
  public static final String SLA_CALENDAR_SK = "CALENDAR#BUSINESS";
  public static final String CATEGORY_PREFIX = "CATEGORY#";
  public static final String REQUEST_TYPE_PREFIX = "REQUESTTYPE#";

  public static String message(String at, String id, boolean internal) {
    return (internal ? NOTE_PREFIX : PUBLIC_MESSAGE_PREFIX) + at + "#" + id;
  }

  public static String ticketAudit(String at, String id) {
    return TICKET_AUDIT_PREFIX + at + "#" + id;
  }

  public static String watch(UserId user) {
    return WATCH_PREFIX + user.value();
  }

  public static String reporterTickets(TenantId tenant, UserId reporter) {
    return tenant(tenant) + "#REPORTER#" + reporter.value();
  }

  public static String watcherTickets(TenantId tenant, UserId watcher) {
    return tenant(tenant) + "#WATCHER#" + watcher.value();
  }

  public static String tenantTickets(TenantId tenant) {
    return tenant(tenant) + "#TICKETS";
  }

  public static String pendingApprovals(TenantId tenant) {
    return tenant(tenant) + "#APPROVALS#PENDING";
  }

  public static String assigneeQueue(Optional<UserId> assignee) {
    return "QUEUE#ASSIGNEE#" + assignee.map(UserId::value).orElse("none");
  }

  public static String dueShard(int shard) {
    return "DUE#" + shard;
  }

  /** The due-index item of one pending SLA event of a ticket: {@code STAFF#SLA#<KIND>#<TARGET>}. */
  public static String slaDue(String kind, String target) {
    return SLA_SK + "#" + kind + "#" + target;
  }

  /** The target of an SLA due item from its sort key, or empty for other due items (auto-close). */
  public static Optional<String> slaDueTarget(String sortKey) {
    if (!sortKey.startsWith(SLA_SK + "#")) {
      return Optional.empty();
    }
    String[] parts = sortKey.split("#");
    return Optional.of(parts[parts.length - 1]);
  }

  /** A customer's SLA compliance counters of one month (pattern 33). */
  public static String slaMonth(java.time.YearMonth month) {
    return "SLA#" + month;
  }

  // Tickets (the contract in docs/data-model.md "Ticket items") ----------------------------
  public static final String PUBLIC_MESSAGE_PREFIX = "PUB#MSG#";

  /** {@code TENANT#<t>#TICKET#<n8>}: every item of one ticket. */
  public static String ticket(TenantId tenant, long number) {
    return tenant(tenant) + "#TICKET#" + String.format(Locale.ROOT, "%08d", number);
  }

  /** A ticket's rating by its customer (pattern 15c): provider side of the partition, read with the thread. */
  public static final String RATING_SK = "STAFF#RATING";

  /** A customer's ratings of one month, one item per rated ticket (pattern 15d): {@code TENANT#<t>#RATINGS#<yyyy-MM>}. */
  public static String ratingsOfMonth(TenantId tenant, java.time.YearMonth month) {
    return tenant(tenant) + "#RATINGS#" + month;
  }

  /** The month's rating totals of a customer under {@code TENANT#<t>} (pattern 15e). */
  public static String ratingTotals(java.time.YearMonth month) {
    return "RATINGS#" + month;
  }

  /** A single-use key, taken once by a conditional put (a mail link's use, pattern 15f). */
  public static String singleUse(String key) {
    return "ONCE#" + key;
  }

  // Ticket search (docs/tickets.md "Search", pattern 24a–24c) -----------------------------
  /** A ticket's item on the staff-wide number lookup: {@code TENANT#<t>#NUMBER#<n8> / NUMBER}, GSI3 {@code NUMBER#<n>}. */
  public static final String TICKET_NUMBER_SK = "NUMBER";

  public static String ticketNumber(TenantId tenant, long number) {
    return tenant(tenant) + "#NUMBER#" + String.format(Locale.ROOT, "%08d", number);
  }

  /** One customer's tickets whose title has {@code term}: {@code TENANT#<t>#WORD#<term>}, SK {@code <createdAt>#<n8>}. */
  public static String ticketWord(TenantId tenant, String term) {
    return tenant(tenant) + "#WORD#" + term;
  }

  /** Every customer's tickets whose title has {@code term} (GSI3, SK {@code <createdAt>#<t>#<n8>}). */
  public static String wordTickets(String term) {
    return "WORD#" + term;
  }

  /** Every customer's ticket with number {@code n} (GSI3, SK {@code <t>}). */
  public static String numberTickets(long number) {
    return "NUMBER#" + number;
  }

  // Ticket attachments (docs/tickets.md "Attachments") ------------------------------------
  /** A confirmed attachment: public, in the ticket's one-query read. */
  public static final String ATTACHMENT_PREFIX = "PUB#ATTACHMENT#";
  /** An announced upload waiting for its confirm: provider-only side of the partition, TTL {@code expiresAt}. */
  public static final String UPLOAD_PREFIX = "STAFF#UPLOAD#";

  public static String attachment(String id) {
    return ATTACHMENT_PREFIX + id;
  }

  public static String upload(String id) {
    return UPLOAD_PREFIX + id;
  }

  // Notifications --------------------------------------------------------------------------
  public static final String OUTBOX_SK = "OUTBOX";
  /** Mail retries are sharded over their own four DueIndex partitions, apart from the SLA's {@code DUE#<s>}. */
  public static final int MAIL_DUE_SHARDS = 4;

  public static String outbox(String outboxId) {
    return "OUTBOX#" + outboxId;
  }

  public static String dueMail(int shard) {
    return "DUE#MAIL#" + shard;
  }

  /** The outbox id back from its partition key (the DueIndex answers keys only). */
  public static String outboxIdOf(String partitionKey) {
    if (!partitionKey.startsWith("OUTBOX#")) {
      throw new IllegalArgumentException("Not an outbox key: " + partitionKey);
    }
    return partitionKey.substring("OUTBOX#".length());
  }

  /** The shard of an outbox id (hex): its first digit mod 4, so retries spread evenly. */
  public static int dueMailShard(String outboxId) {
    return Character.digit(outboxId.charAt(0), 16) % MAIL_DUE_SHARDS;
  }

  /** {@code <dueAt>#MAIL#<id>}, the time in whole seconds (a fraction would sort before its own second). */
  public static String dueMailSort(java.time.Instant dueAt, String outboxId) {
    return dueMailBound(dueAt) + outboxId;
  }

  /** The DueIndex sort key prefix of everything due at {@code at}: query {@code DueSK <= bound + "~"}. */
  public static String dueMailBound(java.time.Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "#MAIL#";
  }

  public static final String MAIL_ROUTES = "MAILROUTE";
}
