package nl.klantportaal.notifications.adapter.dynamodb;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.notifications.domain.TicketChange;
import nl.klantportaal.notifications.usecase.StreamedChange;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns one record of the table's stream (NEW_AND_OLD_IMAGES) into a ticket change by the item
 * contract: INSERT of {@code PUB#TICKET} is a new ticket, INSERT of {@code PUB#MSG#…} a public
 * message, MODIFY of {@code PUB#TICKET} with another {@code status} a status change, one whose
 * {@code approval} went from pending to approved an approval. Everything
 * else is {@link StreamedChange.Ignored} with the reason (logged at debug by the handler).
 */
public final class TicketStreamRecords {

  private TicketStreamRecords() {}

  public static StreamedChange decode(DynamodbEvent.DynamodbStreamRecord record) {
    var stream = record.getDynamodb();
    if (stream == null || stream.getKeys() == null) {
      return new StreamedChange.Ignored("no keys");
    }
    Map<String, AttributeValue> keys = image(stream.getKeys());
    String pk = Optional.ofNullable(keys.get(Keys.PK)).map(AttributeValue::s).orElse("");
    String sk = Optional.ofNullable(keys.get(Keys.SK)).map(AttributeValue::s).orElse("");
    if (!pk.startsWith("TENANT#") || !pk.contains("#TICKET#")) {
      return new StreamedChange.Ignored("not a ticket item");
    }
    String event = Objects.toString(record.getEventName(), "");
    if (sk.equals(Keys.TICKET_SK) && event.equals("INSERT")) {
      return new StreamedChange.Change(new TicketChange.Created(record.getEventID(), TicketItems.ticket(image(stream.getNewImage()))));
    }
    if (sk.startsWith(Keys.PUBLIC_MESSAGE_PREFIX) && event.equals("INSERT")) {
      return new StreamedChange.Change(TicketItems.message(record.getEventID(), image(stream.getNewImage())));
    }
    if (sk.equals(Keys.TICKET_SK) && event.equals("MODIFY")) {
      if (stream.getOldImage() == null || stream.getNewImage() == null) {
        return new StreamedChange.Ignored("ticket change without both images");
      }
      var before = TicketItems.ticket(image(stream.getOldImage()));
      var newImage = image(stream.getNewImage());
      var after = TicketItems.ticket(newImage);
      if (before.status() != after.status()) {
        return new StreamedChange.Change(new TicketChange.StatusChanged(record.getEventID(), after, before.status(),
            TicketItems.statusMailedWithMessage(newImage)));
      }
      boolean approved = TicketItems.optional(image(stream.getOldImage()), "approval").filter("pending"::equals).isPresent()
          && TicketItems.optional(newImage, "approval").filter("approved"::equals).isPresent();
      return approved ? new StreamedChange.Change(new TicketChange.Approved(record.getEventID(), after))
          : new StreamedChange.Ignored("ticket changed, status did not");
    }
    return new StreamedChange.Ignored(event + " of " + (sk.startsWith(Keys.PUBLIC_PREFIX) ? sk.split("#")[1] : "non-public")
        + " item is not mailed");
  }

  /** The Lambda event's own attribute model to the SDK's, attribute by attribute. */
  static Map<String, AttributeValue> image(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    if (image != null) {
      image.forEach((name, value) -> out.put(name, value(value)));
    }
    return out;
  }

  private static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
    if (v.getS() != null) {
      return AttributeValue.fromS(v.getS());
    }
    if (v.getN() != null) {
      return AttributeValue.fromN(v.getN());
    }
    if (v.getBOOL() != null) {
      return AttributeValue.fromBool(v.getBOOL());
    }
    if (Boolean.TRUE.equals(v.getNULL())) {
      return AttributeValue.fromNul(true);
    }
    if (v.getL() != null) {
      return AttributeValue.fromL(v.getL().stream().map(TicketStreamRecords::value).toList());
    }
    if (v.getM() != null) {
      return AttributeValue.fromM(image(v.getM()));
    }
    if (v.getSS() != null) {
      return AttributeValue.fromSs(v.getSS());
    }
    if (v.getNS() != null) {
      return AttributeValue.fromNs(v.getNS());
    }
    if (v.getB() != null) {
      return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
    }
    if (v.getBS() != null) {
      return AttributeValue.fromBs(v.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
    }
    throw new IllegalArgumentException("Stream attribute of unknown type");
  }
}
