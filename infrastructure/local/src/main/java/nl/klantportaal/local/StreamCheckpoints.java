package nl.klantportaal.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The last delivered sequence number per mapping and shard, kept in the state folder across restarts. */
public final class StreamCheckpoints {

  private static final String CLOSED = "closed";
  private final Path file;
  private final Properties values = new Properties();

  public StreamCheckpoints(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        values.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
  }

  synchronized Optional<String> sequence(StreamMapping mapping, String shardId) {
    return Optional.ofNullable(values.getProperty(key(mapping, shardId))).filter(v -> !v.equals(CLOSED));
  }

  synchronized boolean closed(StreamMapping mapping, String shardId) {
    return CLOSED.equals(values.getProperty(key(mapping, shardId) + ".state"));
  }

  synchronized void save(StreamMapping mapping, String shardId, String sequenceNumber) {
    values.setProperty(key(mapping, shardId), sequenceNumber);
    store();
  }

  synchronized void close(StreamMapping mapping, String shardId) {
    values.setProperty(key(mapping, shardId) + ".state", CLOSED);
    store();
  }

  private static String key(StreamMapping mapping, String shardId) {
    return mapping.function() + "." + mapping.name() + "." + shardId;
  }

  private void store() {
    try (Writer writer = Files.newBufferedWriter(file)) {
      values.store(writer, "Stream positions of the local event source mappings");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
