package nl.klantportaal.billing.wiring;

import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.billing.adapter.document.RegistrationFiles;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbBillingSettings;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbBundles;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbHourNotices;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbSubscriptions;
import nl.klantportaal.billing.adapter.outbox.OutboxHourMailbox;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbTicketLookup;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbTimeLedger;
import nl.klantportaal.billing.usecase.BillingAccess;
import nl.klantportaal.billing.usecase.CorrectRegistration;
import nl.klantportaal.billing.usecase.ExpireBundle;
import nl.klantportaal.billing.usecase.ExportRegistrations;
import nl.klantportaal.billing.usecase.ManageBillingSettings;
import nl.klantportaal.billing.usecase.ManageBundles;
import nl.klantportaal.billing.usecase.ManageSubscriptions;
import nl.klantportaal.billing.usecase.MonthReadings;
import nl.klantportaal.billing.usecase.OrderRequestedHours;
import nl.klantportaal.billing.usecase.RegisterTime;
import nl.klantportaal.billing.usecase.SendHourNotices;
import nl.klantportaal.billing.usecase.ViewHours;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.wiring.NotificationWiring;

/** The billing context: hour bundles, the time ledger, the customers' billing agreements. */
public final class BillingWiring {
  private final KernelWiring kernel;
  private final DynamoDbBundles bundles;
  private final DynamoDbTimeLedger ledger;
  private final DynamoDbBillingSettings settings;

  private BillingWiring(KernelWiring kernel) {
    this.kernel = kernel;
    this.bundles = new DynamoDbBundles(kernel.table());
    this.ledger = new DynamoDbTimeLedger(kernel.table(), bundles);
    this.settings = new DynamoDbBillingSettings(kernel.table());
  }

  public static BillingWiring of(KernelWiring kernel) {
    return new BillingWiring(kernel);
  }

  public BillingAccess access() {
    return new BillingAccess(IdentityWiring.of(kernel).customers(), settings);
  }

  public ManageBundles manageBundles() {
    return new ManageBundles(bundles, new DynamoDbTicketLookup(kernel.table()), kernel.clock());
  }

  public OrderRequestedHours orderRequestedHours() {
    return new OrderRequestedHours(bundles, settings, kernel.clock());
  }

  public RegisterTime registerTime() {
    return new RegisterTime(ledger, settings, new DynamoDbTicketLookup(kernel.table()), agentNames(), kernel.clock());
  }

  public CorrectRegistration correctRegistration() {
    return new CorrectRegistration(ledger, settings, registerTime(), agentNames(), kernel.clock());
  }

  public ViewHours viewHours() {
    return new ViewHours(bundles, ledger, settings, kernel.clock());
  }

  public ExportRegistrations exportRegistrations() {
    return new ExportRegistrations(viewHours(), IdentityWiring.of(kernel).customers(), new RegistrationFiles(), kernel.clock());
  }

  /** The daily hour notices, mailed through the outbox with {@code sender} (SENDER_ADDRESS, PORTAL_ORIGIN). */
  public SendHourNotices sendHourNotices(MailSender sender) {
    NotificationWiring notifications = NotificationWiring.of(kernel);
    var mailbox = new OutboxHourMailbox(IdentityWiring.of(kernel).users(), notifications.directMail(sender));
    return new SendHourNotices(new DynamoDbHourNotices(kernel.table()), bundles, ledger, mailbox, new ExpireBundle(bundles, settings),
        new DynamoDbSubscriptions(kernel.table()), kernel.mail().portalOrigin(), kernel.clock());
  }

  /** The read side other contexts use (the monthly reports): a month's hours and the subscriptions ending. */
  public MonthReadings monthReadings() {
    return new MonthReadings(bundles, ledger, new DynamoDbSubscriptions(kernel.table()));
  }

  public ManageSubscriptions subscriptions() {
    return new ManageSubscriptions(new DynamoDbSubscriptions(kernel.table()), kernel.clock());
  }

  public ManageBillingSettings settings() {
    return new ManageBillingSettings(settings, kernel.clock());
  }

  /** An agent's lines carry their display name (the customer reads it); the sub when the profile is gone. */
  private RegisterTime.AgentNames agentNames() {
    var users = IdentityWiring.of(kernel).users();
    return agent -> users.find(agent.userId()).map(p -> p.name().display()).orElse(agent.userId().value());
  }
}
