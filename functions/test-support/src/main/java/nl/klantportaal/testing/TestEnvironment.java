package nl.klantportaal.testing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** A function environment as template.yaml and the local cloud would give it, pointing at test stand-ins. */
public final class TestEnvironment {
  private TestEnvironment() {}

  public static Map<String, String> forTable(LocalDynamoDb dynamoDb, String tableName) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> env = new HashMap<>();
    env.put("STAGE", "test");
    env.put("TABLE_NAME", tableName);
    env.put("AWS_REGION", LocalDynamoDb.REGION);
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
    env.put("CURSOR_KEY", Base64.getEncoder().encodeToString(key));
    env.put("USER_POOL_ID", "eu-west-1_Example");
    env.put("USER_POOL_CLIENT_ID", "5n8exampleclientid");
    env.put("USER_POOL_CLIENT_SECRET", "example-client-secret");
    env.put("SENDER_ADDRESS", "Klantportaal <no-reply@example.test>");
    env.put("ADMIN_SENDER_ADDRESS", "Klantportaal administratie <administratie@example.test>");
    env.put("REPLY_TO_ADDRESS", "Klantportaal support <support@example.test>");
    env.put("PORTAL_ORIGIN", "https://portal.example.test");
    env.put("ATTACHMENTS_BUCKET", "local-attachmentsbucket");
    env.put("REPORTS_BUCKET", "local-reportsbucket");
    env.put("INBOUND_MAIL_BUCKET", "local-inboundmailbucket");
    env.put("INVOICES_BUCKET", "local-invoicesbucket");
    env.put("PROVIDER_ADDRESS", "Voorbeeldstraat 1|1234 AB Utrecht");
    env.put("PROVIDER_KVK", "12345678");
    env.put("PROVIDER_VAT_NUMBER", "NL001234567B01");
    env.put("PROVIDER_IBAN", "NL91ABNA0417164300");
    return env;
  }

  /** {@link #forTable} plus s3proxy as the S3 endpoint and a fresh, empty bucket as ATTACHMENTS_BUCKET and REPORTS_BUCKET. */
  public static Map<String, String> forTableAndBucket(LocalDynamoDb dynamoDb, String tableName, LocalS3 s3) {
    Map<String, String> env = forTable(dynamoDb, tableName);
    env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
    env.put("ATTACHMENTS_BUCKET", s3.createBucket());
    env.put("REPORTS_BUCKET", env.get("ATTACHMENTS_BUCKET"));
    env.put("INVOICES_BUCKET", env.get("ATTACHMENTS_BUCKET"));
    return env;
  }
}
