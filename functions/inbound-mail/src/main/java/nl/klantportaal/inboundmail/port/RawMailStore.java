package nl.klantportaal.inboundmail.port;

/** The raw MIME the receipt rule's S3 action stored, by object key. */
public interface RawMailStore {

  /** The stored bytes; throws when the object cannot be read (the invocation fails and is retried). */
  byte[] read(String key);
}
