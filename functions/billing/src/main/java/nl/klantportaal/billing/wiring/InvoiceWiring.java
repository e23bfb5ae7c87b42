package nl.klantportaal.billing.wiring;

import java.util.Arrays;
import nl.klantportaal.accounts.wiring.IdentityWiring;
import nl.klantportaal.billing.adapter.accounts.AccountsCustomerDirectory;
import nl.klantportaal.billing.port.CustomerDirectory;
import nl.klantportaal.billing.adapter.document.InvoicePdf;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbBillingSettings;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbBundles;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbInvoiceProfiles;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbInvoices;
import nl.klantportaal.billing.adapter.dynamodb.DynamoDbSubscriptions;
import nl.klantportaal.billing.adapter.outbox.OutboxInvoiceMailbox;
import nl.klantportaal.billing.adapter.s3.S3InvoiceDocuments;
import nl.klantportaal.billing.domain.invoice.ProviderDetails;
import nl.klantportaal.billing.usecase.BillingAccess;
import nl.klantportaal.billing.usecase.invoice.ChangePaymentState;
import nl.klantportaal.billing.usecase.invoice.DraftInvoices;
import nl.klantportaal.billing.usecase.invoice.DraftMonthlyInvoices;
import nl.klantportaal.billing.usecase.invoice.InvoiceAccess;
import nl.klantportaal.billing.usecase.invoice.InvoiceNoticeSteps;
import nl.klantportaal.billing.usecase.invoice.InvoiceSettings;
import nl.klantportaal.billing.usecase.invoice.IssueInvoices;
import nl.klantportaal.billing.usecase.invoice.ManageInvoiceProfile;
import nl.klantportaal.billing.usecase.invoice.ViewInvoices;
import nl.klantportaal.core.config.Config;
import nl.klantportaal.core.shared.port.MailSender;
import nl.klantportaal.core.wiring.KernelWiring;
import nl.klantportaal.notifications.wiring.NotificationWiring;

/**
 * Invoices (billing context): drafts, finalising with the yearly series, credit invoices, payment
 * states, the PDFs in the invoices bucket and their mail from the administrative sender. Its typed
 * settings are read at start-up and name any variable that is missing.
 */
public final class InvoiceWiring {
  private final KernelWiring kernel;
  private final Settings settings;
  private final DynamoDbInvoices invoices;
  private final DynamoDbInvoiceProfiles profiles;
  private final AccountsCustomerDirectory customers;
  private final S3InvoiceDocuments documents;
  private final InvoiceNoticeSteps steps;

  /**
   * INVOICES_BUCKET; the provider as its invoices name it: PROVIDER_NAME (default "Klantportaal"),
   * PROVIDER_ADDRESS (address lines separated by "|"), PROVIDER_KVK, PROVIDER_VAT_NUMBER and the
   * optional PROVIDER_IBAN; and the portal's origin for links in mail (PORTAL_ORIGIN).
   */
  public record Settings(String bucket, InvoiceSettings invoice) {
    static Settings from(Config config, String portalOrigin) {
      ProviderDetails provider = new ProviderDetails(config.get("PROVIDER_NAME").filter(n -> !n.isBlank()).orElse("Klantportaal"),
          Arrays.stream(config.require("PROVIDER_ADDRESS").split("\\|")).map(String::strip).filter(l -> !l.isEmpty()).toList(),
          config.require("PROVIDER_KVK"), config.require("PROVIDER_VAT_NUMBER"), config.get("PROVIDER_IBAN").orElse(""));
      return new Settings(config.require("INVOICES_BUCKET"), new InvoiceSettings(provider, portalOrigin));
    }
  }

  private InvoiceWiring(KernelWiring kernel, MailSender sender) {
    this.kernel = kernel;
    this.settings = Settings.from(kernel.config(), kernel.mail().portalOrigin());
    this.invoices = new DynamoDbInvoices(kernel.table());
    this.profiles = new DynamoDbInvoiceProfiles(kernel.table());
    this.customers = new AccountsCustomerDirectory(IdentityWiring.of(kernel).customers());
    var mailbox = new OutboxInvoiceMailbox(IdentityWiring.of(kernel).users(), NotificationWiring.of(kernel).directMail(sender));
    // One S3 client for the function: the notice steps store the PDFs, the views presign their links.
    this.documents = S3InvoiceDocuments.create(kernel.clients(), kernel.config().endpoints().s3(), settings.bucket());
    this.steps = new InvoiceNoticeSteps(invoices, profiles, documents, new InvoicePdf(), mailbox, new DynamoDbBundles(kernel.table()),
        settings.invoice(), kernel.clock());
  }

  /** With {@code sender} for the invoice mails (the mail module's SES sender in the functions). */
  public static InvoiceWiring of(KernelWiring kernel, MailSender sender) {
    return new InvoiceWiring(kernel, sender);
  }

  public InvoiceAccess access() {
    return new InvoiceAccess(new BillingAccess(IdentityWiring.of(kernel).customers(), new DynamoDbBillingSettings(kernel.table())),
        invoices);
  }

  public DraftInvoices drafts() {
    return new DraftInvoices(invoices, new DynamoDbBillingSettings(kernel.table()), profiles, new DynamoDbSubscriptions(kernel.table()),
        new DynamoDbBundles(kernel.table()), customers, kernel.clock());
  }

  /** The customers billing drafts invoices for. */
  public CustomerDirectory customers() {
    return customers;
  }

  public DraftMonthlyInvoices monthlyDrafts() {
    return new DraftMonthlyInvoices(customers, drafts());
  }

  public IssueInvoices issue() {
    return new IssueInvoices(invoices, profiles, customers, steps, kernel.clock());
  }

  public ChangePaymentState payments() {
    return new ChangePaymentState(invoices, steps, kernel.clock());
  }

  public ViewInvoices view() {
    return new ViewInvoices(invoices, access(), documents, steps);
  }

  public ManageInvoiceProfile profiles() {
    return new ManageInvoiceProfile(profiles, kernel.clock());
  }

  public InvoiceNoticeSteps steps() {
    return steps;
  }
}
