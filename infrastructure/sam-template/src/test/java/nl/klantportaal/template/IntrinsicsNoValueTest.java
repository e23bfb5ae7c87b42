package nl.klantportaal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real template's optional SSO settings resolve as CloudFormation would with no Entra tenant. */
class IntrinsicsNoValueTest {
  @Test
  void conditionalPropertiesWithNoValueAreLeftOut() {
    SamTemplate template = SamTemplate.project();
    Intrinsics intrinsics = new Intrinsics(template, new Intrinsics.Names() {
      @Override
      public String ref(String logicalId) {
        return logicalId;
      }

      @Override
      public String getAtt(String logicalId, String attribute) {
        return logicalId + "." + attribute;
      }
    });
    Map<String, Object> client = Yamls.map(intrinsics.resolve(template.resource("UserPoolClient").orElseThrow().properties()));
    assertEquals(java.util.List.of("COGNITO"), client.get("SupportedIdentityProviders"));
    assertEquals(false, client.containsKey("AllowedOAuthFlows"));
    assertEquals(false, client.containsKey("CallbackURLs"));
  }
}
