// Single sign-on through Microsoft Entra ID (sso.mjs): the authorize URL with PKCE (S256) and state, the callback
// checked against the stored state before the code goes to POST /auth/sso/token, GET /auth/sso deciding the button, and
// the page a federated user without MFA at Entra sees instead of TOTP enrolment, in nl, en and de.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, webcrypto } from "node:crypto";

import { findAll, textOf } from "../dom.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { openSignedIn } from "../router.mjs";
import { completeSso, loadSso, ssoButtonView, ssoCallback, ssoMfaView, startSso, STORE_KEY } from "../sso.mjs";
import { click, context } from "./fakes.mjs";

const SSO = {
  enabled: true, authorizeEndpoint: "https://klantportaal-prod-1.auth.eu-west-1.amazoncognito.com/oauth2/authorize",
  clientId: "5n8exampleclientid", identityProvider: "EntraID", redirectUri: "https://portal.example.test/",
  scope: "openid email profile"
};

function memoryStorage() {
  const items = new Map();
  return {
    items,
    getItem: key => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: key => items.delete(key)
  };
}

test("the authorize URL names the client, Entra, the portal's callback, the scopes, a state and an S256 challenge", async () => {
  const storage = memoryStorage();
  const url = new URL(await startSso(SSO, { crypto: webcrypto, storage }));
  assert.equal(url.origin + url.pathname, SSO.authorizeEndpoint);
  const q = url.searchParams;
  assert.equal(q.get("response_type"), "code");
  assert.equal(q.get("client_id"), SSO.clientId);
  assert.equal(q.get("identity_provider"), "EntraID");
  assert.equal(q.get("redirect_uri"), SSO.redirectUri);
  assert.equal(q.get("scope"), "openid email profile");
  assert.equal(q.get("code_challenge_method"), "S256");
  const saved = JSON.parse(storage.getItem(STORE_KEY));
  assert.equal(saved.state, q.get("state"));
  assert.match(saved.verifier, /^[A-Za-z0-9_-]{43}$/, "32 random bytes, base64url: a valid RFC 7636 verifier");
  assert.equal(q.get("code_challenge"), createHash("sha256").update(saved.verifier).digest("base64url"));
  assert.ok(!url.toString().includes(saved.verifier), "the verifier never leaves the browser before the exchange");

  const again = new URL(await startSso(SSO, { crypto: webcrypto, storage }));
  assert.notEqual(again.searchParams.get("state"), q.get("state"), "a new state and verifier per sign-in");
});

test("a callback is recognised by its state and code (or error) only", () => {
  assert.deepEqual(ssoCallback("?code=abc&state=s1"), { code: "abc", state: "s1", error: "", errorDescription: "" });
  assert.deepEqual(ssoCallback("?error=access_denied&error_description=Nope&state=s1"),
    { code: "", state: "s1", error: "access_denied", errorDescription: "Nope" });
  assert.equal(ssoCallback(""), null);
  assert.equal(ssoCallback("?code=abc"), null, "no state: not ours");
  assert.equal(ssoCallback(undefined), null);
});

test("the callback's code and the stored verifier go to POST /auth/sso/token; the stored item is gone after", async () => {
  const storage = memoryStorage();
  storage.setItem(STORE_KEY, JSON.stringify({ state: "s1", verifier: "v".repeat(43), redirectUri: SSO.redirectUri }));
  const sent = [];
  const api = { ssoSignIn: async body => { sent.push(body); return { status: "signed-in", idToken: "id", accessToken: "a" }; } };
  const answer = await completeSso(ssoCallback("?code=c1&state=s1"), { storage, api, tr: translator("en") });
  assert.equal(answer.status, "signed-in");
  assert.deepEqual(sent, [{ code: "c1", codeVerifier: "v".repeat(43), redirectUri: SSO.redirectUri }]);
  assert.equal(storage.getItem(STORE_KEY), null);
});

test("a callback with another state, none stored or an error sends nothing and says why", async () => {
  const sent = [];
  const api = { ssoSignIn: async body => { sent.push(body); return {}; } };
  const storage = memoryStorage();
  storage.setItem(STORE_KEY, JSON.stringify({ state: "mine", verifier: "v".repeat(43), redirectUri: SSO.redirectUri }));
  await assert.rejects(completeSso(ssoCallback("?code=c1&state=forged"), { storage, api, tr: translator("nl") }),
    e => e.title === texts.nl["sso.stateMismatch"]);
  assert.equal(storage.getItem(STORE_KEY), null, "a forged callback spends the stored sign-in");
  await assert.rejects(completeSso(ssoCallback("?code=c1&state=mine"), { storage, api, tr: translator("de") }),
    e => e.title === texts.de["sso.stateMismatch"], "nothing stored (another tab, a replay)");
  storage.setItem(STORE_KEY, JSON.stringify({ state: "s2", verifier: "v".repeat(43), redirectUri: SSO.redirectUri }));
  await assert.rejects(completeSso(ssoCallback("?error=access_denied&error_description=User%20cancelled&state=s2"),
    { storage, api, tr: translator("en") }), e => e.title === texts.en["sso.refused"] && e.detail === "User cancelled");
  assert.deepEqual(sent, []);
});

test("a refused code is told in the user's language, with the API's title", async () => {
  const storage = memoryStorage();
  storage.setItem(STORE_KEY, JSON.stringify({ state: "s1", verifier: "v".repeat(43), redirectUri: SSO.redirectUri }));
  const api = { ssoSignIn: async () => { throw Object.assign(new Error("400"), { status: 400, title: "Ongeldige code" }); } };
  await assert.rejects(completeSso(ssoCallback("?code=c1&state=s1"), { storage, api, tr: translator("nl") }),
    e => e.title === texts.nl["sso.failed"] && e.detail === "Ongeldige code");
});

test("GET /auth/sso decides the button: only complete settings show it", async () => {
  const answering = answer => ({ anonymous: async (method, path) => {
    assert.deepEqual([method, path], ["GET", "/auth/sso"]);
    if (answer instanceof Error) throw answer;
    return answer;
  } });
  assert.deepEqual(await loadSso(answering(SSO)), SSO);
  assert.equal(await loadSso(answering({ enabled: false })), null);
  assert.equal(await loadSso(answering({ ...SSO, authorizeEndpoint: "javascript:alert(1)" })), null);
  assert.equal(await loadSso(answering({ ...SSO, clientId: "" })), null);
  assert.equal(await loadSso(answering(new Error("network"))), null);

  for (const lang of LANGUAGES) {
    let clicked = 0;
    const view = ssoButtonView({ tr: translator(lang) }, () => { clicked++; });
    click(view, texts[lang]["sso.button"]).attrs.on.click();
    assert.equal(clicked, 1);
  }
});

test("signed in through Entra without MFA: the page says to sign in again with MFA, not TOTP enrolment", () => {
  for (const lang of LANGUAGES) {
    const shown = [];
    let signedOut = 0;
    const ctx = { ...context("none", {}, shown, lang), mfa: false, idp: "EntraID", signOut: () => { signedOut++; } };
    openSignedIn(ctx, { name: "tickets" });
    const page = shown.find(d => d.tag);
    assert.equal(textOf(findAll(page, n => n.tag === "h1")[0]), texts[lang]["sso.mfa.heading"]);
    assert.ok(textOf(page).includes(texts[lang]["sso.mfa.again"]));
    click(page, texts[lang]["sso.mfa.signOut"]).attrs.on.click();
    assert.equal(signedOut, 1);
    assert.equal(findAll(page, n => n.tag === "form").length, 0, "no TOTP form for a federated user");
  }
  const local = [];
  openSignedIn({ ...context("none", { post: async () => ({}) }, local, "en"), mfa: false, idp: null }, { name: "tickets" });
  assert.notEqual(textOf(findAll(local.find(d => d.tag), n => n.tag === "h1")[0]), texts.en["sso.mfa.heading"],
    "a local user still enrols TOTP");
  assert.ok(ssoMfaView({ tr: translator("en"), signOut: () => {} }));
});
