package nl.klantportaal.local;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/**
 * Single sign-on in the local cloud ({@code start --sso}): the template's Entra ID parameters are set (so HasEntraSso
 * holds and the app client gets its OAuth settings), {@code entra-local.mjs} (npm oidc-provider) plays Entra ID as a
 * child process, and the Cognito front federates to it ({@link FederationFront}), with the template's identity
 * provider name and attribute mapping.
 */
public final class EntraLocal {
  /** The identity provider resource of template.yaml. */
  static final String PROVIDER_RESOURCE = "EntraIdentityProvider";
  static final String CLIENT_ID = "klantportaal-local";

  private EntraLocal() {}

  /** Before anything is provisioned: the parameters a deployment with SSO gives, and the provider's name as its Ref. */
  public static void configure(SamTemplate template, LocalNames names) {
    names.override("EntraTenantId", "local");
    names.override("EntraClientId", CLIENT_ID);
    names.override("EntraClientSecret", "local-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
    SamTemplate.Resource provider = template.resource(PROVIDER_RESOURCE).orElseThrow(() -> new StartFailure(
        "--sso: template.yaml has no " + PROVIDER_RESOURCE));
    String name = Yamls.string(Yamls.map(names.intrinsics().resolve(provider.properties())).get("ProviderName"));
    names.assign(PROVIDER_RESOURCE, "", name); // Ref of an AWS::Cognito::UserPoolIdentityProvider is its name
  }

  /** Starts entra-local on {@code port} and has the Cognito front federate to it; answers its issuer. */
  public static URI start(ChildProcesses children, NodeTools node, StateFolder state, SamTemplate template,
      LocalNames names, CognitoFront front, int port, URI portal, int lambdaPort) {
    Intrinsics intrinsics = names.intrinsics();
    Map<String, Object> provider = Yamls.map(intrinsics.resolve(template.resource(PROVIDER_RESOURCE).orElseThrow().properties()));
    Map<String, Object> details = Yamls.map(provider.get("ProviderDetails"));
    Map<String, String> mapping = new LinkedHashMap<>();
    Yamls.map(provider.get("AttributeMapping")).forEach((attribute, claim) -> mapping.put(attribute, Yamls.string(claim)));
    URI issuer = URI.create("http://" + Ports.HOST + ":" + port);
    Optional<URI> postConfirmation = Optional.ofNullable(CognitoLocal.triggers(template, intrinsics).get("PostConfirmation"))
        .map(name -> URI.create("http://" + Ports.HOST + ":" + lambdaPort + "/2015-03-31/functions/" + name + "/invocations"));
    String clientId = Yamls.string(details.get("client_id"));
    String secret = Yamls.string(details.get("client_secret"));
    URI callback = front.federate(new FederationFront.Settings(Yamls.string(provider.get("ProviderName")), issuer, clientId,
        secret, mapping, Set.of(portal.toString()), postConfirmation));
    children.start("entra-local", node.script("entra-local.mjs"), state.root(), Map.of("HOST", Ports.HOST,
        "PORT", Integer.toString(port), "ENTRA_CLIENT_ID", clientId, "ENTRA_CLIENT_SECRET", secret,
        "ENTRA_REDIRECT_URI", callback.toString()), port);
    return issuer;
  }
}
