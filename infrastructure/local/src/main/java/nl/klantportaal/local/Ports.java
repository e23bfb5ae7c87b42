package nl.klantportaal.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** The port of each local service, all on 127.0.0.1. Port 0 asks for any free port. */
public record Ports(int gateway, int dynamodb, int s3, int cognito, int ses, int lambda, int smtp) {

  public static final String HOST = "127.0.0.1";

  public static Ports defaults() {
    return new Ports(3000, 8000, 9000, 9229, 8005, 9001, 2525);
  }

  public static Ports anyFree() {
    return new Ports(0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * Lowest and highest port chosen for a 0. The range lies below Linux's ephemeral range
   * (32768-60999): a port the kernel chose would be free now but could be handed to one of our own
   * outgoing connections before the service binds it, seconds later.
   */
  static final int CHOSEN_FROM = 20_000;
  static final int CHOSEN_TO = 32_000;

  /** Chooses a free port for every 0 and checks that every fixed port can be bound. */
  public Ports resolved() {
    Set<Integer> taken = new HashSet<>();
    return new Ports(take("gateway", gateway, taken), take("dynamodb", dynamodb, taken), take("s3", s3, taken),
        take("cognito", cognito, taken), take("ses", ses, taken), take("lambda", lambda, taken),
        take("smtp", smtp, taken));
  }

  /** A further free port, none of these (they must be resolved): for a service behind another (cognito-local). */
  public int spare() {
    Set<Integer> taken = new HashSet<>(Set.of(gateway, dynamodb, s3, cognito, ses, lambda, smtp));
    return take("internal", 0, taken);
  }

  private static int take(String service, int port, Set<Integer> taken) {
    if (port != 0) {
      if (!bindable(port)) {
        throw new StartFailure("Port " + port + " for " + service + " on " + HOST + " is taken."
            + " Stop what uses it or choose another with --" + service + "-port N.");
      }
      taken.add(port);
      return port;
    }
    for (int attempt = 0; attempt < 200; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(CHOSEN_FROM, CHOSEN_TO + 1);
      if (!taken.contains(candidate) && bindable(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
    throw new StartFailure("No free port for " + service + " between " + CHOSEN_FROM + " and " + CHOSEN_TO
        + " on " + HOST + ". Choose one with --" + service + "-port N.");
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
