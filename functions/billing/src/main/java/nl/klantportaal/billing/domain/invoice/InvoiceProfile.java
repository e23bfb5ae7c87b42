package nl.klantportaal.billing.domain.invoice;

import java.util.List;
import java.util.Optional;

/**
 * How a customer is invoiced: the address and VAT ID its invoices name, the VAT rate of the lines the
 * portal drafts (21 % by default; reverse-charged for a business customer elsewhere in the EU), the
 * payment term in days, and the billing contacts who receive each invoice by mail (the customer's
 * admins when there are none).
 */
public record InvoiceProfile(List<String> address, Optional<String> vatId, VatRate vatRate, int paymentTermDays,
    List<String> billingEmails, long version) {
  public static final InvoiceProfile DEFAULT = new InvoiceProfile(List.of(), Optional.empty(), VatRate.DEFAULT, 14, List.of(), 0);
  public static final int MAX_ADDRESS_LINES = 5;
  public static final int MAX_BILLING_EMAILS = 5;

  public InvoiceProfile {
    address = List.copyOf(address);
    billingEmails = List.copyOf(billingEmails);
    if (paymentTermDays < 0 || paymentTermDays > Invoice.MAX_PAYMENT_TERM_DAYS) {
      throw new IllegalArgumentException("A payment term is 0 to 90 days");
    }
  }
}
