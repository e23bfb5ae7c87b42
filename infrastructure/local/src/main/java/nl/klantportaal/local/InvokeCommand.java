package nl.klantportaal.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** {@code invoke FUNCTION FILE}: sends one event file to a function of the running local cloud and prints the answer. */
final class InvokeCommand {

  private InvokeCommand() {}

  static int run(Options options) {
    Options.Invocation invocation = options.invoke().orElseThrow();
    int port = options.ports().lambda();
    try {
      byte[] event = Files.readAllBytes(invocation.eventFile());
      URI uri = URI.create("http://" + Ports.HOST + ":" + port + "/2015-03-31/functions/"
          + URLEncoder.encode(invocation.function(), StandardCharsets.UTF_8) + "/invocations");
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(event)).build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.println(response.body());
      if (response.statusCode() != 200) {
        System.err.println("The Lambda endpoint answered " + response.statusCode());
        return 1;
      }
      return response.headers().firstValue("X-Amz-Function-Error").map(error -> {
        System.err.println("The function failed (" + error + ")");
        return 1;
      }).orElse(0);
    } catch (ConnectException e) {
      System.err.println("No local cloud listens on port " + port + "; start it first (or pass --lambda-port N).");
      return 2;
    } catch (IOException e) {
      System.err.println("Cannot invoke " + invocation.function() + ": " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }
}
