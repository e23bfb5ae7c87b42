package nl.klantportaal.sla.adapter.dynamodb;

import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.ticketing.adapter.dynamodb.TicketKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.klantportaal.sla.domain.DefaultSlaTable;
import nl.klantportaal.sla.domain.PendingSlaEvent;
import nl.klantportaal.sla.domain.SlaEvent;
import nl.klantportaal.sla.domain.SlaRecord;
import nl.klantportaal.sla.domain.SlaTerms;
import nl.klantportaal.sla.domain.TargetKind;
import nl.klantportaal.ticketing.domain.Priority;
import nl.klantportaal.ticketing.domain.TicketRef;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A ticket's SLA record, {@code TENANT#<t>#TICKET#<n8> / STAFF#SLA} (docs/data-model.md pattern 32):
 * the tier and its terms as agreed at creation ({@link SlaTermsCodec}; a record written before terms
 * were kept has none and ran on the shipped table), the timeline encoded one event per string ({@code <EVENT> <at> [args]}), the fired set
 * (a string set, so the scan adds to it with {@code ADD}), the pending events and {@code slaVersion}.
 * The pending events' due-index entries are their own items, {@code STAFF#SLA#<kind>#<target>}.
 */
final class SlaItem {
  static final String VERSION = "slaVersion";
  static final String FIRED = "fired";

  String pk;
  String sk;
  String tenantId;
  Long number;
  String tier;
  List<String> terms;
  List<String> timeline;
  Set<String> fired;
  List<String> pending;
  Long slaVersion;

  static final TableSchema<SlaItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<SlaItem> {
    Schema() {
      super(SlaItem.class, Metadata.keys(), new SlaItem());
    }

    @Override
    protected void write(SlaItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", "Sla")
          .string("tenantId", i.tenantId)
          .number("number", i.number)
          .string("tier", i.tier)
          .strings("terms", i.terms)
          .strings("timeline", i.timeline)
          .stringSet(FIRED, i.fired)
          .strings("pending", i.pending)
          .number(VERSION, i.slaVersion);
    }

    @Override
    protected SlaItem read(In in) {
      SlaItem i = new SlaItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.tenantId = in.string("tenantId");
      i.number = in.number("number");
      i.tier = in.string("tier");
      i.terms = in.strings("terms");
      i.timeline = in.strings("timeline");
      i.fired = in.stringSet(FIRED);
      i.pending = in.strings("pending");
      i.slaVersion = in.number(VERSION);
      return i;
    }
  }

  static SlaItem from(TicketRef ref, SlaRecord record) {
    SlaItem i = new SlaItem();
    i.pk = TicketKeys.ticket(ref);
    i.sk = Keys.SLA_SK;
    i.tenantId = ref.tenant().value();
    i.number = ref.number().value();
    i.tier = record.tier().wireName();
    i.terms = SlaTermsCodec.encode(record.terms());
    i.timeline = record.timeline().stream().map(SlaItem::encode).toList();
    i.fired = record.fired().isEmpty() ? null : record.fired();
    i.pending = record.pending().stream().map(SlaRecord::key).toList();
    i.slaVersion = record.version();
    return i;
  }

  SlaRecord toDomain() {
    SlaTerms agreed = terms == null ? DefaultSlaTable.table().terms(SlaTermsCodec.tier(tier))
        : SlaTermsCodec.decode(SlaTermsCodec.tier(tier), terms);
    List<SlaEvent> events = new ArrayList<>();
    for (String line : timeline) {
      events.add(decode(line, agreed));
    }
    List<PendingSlaEvent> due = pending == null ? List.of() : pending.stream().map(SlaItem::pendingOf).toList();
    return new SlaRecord(events, fired == null ? Set.of() : fired, due, slaVersion);
  }

  static String encode(SlaEvent event) {
    String at = event.at().toString();
    return switch (event) {
      case SlaEvent.Created c -> "CREATED " + at + " " + c.priority().wireName() + " " + c.tier().wireName();
      case SlaEvent.AwaitingApproval a -> "AWAITING_APPROVAL " + at;
      case SlaEvent.Approved a -> "APPROVED " + at;
      case SlaEvent.PriorityChanged p -> "PRIORITY " + at + " " + p.priority().wireName();
      case SlaEvent.WaitingForCustomer w -> "WAITING " + at;
      case SlaEvent.CustomerAnswered a -> "ANSWERED " + at;
      case SlaEvent.CustomerReminded r -> "REMINDED " + at;
      case SlaEvent.PublicAgentReply r -> "REPLY " + at;
      case SlaEvent.Resolved r -> "RESOLVED " + at;
      case SlaEvent.Reopened r -> "REOPENED " + at;
    };
  }

  /** One timeline line; a {@code CREATED} line takes the record's stored terms. */
  static SlaEvent decode(String line, SlaTerms terms) {
    String[] p = line.split(" ");
    Instant at = Instant.parse(p[1]);
    return switch (p[0]) {
      case "CREATED" -> new SlaEvent.Created(at, priority(p[2]), terms);
      case "AWAITING_APPROVAL" -> new SlaEvent.AwaitingApproval(at);
      case "APPROVED" -> new SlaEvent.Approved(at);
      case "PRIORITY" -> new SlaEvent.PriorityChanged(at, priority(p[2]));
      case "WAITING" -> new SlaEvent.WaitingForCustomer(at);
      case "ANSWERED" -> new SlaEvent.CustomerAnswered(at);
      case "REMINDED" -> new SlaEvent.CustomerReminded(at);
      case "REPLY" -> new SlaEvent.PublicAgentReply(at);
      case "RESOLVED" -> new SlaEvent.Resolved(at);
      case "REOPENED" -> new SlaEvent.Reopened(at);
      default -> throw new IllegalStateException("Unknown SLA event in a stored timeline: " + p[0]);
    };
  }

  private static Priority priority(String wire) {
    return Priority.fromWireName(wire).orElseThrow(() -> new IllegalStateException("Unknown priority " + wire));
  }

  /** {@code <KIND>#<TARGET>#<at>}, as {@link SlaRecord#key}. */
  private static PendingSlaEvent pendingOf(String key) {
    String[] p = key.split("#");
    return new PendingSlaEvent(PendingSlaEvent.Kind.valueOf(p[0]), TargetKind.valueOf(p[1]), Instant.parse(p[2]));
  }
}
