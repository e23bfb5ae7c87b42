package nl.klantportaal.inboundmail.adapter.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import nl.klantportaal.core.adapter.dynamodb.Keys;
import nl.klantportaal.core.adapter.dynamodb.PortalTable;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.inboundmail.domain.SenderUnknownMail;
import nl.klantportaal.inboundmail.domain.FollowUpMail;
import nl.klantportaal.inboundmail.port.SenderReplies;
import nl.klantportaal.notifications.domain.MailKind;
import nl.klantportaal.notifications.usecase.DirectMail;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One reply per address and day (pattern 26b: {@code PK = INBOUND#REPLY#<sha256(address)>},
 * {@code SK = <yyyy-mm-dd>} on the Amsterdam clock, claimed with a conditional put, kept 3 days),
 * sent through the portal's outbox like every other mail. Such mail belongs to no customer: its
 * outbox entry is filed under the tenant id {@value #NO_CUSTOMER}.
 */
public final class OutboxSenderReplies implements SenderReplies {
  public static final String NO_CUSTOMER = "no-customer";
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final PortalTable table;
  private final DirectMail mail;
  private final String portalOrigin;

  public OutboxSenderReplies(PortalTable table, DirectMail mail, String portalOrigin) {
    this.table = table;
    this.mail = mail;
    this.portalOrigin = portalOrigin;
  }

  @Override
  public boolean replyOncePerDay(String address, Instant now) {
    String normalized = address.strip().toLowerCase(Locale.ROOT);
    String hash = sha256(normalized);
    String day = now.atZone(ZONE).toLocalDate().toString();
    try {
      table.client().putItem(r -> r.tableName(table.name()).conditionExpression("attribute_not_exists(PK)").item(Map.of(
          Keys.PK, AttributeValue.fromS("INBOUND#REPLY#" + hash), Keys.SK, AttributeValue.fromS(day),
          "type", AttributeValue.fromS("InboundReply"), "at", AttributeValue.fromS(now.toString()),
          "expiresAt", AttributeValue.fromN(Long.toString(now.plus(Duration.ofDays(3)).getEpochSecond())))));
    } catch (ConditionalCheckFailedException e) {
      return false; // answered today already
    }
    return mail.sendOnce("INBOUND#REPLY#" + hash + "#" + day, "u", new DirectMail.Message(MailKind.SENDER_UNKNOWN,
        new TenantId(NO_CUSTOMER), "sender:" + hash, normalized, SenderUnknownMail.SUBJECT, SenderUnknownMail.text(portalOrigin),
        SenderUnknownMail.html(portalOrigin)));
  }

  @Override
  public boolean followUpCreated(String messageId, FollowUp followUp) {
    FollowUpMail.Rendered rendered = FollowUpMail.render(followUp.language(), followUp.name(), followUp.closed().number().value(),
        followUp.created().token(), followUp.created().number().value(), followUp.title(),
        portalOrigin + "/#/tickets/" + followUp.created().token());
    return mail.sendOnce("INBOUND#FOLLOWUP#" + sha256(messageId), "f." + followUp.tenant().value(), new DirectMail.Message(
        MailKind.FOLLOW_UP_CREATED, followUp.tenant(), followUp.sender().value(), followUp.address(), rendered.subject(),
        rendered.text(), rendered.html()));
  }

  @Override
  public boolean ticketReceived(String messageId, Received received) {
    FollowUpMail.Rendered rendered = FollowUpMail.received(received.language(), received.name(), received.ticket().token(),
        received.ticket().number().value(), received.title(), portalOrigin + "/#/tickets/" + received.ticket().token());
    return mail.sendOnce("INBOUND#RECEIVED#" + sha256(messageId), "rcv." + received.tenant().value(), new DirectMail.Message(
        MailKind.TICKET_RECEIVED, received.tenant(), received.sender().value(), received.address(), rendered.subject(),
        rendered.text(), rendered.html()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
