package nl.klantportaal.local;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;

/**
 * What the template's resources are called locally: tables keep their logical id, buckets become
 * {@code local-<id>}, functions are named by logical id, the user pool and client get the ids
 * cognito-local assigned; anything else gets a plausible fake ARN.
 */
public final class LocalNames implements Intrinsics.Names {

  public static final String STACK = "klantportaal-local";

  private final SamTemplate template;
  private final Map<String, String> assigned = new ConcurrentHashMap<>();
  private final Map<String, String> parameters = new ConcurrentHashMap<>();

  public LocalNames(SamTemplate template) {
    this.template = template;
  }

  /** Records an id an emulator assigned, e.g. the user pool id; {@code attribute} empty for Ref. */
  public void assign(String logicalId, String attribute, String value) {
    assigned.put(key(logicalId, attribute), value);
  }

  /** Gives a template parameter a value other than its default (as {@code sam deploy --parameter-overrides}). */
  public void override(String parameter, String value) {
    parameters.put(parameter, value);
  }

  @Override
  public java.util.Optional<String> parameter(String name) {
    return java.util.Optional.ofNullable(parameters.get(name));
  }

  public Intrinsics intrinsics() {
    return new Intrinsics(template, this);
  }

  public static String tableName(String logicalId) {
    return logicalId;
  }

  public static String bucketName(String logicalId) {
    return "local-" + logicalId.toLowerCase(Locale.ROOT);
  }

  @Override
  public String ref(String logicalId) {
    String known = assigned.get(key(logicalId, ""));
    if (known != null) {
      return known;
    }
    return switch (logicalId) {
      case "AWS::Region" -> AwsClients.REGION;
      case "AWS::AccountId" -> AwsClients.ACCOUNT;
      case "AWS::StackName" -> STACK;
      case "AWS::StackId" -> "arn:aws:cloudformation:" + AwsClients.REGION + ":" + AwsClients.ACCOUNT + ":stack/" + STACK + "/local";
      case "AWS::Partition" -> "aws";
      case "AWS::URLSuffix" -> "amazonaws.com";
      case "AWS::NoValue" -> "";
      default -> switch (type(logicalId)) {
        case SamTemplate.TABLE -> tableName(logicalId);
        case "AWS::S3::Bucket" -> bucketName(logicalId);
        case SamTemplate.FUNCTION -> logicalId;
        case "AWS::SES::ConfigurationSet" -> logicalId;
        case "AWS::SNS::Topic" -> "arn:aws:sns:" + AwsClients.REGION + ":" + AwsClients.ACCOUNT + ":" + logicalId;
        default -> fakeArn(logicalId);
      };
    };
  }

  @Override
  public String getAtt(String logicalId, String attribute) {
    String known = assigned.get(key(logicalId, attribute));
    if (known != null) {
      return known;
    }
    String prefix = ":" + AwsClients.REGION + ":" + AwsClients.ACCOUNT + ":";
    return switch (type(logicalId) + "." + attribute) {
      case SamTemplate.FUNCTION + ".Arn" -> "arn:aws:lambda" + prefix + "function:" + logicalId;
      case SamTemplate.TABLE + ".Arn" -> "arn:aws:dynamodb" + prefix + "table/" + tableName(logicalId);
      case SamTemplate.TABLE + ".StreamArn" -> "arn:aws:dynamodb" + prefix + "table/" + tableName(logicalId) + "/stream/local";
      case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + bucketName(logicalId);
      case "AWS::S3::Bucket.DomainName", "AWS::S3::Bucket.RegionalDomainName" -> bucketName(logicalId) + ".s3.localhost";
      case "AWS::Cognito::UserPool.Arn" -> "arn:aws:cognito-idp" + prefix + "userpool/" + ref(logicalId);
      default -> fakeArn(logicalId) + "/" + attribute;
    };
  }

  private String type(String logicalId) {
    return template.resource(logicalId).map(SamTemplate.Resource::type).orElse("");
  }

  private static String fakeArn(String logicalId) {
    return "arn:aws:local:" + AwsClients.REGION + ":" + AwsClients.ACCOUNT + ":" + logicalId;
  }

  private static String key(String logicalId, String attribute) {
    return attribute.isEmpty() ? logicalId : logicalId + "." + attribute;
  }
}
