package nl.klantportaal.ticketing.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * Makes and checks the tokens of mail links: {@code base64url(1|id|ticket|action|user|expires)} a
 * dot and its HMAC-SHA256 under the mail-link key. A token whose signature, shape or values do not
 * hold is {@link Checked.Invalid} (tampered or cut off); a genuine one past its time is
 * {@link Checked.Expired}. Whether it was used is the store's to say.
 */
public final class MailLinkSigner {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_TOKEN = 512;
  /** The purpose the deployment's key is derived for ({@code KernelWiring.purposeKey}). */
  public static final String KEY_PURPOSE = "mail-link";

  private final Supplier<byte[]> key;

  /** {@code key}: read when a token is first made or checked (at least 32 bytes). */
  public MailLinkSigner(Supplier<byte[]> key) {
    this.key = key;
  }

  public sealed interface Checked {
    record Valid(MailLink link) implements Checked {}

    record Expired(MailLink link) implements Checked {}

    record Invalid(String why) implements Checked {}
  }

  public String sign(MailLink link) {
    if (link.recipient().value().contains("|")) {
      throw new IllegalArgumentException("A user id with '|' cannot be put in a mail link");
    }
    String body = ENCODER.encodeToString(String.join("|", "1", link.id(), link.ticket().token(), link.action().wireName(),
        link.recipient().value(), Long.toString(link.expiresAt().getEpochSecond())).getBytes(StandardCharsets.UTF_8));
    return body + "." + ENCODER.encodeToString(mac(body));
  }

  public Checked check(String token, Instant now) {
    if (token == null || token.length() > MAX_TOKEN) {
      return new Checked.Invalid("missing or too long");
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1 || token.indexOf('.', dot + 1) >= 0) {
      return new Checked.Invalid("malformed");
    }
    String body = token.substring(0, dot);
    byte[] signature;
    String payload;
    try {
      signature = DECODER.decode(token.substring(dot + 1));
      payload = new String(DECODER.decode(body), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new Checked.Invalid("not base64url");
    }
    // one spelling per token: base64url's last character may carry padding bits a lenient decoder ignores
    if (!ENCODER.encodeToString(signature).equals(token.substring(dot + 1))
        || !MessageDigest.isEqual(signature, mac(body))) {
      return new Checked.Invalid("signature does not match");
    }
    Optional<MailLink> link = parse(payload);
    if (link.isEmpty()) {
      return new Checked.Invalid("unreadable");
    }
    return now.isBefore(link.get().expiresAt()) ? new Checked.Valid(link.get()) : new Checked.Expired(link.get());
  }

  private static Optional<MailLink> parse(String payload) {
    String[] parts = payload.split("\\|", -1);
    if (parts.length != 6 || !"1".equals(parts[0])) {
      return Optional.empty();
    }
    try {
      Optional<TicketRef> ticket = TicketRef.parse(parts[2]);
      Optional<MailLinkAction> action = WireEnum.fromWire(MailLinkAction.class, parts[3]);
      if (ticket.isEmpty() || action.isEmpty() || parts[4].isBlank()) {
        return Optional.empty();
      }
      return Optional.of(new MailLink(parts[1], ticket.get(), action.get(), new UserId(parts[4]),
          Instant.ofEpochSecond(Long.parseLong(parts[5]))));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String body) {
    byte[] secret = key.get();
    if (secret.length < 32) {
      throw new IllegalStateException("The mail-link key must have at least 32 bytes");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
