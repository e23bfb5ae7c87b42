package nl.klantportaal.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/**
 * Creates or updates the template's user pools, app clients and groups in cognito-local, straight
 * from their CloudFormation properties (which use the API's field names). The ids cognito-local
 * assigns are kept in the state folder, so tokens and users survive a restart.
 */
public final class UserPoolProvisioner {

  private static final Set<String> STANDARD_ATTRIBUTES = Set.of("address", "birthdate", "email", "email_verified",
      "family_name", "gender", "given_name", "locale", "middle_name", "name", "nickname", "phone_number",
      "phone_number_verified", "picture", "preferred_username", "profile", "sub", "updated_at", "website", "zoneinfo");
  private static final Set<String> NOT_FOR_CREATE = Set.of("UserPoolName", "EnabledMfas", "LambdaConfig",
      "UserPoolTags", "DeletionProtection", "UserPoolAddOns", "UserPoolTier");
  private static final Set<String> NOT_FOR_UPDATE = Set.of("Schema", "UsernameAttributes", "AliasAttributes",
      "UsernameConfiguration");

  private final AwsJsonApi api;
  private final Path namesFile;
  private final Properties stored = new Properties();

  public UserPoolProvisioner(URI cognitoEndpoint, Path namesFile) {
    this.api = new AwsJsonApi(cognitoEndpoint, "AWSCognitoIdentityProviderService");
    this.namesFile = namesFile;
    if (Files.exists(namesFile)) {
      try (Reader reader = Files.newBufferedReader(namesFile)) {
        stored.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + namesFile, e);
      }
    }
  }

  public void provision(SamTemplate template, LocalNames names) {
    Intrinsics intrinsics = names.intrinsics();
    for (SamTemplate.Resource pool : template.resourcesOfType("AWS::Cognito::UserPool")) {
      String id = pool(pool.logicalId(), Yamls.map(intrinsics.resolve(pool.properties())));
      names.assign(pool.logicalId(), "", id);
      names.assign(pool.logicalId(), "ProviderName", "cognito-idp." + AwsClients.REGION + ".amazonaws.com/" + id);
    }
    for (SamTemplate.Resource client : template.resourcesOfType("AWS::Cognito::UserPoolClient")) {
      Map<String, Object> properties = Yamls.map(intrinsics.resolve(client.properties()));
      String id = client(client.logicalId(), properties);
      names.assign(client.logicalId(), "", id);
      // GetAtt ClientSecret: the secret cognito-local generated, which its (the front's) token endpoint checks.
      String secret = api.call("DescribeUserPoolClient", Map.of("UserPoolId", Yamls.string(properties.get("UserPoolId")),
          "ClientId", id)).path("UserPoolClient").path("ClientSecret").asText("");
      if (!secret.isEmpty()) {
        names.assign(client.logicalId(), "ClientSecret", secret);
      }
    }
    for (SamTemplate.Resource group : template.resourcesOfType("AWS::Cognito::UserPoolGroup")) {
      group(Yamls.map(intrinsics.resolve(group.properties())));
    }
    save();
  }

  private String pool(String logicalId, Map<String, Object> properties) {
    Optional<String> existing = existing(logicalId, "DescribeUserPool", id -> Map.of("UserPoolId", id));
    String id;
    if (existing.isPresent()) {
      id = existing.get();
      Map<String, Object> update = without(properties, NOT_FOR_CREATE, NOT_FOR_UPDATE);
      update.put("UserPoolId", id);
      api.call("UpdateUserPool", update);
      addMissingCustomAttributes(id, properties);
    } else {
      Map<String, Object> create = without(properties, NOT_FOR_CREATE, Set.of());
      create.put("PoolName", Yamls.string(properties.getOrDefault("UserPoolName", logicalId)));
      id = api.call("CreateUserPool", create).path("UserPool").path("Id").asText();
      stored.setProperty(logicalId, id);
    }
    List<Object> mfas = Yamls.list(properties.get("EnabledMfas"));
    if (mfas.contains("SOFTWARE_TOKEN_MFA")) {
      api.call("SetUserPoolMfaConfig", Map.of("UserPoolId", id, "MfaConfiguration",
          Yamls.string(properties.getOrDefault("MfaConfiguration", "OPTIONAL")),
          "SoftwareTokenMfaConfiguration", Map.of("Enabled", true)));
    }
    return id;
  }

  private void addMissingCustomAttributes(String poolId, Map<String, Object> properties) {
    Set<String> present = new HashSet<>();
    api.call("DescribeUserPool", Map.of("UserPoolId", poolId)).path("UserPool").path("SchemaAttributes")
        .forEach(attribute -> present.add(attribute.path("Name").asText()));
    List<Object> missing = Yamls.list(properties.get("Schema")).stream()
        .filter(a -> !STANDARD_ATTRIBUTES.contains(Yamls.string(Yamls.map(a).get("Name"))))
        .filter(a -> !present.contains("custom:" + Yamls.string(Yamls.map(a).get("Name"))))
        .toList();
    if (!missing.isEmpty()) {
      api.call("AddCustomAttributes", Map.of("UserPoolId", poolId, "CustomAttributes", missing));
    }
  }

  private String client(String logicalId, Map<String, Object> properties) {
    String poolId = Yamls.string(properties.get("UserPoolId"));
    Optional<String> existing = existing(logicalId, "DescribeUserPoolClient",
        id -> Map.of("UserPoolId", poolId, "ClientId", id));
    if (existing.isPresent()) {
      Map<String, Object> update = without(properties, Set.of("GenerateSecret"), Set.of());
      update.put("ClientId", existing.get());
      api.call("UpdateUserPoolClient", update);
      return existing.get();
    }
    String id = api.call("CreateUserPoolClient", properties).path("UserPoolClient").path("ClientId").asText();
    stored.setProperty(logicalId, id);
    return id;
  }

  private void group(Map<String, Object> properties) {
    try {
      api.call("CreateGroup", properties);
    } catch (AwsJsonApi.ApiError e) {
      if (!e.type().equals("GroupExistsException")) {
        throw e;
      }
      api.call("UpdateGroup", properties);
    }
  }

  private Optional<String> existing(String logicalId, String describe, java.util.function.Function<String, Map<String, ?>> request) {
    String id = stored.getProperty(logicalId);
    if (id == null) {
      return Optional.empty();
    }
    try {
      JsonNode found = api.call(describe, request.apply(id));
      return found.isEmpty() ? Optional.empty() : Optional.of(id);
    } catch (AwsJsonApi.ApiError e) {
      if (!e.type().equals("ResourceNotFoundException")) {
        throw e;
      }
      stored.remove(logicalId);
      return Optional.empty();
    }
  }

  private static Map<String, Object> without(Map<String, Object> properties, Set<String> a, Set<String> b) {
    Map<String, Object> copy = new LinkedHashMap<>(properties);
    copy.keySet().removeAll(a);
    copy.keySet().removeAll(b);
    return copy;
  }

  private void save() {
    try (Writer writer = Files.newBufferedWriter(namesFile)) {
      stored.store(writer, "Ids cognito-local assigned to the template's resources");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + namesFile, e);
    }
  }
}
