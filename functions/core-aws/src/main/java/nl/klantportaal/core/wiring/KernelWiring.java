package nl.klantportaal.core.wiring;

import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.klantportaal.core.adapter.aws.AwsClients;
import nl.klantportaal.core.adapter.aws.CursorKeys;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbIdempotencyStore;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.idempotency.usecase.IdempotentExecution;

/**
 * What every function container shares, made once at init (so SnapStart snapshots it): the
 * configuration, the clock, the SDK clients, the table and idempotency. Each
 * context wires its own use cases on top of it ({@code IdentityWiring}, {@code TicketWiring},
 * {@code NotificationWiring}, {@code SlaWiring}). Plain constructors, no DI framework.
 */
public final class KernelWiring {
  private final Config config;
  private final Clock clock;
  private final PortalTable table;
  private final AwsClients clients;
  private final Supplier<byte[]> portalKey;

  public KernelWiring(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.clients = new AwsClients(config);
    this.portalKey = PortalTable.memoize(() -> CursorKeys.load(config, clients));
    this.table = new PortalTable(clients.dynamoDb(), config.tableName(), () -> new CursorCodec(portalKey.get()));
  }

  public static KernelWiring fromEnvironment(Map<String, String> environment) {
    return new KernelWiring(Config.fromEnvironment(environment), Clock.systemUTC());
  }

  public Config config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public PortalTable table() {
    return table;
  }

  public AwsClients clients() {
    return clients;
  }

  /**
   * The sender addresses, configuration set and portal origin of outgoing mail (SENDER_ADDRESS, the optional
   * ADMIN_SENDER_ADDRESS and MAIL_CONFIGURATION_SET, PORTAL_ORIGIN).
   */
  public ContextSettings.Mail mail() {
    return ContextSettings.Mail.from(config);
  }

  /**
   * A key of its own for one purpose ({@code "mail-link"}), derived from the deployment's secret
   * (CursorKeySecret) as HMAC-SHA256(secret, "klantportaal/" + purpose): a token made for one
   * purpose is never valid for another, and no second secret has to be deployed and read. The
   * secret is read once per container, when a key is first used.
   */
  public Supplier<byte[]> purposeKey(String purpose) {
    return PortalTable.memoize(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(portalKey.get(), "HmacSHA256"));
        return mac.doFinal(("klantportaal/" + purpose).getBytes(StandardCharsets.UTF_8));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    });
  }

  public IdempotentExecution idempotency() {
    return new IdempotentExecution(new DynamoDbIdempotencyStore(table), clock, Duration.ofHours(24), Duration.ofSeconds(5));
  }

  /** The audit trail of every context, read by object and by actor. */
  public nl.klantportaal.core.audit.AuditTrail auditTrail() {
    return new nl.klantportaal.core.adapter.dynamodb.DynamoDbAuditTrail(table);
  }
}
