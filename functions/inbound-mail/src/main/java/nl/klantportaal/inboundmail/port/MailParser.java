package nl.klantportaal.inboundmail.port;

import nl.klantportaal.inboundmail.domain.ParsedMail;

/** Raw MIME to a {@link ParsedMail}, best effort: broken input gives a message with problems, never an exception. */
public interface MailParser {

  ParsedMail parse(byte[] raw);
}
