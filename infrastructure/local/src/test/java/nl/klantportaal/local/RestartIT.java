package nl.klantportaal.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** State survives a restart, --fresh wipes it, and stopping leaves no child process behind. */
class RestartIT {

  @TempDir
  Path state;

  @Test
  void itemsObjectsUsersAndCursorKeySurviveRestartAndFreshWipesThem() {
    Options options = TestClouds.testTemplate(state);
    String poolId;
    String cursorKey;
    try (LocalCloud first = LocalCloud.start(options)) {
      poolId = first.names().ref("UserPool");
      cursorKey = first.state().cursorKey();
      try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(first.endpoints().dynamoDb());
           var s3 = AwsClients.s3(first.endpoints().s3())) {
        dynamoDb.putItem(r -> r.tableName("TestTable").item(Map.of("PK", AttributeValue.fromS("keep"),
            "SK", AttributeValue.fromS("me"))));
        s3.putObject(r -> r.bucket("local-filesbucket").key("kept.txt"), RequestBody.fromString("still here"));
      }
      TestClouds.signUpAndSignIn(first, "grace@example.test");
    }

    try (LocalCloud second = LocalCloud.start(options)) {
      assertEquals(poolId, second.names().ref("UserPool"));
      assertEquals(cursorKey, second.state().cursorKey());
      try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(second.endpoints().dynamoDb());
           var s3 = AwsClients.s3(second.endpoints().s3())) {
        assertTrue(dynamoDb.getItem(r -> r.tableName("TestTable").key(Map.of("PK", AttributeValue.fromS("keep"),
            "SK", AttributeValue.fromS("me")))).hasItem());
        assertEquals("still here", s3.getObjectAsBytes(r -> r.bucket("local-filesbucket").key("kept.txt")).asUtf8String());
        assertFalse(TestClouds.signIn(second, "grace@example.test").idToken().isEmpty());
      }
    }

    try (LocalCloud fresh = LocalCloud.start(options.withFresh(true))) {
      try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(fresh.endpoints().dynamoDb())) {
        assertFalse(dynamoDb.getItem(r -> r.tableName("TestTable").key(Map.of("PK", AttributeValue.fromS("keep"),
            "SK", AttributeValue.fromS("me")))).hasItem());
      }
      assertNotEquals(cursorKey, fresh.state().cursorKey());
    }
  }

  @Test
  void closingStopsEveryChildProcessAndRemovesItsPidFile() throws Exception {
    List<ProcessHandle> children;
    try (LocalCloud cloud = LocalCloud.start(TestClouds.testTemplate(state))) {
      children = ProcessHandle.current().children().toList();
      assertEquals(2, children.size(), "cognito-local and aws-ses-v2-local");
      assertEquals(2, pidFiles().size());
    }
    for (ProcessHandle child : children) {
      assertFalse(child.isAlive(), "PID " + child.pid() + " still runs");
    }
    assertTrue(pidFiles().isEmpty());
  }

  @Test
  void leftoversOfAKilledRunAreStoppedAtTheNextStart() throws Exception {
    Options options = TestClouds.testTemplate(state);
    Path pids = state.resolve("pids");
    Files.createDirectories(pids);
    Path nodeScript = state.resolve("idle.js");
    Files.writeString(nodeScript, "setInterval(() => {}, 1000);");
    Process leftover = new ProcessBuilder("node", nodeScript.toString()).start();
    Files.writeString(pids.resolve("cognito-local.pid"), Long.toString(leftover.pid()));

    try (LocalCloud cloud = LocalCloud.start(options)) {
      assertFalse(leftover.isAlive(), "the leftover node process was stopped");
    } finally {
      leftover.destroyForcibly();
    }
  }

  private List<Path> pidFiles() throws Exception {
    try (Stream<Path> files = Files.list(state.resolve("pids"))) {
      return files.toList();
    }
  }
}
