package nl.klantportaal.notifications.adapter.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.WireEnum;
import nl.klantportaal.notifications.domain.TicketChange;
import nl.klantportaal.notifications.domain.TicketSnapshot;
import nl.klantportaal.ticketing.domain.AuthorSide;
import nl.klantportaal.ticketing.domain.TicketStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads ticket and message items by the attribute names of the contract in docs/data-model.md
 * ("Ticket items"); the tickets slice writes them. A missing required attribute is an error naming it.
 */
public final class TicketItems {

  private TicketItems() {}

  public static TicketSnapshot ticket(Map<String, AttributeValue> item) {
    TicketStatus status = WireEnum.fromWire(TicketStatus.class, text(item, "status"))
        .orElseThrow(() -> new IllegalArgumentException("Ticket item has an unknown status " + text(item, "status")));
    List<UserId> involved = Optional.ofNullable(item.get("involved"))
        .map(v -> v.hasL() ? v.l().stream().map(AttributeValue::s).toList() : v.hasSs() ? v.ss() : List.<String>of())
        .orElse(List.of()).stream().map(UserId::new).toList();
    return new TicketSnapshot(new TenantId(text(item, "tenantId")), number(item), text(item, "token"), text(item, "title"),
        optional(item, "description").orElse(""), status, new UserId(text(item, "reporterId")), involved,
        optional(item, "assigneeId").map(UserId::new), text(item, "lastChangeBy"),
        optional(item, "approval").filter("pending"::equals).isPresent());
  }

  public static TicketChange.PublicMessage message(String eventId, Map<String, AttributeValue> item) {
    Optional<TicketChange.StatusMove> move = optional(item, "statusTo").map(to -> new TicketChange.StatusMove(
        WireEnum.parse(TicketStatus.class, text(item, "statusFrom")), WireEnum.parse(TicketStatus.class, to)));
    return new TicketChange.PublicMessage(eventId, new TenantId(text(item, "tenantId")), number(item), text(item, "id"),
        text(item, "authorId"), optional(item, "authorName").orElse(""), WireEnum.parse(AuthorSide.class, text(item, "authorSide")),
        text(item, "body"), move);
  }

  /** Whether the ticket item's change was written with a public message that announces it. */
  public static boolean statusMailedWithMessage(Map<String, AttributeValue> item) {
    AttributeValue v = item.get("statusMailedWithMessage");
    return v != null && Boolean.TRUE.equals(v.bool());
  }

  static long number(Map<String, AttributeValue> item) {
    AttributeValue v = item.get("number");
    if (v == null || v.n() == null) {
      throw new IllegalArgumentException("Ticket item lacks the number attribute (N)");
    }
    return Long.parseLong(v.n());
  }

  static String text(Map<String, AttributeValue> item, String name) {
    return optional(item, name).orElseThrow(() -> new IllegalArgumentException("Ticket item lacks the attribute " + name));
  }

  /** A string attribute; absent, NULL or empty counts as absent (the contract lets assigneeId be either). */
  static Optional<String> optional(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.s() == null || v.s().isEmpty() ? Optional.empty() : Optional.of(v.s());
  }
}
