package nl.klantportaal.inboundmail.port;

import java.time.Instant;

/** The polite reply to a sender the portal does not know, or not yet: at most one per address and day. */
public interface SenderReplies {
  /** Replies to {@code address} unless it was answered on {@code now}'s day already; whether a reply went out. */
  boolean replyOncePerDay(String address, Instant now);
}
