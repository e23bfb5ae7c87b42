package nl.klantportaal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The SES endpoint of the local cloud: a thin HTTP front before aws-ses-v2-local that forwards every
 * request and answer unchanged (so aws-ses-v2-local sends, stores and shows the mail), and hands each
 * SES v2 {@code SendEmail} it answered with a {@code MessageId} to a listener with what SES's event
 * publishing needs: the configuration set, the recipients, the headers and the message id the sender
 * got. aws-ses-v2-local keeps neither the configuration set nor the raw headers in its store, so
 * reading {@code GET /store} could not tell which sends SES would publish events for.
 */
public final class SesFront implements AutoCloseable {

  /** A send SES accepted: what its event records carry in their {@code mail} object. */
  public record SentMail(String messageId, Instant timestamp, Optional<String> configurationSet, String source,
      List<String> destination, List<Map<String, String>> headers) {
    public SentMail {
      destination = List.copyOf(destination);
      headers = List.copyOf(headers);
    }

    /** The first value of a header, or empty. */
    public Optional<String> header(String name) {
      return headers.stream().filter(h -> h.get("name").equalsIgnoreCase(name)).map(h -> h.get("value")).findFirst();
    }
  }

  static final String SEND_EMAIL_PATH = "/v2/email/outbound-emails";
  private static final List<String> FORWARDED = List.of("Content-Type", "Authorization", "X-Amz-Date", "X-Amz-Target",
      "X-Amz-Security-Token", "X-Amz-Content-Sha256", "Accept");

  private final HttpServer server;
  private final Forwarding forwarding;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Faults faults;
  private volatile Consumer<SentMail> listener = mail -> { };

  private SesFront(HttpServer server, URI upstream, Faults faults) {
    this.server = server;
    this.forwarding = Forwarding.to(upstream, FORWARDED, "aws-ses-v2-local");
    this.faults = faults;
  }

  /**
   * Listens on {@code port} before aws-ses-v2-local at {@code upstream}; a fault armed in {@code faults}
   * is answered here, and the request never reaches aws-ses-v2-local.
   */
  public static SesFront start(int port, URI upstream, Faults faults) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(Ports.HOST, port), 64);
      SesFront front = new SesFront(server, upstream, faults);
      server.createContext("/", front::handle);
      server.setExecutor(front.executor);
      server.start();
      return front;
    } catch (IOException e) {
      throw new StartFailure("The SES endpoint cannot listen on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** Who hears of each accepted send (after its answer went back to the sender). */
  public void onSent(Consumer<SentMail> listener) {
    this.listener = listener;
  }

  public URI endpoint() {
    return URI.create("http://" + Ports.HOST + ":" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Optional<Integer> fault = faults.strike(Faults.Service.SES,
        Faults.sesOperation(exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
    if (fault.isPresent()) {
      answerFault(exchange, fault.get());
      return;
    }
    HttpResponse<byte[]> answer;
    try {
      answer = forward(exchange, body);
    } catch (IOException e) {
      // aws-ses-v2-local is not there: the connection ends without an answer, as with SES unreachable.
      System.out.println("SES front: aws-ses-v2-local did not answer " + exchange.getRequestURI() + ": " + e.getMessage());
      exchange.close();
      return;
    }
    for (String header : List.of("x-amzn-RequestId", "x-amzn-ErrorType", "Location", "Cache-Control")) {
      answer.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
    }
    exchange.getResponseHeaders().add("Content-Type", answer.headers().firstValue("Content-Type").orElse("application/json"));
    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
    if (answer.body().length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
    exchange.close();
    if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals(SEND_EMAIL_PATH)
        && answer.statusCode() / 100 == 2) {
      try {
        listener.accept(sentMail(AwsJsonApi.JSON.readTree(body), AwsJsonApi.JSON.readTree(answer.body()).path("MessageId").asText(),
            Instant.now()));
      } catch (RuntimeException e) {
        // The sender has its answer; what SES would publish about this send is lost, and said so.
        System.out.println("SES front: no events published for a send to " + exchange.getRequestURI() + ":");
        e.printStackTrace(System.out);
      }
    }
  }

  /** SES v2's error answer (REST JSON): the status, {@code x-amzn-ErrorType} and a message. */
  private static void answerFault(HttpExchange exchange, int status) throws IOException {
    String type = status == 503 ? "ServiceUnavailable" : "InternalFailure";
    byte[] body = ("{\"message\":\"Injected fault: " + type + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
    exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    exchange.close();
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
    return forwarding.forward(exchange, body);
  }

  /**
   * What an SES v2 SendEmail request sent: raw content's own headers (unfolded, encoded words decoded),
   * or for simple and template content the headers SES writes (From, To, Subject); the recipients of
   * {@code Destination}, else of the raw To, Cc and Bcc headers.
   */
  static SentMail sentMail(JsonNode request, String messageId, Instant at) {
    List<Map<String, String>> headers = new ArrayList<>();
    JsonNode content = request.path("Content");
    if (content.has("Raw")) {
      headers.addAll(rawHeaders(Base64.getMimeDecoder().decode(content.path("Raw").path("Data").asText())));
    } else {
      Optional.ofNullable(request.path("FromEmailAddress").textValue()).ifPresent(from -> headers.add(header("From", from)));
      List<String> to = texts(request.path("Destination").path("ToAddresses"));
      if (!to.isEmpty()) {
        headers.add(header("To", String.join(", ", to)));
      }
      Optional.ofNullable(content.path("Simple").path("Subject").path("Data").textValue())
          .ifPresent(subject -> headers.add(header("Subject", subject)));
    }
    List<String> destination = new ArrayList<>();
    JsonNode declared = request.path("Destination");
    for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
      destination.addAll(texts(declared.path(field)));
    }
    if (destination.isEmpty()) {
      for (String name : List.of("To", "Cc", "Bcc")) {
        headers.stream().filter(h -> h.get("name").equalsIgnoreCase(name))
            .forEach(h -> destination.addAll(addresses(h.get("value"))));
      }
    }
    String source = Optional.ofNullable(request.path("FromEmailAddress").textValue()).orElseGet(() -> headers.stream()
        .filter(h -> h.get("name").equalsIgnoreCase("From")).map(h -> h.get("value")).findFirst().orElse(""));
    return new SentMail(messageId, at, Optional.ofNullable(request.path("ConfigurationSetName").textValue()), source,
        destination, headers);
  }

  /** The top-level header fields of a raw message, in order, unfolded, with encoded words decoded. */
  static List<Map<String, String>> rawHeaders(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      end = text.indexOf("\n\n");
    }
    String block = end < 0 ? text : text.substring(0, end);
    List<Map<String, String>> headers = new ArrayList<>();
    StringBuilder current = null;
    for (String line : block.split("\r?\n")) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
        current.append(' ').append(line.strip());
        continue;
      }
      if (current != null) {
        add(headers, current.toString());
      }
      current = new StringBuilder(line);
    }
    if (current != null) {
      add(headers, current.toString());
    }
    return headers;
  }

  private static void add(List<Map<String, String>> headers, String field) {
    int colon = field.indexOf(':');
    if (colon > 0) {
      headers.add(header(field.substring(0, colon).strip(),
          DecoderUtil.decodeEncodedWords(field.substring(colon + 1).strip(), DecodeMonitor.SILENT)));
    }
  }

  private static Map<String, String> header(String name, String value) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("name", name);
    header.put("value", value);
    return header;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  /** The bare addresses of a header value ({@code "A" <a@x>, b@y} → a@x, b@y). */
  static List<String> addresses(String value) {
    List<String> found = new ArrayList<>();
    for (String part : value.split(",")) {
      String p = part.strip();
      int lt = p.lastIndexOf('<');
      String address = lt >= 0 && p.endsWith(">") ? p.substring(lt + 1, p.length() - 1) : p;
      if (address.contains("@")) {
        found.add(address.strip());
      }
    }
    return found;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
