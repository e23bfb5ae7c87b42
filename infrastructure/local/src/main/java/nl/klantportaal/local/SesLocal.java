package nl.klantportaal.local;

import java.net.URI;
import java.util.Map;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.EmailTemplateContent;

/** aws-ses-v2-local as a child process (memory only), with the template's SES templates created in it. */
public final class SesLocal {

  private SesLocal() {}

  public static URI start(ChildProcesses children, NodeTools node, StateFolder state, int port) {
    children.start("aws-ses-v2-local", node.command("aws-ses-v2-local", "dist/cli.js", "--host", Ports.HOST,
        "--port", Integer.toString(port)), state.root(), Map.of(), port);
    return URI.create("http://" + Ports.HOST + ":" + port);
  }

  /** Creates each AWS::SES::Template (v1 shape: TemplateName, SubjectPart, HtmlPart, TextPart) through SES v2. */
  public static int createTemplates(SamTemplate template, Intrinsics intrinsics, SesV2Client ses) {
    int created = 0;
    for (SamTemplate.Resource resource : template.resourcesOfType("AWS::SES::Template")) {
      Map<String, Object> body = Yamls.map(Yamls.map(intrinsics.resolve(resource.properties())).get("Template"));
      String name = Yamls.string(body.getOrDefault("TemplateName", resource.logicalId()));
      EmailTemplateContent content = EmailTemplateContent.builder()
          .subject(Yamls.string(body.get("SubjectPart")))
          .html(Yamls.string(body.get("HtmlPart")))
          .text(Yamls.string(body.get("TextPart")))
          .build();
      try {
        ses.createEmailTemplate(r -> r.templateName(name).templateContent(content));
      } catch (AlreadyExistsException e) {
        ses.updateEmailTemplate(r -> r.templateName(name).templateContent(content));
      }
      created++;
    }
    return created;
  }
}
