package nl.klantportaal.ticketing.domain;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.Arrays;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import org.junit.jupiter.api.Test;

class MailLinkSignerTest {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private final MailLinkSigner signer = new MailLinkSigner(() -> {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    return key;
  });

  /** A 32-byte signature in 43 base64url characters leaves two spare bits in the last one: setting them is tampering too. */
  @Test
  void aTokenSpelledWithTheSignaturesSpareBitsSetIsRefused() {
    for (int i = 0; i < 40; i++) {
      String token = signer.sign(new MailLink("spare-bits-link-" + String.format("%04d", i), new TicketRef(new TenantId("acme"),
          new TicketNumber(1)), MailLinkAction.ACCEPT, new UserId("u-1"), NOW.plusSeconds(3600)));
      assertInstanceOf(MailLinkSigner.Checked.Valid.class, signer.check(token, NOW));
      char last = token.charAt(token.length() - 1);
      String respelled = token.substring(0, token.length() - 1) + ALPHABET.charAt(ALPHABET.indexOf(last) | 1);
      assertInstanceOf(MailLinkSigner.Checked.Invalid.class, signer.check(respelled, NOW), respelled);
    }
  }
}
