package nl.klantportaal.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import nl.klantportaal.core.shared.domain.LocalizedText;
import nl.klantportaal.core.shared.domain.WireEnum;

/**
 * An address mail no longer goes to: a receiving server answered with a permanent failure (a 5.x.x
 * delivery status in a bounce that came back to the support address, or SES's own bounce notification),
 * or the recipient complained (marked our mail as spam; SES's complaint notification). The portal stops mailing
 * it until staff clear it or the person's address changes (a changed address is another address), and
 * staff see why: the reason and the server's status and diagnostic.
 */
public record FailingAddress(String address, Reason reason, String detail, Instant since) {
  public static final int MAX_DETAIL = 500;

  public FailingAddress {
    address = normalise(address);
    detail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
  }

  public enum Reason implements WireEnum {
    PERMANENT_BOUNCE("permanent-bounce", new LocalizedText("Onbestelbaar (permanente fout)", "Undeliverable (permanent failure)",
        "Unzustellbar (dauerhafter Fehler)")),
    /** The recipient marked our mail as spam: mailing them on would harm every customer's delivery. */
    COMPLAINT("complaint", new LocalizedText("Klacht: als spam gemarkeerd", "Complaint: marked as spam", "Beschwerde: als Spam markiert"));

    private final String wireName;
    private final LocalizedText label;

    Reason(String wireName, LocalizedText label) {
      this.wireName = wireName;
      this.label = label;
    }

    @Override
    public String wireName() {
      return wireName;
    }

    public LocalizedText label() {
      return label;
    }
  }

  /** The key of an address: its SHA-256 in hex, over the lower-cased address (no address in a key or URL). */
  public String id() {
    return idOf(address);
  }

  public static String idOf(String address) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalise(address).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static String normalise(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
