package nl.klantportaal.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.klantportaal.core.adapter.aws.AwsClients;
import nl.klantportaal.core.adapter.aws.CursorKeys;
import nl.klantportaal.core.adapter.dynamodb.CursorCodec;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbCatalogueRepository;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbCustomerRepository;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbTicketRepository;
import nl.klantportaal.core.ticket.port.CatalogueRepository;
import nl.klantportaal.core.ticket.port.TicketRepository;
import nl.klantportaal.core.ticket.usecase.CloseDueTickets;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbSlaRecords;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbSlaSettings;
import nl.klantportaal.core.sla.port.SlaRecords;
import nl.klantportaal.core.sla.port.SlaSettingsRepository;
import nl.klantportaal.core.sla.usecase.FireDueEvents;
import nl.klantportaal.core.sla.usecase.FireSlaEvent;
import nl.klantportaal.core.sla.usecase.SlaMailSettings;
import nl.klantportaal.core.sla.usecase.SlaMails;
import nl.klantportaal.core.sla.usecase.SlaTracking;
import nl.klantportaal.core.ticket.usecase.CompanionTickets;
import nl.klantportaal.core.adapter.dynamodb.SlaRecordWrites;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbIdempotencyStore;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbUserRepository;
import nl.klantportaal.core.adapter.cognito.CognitoIdentityProvider;
import nl.klantportaal.core.adapter.ses.SesMailSender;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.adapter.cognito.CognitoUserDirectory;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbSignInAttempts;
import nl.klantportaal.core.identity.domain.ThrottlePolicy;
import nl.klantportaal.core.identity.port.IdentityProvider;
import nl.klantportaal.core.identity.usecase.SignInGuard;
import nl.klantportaal.core.identity.port.UserDirectory;
import nl.klantportaal.core.identity.port.UserRepository;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.config.ContextSettings;
import nl.klantportaal.core.customer.port.CustomerRepository;
import nl.klantportaal.core.idempotency.usecase.IdempotentExecution;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbMailRoutes;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbOutbox;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbTicketReader;
import nl.klantportaal.core.adapter.dynamodb.TicketStreamRecords;
import nl.klantportaal.core.notification.usecase.StreamedChange;
import nl.klantportaal.core.notification.domain.MailRoute;
import nl.klantportaal.core.notification.domain.RetryPolicy;
import nl.klantportaal.core.notification.domain.Sender;
import nl.klantportaal.core.notification.port.MailRoutes;
import nl.klantportaal.core.notification.usecase.MailDelivery;
import nl.klantportaal.core.notification.usecase.ManageMailRoutes;
import nl.klantportaal.core.notification.usecase.NotifyTicketChange;
import nl.klantportaal.core.notification.usecase.RetryDueMail;
import nl.klantportaal.core.adapter.dynamodb.DynamoDbAttachmentRepository;
import nl.klantportaal.core.adapter.s3.S3AttachmentStore;
import nl.klantportaal.core.ticket.port.AttachmentRepository;
import nl.klantportaal.core.ticket.port.AttachmentStore;

/**
 * Plain constructor wiring for one function container: configuration, clients and adapters are
 * made once here (at init, so SnapStart snapshots them) and handed to use cases. No DI framework.
 */
public final class PortalWiring {
  private final Config config;
  private final Clock clock;
  private final PortalTable table;
  private final AwsClients clients;

  public PortalWiring(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.clients = new AwsClients(config);
    this.table = new PortalTable(clients.dynamoDb(), config.tableName(), () -> new CursorCodec(CursorKeys.load(config, clients)));
  }

  public static PortalWiring fromEnvironment(Map<String, String> environment) {
    return new PortalWiring(Config.fromEnvironment(environment), Clock.systemUTC());
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

  public CustomerRepository customers() {
    return new DynamoDbCustomerRepository(table);
  }

  public UserRepository users() {
    return new DynamoDbUserRepository(table);
  }

  /** The user pool named by USER_POOL_ID; only functions that change accounts have it. */
  public UserDirectory userDirectory() {
    return new CognitoUserDirectory(clients.cognito(), ContextSettings.UserPool.from(config).id());
  }

  /** The app client (USER_POOL_CLIENT_ID and its secret); only the /auth and /me security functions have it. */
  public IdentityProvider identityProvider() {
    ContextSettings.AppClient client = ContextSettings.AppClient.from(config);
    return new CognitoIdentityProvider(clients.cognito(), client.id(), client.secret());
  }

  /** Mail from SENDER_ADDRESS through SES. */
  public MailSender mailSender() {
    return new SesMailSender(clients.ses(), mail().senderAddress(), clock);
  }

  private ContextSettings.Mail mail() {
    return ContextSettings.Mail.from(config);
  }

  /** The domain of the sender address: Message-IDs use it. */
  private String senderDomain() {
    return MailRoute.domainOf(mail().senderAddress().replaceAll("^.*<|>\\s*$", ""));
  }

  // Notifications ---------------------------------------------------------------------------

  public MailRoutes mailRoutes() {
    return new DynamoDbMailRoutes(table);
  }

  public ManageMailRoutes manageMailRoutes() {
    return new ManageMailRoutes(mailRoutes(), clock);
  }

  /**
   * Ticket mail: SENDER_ADDRESS and the optional MAIL_CONFIGURATION_SET are the default sender,
   * PORTAL_ORIGIN the base of links; Message-IDs use the sender address's domain.
   */
  public NotifyTicketChange notifyTicketChange(MailSender sender) {
    return new NotifyTicketChange(new DynamoDbTicketReader(table), users(), new DynamoDbOutbox(table), mailDelivery(sender),
        new NotifyTicketChange.Settings(mail().portalOrigin(), senderDomain(), RetryPolicy.DEFAULT), clock);
  }

  /** How a record of the table's stream reads as a ticket change (the item contract, in the DynamoDB adapter). */
  public java.util.function.Function<com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord,
      StreamedChange> ticketStream() {
    return TicketStreamRecords::decode;
  }

  public RetryDueMail retryDueMail(MailSender sender) {
    return new RetryDueMail(new DynamoDbOutbox(table), mailDelivery(sender), RetryPolicy.DEFAULT);
  }

  private MailDelivery mailDelivery(MailSender sender) {
    ContextSettings.Mail mail = mail();
    return new MailDelivery(new DynamoDbOutbox(table), mailRoutes(), sender,
        new Sender(mail.senderAddress(), mail.configurationSet()), RetryPolicy.DEFAULT, clock);
  }

  /**
   * Tickets with the SLA as their companion: every create and change carries the ticket's SLA record in
   * its own transaction (docs/sla.md); tickets publish through their TicketCompanion port and know no
   * SLA type.
   */
  public TicketRepository tickets() {
    return new CompanionTickets(new DynamoDbTicketRepository(table, new SlaRecordWrites(table)),
        new SlaTracking(slaRecords(), customers(), slaSettings()));
  }

  // SLA ---------------------------------------------------------------------------------------

  public SlaRecords slaRecords() {
    return new DynamoDbSlaRecords(table);
  }

  /** The provider's SLA settings: the tier table and business calendar in force (patterns 29, 30). */
  public SlaSettingsRepository slaSettings() {
    return new DynamoDbSlaSettings(table);
  }

  /**
   * The scheduled due-events scan: auto-close and the SLA's warnings, breaches, reminders, priority
   * drops and compliance counts. SLA mail links use PORTAL_ORIGIN; critical tickets out of hours go
   * also to the customer's on-call address or else SLA_ON_CALL_EMAIL (optional).
   */
  public FireDueEvents fireDueEvents(MailSender sender) {
    ContextSettings.DueScan scan = ContextSettings.DueScan.from(config);
    var settings = new SlaMailSettings(mail().portalOrigin(), senderDomain(), scan.onCallEmail(), RetryPolicy.DEFAULT);
    TicketRepository tickets = tickets();
    var mails = new SlaMails(users(), customers(), settings);
    var sla = new FireSlaEvent(tickets, slaRecords(), mailDelivery(sender), mails, slaSettings());
    Duration aheadLimit = scan.aheadLimit().orElse(FireDueEvents.DEFAULT_MAX_AHEAD);
    return new FireDueEvents(tickets, new CloseDueTickets(tickets, autoCloseAfter()), sla, clock, aheadLimit);
  }

  public CatalogueRepository catalogue() {
    return new DynamoDbCatalogueRepository(table);
  }

  /** Days after which a resolved ticket the customer left alone closes (AUTO_CLOSE_DAYS, default 7). */
  public Duration autoCloseAfter() {
    return ContextSettings.Tickets.from(config).autoCloseAfter();
  }

  public SignInGuard signInGuard() {
    return new SignInGuard(new DynamoDbSignInAttempts(table), ThrottlePolicy.DEFAULT, clock);
  }

  // Attachments ----------------------------------------------------------------------------

  public AttachmentRepository attachments() {
    return new DynamoDbAttachmentRepository(table);
  }

  /** Attachment bytes in ATTACHMENTS_BUCKET; only the attachments function has it (and its S3 policy). */
  public AttachmentStore attachmentStore() {
    String bucket = ContextSettings.Attachments.from(config).bucket();
    return new S3AttachmentStore(clients.s3(), clients.s3Presigner(), bucket);
  }

  public IdempotentExecution idempotency() {
    return new IdempotentExecution(new DynamoDbIdempotencyStore(table), clock, Duration.ofHours(24), Duration.ofSeconds(5));
  }
}
