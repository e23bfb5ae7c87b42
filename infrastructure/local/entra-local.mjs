// Plays Microsoft Entra ID for the local cloud (docs/claims.md "Single sign-on", README "Single sign-on"): a real
// OpenID Connect provider (npm oidc-provider) on 127.0.0.1 with one client, the local Cognito front's federation
// (its /oauth2/idpresponse). Its sign-in page asks no password: any address signs in, and a check box says whether the
// sign-in used a second factor, which the ID token's amr reports (["pwd","mfa"] or ["pwd"]) as Entra's does.
// Environment: HOST, PORT, ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET, ENTRA_REDIRECT_URI.
import http from "node:http";
import crypto from "node:crypto";
import Provider from "oidc-provider";

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT);
const issuer = `http://${host}:${port}`;
for (const name of ["ENTRA_CLIENT_ID", "ENTRA_CLIENT_SECRET", "ENTRA_REDIRECT_URI"]) {
  if (!process.env[name]) {
    console.error(`entra-local: ${name} is not set`);
    process.exit(2);
  }
}

/** The accounts that signed in, by their subject: what the ID token says about them. */
const accounts = new Map();
const subjectOf = email => crypto.createHash("sha256").update(email).digest("base64url").slice(0, 32);

const signingKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.ENTRA_CLIENT_ID,
    client_secret: process.env.ENTRA_CLIENT_SECRET,
    redirect_uris: [process.env.ENTRA_REDIRECT_URI],
    response_types: ["code"],
    grant_types: ["authorization_code"],
    token_endpoint_auth_method: "client_secret_basic"
  }],
  jwks: { keys: [{ ...signingKey, kid: "entra-local", alg: "RS256", use: "sig" }] },
  cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
  claims: { openid: ["sub", "amr", "auth_time"], email: ["email", "email_verified"], profile: ["name", "given_name", "family_name"] },
  // Entra puts email and name into the ID token itself (optional claims), not only at userinfo.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  pkce: { methods: ["S256"], required: () => true },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (ctx, id) => {
    const account = accounts.get(id);
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  // No consent screen: the organisation's admin consented for the app, as an Entra tenant does.
  loadExistingGrant: async ctx => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  }
});

const escape = text => String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

function page(uid) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Entra ID (local)</title></head><body>
<h1>Sign in (local Entra ID)</h1>
<form method="post" action="/interaction/${escape(uid)}/login">
<label>E-mail <input name="email" type="email" required autocomplete="username"></label>
<label>Name <input name="name" required></label>
<label><input name="mfa" type="checkbox" value="yes"> Second factor used (amr: mfa)</label>
<button type="submit">Sign in</button>
</form></body></html>`;
}

async function body(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

const oidc = provider.callback();
const server = http.createServer(async (req, res) => {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return oidc(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== match[1]) throw new Error("interaction mismatch");
    if (req.method === "GET" && !match[2]) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(page(details.uid));
    }
    if (req.method !== "POST" || !match[2]) {
      res.writeHead(405);
      return res.end();
    }
    const form = await body(req);
    const email = (form.get("email") || "").trim().toLowerCase();
    const name = (form.get("name") || "").trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || !name) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      return res.end("An e-mail address and a name are needed.");
    }
    const [given, ...rest] = name.split(/\s+/);
    const accountId = subjectOf(email);
    accounts.set(accountId, { email, email_verified: true, name, given_name: given, family_name: rest.join(" ") || given });
    const amr = form.get("mfa") === "yes" ? ["pwd", "mfa"] : ["pwd"];
    console.log(`entra-local: ${email} signed in (amr ${amr.join(",")})`);
    return await provider.interactionFinished(req, res, { login: { accountId, amr } }, { mergeWithLastSubmission: false });
  } catch (error) {
    console.error("entra-local: interaction failed:", error.message);
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    return res.end("Sign-in failed: " + error.message);
  }
});
server.listen(port, host, () => console.log(`Entra ID (local) running on ${issuer}`));
