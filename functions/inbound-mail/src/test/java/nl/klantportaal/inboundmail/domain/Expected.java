package nl.klantportaal.inboundmail.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpus's manifest {@code corpus/expected.tsv}: what each human/ message becomes when a known, linked customer
 * user sends it (ticket, reply, reopened, follow-up, held) and the names of the files the ticket takes from it.
 */
public record Expected(String file, String outcome, List<String> attachments) {
  public static final List<String> OUTCOMES = List.of("ticket", "reply", "reopened", "follow-up", "held");

  /** Whether it answers a ticket (the test raises that ticket first). */
  public boolean threaded() {
    return outcome.equals("reply") || outcome.equals("reopened") || outcome.equals("follow-up");
  }

  public static Map<String, Expected> load() {
    Map<String, Expected> all = new LinkedHashMap<>();
    String text = new String(Corpus.raw("expected.tsv"), java.nio.charset.StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 3 || !OUTCOMES.contains(cells[1])) {
        throw new IllegalStateException("expected.tsv: bad line " + line);
      }
      List<String> files = cells[2].isBlank() ? List.of() : Arrays.stream(cells[2].split(" \\| ")).map(String::strip).toList();
      if (all.put(cells[0], new Expected(cells[0], cells[1], files)) != null) {
        throw new IllegalStateException("expected.tsv names " + cells[0] + " twice");
      }
    }
    return all;
  }
}
