package nl.klantportaal.billing.adapter.dynamodb;

import static nl.klantportaal.billing.adapter.dynamodb.BillingItems.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.billing.domain.InvoiceStatus;
import nl.klantportaal.billing.domain.TimeEntry;
import nl.klantportaal.billing.domain.invoice.InvoiceNumber;
import nl.klantportaal.billing.domain.invoice.InvoiceState;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.shared.domain.WireEnum;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * A ledger line's invoice status derives from the invoice it is on: a line still to be invoiced that
 * names an invoice ({@code invoiceId}, set when a draft attaches it) reads "Gefactureerd Factuur #n"
 * while that invoice is final and not credited, and "Nog te factureren" while it is a draft, credited
 * or discarded. So finalising one invoice item moves all its lines at once. The invoices are read with
 * one BatchGetItem per 100 distinct invoices (a page of lines names a few).
 */
final class InvoiceStates {
  private final PortalTable table;

  InvoiceStates(PortalTable table) {
    this.table = table;
  }

  /** The lines of these items, each with its derived invoice status. */
  List<TimeEntry> lines(List<Map<String, AttributeValue>> items) {
    Set<Map<String, AttributeValue>> keys = new LinkedHashSet<>();
    for (var item : items) {
      if (item.containsKey("invoiceId")) {
        keys.add(key(item.get("tenantId").s(), item.get("invoiceId").s()));
      }
    }
    Map<String, Stored> stored = read(new ArrayList<>(keys), false);
    return items.stream().map(item -> {
      TimeEntry line = BillingItems.line(item);
      if (!item.containsKey("invoiceId") || !(line.status() instanceof InvoiceStatus.ToInvoice)) {
        return line;
      }
      Stored invoice = stored.get(item.get("invoiceId").s());
      return invoice != null && invoice.state().billed() && invoice.number().isPresent()
          ? withStatus(line, new InvoiceStatus.Invoiced(invoice.number().get().toString())) : line;
    }).toList();
  }

  /** An invoice's state and number as stored. */
  record Stored(InvoiceState state, Optional<InvoiceNumber> number) {}

  /**
   * Per invoice id, its state and number, read with one BatchGetItem per 100 keys (and again for any
   * unprocessed ones); an invoice that no longer exists (a discarded draft) is absent.
   */
  Map<String, Stored> read(List<Map<String, AttributeValue>> keys, boolean consistent) {
    Map<String, Stored> result = new HashMap<>();
    for (int i = 0; i < keys.size(); i += 100) {
      Map<String, KeysAndAttributes> request = Map.of(table.name(), KeysAndAttributes.builder().consistentRead(consistent)
          .keys(keys.subList(i, Math.min(keys.size(), i + 100))).projectionExpression("id, #state, #number")
          .expressionAttributeNames(Map.of("#state", "state", "#number", "number")).build());
      while (!request.isEmpty()) {
        var answer = table.client().batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
        for (var item : answer.responses().getOrDefault(table.name(), List.of())) {
          result.put(item.get("id").s(), new Stored(WireEnum.parse(InvoiceState.class, item.get("state").s()),
              Optional.ofNullable(item.get("number")).map(n -> InvoiceNumber.parse(n.s()))));
        }
        request = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
      }
    }
    return result;
  }

  static Map<String, AttributeValue> key(String tenant, String invoiceId) {
    return Map.of(Keys.PK, s("TENANT#" + tenant), Keys.SK, s(BillingKeys.INVOICE_PREFIX + invoiceId));
  }

  private static TimeEntry withStatus(TimeEntry e, InvoiceStatus status) {
    return new TimeEntry(e.registrationId(), e.line(), e.tenant(), e.date(), e.minutes(), e.registeredMinutes(), e.type(), status,
        e.overflow(), e.agent(), e.agentName(), e.description(), e.internalNote(), e.ticket(), e.reverses(), e.correctedBy(),
        e.createdAt());
  }
}
