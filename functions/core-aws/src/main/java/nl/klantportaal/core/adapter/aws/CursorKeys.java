package nl.klantportaal.core.adapter.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.klantportaal.core.config.Config;

/** Loads the cursor HMAC key once per container: inline locally, from Secrets Manager on AWS. */
public final class CursorKeys {
  private CursorKeys() {}

  public static byte[] load(Config config, AwsClients clients) {
    return switch (config.cursorKey()) {
      case Config.CursorKeySource.Inline inline -> Base64.getDecoder().decode(inline.base64());
      case Config.CursorKeySource.Secret secret -> {
        try (var secrets = clients.secretsManager()) {
          yield secrets.getSecretValue(r -> r.secretId(secret.arn())).secretString().getBytes(StandardCharsets.UTF_8);
        }
      }
    };
  }
}
