package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.i;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.n;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.opt;
import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.billing.domain.RegistrationType;
import nl.klantportaal.billing.domain.invoice.Amount;
import nl.klantportaal.billing.domain.invoice.BillTo;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceLine;
import nl.klantportaal.billing.domain.invoice.InvoiceNumber;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.billing.domain.invoice.VatRate;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.shared.domain.Language;
import nl.klantportaal.core.shared.domain.WireEnum;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stored shape of an invoice (docs/data-model.md, "Billing items"): amounts as exact decimal strings. */
final class InvoiceItems {
  private InvoiceItems() {}

  static Map<String, AttributeValue> key(TenantId tenant, String id) {
    return InvoiceStates.key(tenant.value(), id);
  }

  /** {@code TENANT#<t>#INVOICE#<id>}: the invoice's audit and notices. */
  static String own(TenantId tenant, String id) {
    return "TENANT#" + tenant.value() + "#INVOICE#" + id;
  }

  static Map<String, AttributeValue> item(Invoice v) {
    Map<String, AttributeValue> item = new HashMap<>(key(v.tenant(), v.id()));
    item.put("type", s("Invoice"));
    item.put("tenantId", s(v.tenant().value()));
    item.put("id", s(v.id()));
    item.put("kind", s(v.kind().name()));
    item.put("supplyFrom", s(v.supply().from().toString()));
    item.put("supplyTo", s(v.supply().to().toString()));
    item.put("lines", AttributeValue.fromL(v.lines().stream().map(InvoiceItems::line).toList()));
    item.put("state", s(v.state().wireName()));
    v.number().ifPresent(x -> item.put("number", s(x.toString())));
    v.invoiceDate().ifPresent(x -> item.put("invoiceDate", s(x.toString())));
    v.dueDate().ifPresent(x -> item.put("dueDate", s(x.toString())));
    v.billTo().ifPresent(b -> {
      Map<String, AttributeValue> bill = new HashMap<>();
      bill.put("name", s(b.name()));
      bill.put("address", AttributeValue.fromL(b.address().stream().map(BillingItems::s).toList()));
      b.vatId().ifPresent(x -> bill.put("vatId", s(x)));
      item.put("billTo", AttributeValue.fromM(bill));
    });
    item.put("language", s(v.language().name()));
    v.credits().ifPresent(r -> {
      item.put("creditsId", s(r.id()));
      item.put("creditsNumber", s(r.number().toString()));
    });
    v.creditedBy().ifPresent(r -> {
      item.put("creditedById", s(r.id()));
      item.put("creditedByNumber", s(r.number().toString()));
    });
    item.put("registrationLines", n(v.registrationLines()));
    item.put("complete", AttributeValue.fromBool(v.complete()));
    item.put("total", s(v.totals().total().toString()));
    item.put("createdAt", s(v.createdAt().toString()));
    item.put("version", n(v.version()));
    return item;
  }

  static Invoice invoice(Map<String, AttributeValue> item) {
    return new Invoice(item.get("id").s(), new TenantId(item.get("tenantId").s()), Invoice.Kind.valueOf(item.get("kind").s()),
        new Invoice.Supply(LocalDate.parse(item.get("supplyFrom").s()), LocalDate.parse(item.get("supplyTo").s())),
        item.get("lines").l().stream().map(l -> line(l.m())).toList(), WireEnum.parse(InvoiceState.class, item.get("state").s()),
        opt(item, "number").map(InvoiceNumber::parse), opt(item, "invoiceDate").map(LocalDate::parse),
        opt(item, "dueDate").map(LocalDate::parse), Optional.ofNullable(item.get("billTo")).map(b -> billTo(b.m())),
        Language.valueOf(item.get("language").s()), reference(item, "creditsId", "creditsNumber"),
        reference(item, "creditedById", "creditedByNumber"), i(item, "registrationLines"), item.get("complete").bool(),
        Instant.parse(item.get("createdAt").s()), Long.parseLong(item.get("version").n()));
  }

  private static Optional<Invoice.Reference> reference(Map<String, AttributeValue> item, String id, String number) {
    return opt(item, id).map(x -> new Invoice.Reference(x, InvoiceNumber.parse(item.get(number).s())));
  }

  private static BillTo billTo(Map<String, AttributeValue> m) {
    return new BillTo(m.get("name").s(), m.get("address").l().stream().map(AttributeValue::s).toList(), opt(m, "vatId"));
  }

  private static AttributeValue line(InvoiceLine l) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("description", s(l.description()));
    m.put("quantity", s(l.quantity().toPlainString()));
    m.put("unit", s(l.unit().wireName()));
    m.put("unitPrice", s(l.unitPrice().toString()));
    m.put("vatRate", s(l.vatRate().wireName()));
    m.put("amount", s(l.amount().toString()));
    switch (l.source()) {
      case InvoiceLine.Source.Time t -> {
        m.put("source", s("time"));
        m.put("registrationType", s(t.type().wireName()));
        m.put("minutes", n(t.minutes()));
      }
      case InvoiceLine.Source.SubscriptionCharge c -> {
        m.put("source", s("subscription"));
        m.put("subscriptionId", s(c.subscriptionId()));
        m.put("from", s(c.from().toString()));
        m.put("to", s(c.to().toString()));
      }
      case InvoiceLine.Source.Bundle b -> {
        m.put("source", s("bundle"));
        m.put("bundleId", s(b.bundleId()));
      }
      case InvoiceLine.Source.Manual x -> m.put("source", s("manual"));
    }
    return AttributeValue.fromM(m);
  }

  private static InvoiceLine line(Map<String, AttributeValue> m) {
    InvoiceLine.Source source = switch (m.get("source").s()) {
      case "time" -> new InvoiceLine.Source.Time(WireEnum.parse(RegistrationType.class, m.get("registrationType").s()),
          i(m, "minutes"));
      case "subscription" -> new InvoiceLine.Source.SubscriptionCharge(m.get("subscriptionId").s(), LocalDate.parse(m.get("from").s()),
          LocalDate.parse(m.get("to").s()));
      case "bundle" -> new InvoiceLine.Source.Bundle(m.get("bundleId").s());
      case "manual" -> new InvoiceLine.Source.Manual();
      default -> throw new IllegalStateException("Unknown invoice line source " + m.get("source").s());
    };
    return new InvoiceLine(m.get("description").s(), new BigDecimal(m.get("quantity").s()),
        WireEnum.parse(InvoiceLine.Unit.class, m.get("unit").s()), Amount.euros(m.get("unitPrice").s()),
        WireEnum.parse(VatRate.class, m.get("vatRate").s()), Amount.euros(m.get("amount").s()), source);
  }
}
