package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachments end to end on the local cloud of the real template.yaml: demo users signed in with
 * cognito-local tokens through the gateway, AttachmentsFunction with the template's environment
 * (ATTACHMENTS_BUCKET, the s3proxy endpoint), uploads and downloads over HTTP against s3proxy with
 * the presigned URLs the function made.
 */
class AttachmentsFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path state;
  private static LocalCloud cloud;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(Options.forRoot(SamTemplate.projectRoot()).withStateDir(state).withPorts(Ports.anyFree()));
    DemoData.seed(cloud).orElseThrow();
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void aCustomerAttachesAPdfThatColleaguesOfAnotherCustomerCannotFetch() throws Exception {
    String jan = demoToken("jan@acme.example.test");
    HttpResponse<String> created = send(api("/tickets", jan).header("idempotency-key", UUID.randomUUID().toString())
        .POST(body("{\"type\":\"incident\",\"category\":\"email\",\"title\":\"Scanner\",\"description\":\"Zie bijlage\"}")));
    assertEquals(201, created.statusCode(), created.body());
    String ticket = JSON.readTree(created.body()).path("id").asText();

    byte[] pdf = Arrays.copyOf("%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1), 1500);
    HttpResponse<String> announced = send(api("/tickets/" + ticket + "/attachments", jan)
        .POST(body("{\"fileName\":\"scan van de storing.pdf\",\"contentType\":\"application/pdf\",\"size\":1500}")));
    assertEquals(201, announced.statusCode(), announced.body());
    JsonNode offer = JSON.readTree(announced.body());
    URI uploadUrl = URI.create(offer.at("/upload/url").asText());
    assertEquals(cloud.endpoints().s3().getPort(), uploadUrl.getPort(), "presigned for the local cloud's s3proxy");
    assertTrue(uploadUrl.getPath().startsWith("/local-attachmentsbucket/quarantine/"), uploadUrl.toString());

    String origin = cloud.endpoints().gateway().toString().replaceAll("/+$", "");
    HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(uploadUrl).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("origin", origin).header("access-control-request-method", "PUT")
        .header("access-control-request-headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, preflight.statusCode(), "a browser on the portal's origin may PUT: " + preflight.headers());
    assertEquals(origin, preflight.headers().firstValue("access-control-allow-origin").orElse(""));

    HttpRequest.Builder put = HttpRequest.newBuilder(uploadUrl).PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
    offer.at("/upload/headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asText()));
    assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());

    String id = offer.path("uploadId").asText();
    HttpResponse<String> confirmed = send(api("/tickets/" + ticket + "/attachments/" + id + "/confirm", jan)
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(201, confirmed.statusCode(), confirmed.body());

    HttpResponse<String> detail = send(api("/tickets/" + ticket, jan).GET());
    assertEquals(id, JSON.readTree(detail.body()).at("/attachments/0/id").asText(), detail.body());

    HttpResponse<String> link = send(api("/tickets/" + ticket + "/attachments/" + id, jan).GET());
    assertEquals(200, link.statusCode(), link.body());
    HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(JSON.readTree(link.body()).at("/download/url")
        .asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertArrayEquals(pdf, file.body());
    assertTrue(file.headers().firstValue("content-disposition").orElse("").startsWith("attachment;"), file.headers().toString());

    String wendy = demoToken("winkel@bakkerij.example.test");
    assertEquals(404, send(api("/tickets/" + ticket + "/attachments/" + id, wendy).GET()).statusCode());
  }

  private static String demoToken(String email) throws Exception {
    JsonNode challenge = JSON.readTree(send(api("/auth/sign-in", null)
        .POST(body("{\"email\":\"" + email + "\",\"password\":\"" + DemoData.PASSWORD + "\"}"))).body());
    HttpResponse<String> signedIn = send(api("/auth/sign-in/totp", null).POST(body("{\"email\":\"" + email + "\",\"session\":\""
        + challenge.path("session").asText() + "\",\"code\":\"" + DemoData.currentCode(cloud.state().root(), email) + "\"}")));
    assertEquals(200, signedIn.statusCode(), signedIn.body());
    return JSON.readTree(signedIn.body()).path("idToken").asText();
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }

  private static HttpRequest.Builder api(String path, String idToken) {
    var builder = HttpRequest.newBuilder(URI.create(cloud.endpoints().gateway() + path)).header("content-type", "application/json");
    return idToken == null ? builder : builder.header("authorization", "Bearer " + idToken);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
