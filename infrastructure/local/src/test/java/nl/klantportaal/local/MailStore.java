package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The mails a local cloud sent, read back from aws-ses-v2-local's {@code GET /store}. */
record MailStore(URI ses, HttpClient http) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static MailStore of(LocalCloud cloud) {
    return new MailStore(cloud.endpoints().ses(), HttpClient.newHttpClient());
  }

  /** Every mail in the store. */
  List<JsonNode> all() throws IOException, InterruptedException {
    return read("/store");
  }

  /** The mails stored from {@code epochSecond} on. */
  List<JsonNode> since(long epochSecond) throws IOException, InterruptedException {
    return read("/store?since=" + epochSecond);
  }

  /** The mails whose subject starts with {@code prefix}: a ticket's by its token {@code "[#id] "}. */
  List<JsonNode> subjectStartsWith(String prefix) throws IOException, InterruptedException {
    return all().stream().filter(m -> m.path("subject").asText().startsWith(prefix)).toList();
  }

  /** Every mail once {@code done} holds of them, polled until {@code within} has passed: the senders run in the background. */
  List<JsonNode> await(Predicate<List<JsonNode>> done, Duration within) throws Exception {
    return Poll.until(this::all, done, within, mails -> "mails in aws-ses-v2-local after " + within + ": " + mails);
  }

  /** The mails whose subject starts with {@code prefix} once {@code done} holds of them, polled until {@code within} has passed. */
  List<JsonNode> await(String prefix, Predicate<List<JsonNode>> done, Duration within) throws Exception {
    return Poll.until(() -> subjectStartsWith(prefix), done, within,
        mails -> "mails of " + prefix + "in aws-ses-v2-local after " + within + ": " + mails);
  }

  /** The mails among {@code mails} with a recipient containing {@code address} (a whole address or a part of one). */
  static List<JsonNode> to(List<JsonNode> mails, String address) {
    return mails.stream().filter(m -> m.path("destination").path("to").toString().contains(address)).toList();
  }

  /** Recipient → the subjects sent to them, sorted. */
  static Map<String, List<String>> subjectsByRecipient(List<JsonNode> mails) {
    Map<String, List<String>> subjects = new TreeMap<>();
    for (JsonNode mail : mails) {
      for (JsonNode to : mail.path("destination").path("to")) {
        subjects.computeIfAbsent(to.asText(), k -> new ArrayList<>()).add(mail.path("subject").asText());
      }
    }
    subjects.replaceAll((who, list) -> list.stream().sorted().toList());
    return subjects;
  }

  private List<JsonNode> read(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ses + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    List<JsonNode> mails = new ArrayList<>();
    JSON.readTree(response.body()).path("emails").forEach(mails::add);
    return mails;
  }
}
