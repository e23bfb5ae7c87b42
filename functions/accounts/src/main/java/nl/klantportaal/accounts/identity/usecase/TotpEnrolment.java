package nl.klantportaal.accounts.identity.usecase;

import io.nayuki.qrcodegen.QrCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What an authenticator app needs: the secret, the {@code otpauth://} URI (issuer "Klantportaal",
 * account = the e-mail address) and that URI as a QR code, drawn as SVG (no image library needed).
 */
public record TotpEnrolment(String secret, String otpauthUri, String qrCodeSvg) {
  public static final String ISSUER = "Klantportaal";

  public static TotpEnrolment of(String secret, String email) {
    String label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
    String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
        + "&algorithm=SHA1&digits=6&period=30";
    return new TotpEnrolment(secret, uri, svg(QrCode.encodeText(uri, QrCode.Ecc.MEDIUM)));
  }

  private static String svg(QrCode qr) {
    int border = 4;
    int size = qr.size + border * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
  }
}
