package nl.klantportaal.inboundmail.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SES's verdicts on a received message ({@code receipt.spfVerdict}, {@code dkimVerdict},
 * {@code dmarcVerdict}: PASS, FAIL, GRAY, PROCESSING_FAILED, or absent). The From address is trusted
 * only when DMARC passed (SPF or DKIM aligned with the From domain), or when DKIM passed and the
 * message carries a DKIM signature of the From domain itself (or of a parent domain of it).
 */
public record Verdicts(String spf, String dkim, String dmarc) {
  private static final Pattern SIGNING_DOMAIN = Pattern.compile("(?:^|;)\\s*d\\s*=\\s*([^;\\s]+)");

  public Verdicts {
    spf = normal(spf);
    dkim = normal(dkim);
    dmarc = normal(dmarc);
  }

  public static final String PASS = "PASS";

  /** Why the From address can be trusted, or empty when it cannot. */
  public Optional<String> trust(ParsedMail mail) {
    if (mail.fromDomain().isEmpty()) {
      return Optional.empty();
    }
    if (PASS.equals(dmarc)) {
      return Optional.of("dmarc-pass");
    }
    if (PASS.equals(dkim) && signedBy(mail, mail.fromDomain().get())) {
      return Optional.of("dkim-pass-from-domain");
    }
    return Optional.empty();
  }

  /** Whether a DKIM-Signature header names {@code domain} (or a parent of it) as its signing domain. */
  static boolean signedBy(ParsedMail mail, String domain) {
    for (String signature : mail.header("DKIM-Signature")) {
      Matcher m = SIGNING_DOMAIN.matcher(signature);
      if (m.find()) {
        String d = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (domain.equals(d) || domain.endsWith("." + d)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String normal(String value) {
    return value == null ? "ABSENT" : value.strip().toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "spf=" + spf + " dkim=" + dkim + " dmarc=" + dmarc;
  }
}
