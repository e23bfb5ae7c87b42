package nl.klantportaal.billing.domain;

import nl.klantportaal.core.shared.domain.LocalizedText;

/**
 * The invoice status of a ledger line, exactly the seed's table ("Wat betekent de factuurstatus?"):
 * Nog te factureren; Gefactureerd Factuur #12345; Urenbundel (with its bundle); Ad-Hoc Service.
 * Only time still to be invoiced is billed: a draft invoice attaches the line ({@code invoiceId}), and the
 * line reads {@link Invoiced} while that invoice is final and not credited (docs/billing.md).
 */
public sealed interface InvoiceStatus {

  String wireName();

  /** The value of the line's status index (patterns 39): one partition per status, per bundle. */
  String indexKey();

  LocalizedText label();

  /** Nog te factureren: registered, not yet invoiced. */
  record ToInvoice() implements InvoiceStatus {
    public String wireName() {
      return "to-invoice";
    }

    public String indexKey() {
      return "to-invoice";
    }

    public LocalizedText label() {
      return new LocalizedText("Nog te factureren", "To be invoiced", "Noch abzurechnen");
    }
  }

  /** Gefactureerd Factuur #n. */
  record Invoiced(String invoiceNumber) implements InvoiceStatus {
    public Invoiced {
      if (invoiceNumber == null || invoiceNumber.isBlank() || invoiceNumber.length() > 40) {
        throw new IllegalArgumentException("An invoice number of 1 to 40 characters");
      }
    }

    public String wireName() {
      return "invoiced";
    }

    public String indexKey() {
      return "invoiced";
    }

    public LocalizedText label() {
      return new LocalizedText("Gefactureerd Factuur #" + invoiceNumber, "Invoiced, invoice #" + invoiceNumber,
          "Abgerechnet, Rechnung #" + invoiceNumber);
    }
  }

  /** Urenbundel: deducted from this bundle, bought in advance, so no invoice of its own. */
  record InBundle(String bundleId) implements InvoiceStatus {
    public String wireName() {
      return "bundle";
    }

    public String indexKey() {
      return "bundle#" + bundleId;
    }

    public LocalizedText label() {
      return new LocalizedText("Urenbundel", "Hour bundle", "Stundenkontingent");
    }
  }

  /** Ad-Hoc Service: registered as service, never invoiced. */
  record Service() implements InvoiceStatus {
    public String wireName() {
      return "service";
    }

    public String indexKey() {
      return "service";
    }

    public LocalizedText label() {
      return new LocalizedText("Ad-Hoc Service", "Ad-hoc service", "Ad-hoc Service");
    }
  }

  /** Whether a correction may reverse the line: everything but invoiced time (a credit invoice corrects that). */
  default boolean correctable() {
    return !(this instanceof Invoiced);
  }

  static InvoiceStatus parse(String wireName, String detail) {
    return switch (wireName) {
      case "to-invoice" -> new ToInvoice();
      case "invoiced" -> new Invoiced(detail);
      case "bundle" -> new InBundle(detail);
      case "service" -> new Service();
      default -> throw new IllegalArgumentException("Unknown invoice status " + wireName);
    };
  }

  /** The status's detail as stored beside its wire name: the invoice number or the bundle id, else empty. */
  default String detail() {
    return switch (this) {
      case Invoiced i -> i.invoiceNumber();
      case InBundle b -> b.bundleId();
      case ToInvoice t -> "";
      case Service s -> "";
    };
  }
}
