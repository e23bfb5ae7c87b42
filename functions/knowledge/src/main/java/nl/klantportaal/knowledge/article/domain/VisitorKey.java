package nl.klantportaal.knowledge.article.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of a "counted today" claim: HMAC-SHA256 over the UTC day, what is counted (a read or a vote), the
 * article and who the visitor is (source address and user agent, or the signed-in user's id), with a secret
 * key the deployment keeps. Only the hash is stored, for one day; without the key it cannot be tied to an
 * address, and a new day gives every visitor a new, unrelated hash (docs/knowledge.md, "Privacy").
 */
public final class VisitorKey {
  private final Supplier<byte[]> secret;

  /** {@code secret} is asked for on the first claim (it may come from a secret store), and must have 32 bytes or more. */
  public VisitorKey(Supplier<byte[]> secret) {
    this.secret = secret;
  }

  public enum Purpose { READ, VOTE }

  /** The visitor as the hash takes it: an anonymous one by address and browser, a signed-in one by user id. */
  public static String anonymous(String sourceIp, String userAgent) {
    return "anon\n" + sourceIp + "\n" + userAgent;
  }

  public static String user(String userId) {
    return "user\n" + userId;
  }

  public String claim(Instant at, Purpose purpose, String articleId, String visitor) {
    LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
    byte[] key = secret.get();
    if (key.length < 32) {
      throw new IllegalStateException("The visitor key needs at least 32 bytes");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] hash = mac.doFinal((day + "\n" + purpose + "\n" + articleId + "\n" + visitor).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * When a claim made at {@code at} may go (its TTL): one day later. The day is part of the hash, so the claim
   * is never needed after its day ends, and a late TTL deletion cannot stop tomorrow's count.
   */
  public static Instant expiry(Instant at) {
    return at.plus(java.time.Duration.ofDays(1));
  }
}
