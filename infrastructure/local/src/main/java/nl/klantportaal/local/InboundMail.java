package nl.klantportaal.local;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The template's SES receipt rules applied to mail from the SMTP port: an S3 action stores the raw
 * MIME under its prefix and message id, a Lambda action invokes the function with an SES receipt event.
 */
public final class InboundMail {

  /** One enabled AWS::SES::ReceiptRule: recipients (empty = all) and its actions in order. */
  record Rule(String name, List<String> recipients, List<Map<String, Object>> actions) {
    boolean matches(String recipient) {
      if (recipients.isEmpty()) {
        return true;
      }
      String address = recipient.toLowerCase(Locale.ROOT);
      String domain = address.substring(address.indexOf('@') + 1);
      return recipients.stream().map(r -> r.toLowerCase(Locale.ROOT)).anyMatch(r -> r.equals(address) || r.equals(domain)
          || (r.startsWith(".") && domain.endsWith(r)));
    }
  }

  private final List<Rule> rules;
  private final S3Client s3;
  private final FunctionCatalog functions;
  private final AsyncInvocations async;

  /**
   * {@code retryDelay}: the wait before each retry of an asynchronous invoke (Lambda waits about one and
   * then two minutes; the local cloud shortens it so a test need not wait).
   */
  public InboundMail(SamTemplate template, Intrinsics intrinsics, S3Client s3, FunctionCatalog functions, DeadLetters deadLetters,
      Duration retryDelay) {
    this.s3 = s3;
    this.functions = functions;
    this.async = new AsyncInvocations(template, intrinsics, deadLetters, retryDelay);
    List<Rule> found = new ArrayList<>();
    for (SamTemplate.Resource resource : template.resourcesOfType("AWS::SES::ReceiptRule")) {
      Map<String, Object> rule = Yamls.map(Yamls.map(intrinsics.resolve(resource.properties())).get("Rule"));
      if (!Yamls.string(rule.get("Enabled")).equals("false")) {
        found.add(new Rule(Yamls.string(rule.getOrDefault("Name", resource.logicalId())),
            Yamls.list(rule.get("Recipients")).stream().map(Yamls::string).toList(),
            Yamls.list(rule.get("Actions")).stream().map(Yamls::map).toList()));
      }
    }
    this.rules = List.copyOf(found);
  }

  public List<Rule> rules() {
    return rules;
  }

  public void receive(SmtpListener.ReceivedMail received) {
    SmtpListener.ReceivedMail mail = SesReceiptEvent.withLocalVerdicts(received);
    for (Rule rule : rules) {
      List<String> recipients = mail.recipients().stream().filter(rule::matches).toList();
      if (recipients.isEmpty()) {
        continue;
      }
      String messageId = UUID.randomUUID().toString().replace("-", "");
      for (Map<String, Object> action : rule.actions()) {
        Map<String, Object> s3Action = Yamls.map(action.get("S3Action"));
        Map<String, Object> lambdaAction = Yamls.map(action.get("LambdaAction"));
        if (!s3Action.isEmpty()) {
          String bucket = Yamls.string(s3Action.get("BucketName"));
          String key = Yamls.string(s3Action.get("ObjectKeyPrefix")) + messageId;
          s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(mail.raw()));
          System.out.printf("SMTP %s -> s3://%s/%s (rule %s)%n", String.join(",", recipients), bucket, key, rule.name());
        }
        if (!lambdaAction.isEmpty()) {
          invoke(rule, lambdaAction, mail, recipients, messageId);
        }
      }
    }
  }

  private void invoke(Rule rule, Map<String, Object> action, SmtpListener.ReceivedMail mail, List<String> recipients,
      String messageId) {
    String arn = Yamls.string(action.get("FunctionArn"));
    String invocationType = Yamls.string(action.getOrDefault("InvocationType", "Event"));
    FunctionInvoker function = functions.invoker(arn).orElseThrow(() -> new IllegalStateException(
        "Receipt rule " + rule.name() + " names " + arn + ", which is not a function of the template"));
    byte[] event = SesReceiptEvent.of(mail, recipients, messageId, arn, invocationType);
    if (invocationType.equals("RequestResponse")) {
      InvocationResult result = function.invoke(event);
      System.out.printf("SMTP %s -> %s %s%n", messageId, function.function().name(),
          result instanceof InvocationResult.Success ? "ok" : "failed");
      return;
    }
    async.start(function, event, "SMTP " + messageId, "the raw mail stays in the bucket");
  }

  static Optional<String> header(List<Map<String, String>> headers, String name) {
    return headers.stream().filter(h -> h.get("name").equalsIgnoreCase(name)).map(h -> h.get("value")).findFirst();
  }
}
