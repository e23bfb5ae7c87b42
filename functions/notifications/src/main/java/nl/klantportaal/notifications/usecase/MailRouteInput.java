package nl.klantportaal.notifications.usecase;

import java.util.regex.Pattern;
import nl.klantportaal.core.shared.domain.Validation;

/** A route as {@code PUT /mail-routes/{domain}} receives it: the SES configuration set and the sender address. */
public record MailRouteInput(String configurationSet, String senderAddress) {
  /** SES configuration set names: letters, digits, underscores and dashes, at most 64. */
  private static final Pattern CONFIGURATION_SET = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public record Valid(String domain, String configurationSet, String senderAddress) {}

  public Valid validate(String domain) {
    Validation v = new Validation();
    var d = v.domain("domain", domain);
    var set = v.requiredText("configurationSet", configurationSet, 64);
    set.ifPresent(s -> v.check(CONFIGURATION_SET.matcher(s).matches(), "configurationSet", "format",
        "must be an SES configuration set name (letters, digits, _ and -)"));
    var sender = v.requiredText("senderAddress", senderAddress, 254).flatMap(s -> v.optionalEmail("senderAddress", s));
    v.throwIfInvalid();
    return new Valid(d.orElseThrow(), set.orElseThrow(), sender.orElseThrow());
  }
}
