package nl.klantportaal.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/**
 * cognito-local as a child process. Its server-wide configuration names the Lambda endpoint of the
 * local cloud and the trigger functions from the user pool's LambdaConfig, and makes the token
 * issuer match the discovery document.
 */
public final class CognitoLocal {

  /** Triggers cognito-local 5.3.0 fires; others in LambdaConfig are reported as not emulated. */
  static final Set<String> SUPPORTED_TRIGGERS = Set.of("PreSignUp", "PostConfirmation", "CustomMessage",
      "PostAuthentication", "PreTokenGeneration", "UserMigration", "CustomEmailSender");

  private CognitoLocal() {}

  /**
   * Starts cognito-local on {@code internalPort} and {@link CognitoFront} on {@code port} before it;
   * everything (functions, authorizer, tools) talks to the front. Tokens name the front as issuer.
   */
  public static CognitoFront start(ChildProcesses children, NodeTools node, StateFolder state, SamTemplate template,
      Intrinsics intrinsics, int port, int internalPort, int lambdaPort) {
    Map<String, String> triggers = triggers(template, intrinsics);
    writeConfig(state.cognito(), triggers, port, lambdaPort);
    children.start("cognito-local", node.script("cognito-local-start.cjs"), state.cognito(),
        Map.of("HOST", Ports.HOST, "PORT", Integer.toString(internalPort)), internalPort);
    Optional<URI> customMessage = Optional.ofNullable(triggers.get("CustomMessage"))
        .map(name -> URI.create("http://" + Ports.HOST + ":" + lambdaPort + "/2015-03-31/functions/" + name + "/invocations"));
    return CognitoFront.start(port, URI.create("http://" + Ports.HOST + ":" + internalPort), state.cognito(),
        node.npmDir().resolve("node_modules/cognito-local/lib/keys/cognitoLocal.private.json"), customMessage,
        state.logs().resolve("cognito-local.log"));
  }

  /** LambdaConfig of the template's user pool(s): trigger name to local function name. */
  static Map<String, String> triggers(SamTemplate template, Intrinsics intrinsics) {
    Map<String, String> triggers = new LinkedHashMap<>();
    for (SamTemplate.Resource pool : template.resourcesOfType("AWS::Cognito::UserPool")) {
      Yamls.map(intrinsics.resolve(pool.properties().get("LambdaConfig"))).forEach((trigger, target) -> {
        String arn = target instanceof Map<?, ?> config ? Yamls.string(Yamls.map(config).get("LambdaArn")) : Yamls.string(target);
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        add(triggers, trigger, name);
      });
    }
    // SAM's form: a function's `Type: Cognito` event names the pool and the trigger.
    for (SamTemplate.Resource function : template.resourcesOfType(SamTemplate.FUNCTION)) {
      for (SamTemplate.FunctionEvent event : template.events(function)) {
        if (event.type().equals("Cognito")) {
          add(triggers, Yamls.string(event.properties().get("Trigger")), function.logicalId());
        }
      }
    }
    return triggers;
  }

  private static void add(Map<String, String> triggers, String trigger, String function) {
    if (SUPPORTED_TRIGGERS.contains(trigger)) {
      triggers.put(trigger, function);
    } else if (!trigger.equals("KMSKeyID")) {
      System.out.println("Note: cognito-local does not fire the " + trigger + " trigger (" + function + ")");
    }
  }

  private static void writeConfig(Path workDir, Map<String, String> triggers, int port, int lambdaPort) {
    ObjectNode config = AwsJsonApi.JSON.createObjectNode();
    ObjectNode lambda = config.putObject("LambdaClient");
    lambda.put("endpoint", "http://" + Ports.HOST + ":" + lambdaPort);
    lambda.put("region", AwsClients.REGION);
    lambda.putObject("credentials").put("accessKeyId", AwsClients.ACCESS_KEY).put("secretAccessKey", AwsClients.SECRET_KEY);
    ObjectNode functions = config.putObject("TriggerFunctions");
    triggers.forEach(functions::put);
    config.putObject("TokenConfig").put("IssuerDomain", "http://" + Ports.HOST + ":" + port);
    Path file = workDir.resolve(".cognito/config.json");
    try {
      Files.createDirectories(file.getParent());
      AwsJsonApi.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
