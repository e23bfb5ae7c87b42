// Sign-in through Microsoft Entra ID (docs/portal.md "Single sign-on", docs/claims.md "Single sign-on"): the seed's
// "Use external login". GET /auth/sso says whether the provider has it and where to go: the sign-in screen then shows
// the button; it sends the browser to the user pool's /oauth2/authorize with identity_provider, a PKCE challenge (S256)
// and a random state. Back on the portal (the one callback URL, the portal's root) with ?code&state, the shell checks the
// state, sends the code and the verifier to POST /auth/sso/token (the API exchanges them with the client's secret and
// sets the session cookie) and removes the query from the address bar. Until the callback the verifier and the state
// wait in sessionStorage (this tab only, one sign-in, removed at the callback): they are no token, and useless without
// the code, which only the browser's way back from Entra carries.
//
// A federated user's MFA is Entra's: without a second factor at Entra (kp_mfa false) the portal cannot enrol TOTP for it
// (its access token may not), so instead of the enrolment page it shows ssoMfaPage: sign in again with MFA.

import { h } from "./dom.mjs";

export const STORE_KEY = "kp_sso";

/** base64url without padding (RFC 4648 §5), as PKCE wants it. */
export function base64url(bytes) {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** GET /auth/sso: the settings when SSO is on and complete, else null (no button). Failures hide the button too. */
export async function loadSso(api) {
  try {
    const sso = await api.anonymous("GET", "/auth/sso");
    const complete = sso && sso.enabled === true && ["authorizeEndpoint", "clientId", "identityProvider", "redirectUri", "scope"]
      .every(k => typeof sso[k] === "string" && sso[k]) && /^https?:\/\//.test(sso.authorizeEndpoint);
    return complete ? sso : null;
  } catch {
    return null;   // the sign-in with a password stays; the API's state shows on its first answer
  }
}

/**
 * The authorize URL of a new sign-in: a fresh PKCE verifier (32 random bytes) and state (16), the challenge its SHA-256.
 * The verifier, the state and the redirect URI are kept in storage (sessionStorage) for the callback.
 */
export async function startSso(sso, { crypto, storage }) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  storage.setItem(STORE_KEY, JSON.stringify({ state, verifier, redirectUri: sso.redirectUri }));
  const query = new URLSearchParams({
    response_type: "code", client_id: sso.clientId, redirect_uri: sso.redirectUri, identity_provider: sso.identityProvider,
    scope: sso.scope, state, code_challenge: base64url(new Uint8Array(digest)), code_challenge_method: "S256"
  });
  return sso.authorizeEndpoint + "?" + query.toString();
}

/** The callback in the page's query (?code&state, or ?error&state from Cognito or Entra), or null when it is none. */
export function ssoCallback(search) {
  const params = new URLSearchParams(search || "");
  if (!params.has("state") || !(params.has("code") || params.has("error"))) return null;
  return { code: params.get("code") || "", state: params.get("state") || "", error: params.get("error") || "",
    errorDescription: params.get("error_description") || "" };
}

/**
 * Completes the sign-in of a callback: the stored state must match (else a stale or forged callback: nothing is sent);
 * the code and verifier go to POST /auth/sso/token. The stored item is removed either way. Answers the sign-in answer
 * ({status: "signed-in", idToken, ...}); throws {title, detail} with the reason in the user's language.
 */
export async function completeSso(callback, { storage, api, tr }) {
  let saved = null;
  try { saved = JSON.parse(storage.getItem(STORE_KEY) || "null"); } catch { saved = null; }
  storage.removeItem(STORE_KEY);
  if (!saved || typeof saved.state !== "string" || saved.state !== callback.state) throw { title: tr("sso.stateMismatch") };
  if (callback.error) throw { title: tr("sso.refused"), detail: callback.errorDescription };
  try {
    return await api.ssoSignIn({ code: callback.code, codeVerifier: saved.verifier, redirectUri: saved.redirectUri });
  } catch (e) {
    if (e.status === 0) throw e;
    throw { title: tr("sso.failed"), detail: e.title || "" };
  }
}

/** The sign-in screen's button ("Sign in with Microsoft"), given the settings of loadSso. */
export function ssoButtonView(ctx, go) {
  return h("p", { class: "sso" },
    h("button", { type: "button", id: "sso-sign-in", on: { click: go } }, ctx.tr("sso.button")),
    h("span", { class: "hint" }, " " + ctx.tr("sso.hint")));
}

/** A federated sign-in without a second factor at the identity provider: no enrolment here, sign in again with MFA. */
export function ssoMfaView(ctx) {
  const { tr } = ctx;
  return h("div", { class: "mfa" },
    h("h1", null, tr("sso.mfa.heading")),
    h("p", null, tr("sso.mfa.intro")),
    h("p", null, tr("sso.mfa.again")),
    h("p", null, h("button", { type: "button", class: "primary", on: { click: () => ctx.signOut() } }, tr("sso.mfa.signOut"))));
}

export function ssoMfaPage(ctx) {
  return ctx.show(ssoMfaView(ctx));
}
