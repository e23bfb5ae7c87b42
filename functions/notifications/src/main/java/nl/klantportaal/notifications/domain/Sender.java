package nl.klantportaal.notifications.domain;

import java.util.Optional;

/** Who a mail is sent as and through which SES configuration set: the default, or a domain's route. */
public record Sender(String fromAddress, Optional<String> configurationSet) {}
