package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void chosenPortsAreDistinctAndBelowTheKernelsEphemeralRange() {
    Ports ports = Ports.anyFree().resolved();
    List<Integer> all = List.of(ports.gateway(), ports.dynamodb(), ports.s3(), ports.cognito(), ports.ses(),
        ports.lambda(), ports.smtp());
    Set<Integer> distinct = all.stream().collect(Collectors.toSet());
    assertEquals(all.size(), distinct.size(), "no port chosen twice: " + all);
    for (int port : all) {
      assertTrue(port >= Ports.CHOSEN_FROM && port <= Ports.CHOSEN_TO, port + " in the chosen range");
    }
  }

  @Test
  void aFixedPortInUseIsRefusedWithTheOptionToChooseAnother() throws Exception {
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress(InetAddress.getByName(Ports.HOST), 0));
      Ports ports = new Ports(busy.getLocalPort(), 0, 0, 0, 0, 0, 0);
      StartFailure failure = assertThrows(StartFailure.class, ports::resolved);
      assertTrue(failure.getMessage().contains("--gateway-port"), failure.getMessage());
    }
  }
}
