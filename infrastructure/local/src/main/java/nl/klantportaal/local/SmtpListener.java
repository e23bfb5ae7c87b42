package nl.klantportaal.local;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A small SMTP server (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) on 127.0.0.1: the local stand-in
 * for SES inbound. Each accepted message goes to the consumer as raw MIME bytes.
 */
public final class SmtpListener implements AutoCloseable {

  private static final int MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

  /** One message as received: envelope sender, envelope recipients and the raw MIME. */
  /** One message as the port received it; {@code verdicts}: the SES verdicts a test set (none: PASS). */
  public record ReceivedMail(String from, List<String> recipients, byte[] raw, java.util.Map<String, String> verdicts) {
    public ReceivedMail(String from, List<String> recipients, byte[] raw) {
      this(from, recipients, raw, java.util.Map.of());
    }
  }

  private final ServerSocket server;
  private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
  private final Consumer<ReceivedMail> consumer;

  private SmtpListener(ServerSocket server, Consumer<ReceivedMail> consumer) {
    this.server = server;
    this.consumer = consumer;
  }

  public static SmtpListener start(int port, Consumer<ReceivedMail> consumer) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(Ports.HOST), port));
      SmtpListener listener = new SmtpListener(socket, consumer);
      Thread.ofPlatform().daemon().name("smtp-accept").start(listener::accept);
      return listener;
    } catch (IOException e) {
      throw new StartFailure("The SMTP listener cannot listen on port " + port + ": " + e.getMessage(), e);
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sessions.submit(() -> session(client));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        throw new UncheckedIOException("SMTP accept failed", e);
      }
    }
  }

  private void session(Socket socket) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      reply(out, "220 " + Ports.HOST + " Klantportaal local SES inbound ESMTP");
      String from = "";
      List<String> recipients = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO" -> reply(out, "250-" + Ports.HOST + "\r\n250-SIZE " + MAX_MESSAGE_BYTES + "\r\n250 8BITMIME");
          case "HELO" -> reply(out, "250 " + Ports.HOST);
          case "MAIL" -> {
            from = address(line);
            recipients.clear();
            reply(out, "250 OK");
          }
          case "RCPT" -> {
            recipients.add(address(line));
            reply(out, "250 OK");
          }
          case "DATA" -> {
            if (recipients.isEmpty()) {
              reply(out, "503 RCPT first");
              continue;
            }
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            byte[] raw = data(in);
            if (raw.length > MAX_MESSAGE_BYTES) {
              reply(out, "552 Message too large");
            } else {
              consumer.accept(new ReceivedMail(from, List.copyOf(recipients), raw));
              reply(out, "250 OK queued");
            }
            recipients.clear();
          }
          case "RSET" -> {
            from = "";
            recipients.clear();
            reply(out, "250 OK");
          }
          case "NOOP" -> reply(out, "250 OK");
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "502 Command not implemented");
        }
      }
    } catch (IOException e) {
      System.out.println("SMTP session ended with an error: " + e.getMessage());
    } catch (RuntimeException e) {
      System.out.println("SMTP message could not be processed:");
      e.printStackTrace(System.out);
    }
  }

  private static byte[] data(BufferedReader in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
      String unstuffed = line.startsWith("..") ? line.substring(1) : line;
      raw.writeBytes((unstuffed + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    return raw.toByteArray();
  }

  private static String address(String line) {
    int colon = line.indexOf(':');
    String rest = colon < 0 ? "" : line.substring(colon + 1).trim();
    int open = rest.indexOf('<');
    int close = rest.indexOf('>');
    return open >= 0 && close > open ? rest.substring(open + 1, close) : rest.split("\\s+")[0];
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the SMTP port", e);
    } finally {
      sessions.shutdownNow();
    }
  }
}
