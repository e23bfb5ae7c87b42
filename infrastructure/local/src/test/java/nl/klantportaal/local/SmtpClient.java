package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Just enough SMTP client to send one message, checking each reply code. */
final class SmtpClient {

  private SmtpClient() {}

  static void send(int port, String from, String to, String mime) throws IOException {
    send(port, from, to, mime, "250");
  }

  /** Sends one message and expects {@code dataReply} (250 accepted, 552 too large, ...) after its DATA. */
  static void send(int port, String from, String to, String mime, String dataReply) throws IOException {
    try (Socket socket = new Socket(Ports.HOST, port)) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      expect(in, "220");
      command(out, in, "EHLO test.example.test", "250");
      command(out, in, "MAIL FROM:<" + from + ">", "250");
      command(out, in, "RCPT TO:<" + to + ">", "250");
      command(out, in, "DATA", "354");
      String stuffed = mime.replace("\r\n.", "\r\n..");
      command(out, in, stuffed + ".", dataReply);
      command(out, in, "QUIT", "221");
    }
  }

  /**
   * Sends a message's exact bytes (any charset, 8-bit), its lines ended with CRLF and dot-stuffed; an empty
   * {@code from} is the null sender ({@code MAIL FROM:<>}) of bounces.
   */
  static void send(int port, String from, String to, byte[] mime) throws IOException {
    try (Socket socket = new Socket(Ports.HOST, port)) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream());
      expect(in, "220");
      command(out, in, "EHLO test.example.test", "250");
      command(out, in, "MAIL FROM:<" + from + ">", "250");
      command(out, in, "RCPT TO:<" + to + ">", "250");
      command(out, in, "DATA", "354");
      int start = 0;
      while (start < mime.length) {
        int end = start;
        while (end < mime.length && mime[end] != '\n') {
          end++;
        }
        int stop = end > start && mime[end - 1] == '\r' ? end - 1 : end;
        if (stop > start && mime[start] == '.') {
          out.write('.');
        }
        out.write(mime, start, stop - start);
        out.write(new byte[] {'\r', '\n'});
        start = end + 1;
      }
      command(out, in, ".", "250");
      command(out, in, "QUIT", "221");
    }
  }

  private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    expect(in, code);
  }

  private static void expect(BufferedReader in, String code) throws IOException {
    String reply = in.readLine();
    while (reply != null && reply.length() > 3 && reply.charAt(3) == '-') {
      reply = in.readLine();
    }
    assertTrue(reply != null && reply.startsWith(code), "expected " + code + " but got " + reply);
  }
}
