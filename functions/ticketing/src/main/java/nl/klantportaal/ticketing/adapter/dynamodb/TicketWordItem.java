package nl.klantportaal.ticketing.adapter.dynamodb;

import java.util.List;
import nl.klantportaal.core.adapter.dynamodb.ItemSchema;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.ticketing.domain.Ticket;
import nl.klantportaal.ticketing.domain.TicketNumber;
import nl.klantportaal.ticketing.domain.TicketRef;
import nl.klantportaal.ticketing.domain.TitleWords;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The search index of ticket titles (docs/data-model.md patterns 24a–24c), written in the ticket's
 * create transaction (a title never changes): per index term one item
 * {@code TENANT#<t>#WORD#<term> / <createdAt>#<n8>}, also on GSI3 as {@code WORD#<term> /
 * <createdAt>#<t>#<n8>} for provider staff, carrying the title's {@code words} so a query's other
 * words are checked without reading the ticket; and one number item {@code TENANT#<t>#NUMBER#<n8> /
 * NUMBER} on GSI3 {@code NUMBER#<n> / <t>} (outside the ticket's partition, which pattern 15 reads whole).
 */
final class TicketWordItem {
  String pk;
  String sk;
  String gsi3pk;
  String gsi3sk;
  String tenantId;
  Long number;
  List<String> words;
  String createdAt;

  static final TableSchema<TicketWordItem> SCHEMA = new Schema();

  /** Written by hand, without a lambda per attribute ({@link ItemSchema}). */
  private static final class Schema extends ItemSchema<TicketWordItem> {
    Schema() {
      super(TicketWordItem.class, Metadata.keys()
          .indexPartitionKey(Keys.GSI3, Keys.GSI3PK)
          .indexSortKey(Keys.GSI3, Keys.GSI3SK), new TicketWordItem());
    }

    @Override
    protected void write(TicketWordItem i, Out out) {
      out
          .string(Keys.PK, i.pk)
          .string(Keys.SK, i.sk)
          .string("type", "TicketWord")
          .string(Keys.GSI3PK, i.gsi3pk)
          .string(Keys.GSI3SK, i.gsi3sk)
          .string("tenantId", i.tenantId)
          .number("number", i.number)
          .strings("words", i.words)
          .string("createdAt", i.createdAt);
    }

    @Override
    protected TicketWordItem read(In in) {
      TicketWordItem i = new TicketWordItem();
      i.pk = in.string(Keys.PK);
      i.sk = in.string(Keys.SK);
      i.gsi3pk = in.string(Keys.GSI3PK);
      i.gsi3sk = in.string(Keys.GSI3SK);
      i.tenantId = in.string("tenantId");
      i.number = in.number("number");
      i.words = in.strings("words");
      i.createdAt = in.string("createdAt");
      return i;
    }
  }

  /** The items of a new ticket: one per index term of its title, and its number item. */
  static List<TicketWordItem> of(Ticket ticket) {
    TicketRef ref = ticket.ref();
    String created = ticket.createdAt().toString();
    List<String> words = TitleWords.storedWords(ticket.title());
    List<TicketWordItem> items = new java.util.ArrayList<>();
    for (String term : TitleWords.terms(ticket.title())) {
      TicketWordItem i = base(ref, created);
      i.pk = Keys.ticketWord(ref.tenant(), term);
      i.sk = TicketKeys.atTicket(created, ref);
      i.gsi3pk = Keys.wordTickets(term);
      i.gsi3sk = TicketKeys.atTenantTicket(created, ref);
      i.words = words;
      items.add(i);
    }
    TicketWordItem number = base(ref, created);
    number.pk = Keys.ticketNumber(ref.tenant(), ref.number().value());
    number.sk = Keys.TICKET_NUMBER_SK;
    number.gsi3pk = Keys.numberTickets(ref.number().value());
    number.gsi3sk = ref.tenant().value();
    items.add(number);
    return items;
  }

  private static TicketWordItem base(TicketRef ref, String created) {
    TicketWordItem i = new TicketWordItem();
    i.tenantId = ref.tenant().value();
    i.number = ref.number().value();
    i.createdAt = created;
    return i;
  }

  TicketRef ref() {
    return new TicketRef(new TenantId(tenantId), new TicketNumber(number));
  }

  List<String> words() {
    return words == null ? List.of() : words;
  }
}
