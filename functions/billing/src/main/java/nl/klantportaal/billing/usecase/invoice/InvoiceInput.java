package nl.klantportaal.billing.usecase.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.Money;
import nl.klantportaal.billing.domain.invoice.Amount;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceLine;
import nl.klantportaal.billing.domain.invoice.InvoiceProfile;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.domain.invoice.VatRate;
import nl.klantportaal.billing.usecase.BillingDates;
import nl.klantportaal.core.shared.domain.Validation;

/** What the invoice routes receive, each validated into domain values (400 with every field's problem). */
public final class InvoiceInput {
  private InvoiceInput() {}

  /** A line a provider admin types: never negative (a credit invoice corrects), with a known VAT rate. */
  public record LineInput(String description, BigDecimal quantity, String unit, BigDecimal unitPrice, String vatRate) {}

  /** {@code POST /customers/{customerId}/invoices}: the supply period and any lines of one's own. */
  public record Draft(String from, String to, List<LineInput> lines) {
    record Valid(Invoice.Supply supply, List<InvoiceLine> lines) {}

    Valid validate() {
      Validation v = new Validation();
      Optional<LocalDate> start = BillingDates.date(v, "from", from, true);
      Optional<LocalDate> end = BillingDates.date(v, "to", to, true);
      if (start.isPresent() && end.isPresent()) {
        v.check(!end.get().isBefore(start.get()), "to", "before-start", "must be on or after from");
        v.check(!start.get().plusYears(1).isBefore(end.get()), "to", "range", "must be at most a year after from");
      }
      List<InvoiceLine> manual = manualLines(v, lines);
      v.throwIfInvalid();
      return new Valid(new Invoice.Supply(start.orElseThrow(), end.orElseThrow()), manual);
    }
  }

  /** {@code PUT /customers/{customerId}/invoices/{invoiceId}/lines}: a draft's own lines, on the version read. */
  public record Lines(Long version, List<LineInput> lines) {
    List<InvoiceLine> validate() {
      Validation v = new Validation();
      v.check(version != null && version >= 0, "version", "required", "is required: the version you read");
      List<InvoiceLine> manual = manualLines(v, lines);
      v.throwIfInvalid();
      return manual;
    }
  }

  /** The version read, for finalising, discarding and crediting. */
  public record Version(Long version) {
    long validate() {
      Validation v = new Validation();
      v.check(version != null && version >= 0, "version", "required", "is required: the version you read");
      v.throwIfInvalid();
      return version;
    }
  }

  /** {@code POST .../status}: a payment move and the version read. */
  public record State(String status, Long version) {
    record Valid(InvoiceState to, long version) {}

    Valid validate() {
      Validation v = new Validation();
      Optional<InvoiceState> to = v.requiredEnum("status", status, new InvoiceState[] {InvoiceState.IN_COLLECTION, InvoiceState.PAID,
          InvoiceState.COLLECTION_FAILED}, InvoiceState::wireName);
      v.check(version != null && version >= 0, "version", "required", "is required: the version you read");
      v.throwIfInvalid();
      return new Valid(to.orElseThrow(), version);
    }
  }

  /** {@code PUT /customers/{customerId}/invoice-profile}. */
  public record Profile(List<String> address, String vatId, String vatRate, Integer paymentTermDays, List<String> billingEmails,
      Long version) {
    InvoiceProfile validate() {
      Validation v = new Validation();
      List<String> lines = address == null ? List.of() : address;
      v.check(lines.size() <= InvoiceProfile.MAX_ADDRESS_LINES, "address", "too-many", "has at most 5 lines");
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < lines.size() && i < InvoiceProfile.MAX_ADDRESS_LINES; i++) {
        v.requiredText("address[" + i + "]", lines.get(i), 120).ifPresent(kept::add);
      }
      Optional<String> vat = v.optionalText("vatId", vatId, 20);
      vat.ifPresent(x -> v.check(x.matches("[A-Z]{2}[A-Z0-9+*.]{2,13}"), "vatId", "format",
          "must be a VAT ID starting with its country code, such as NL123456789B01"));
      Optional<VatRate> rate = v.optionalEnum("vatRate", vatRate, VatRate.values(), VatRate::wireName);
      v.check(paymentTermDays == null || (paymentTermDays >= 0 && paymentTermDays <= Invoice.MAX_PAYMENT_TERM_DAYS),
          "paymentTermDays", "range", "must be 0 to 90 days");
      List<String> emails = billingEmails == null ? List.of() : billingEmails;
      v.check(emails.size() <= InvoiceProfile.MAX_BILLING_EMAILS, "billingEmails", "too-many", "has at most 5 addresses");
      List<String> contacts = new ArrayList<>();
      for (int i = 0; i < emails.size() && i < InvoiceProfile.MAX_BILLING_EMAILS; i++) {
        String field = "billingEmails[" + i + "]";
        v.check(emails.get(i) != null && !emails.get(i).isBlank(), field, "required", "is required");
        v.optionalEmail(field, emails.get(i)).ifPresent(contacts::add);
      }
      v.check(version != null && version >= 0, "version", "required", "is required: the version you read (0 for none)");
      v.throwIfInvalid();
      return new InvoiceProfile(kept, vat, rate.orElse(VatRate.DEFAULT), paymentTermDays == null ? 14 : paymentTermDays, contacts,
          version);
    }
  }

  private static List<InvoiceLine> manualLines(Validation v, List<LineInput> given) {
    List<LineInput> lines = given == null ? List.of() : given;
    v.check(lines.size() <= 50, "lines", "too-many", "has at most 50 lines");
    List<InvoiceLine> result = new ArrayList<>();
    for (int i = 0; i < lines.size() && i < 50; i++) {
      String at = "lines[" + i + "]";
      LineInput line = lines.get(i);
      if (line == null) {
        v.check(false, at, "required", "is required");
        continue;
      }
      Optional<String> text = v.requiredText(at + ".description", line.description(), InvoiceLine.MAX_DESCRIPTION);
      Optional<BigDecimal> quantity = Optional.empty();
      if (line.quantity() == null) {
        v.check(false, at + ".quantity", "required", "is required");
      } else if (line.quantity().signum() <= 0 || line.quantity().compareTo(BigDecimal.valueOf(100_000)) > 0
          || line.quantity().stripTrailingZeros().scale() > 2) {
        v.check(false, at + ".quantity", "range", "must be more than 0 and at most 100,000, with at most two decimals");
      } else {
        quantity = Optional.of(line.quantity());
      }
      Optional<Money> price = Optional.empty();
      if (line.unitPrice() == null) {
        v.check(false, at + ".unitPrice", "required", "is required");
      } else {
        try {
          price = Optional.of(new Money(line.unitPrice()));
        } catch (IllegalArgumentException | ArithmeticException e) {
          v.check(false, at + ".unitPrice", "format", "must be an amount in euros from 0 with at most two decimals");
        }
      }
      Optional<InvoiceLine.Unit> unit = line.unit() == null ? Optional.of(InvoiceLine.Unit.PIECE)
          : v.requiredEnum(at + ".unit", line.unit(), InvoiceLine.Unit.values(), InvoiceLine.Unit::wireName);
      Optional<VatRate> rate = v.requiredEnum(at + ".vatRate", line.vatRate(), VatRate.values(), VatRate::wireName);
      if (quantity.isPresent() && price.isPresent() && !Amount.fits(quantity.get().multiply(price.get().amount()))) {
        v.check(false, at + ".unitPrice", "too-large", "times the quantity must be below 100,000,000 euros");
        price = Optional.empty();
      }
      if (text.isPresent() && quantity.isPresent() && price.isPresent() && unit.isPresent() && rate.isPresent()) {
        result.add(InvoiceLine.of(text.get(), quantity.get(), unit.get(), Amount.of(price.get()), rate.get(),
            new InvoiceLine.Source.Manual()));
      }
    }
    return result;
  }
}
