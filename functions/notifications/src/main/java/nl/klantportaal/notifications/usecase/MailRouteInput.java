package nl.klantportaal.notifications.usecase;

import java.util.regex.Pattern;
import nl.klantportaal.core.shared.domain.Validation;
import nl.klantportaal.notifications.port.MailRoutes;

/**
 * A route as {@code PUT /mail-routes/{domain}} receives it: the SES configuration set, the sender address and the
 * {@code version} the change was made on (required without If-None-Match: *; 0 for a new route).
 */
public record MailRouteInput(String configurationSet, String senderAddress, Long version) {
  /** SES configuration set names: letters, digits, underscores and dashes, at most 64. */
  private static final Pattern CONFIGURATION_SET = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** The checked input; {@code readVersion} is what the stored route must still be at (0: none, or one without a version). */
  public record Valid(String domain, String configurationSet, String senderAddress, long readVersion) {}

  public Valid validate(String domain, MailRoutes.Mode mode) {
    Validation v = new Validation();
    var d = v.domain("domain", domain);
    var set = v.requiredText("configurationSet", configurationSet, 64);
    set.ifPresent(s -> v.check(CONFIGURATION_SET.matcher(s).matches(), "configurationSet", "format",
        "must be an SES configuration set name (letters, digits, _ and -)"));
    var sender = v.requiredText("senderAddress", senderAddress, 254).flatMap(s -> v.optionalEmail("senderAddress", s));
    if (mode == MailRoutes.Mode.CREATE) {
      v.check(version == null || version == 0, "version", "not-allowed",
          "is not sent with If-None-Match: * (a create), or is 0");
    } else {
      v.check(version != null && version >= 0, "version", "required",
          "is required: the version of the route you read, 0 for a new route");
    }
    v.throwIfInvalid();
    return new Valid(d.orElseThrow(), set.orElseThrow(), sender.orElseThrow(), version == null ? 0 : version);
  }
}
