package nl.klantportaal.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.TableDefinition;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local inside the test JVM (in memory, telemetry off, 127.0.0.1), started once per JVM,
 * with tables created from template.yaml's own PortalTable definition: the tested table is the
 * deployed table.
 */
public final class LocalDynamoDb {
  public static final String REGION = "eu-west-1";
  private static LocalDynamoDb instance;

  private final URI endpoint;
  private final DynamoDBProxyServer server;

  private LocalDynamoDb(URI endpoint, DynamoDBProxyServer server) {
    this.endpoint = endpoint;
    this.server = server;
  }

  public static synchronized LocalDynamoDb shared() {
    if (instance == null) {
      System.setProperty("aws.dynamodb.local.telemetry", "false");
      int port = freePort();
      try {
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        instance = new LocalDynamoDb(URI.create("http://127.0.0.1:" + port), server);
        Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not start", e);
      }
    }
    return instance;
  }

  public URI endpoint() {
    return endpoint;
  }

  public DynamoDbClient client() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  /** A new, empty copy of template.yaml's PortalTable under a unique name. */
  public String createPortalTable() {
    String name = "portal-" + UUID.randomUUID();
    TableDefinition definition = TableDefinition.of(SamTemplate.project().resource("PortalTable").orElseThrow());
    try (DynamoDbClient client = client()) {
      client.createTable(definition.createTableRequest(name));
      definition.timeToLiveAttribute().ifPresent(attribute -> client.updateTimeToLive(r -> r.tableName(name)
          .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true))));
    }
    return name;
  }

  private void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }
}
