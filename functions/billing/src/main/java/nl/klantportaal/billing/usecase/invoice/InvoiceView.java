package nl.klantportaal.billing.usecase.invoice;

import java.util.List;
import java.util.Optional;
import nl.klantportaal.billing.domain.invoice.Invoice;
import nl.klantportaal.billing.domain.invoice.InvoiceLine;
import nl.klantportaal.billing.domain.invoice.InvoiceTotals;
import nl.klantportaal.core.shared.domain.Language;

/** An invoice as the API answers it, labels in the reader's language; amounts as exact decimal strings. */
public record InvoiceView(String id, String kind, Optional<String> number, String status, String statusLabel, String from, String to,
    Optional<String> invoiceDate, Optional<String> dueDate, List<Line> lines, Totals totals, Optional<BillTo> billTo,
    Optional<Ref> credits, Optional<Ref> creditedBy, boolean reverseCharged, int registrationLines, boolean complete, long version,
    String language) {

  public record Line(String description, String quantity, String unit, String unitLabel, String unitPrice, String vatRate,
      String vatLabel, String amount, String source) {}

  public record PerRate(String vatRate, String vatLabel, String base, String vat) {}

  public record Totals(List<PerRate> perRate, String net, String vat, String total) {}

  public record BillTo(String name, List<String> address, Optional<String> vatId) {}

  public record Ref(String id, String number) {}

  public static InvoiceView of(Invoice v, Language reader) {
    InvoiceTotals totals = v.totals();
    return new InvoiceView(v.id(), v.kind() == Invoice.Kind.CREDIT ? "credit" : "invoice", v.number().map(Object::toString),
        v.state().wireName(), v.stateLabel().in(reader), v.supply().from().toString(), v.supply().to().toString(),
        v.invoiceDate().map(Object::toString), v.dueDate().map(Object::toString), v.lines().stream().map(l -> line(l, reader)).toList(),
        new Totals(totals.perRate().stream().map(p -> new PerRate(p.rate().wireName(), p.rate().label().in(reader), p.base().toString(),
            p.vat().toString())).toList(), totals.net().toString(), totals.vat().toString(), totals.total().toString()),
        v.billTo().map(b -> new BillTo(b.name(), b.address(), b.vatId())), v.credits().map(r -> new Ref(r.id(), r.number().toString())),
        v.creditedBy().map(r -> new Ref(r.id(), r.number().toString())), totals.reverseCharged(), v.registrationLines(), v.complete(),
        v.version(), v.language().tag());
  }

  private static Line line(InvoiceLine l, Language reader) {
    String source = switch (l.source()) {
      case InvoiceLine.Source.Time t -> "time";
      case InvoiceLine.Source.SubscriptionCharge c -> "subscription";
      case InvoiceLine.Source.Bundle b -> "bundle";
      case InvoiceLine.Source.Manual m -> "manual";
    };
    return new Line(l.description(), l.quantity().toPlainString(), l.unit().wireName(), l.unit().label().in(reader),
        l.unitPrice().toString(), l.vatRate().wireName(), l.vatRate().label().in(reader), l.amount().toString(), source);
  }
}
