package nl.klantportaal.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The port of each local service, all on 127.0.0.1. Port 0 asks for any free port. */
public record Ports(int gateway, int dynamodb, int s3, int cognito, int ses, int lambda, int smtp) {

  public static final String HOST = "127.0.0.1";

  public static Ports defaults() {
    return new Ports(3000, 8000, 9000, 9229, 8005, 9001, 2525);
  }

  public static Ports anyFree() {
    return new Ports(0, 0, 0, 0, 0, 0, 0);
  }

  /** Chooses a free port for every 0 and checks that every fixed port can be bound. */
  public Ports resolved() {
    return new Ports(take("gateway", gateway), take("dynamodb", dynamodb), take("s3", s3),
        take("cognito", cognito), take("ses", ses), take("lambda", lambda), take("smtp", smtp));
  }

  private static int take(String service, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StartFailure("Port " + port + " for " + service + " on " + HOST + " is taken."
          + " Stop what uses it or choose another with --" + service + "-port N.");
    }
  }
}
