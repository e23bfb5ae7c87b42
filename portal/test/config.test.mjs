// config.json (config.mjs): reading it, the fallback without one, the API's base URL, the provider's name and colours
// with the contrast check; and the shell (app.mjs) with a config.json: API calls to apiBase, the name in the header and
// the title, the colours as CSS custom properties, a refused colour said on the console.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeElement, jwt } from "./fakes.mjs";
import { apiBaseOf, applyBranding, brandingOf, configFrom, contrastRatio, darken, loadConfig, refusalText, titleOf }
  from "../config.mjs";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
const answer = (status, text) => ({ ok: status >= 200 && status < 300, status, text: async () => text });

test("loadConfig reads config.json on the site's origin, without a long-lived cache", async () => {
  const calls = [];
  const config = await loadConfig(async (url, init) => {
    calls.push([url, init]);
    return answer(200, JSON.stringify({ apiBase: "https://abc.execute-api.eu-west-1.amazonaws.com", userPoolId: "eu-west-1_X",
      clientId: "c1", region: "eu-west-1", providerName: " Voorbeeld IT ", colours: { primary: "#0b5394", accent: "#00695c" },
      extra: "ignored" }));
  });
  assert.equal(calls.length, 1);
  assert.equal(calls[0][0], "config.json", "relative: the site's own origin and folder");
  assert.equal(calls[0][1].cache, "no-cache");
  assert.deepEqual(config, { apiBase: "https://abc.execute-api.eu-west-1.amazonaws.com", userPoolId: "eu-west-1_X", clientId: "c1",
    region: "eu-west-1", providerName: "Voorbeeld IT", colours: { primary: "#0b5394", accent: "#00695c" } });
});

test("no config.json (404), not JSON, or no network: an empty configuration, so the API stays on this origin", async () => {
  assert.deepEqual(await loadConfig(async () => answer(404, '{"message":"Not Found"}')), {});
  assert.deepEqual(await loadConfig(async () => answer(200, "<html>index</html>")), {});
  assert.deepEqual(await loadConfig(async () => { throw new TypeError("Failed to fetch"); }), {});
  assert.equal(apiBaseOf({}), "");
  assert.equal(apiBaseOf(await loadConfig(async () => answer(404, ""))), "");
  assert.deepEqual(configFrom({ apiBase: 42, providerName: ["x"], colours: "red" }), { colours: {} }, "wrong kinds are left out");
});

test("apiBase: https (with a stage path), or http to a loopback host; anything else refused", () => {
  assert.equal(apiBaseOf({ apiBase: "https://abc.execute-api.eu-west-1.amazonaws.com/" }), "https://abc.execute-api.eu-west-1.amazonaws.com");
  assert.equal(apiBaseOf({ apiBase: "https://api.example.nl/prod/" }), "https://api.example.nl/prod");
  assert.equal(apiBaseOf({ apiBase: "http://127.0.0.1:3000" }), "http://127.0.0.1:3000");
  assert.equal(apiBaseOf({ apiBase: "" }), "");
  for (const bad of ["http://api.example.nl", "javascript:alert(1)", "https://user:pw@api.example.nl", "https://api.example.nl/?x=1",
    "not a url", "data:text/plain,x"]) {
    assert.equal(apiBaseOf({ apiBase: bad }), null, bad);
  }
});

test("contrast: WCAG's formula, and the shade for hover", () => {
  assert.equal(contrastRatio("#000", "#fff").toFixed(0), "21");
  assert.equal(contrastRatio("#767676", "#ffffff").toFixed(2), "4.54");
  assert.ok(Number.isNaN(contrastRatio("red", "#fff")));
  assert.equal(darken("#0b5394"), "#083e6f");
});

test("colours at 4.5:1 or better are applied; a weak or malformed one is refused and said which", () => {
  const good = brandingOf({ providerName: "Voorbeeld IT", colours: { primary: "#0B5394", accent: "#00695c" } });
  assert.deepEqual(good, { providerName: "Voorbeeld IT", colours: { primary: "#0b5394", accent: "#00695c" }, refused: [] });

  // #ff9900 (orange) reads 2.1:1 with white; #1a73e8 passes on white (4.5) but not on the hover's light blue.
  const weak = brandingOf({ colours: { primary: "#1a73e8", accent: "#ff9900" } });
  assert.deepEqual(weak.colours, {}, "neither is applied");
  assert.deepEqual(weak.refused.map(r => r.name), ["primary", "accent"]);
  assert.ok(contrastRatio("#1a73e8", "#ffffff") >= 4.5 && weak.refused[0].ratio < 4.5, "primary is read on --color-info-bg too");
  assert.equal(weak.refused[1].ratio, 2.14);
  assert.equal(refusalText(weak.refused[1]),
    "config.json: colours.accent #ff9900 reads at 2.14:1 (with white), below WCAG AA's 4.5:1; the portal's own is used");

  const bad = brandingOf({ colours: { primary: "url(javascript:x)", accent: "" } });
  assert.deepEqual(bad.refused, [{ name: "primary", value: "url(javascript:x)", ratio: null }], "an empty colour is simply not set");
  assert.match(refusalText(bad.refused[0]), /is not a #rgb or #rrggbb colour/);
  assert.equal(brandingOf({}).providerName, null);
});

test("applyBranding sets the CSS custom properties and warns about each refusal", () => {
  const set = {};
  const warned = [];
  const document = { documentElement: { style: { setProperty: (name, value) => { set[name] = value; } } } };
  applyBranding(document, brandingOf({ colours: { primary: "#7a1f5c", accent: "#ffcc00" } }), { warn: text => warned.push(text) });
  assert.deepEqual(set, { "--color-primary": "#7a1f5c", "--color-primary-dark": "#5c1745" }, "the accent failed: not set");
  assert.equal(warned.length, 1);
  assert.match(warned[0], /colours\.accent #ffcc00 reads at 1\.\d+:1/);
  assert.equal(titleOf(brandingOf({ providerName: "Voorbeeld IT" }), "Klantportaal"), "Voorbeeld IT · Klantportaal");
  assert.equal(titleOf(brandingOf({}), "Klantportaal"), "Klantportaal");
});

test("the shell with a config.json: API calls go to apiBase, the provider's name and colours are shown", async () => {
  const html = readFileSync(join(portal, "index.html"), "utf8");
  const byId = {};
  for (const m of html.matchAll(/<(\w+)[^>]*\bid="([^"]+)"/g)) byId[m[2]] = new FakeElement(m[1], m[2]);
  const properties = {};
  const document = {
    documentElement: { style: { setProperty: (name, value) => { properties[name] = value; } } }, activeElement: null, title: "",
    getElementById: id => byId[id] || byId.app.all().find(n => n.id === id) || null,
    querySelectorAll: () => [], createElement: tag => new FakeElement(tag), createTextNode: text => ({ textContent: text })
  };
  Object.assign(globalThis, { document, location: { hash: "#/tickets" }, window: { addEventListener: () => {} } });
  Object.defineProperty(globalThis, "navigator", { value: { language: "nl-NL" }, configurable: true });
  const warned = [];
  const realWarn = console.warn;
  console.warn = text => warned.push(text);
  const requests = [];
  const API = "https://abc123.execute-api.eu-west-1.amazonaws.com";
  const modes = [];
  globalThis.fetch = async (url, init) => {
    requests.push([url, init.method]);
    modes.push([url, init.credentials]);
    if (url === "config.json") {
      return answer(200, JSON.stringify({ apiBase: API + "/", providerName: "Voorbeeld IT", userPoolId: "p", clientId: "c",
        region: "eu-west-1", colours: { primary: "#7a1f5c", accent: "#ffee00" } }));
    }
    if (url === API + "/auth/refresh") {   // no session cookie yet
      return answer(401, JSON.stringify({ type: "urn:klantportaal:problem:unauthenticated", title: "Log opnieuw in" }));
    }
    if (url === API + "/auth/sign-in") {
      return answer(200, JSON.stringify({ status: "signed-in", idToken: jwt({ sub: "u1", email: "jan@acme.example.test",
        kp_role: "customer-user", kp_tenant: "demo-acme", kp_mfa: "true" }), expiresIn: 900 }));
    }
    return answer(404, JSON.stringify({ title: "Niet gevonden" }));
  };
  try {
    await import("../app.mjs?config");
  } finally {
    console.warn = realWarn;
  }
  assert.deepEqual(requests, [["config.json", "GET"], ["https://abc123.execute-api.eu-west-1.amazonaws.com/auth/sso", "GET"],
    ["https://abc123.execute-api.eu-west-1.amazonaws.com/auth/refresh", "POST"]],
    "config.json first, then the cookie's session asked for once, at the API's base (none here: the sign-in screen)");
  assert.equal(byId["sign-in"].hidden, false);
  assert.equal(byId["provider-name"].textContent, "Voorbeeld IT", "the header names the provider");
  assert.equal(document.title, "Voorbeeld IT · Klantportaal");
  assert.deepEqual(properties, { "--color-primary": "#7a1f5c", "--color-primary-dark": "#5c1745" });
  assert.equal(warned.length, 1, "the refused accent is said");
  assert.match(warned[0], /colours\.accent #ffee00/);

  byId.email.value = "jan@acme.example.test";
  byId.password.value = "geheim";
  await byId["password-form"].listeners.submit({ preventDefault() {} });
  await new Promise(resolve => setTimeout(resolve, 10));
  assert.equal(requests[3][0], API + "/auth/sign-in", "the API is called at config.json's apiBase");
  assert.ok(requests.slice(1).every(([url]) => url.startsWith(API + "/")), requests.map(r => r[0]).join(", "));
  assert.ok(requests.some(([url]) => url === API + "/me"), "signed in: GET /me at the API too");
  assert.deepEqual(modes.filter(([url]) => url.includes("/auth/")), [[API + "/auth/sso", "include"], [API + "/auth/refresh", "include"],
    [API + "/auth/sign-in", "include"]],
    "on an API of its own origin the cookie's routes send and keep credentials (the cookie), else the browser drops it");
  assert.equal(modes.find(([url]) => url === API + "/me")[1], undefined, "the other routes carry the token only");
});
