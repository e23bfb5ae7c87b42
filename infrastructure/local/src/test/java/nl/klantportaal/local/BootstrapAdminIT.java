package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.klantportaal.accounts.identity.domain.PasswordPolicy;
import nl.klantportaal.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code start bootstrap-admin EMAIL} against a running local cloud of the real template without
 * demo data: the first provider admin with a printed temporary password, its profile, group and
 * audit entry; refused once a provider admin exists.
 */
class BootstrapAdminIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "eerste.beheerder@provider.example.test";

  @TempDir
  static Path state;
  private static LocalCloud cloud;

  @BeforeAll
  static void start() {
    cloud = LocalCloud.start(TestClouds.realTemplate(state));
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Result bootstrap(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--state", state.toString(), "--dynamodb-port", Integer.toString(cloud.endpoints().dynamoDb().getPort()),
        "--cognito-port", Integer.toString(cloud.endpoints().cognito().getPort())));
    int exit = BootstrapAdminCommand.local(SamTemplate.projectRoot(), all.toArray(String[]::new),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void createsTheFirstProviderAdminOnceAndRefusesAfterwards() throws Exception {
    assertEquals(2, bootstrap().exit(), "the address is required");

    Result first = bootstrap(EMAIL, "--first-name", "Bea", "--last-name", "Beheer", "--language", "en");

    assertEquals(0, first.exit(), first.err());
    Matcher password = Pattern.compile("Temporary password: (\\S+)").matcher(first.out());
    assertTrue(password.find(), first.out());
    assertEquals(List.of(), PasswordPolicy.check("password", password.group(1), EMAIL), "the pool's own policy holds");
    Matcher user = Pattern.compile("\\(user ([0-9a-f-]+)\\)").matcher(first.out());
    assertTrue(user.find(), first.out());
    String id = user.group(1);

    try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(cloud.endpoints().dynamoDb());
        CognitoIdentityProviderClient cognito = AwsClients.cognito(cloud.endpoints().cognito())) {
      var profile = dynamoDb.getItem(r -> r.tableName("PortalTable").key(Map.of("PK", AttributeValue.fromS("USER#" + id),
          "SK", AttributeValue.fromS("PROFILE")))).item();
      assertEquals("provider-admin", profile.get("role").s(), profile.toString());
      assertEquals(EMAIL, profile.get("email").s());
      var audit = dynamoDb.query(r -> r.tableName("PortalTable").keyConditionExpression("PK = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PROVIDER#AUDIT")))).items();
      assertEquals(1, audit.stream().filter(a -> a.get("action").s().equals("bootstrap") && a.get("subject").s().equals(id))
          .count(), audit.toString());
      String pool = cloud.functions().require("UsersFunction").function().environment().get("USER_POOL_ID");
      assertEquals(List.of("provider-admin"), cognito.adminListGroupsForUser(r -> r.userPoolId(pool).username(id)).groups()
          .stream().map(GroupType::groupName).collect(Collectors.toList()));
      assertEquals("en", cognito.adminGetUser(r -> r.userPoolId(pool).username(id)).userAttributes().stream()
          .filter(a -> a.name().equals("locale")).findFirst().orElseThrow().value());
    }

    HttpResponse<String> signIn = SignIn.of(cloud).attempt(EMAIL, password.group(1));
    JsonNode answer = JSON.readTree(signIn.body());
    assertEquals("new-password-required", answer.path("status").asText(), signIn.body());
    HttpResponse<String> ownPassword = GatewayClient.of(cloud).post("/auth/sign-in/new-password", "{\"email\":\"" + EMAIL
        + "\",\"session\":\"" + answer.path("session").asText() + "\",\"newPassword\":\"Zonnige-Lente-Dag-2026!\"}", null);
    assertEquals(200, ownPassword.statusCode(), ownPassword.body());
    assertTrue(JSON.readTree(ownPassword.body()).path("status").isTextual(), "the sign-in goes on: " + ownPassword.body());

    Result again = bootstrap(EMAIL);
    assertEquals(1, again.exit(), again.out());
    assertTrue(again.err().contains("A provider admin exists already (" + EMAIL + ")"), again.err());
    Result other = bootstrap("tweede@provider.example.test");
    assertEquals(1, other.exit(), "never a second admin through the bootstrap");
  }
}
