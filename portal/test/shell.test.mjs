// app.mjs (the shell) in a small fake DOM: sign-in with password and TOTP, then the route in the hash;
// the tokens stay in memory (no storage API exists here at all), sign-out forgets them.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeElement, jwt } from "./fakes.mjs";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");

// The tabs' channel (tabs.mjs) on a bus of each test's own: every test loads app.mjs anew, and an instance of an earlier
// test must not hear what a later one announces (they would all write into the current fake document).
let bus;
class FakeChannel {
  constructor(name) { this.name = name; this.bus = bus; this.onmessage = null; bus.add(this); }
  postMessage(data) {
    for (const other of this.bus) {
      if (other !== this && other.name === this.name) setTimeout(() => other.onmessage && other.onmessage({ data }), 0);
    }
  }
  close() { this.bus.delete(this); }
}
beforeEach(() => {
  bus = new Set();
  globalThis.BroadcastChannel = FakeChannel;
});


function fakePage() {
  const html = readFileSync(join(portal, "index.html"), "utf8");
  const byId = {};
  for (const m of html.matchAll(/<(\w+)[^>]*\bid="([^"]+)"/g)) byId[m[2]] = new FakeElement(m[1], m[2]);
  const translated = [...html.matchAll(/data-t="([^"]+)"/g)].map(m => {
    const e = new FakeElement("span");
    e.dataset.t = m[1];
    return e;
  });
  const document = {
    documentElement: {}, activeElement: null,
    getElementById: id => byId[id] || byId.app.all().find(n => n.id === id) || null,
    querySelectorAll: selector => (selector === "[data-t]" ? translated : []),
    createElement: tag => new FakeElement(tag),
    createTextNode: text => ({ textContent: text })
  };
  return { document, byId, translated };
}


test("sign-in with password and TOTP lands on the route in the hash; sign-out forgets the session", async () => {
  const { document, byId, translated } = fakePage();
  const requests = [];
  const windowListeners = {};
  Object.assign(globalThis, {
    document,
    location: { hash: "#/tickets/demo-acme-3/resolution" },
    window: { addEventListener: (event, handler) => { windowListeners[event] = handler; } }
  });
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB" }, configurable: true });
  globalThis.fetch = async (path, init) => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };   // none: this origin
    requests.push([path, init.method, init.body ? JSON.parse(init.body) : null, init.headers]);
    const json = path === "/auth/sign-in" ? { status: "totp-required", session: "s1" }
      : path === "/auth/sign-in/totp" ? { status: "signed-in", idToken: jwt({ sub: "u1", email: "jan@acme.example.test",
        kp_role: "customer-user", kp_tenant: "demo-acme", kp_mfa: "true" }), refreshToken: "r1", expiresIn: 900 }
      : path === "/tickets/demo-acme-3" ? { ticket: { id: "demo-acme-3", number: 3, title: "Outlook", description: "d",
        status: "resolved", priority: "normal", type: "incident", category: "email", approval: "none", answers: {},
        reporter: { id: "u1", name: "Jan" }, version: 2 }, messages: [] }
      : path === "/catalogue" ? { categories: [], requestTypes: [] } : null;
    if (path === "/auth/sign-out") return { ok: true, status: 204, text: async () => "" };
    return { ok: !!json, status: json ? 200 : 404, statusText: "", text: async () => JSON.stringify(json || { title: "Niet gevonden" }) };
  };
  await import("../app.mjs");
  await new Promise(resolve => setTimeout(resolve, 10));

  assert.equal(byId["sign-in"].hidden, false, "no session cookie: the sign-in form shows");
  assert.equal(byId["sign-in-reason"].textContent, "Sign in to review the solution of ticket demo-acme-3.");
  assert.equal(translated.find(e => e.dataset.t === "signIn").textContent, "Sign in", "static texts in the browser's language");

  byId.email.value = "jan@acme.example.test";
  byId.password.value = "geheim";
  await byId["password-form"].listeners.submit({ preventDefault() {} });
  assert.equal(byId["totp-form"].hidden, false);
  byId.code.value = "123456";
  await byId["totp-form"].listeners.submit({ preventDefault() {} });
  await new Promise(resolve => setTimeout(resolve, 10));

  assert.equal(byId.error.textContent, "", "no error");
  assert.equal(byId["sign-in"].hidden, true);
  assert.equal(byId.password.value, "", "the password is not kept in the form");
  assert.equal(byId.who.textContent, "Signed in as jan@acme.example.test");
  assert.deepEqual(requests.map(r => r[0] + " " + r[1]),
    ["/auth/sso GET", "/auth/refresh POST", "/auth/sign-in POST", "/auth/sign-in/totp POST", "/me GET", "/tickets/demo-acme-3 GET", "/catalogue GET"],
    "on load the cookie's session is asked for (none here); after sign-in the profile (its language; none here: the browser's stays), then the resolution route only reads");
  assert.match(requests[4][3].authorization, /^Bearer h\./);
  assert.match(byId.app.textContent, /Accept — it is fixed/);

  byId.lang.value = "de";
  byId.lang.listeners.change();
  assert.match(byId.app.textContent, /Annehmen — es ist behoben/, "a language change renders the page again");

  await byId["sign-out"].listeners.click();
  assert.deepEqual(requests.at(-1).slice(0, 3), ["/auth/sign-out", "POST", null], "no token in the body: the cookie is the session");
  assert.equal(requests.at(-1)[3]["x-requested-with"], "klantportaal");
  assert.equal(byId["sign-in"].hidden, false);
  assert.equal(byId.app.children.length, 0, "the page is gone");
  const before = requests.length;
  windowListeners.hashchange();
  assert.equal(requests.length, before, "signed out: no API calls on navigation");
});

// The language remembered per user (issue 17): the browser's before sign-in, the profile's (GET /me) after; the header's
// select saves a choice to the profile (PATCH /me with the version read); signing out returns to the browser's.
test("the profile's language wins after sign-in; the header's select saves it; sign-out returns to the browser's", async () => {
  const { document, byId, translated } = fakePage();
  const requests = [];
  Object.assign(globalThis, {
    document,
    location: { hash: "#/-" },
    window: { addEventListener: () => {} }
  });
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-US" }, configurable: true });
  let stored = { language: "de", version: 4 };
  const profile = () => ({ userId: "u1", role: "customer-user", profile: { firstName: "Jan", lastName: "Jansen", displayName: "Jan",
    email: "jan@acme.example.test", notifications: { enabled: true }, ...stored } });
  globalThis.fetch = async (path, init) => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };   // none: this origin
    const body = init.body ? JSON.parse(init.body) : null;
    requests.push([path, init.method, body, init.headers]);
    const json = path === "/auth/sign-in" ? { status: "signed-in", idToken: jwt({ sub: "u1", email: "jan@acme.example.test",
      kp_role: "customer-user", kp_tenant: "demo-acme", kp_mfa: "true" }), refreshToken: "r1", expiresIn: 900 }
      : path === "/me" && init.method === "PATCH" ? (stored = { language: body.language, version: stored.version + 1 }, profile())
        : path === "/me" ? profile() : null;
    if (path === "/auth/sign-out") return { ok: true, status: 204, text: async () => "" };
    return { ok: !!json, status: json ? 200 : 404, statusText: "", text: async () => JSON.stringify(json || { title: "Niet gevonden" }) };
  };
  await import("../app.mjs?language");
  await new Promise(resolve => setTimeout(resolve, 10));
  const signIn = translated.find(e => e.dataset.t === "signIn");
  assert.equal(signIn.textContent, "Sign in", "before sign-in: the browser's language");
  assert.equal(document.documentElement.lang, "en");

  byId.email.value = "jan@acme.example.test";
  byId.password.value = "geheim";
  await byId["password-form"].listeners.submit({ preventDefault() {} });
  await new Promise(resolve => setTimeout(resolve, 10));
  assert.deepEqual(requests.map(r => r[0] + " " + r[1]), ["/auth/sso GET", "/auth/refresh POST", "/auth/sign-in POST", "/me GET"]);
  assert.equal(document.documentElement.lang, "de", "signed in: the profile's language");
  assert.equal(byId.lang.value, "de", "the header's select says so");
  assert.equal(byId.who.textContent, "Angemeldet als jan@acme.example.test");
  assert.equal(signIn.textContent, "Anmelden");

  byId.lang.value = "nl";
  await byId.lang.listeners.change();
  assert.equal(document.documentElement.lang, "nl", "the portal switches at once");
  assert.deepEqual(requests.at(-1).slice(0, 3), ["/me", "PATCH", { language: "nl", version: 4 }],
    "the choice is saved to the profile with the version read, nothing else");
  assert.equal(requests.at(-1)[3]["accept-language"], "nl");
  assert.equal(byId["lang-error"].textContent, "");
  byId.lang.value = "en";
  await byId.lang.listeners.change();
  assert.deepEqual(requests.at(-1).slice(0, 3), ["/me", "PATCH", { language: "en", version: 5 }], "on the version the last save answered");

  byId.lang.value = "de";
  await byId.lang.listeners.change();
  await byId["sign-out"].listeners.click();
  assert.equal(document.documentElement.lang, "en", "signed out: the browser's language again");
  assert.equal(byId.lang.value, "en");
  assert.equal(signIn.textContent, "Sign in");
  const count = requests.length;
  byId.lang.value = "de";
  await byId.lang.listeners.change();
  assert.equal(document.documentElement.lang, "de");
  assert.equal(requests.length, count, "signed out, the select saves nothing");
  assert.equal(signIn.textContent, "Anmelden");
});

// The language remembered per user (issue 17, item 5), the rest of it: a reload takes the profile's language (not the
// browser's) before the route's first request; the account page's language field saves it and switches the portal, and
// the header's select then saves on the version that save answered (no conflict).
test("a reload speaks the profile's language from GET /me; the account page saves a language and the header's next save follows its version", async () => {
  const page = fakePage();
  const { document, byId, translated } = page;
  const requests = [];
  Object.assign(globalThis, { document, location: { hash: "#/account" }, window: { addEventListener: () => {} } });
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB" }, configurable: true });
  let stored = { language: "de", version: 7 };
  const me = () => ({ userId: "u1", role: "customer-user", customerId: "demo-acme", mfaEnrolled: true, pending: false,
    profile: { firstName: "Jan", lastName: "Jansen", displayName: "Jan", email: "jan@acme.example.test",
      notifications: { enabled: true }, dashboard: [], dashboardChosen: false, ...stored } });
  globalThis.fetch = async (path, init) => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };
    const body = init.body ? JSON.parse(init.body) : null;
    requests.push([path, init.method, body, init.headers]);
    if (path === "/me" && init.method === "PATCH") {
      if (body.version !== stored.version) {
        return { ok: false, status: 409, statusText: "", text: async () => JSON.stringify({
          type: "urn:klantportaal:problem:version-conflict", title: "Conflict" }) };
      }
      stored = { ...stored, ...body, version: stored.version + 1 };
    }
    const json = path === "/auth/refresh" ? { status: "signed-in", idToken: jwt({ sub: "u1", email: "jan@acme.example.test",
      kp_role: "customer-user", kp_tenant: "demo-acme", kp_mfa: "true" }), accessToken: "a1", expiresIn: 900 }
      : path === "/me" ? me() : null;
    return { ok: !!json, status: json ? 200 : 404, statusText: "", text: async () => JSON.stringify(json || { title: "Nicht gefunden" }) };
  };
  await import("../app.mjs?reload-language");
  await new Promise(resolve => setTimeout(resolve, 10));
  assert.equal(byId["sign-in"].hidden, true, "restored from the cookie");
  assert.deepEqual(requests.slice(0, 3).map(r => r[0] + " " + r[1]), ["/auth/sso GET", "/auth/refresh POST", "/me GET"],
    "the profile before the route (after asking whether single sign-on is on)");
  assert.equal(document.documentElement.lang, "de", "the profile's language, not the browser's (en)");
  assert.equal(byId.lang.value, "de");
  assert.equal(translated.find(e => e.dataset.t === "signIn").textContent, "Anmelden");
  assert.ok(requests.slice(3).every(r => r[3]["accept-language"] === "de"), "the page's first requests after the profile already in German");
  assert.match(byId.app.textContent, /Meine Daten.*Sprache des Portals und der E-Mails/, "the account page in German");

  const all = () => byId.app.all();
  const language = all().find(n => n.id === "f-profile.language");
  assert.ok(language, "the account page's language field");
  language.listeners.change({ target: { value: "en" } });
  const form = all().find(n => n.tagName === "form" && n.all().includes(language));
  await form.listeners.submit({ preventDefault() {} });
  await new Promise(resolve => setTimeout(resolve, 10));
  const saved = requests.filter(r => r[1] === "PATCH");
  assert.equal(saved.length, 1, "the account page saves once (the shell does not save it a second time)");
  assert.deepEqual([saved[0][0], saved[0][2].language, saved[0][2].version], ["/me", "en", 7]);
  assert.equal(document.documentElement.lang, "en", "the saved language applies at once");
  assert.equal(byId.lang.value, "en");

  byId.lang.value = "nl";
  await byId.lang.listeners.change();
  const patches = requests.filter(r => r[1] === "PATCH");
  assert.deepEqual(patches.slice(1).map(r => [r[2].language, r[2].version]), [["nl", 8]],
    "the header's save on the version the account page's save answered: no conflict, no second try");
  assert.equal(byId["lang-error"].textContent, "");
  assert.equal(document.documentElement.lang, "nl");
});

// A one-click link of a ticket mail (#/mail-link/…): shown without a session, not the sign-in screen; its calls carry no
// token; signed in as someone else than the link's recipient, the page refuses.
test("a mail link opens signed out without the sign-in screen; signed in as another user it is refused", async () => {
  const { document, byId } = fakePage();
  const requests = [];
  const windowListeners = {};
  const token = "eyJ2IjoxfQ.c2ln";
  Object.assign(globalThis, {
    document,
    location: { hash: "#/mail-link/" + token },
    window: { addEventListener: (event, handler) => { windowListeners[event] = handler; } }
  });
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB" }, configurable: true });
  globalThis.fetch = async (path, init) => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };   // none: this origin
    const body = init.body ? JSON.parse(init.body) : null;
    requests.push([path, init.method, body, init.headers]);
    const json = path === "/mail-links/preview" ? { action: "accept", ticketId: "demo-acme-12", ticketNumber: 12, title: "Printer",
      status: "resolved", recipientId: "u-jan", recipientName: "Jan Jansen", expiresAt: "2026-12-13T10:00:00Z" }
      : path === "/mail-links/use" ? { action: "accept", ticketId: "demo-acme-12", ticketNumber: 12, status: "closed" }
        : path === "/auth/sign-in" ? { status: "signed-in", idToken: jwt({ sub: "u-ilse", email: "ilse@acme.example.test",
          kp_role: "customer-admin", kp_tenant: "demo-acme", kp_mfa: "true" }), refreshToken: "r1", expiresIn: 900 } : null;
    return { ok: !!json, status: json ? 200 : 404, statusText: "", text: async () => JSON.stringify(json || { title: "Not found" }) };
  };
  await import("../app.mjs?mail-link");
  await new Promise(resolve => setTimeout(resolve, 10));
  assert.equal(byId["sign-in"].hidden, true, "no sign-in screen");
  assert.deepEqual(requests.map(r => [r[0], r[1], r[2]]), [["/auth/sso", "GET", null], ["/auth/refresh", "POST", null],
    ["/mail-links/preview", "POST", { token }]],
    "opening asks whether there is single sign-on and for the cookie's session (none here), then only previews");
  assert.equal(requests[2][3].authorization, undefined, "no token: the link is the authority");
  assert.match(byId.app.textContent, /You are about to accept the solution of ticket #12 'Printer'/);

  const form = byId.app.all().find(n => n.tagName === "form");
  await form.listeners.submit({ preventDefault() {} });
  assert.deepEqual(requests.at(-1).slice(0, 3), ["/mail-links/use", "POST", { token }]);
  assert.equal(requests.at(-1)[3].authorization, undefined);
  assert.match(byId.app.textContent, /Thank you\. Ticket #12 is closed\./);

  byId.email.value = "ilse@acme.example.test";
  byId.password.value = "geheim";
  await byId["password-form"].listeners.submit({ preventDefault() {} });
  await new Promise(resolve => setTimeout(resolve, 10));
  assert.match(byId.app.textContent, /This link is for Jan Jansen; you are signed in as ilse@acme\.example\.test\./);
  assert.ok(!byId.app.all().some(n => n.tagName === "button"), "no button for another user");
  assert.equal(requests.filter(r => r[0] === "/mail-links/use").length, 1);

  location.hash = "#/tickets";
  await byId["sign-out"].listeners.click();
  assert.equal(byId["sign-in"].hidden, false, "other routes still ask to sign in");
});

// Sessions that survive a reload (issue 17): the refresh token is in the API's HttpOnly cookie, which no script reads;
// on load the shell asks POST /auth/refresh once (no body, X-Requested-With) and, given tokens, is signed in on the
// route in the hash without the sign-in screen. Sign-out ends the cookie's session, so the next load (a reload, a tab)
// shows the sign-in screen. No storage API exists in this fake at all, so any use of one would fail the test.
test("a reload restores the session from the cookie on the route in the hash; after sign-out the next load asks to sign in", async () => {
  let cookie = true;
  const requests = [];
  const load = async (tag, hash) => {
    const page = fakePage();
    Object.assign(globalThis, {
      document: page.document,
      location: { hash },
      window: { addEventListener: () => {} }
    });
    Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB" }, configurable: true });
    await import("../app.mjs?" + tag);
    await new Promise(resolve => setTimeout(resolve, 10));
    return page;
  };
  globalThis.fetch = async (path, init) => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };   // none: this origin
    requests.push([path, init.method, init.body ? JSON.parse(init.body) : null, init.headers, init.credentials]);
    if (path === "/auth/refresh" && !cookie) {
      return { ok: false, status: 401, statusText: "", text: async () => JSON.stringify({
        type: "urn:klantportaal:problem:invalid-credentials", title: "Invalid credentials" }) };
    }
    if (path === "/auth/sign-out") { cookie = false; return { ok: true, status: 204, text: async () => "" }; }
    const json = path === "/auth/refresh" ? { status: "signed-in", idToken: jwt({ sub: "u1", email: "jan@acme.example.test",
      kp_role: "customer-user", kp_tenant: "demo-acme", kp_mfa: "true" }), accessToken: "a1", expiresIn: 900 }
      : path === "/tickets/demo-acme-3" ? { ticket: { id: "demo-acme-3", number: 3, title: "Outlook", description: "d",
        status: "resolved", priority: "normal", type: "incident", category: "email", approval: "none", answers: {},
        reporter: { id: "u1", name: "Jan" }, version: 2 }, messages: [] }
        : path === "/catalogue" ? { categories: [], requestTypes: [] } : null;
    return { ok: !!json, status: json ? 200 : 404, statusText: "", text: async () => JSON.stringify(json || { title: "Not found" }) };
  };

  const { byId } = await load("restore", "#/tickets/demo-acme-3/resolution");
  assert.equal(byId["sign-in"].hidden, true, "the cookie's session: no sign-in screen");
  assert.equal(byId.who.textContent, "Signed in as jan@acme.example.test");
  assert.deepEqual(requests.map(r => r[0] + " " + r[1]),
    ["/auth/sso GET", "/auth/refresh POST", "/me GET", "/tickets/demo-acme-3 GET", "/catalogue GET"], "restored once, then the route of the hash");
  assert.deepEqual([requests[1][2], requests[1][3]["x-requested-with"], requests[1][3].authorization, requests[1][4]],
    [null, "klantportaal", undefined, "same-origin"], "no token is sent to restore: only the cookie and the header");
  assert.match(requests[3][3].authorization, /^Bearer h\./, "the restored ID token, from memory");
  assert.match(byId.app.textContent, /Accept — it is fixed/);

  await byId["sign-out"].listeners.click();
  assert.deepEqual(requests.at(-1).slice(0, 3), ["/auth/sign-out", "POST", null]);
  assert.equal(requests.at(-1)[3]["x-requested-with"], "klantportaal");
  assert.equal(byId["sign-in"].hidden, false);

  const again = await load("after-sign-out", "#/tickets");
  assert.deepEqual(requests.at(-1).slice(0, 2), ["/auth/refresh", "POST"]);
  assert.equal(again.byId["sign-in"].hidden, false, "signed out: the next load asks to sign in");
  assert.equal(again.byId.error.textContent, "", "no session is not an error");
  assert.ok(!requests.some(r => r[0].includes("token") || r[0].includes("eyJ")), "no token in any URL");
});

test("page load with the API out of reach: the sign-in screen says so", async () => {
  const page = fakePage();
  Object.assign(globalThis, { document: page.document, location: { hash: "#/tickets" }, window: { addEventListener: () => {} } });
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB" }, configurable: true });
  globalThis.fetch = async () => { throw new TypeError("Failed to fetch"); };
  await import("../app.mjs?offline");
  await new Promise(resolve => setTimeout(resolve, 10));
  assert.equal(page.byId["sign-in"].hidden, false);
  assert.notEqual(page.byId.error.textContent, "", "the network error is shown, not swallowed");
});

test("the sign-in screen says what to do next after a refusal that is not about the password: 429 wait and retry, 5xx retry later", async () => {
  const page = fakePage();
  Object.assign(globalThis, { document: page.document, location: { hash: "#/tickets" }, window: { addEventListener: () => {} } });
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB" }, configurable: true });
  let status = 429;
  globalThis.fetch = async path => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };
    if (path === "/auth/refresh") return { ok: false, status: 401, statusText: "", text: async () => JSON.stringify({ title: "No session" }) };
    const title = status === 401 ? "Invalid credentials" : status === 429 ? "Too many requests" : "Internal error";
    return { ok: false, status, statusText: "", text: async () => JSON.stringify({ title }) };
  };
  await import("../app.mjs?sign-in-refusals");
  await new Promise(resolve => setTimeout(resolve, 10));
  const en = (await import("../i18n.mjs")).translator("en");
  const signIn = () => page.byId["password-form"].listeners.submit({ preventDefault() {} });
  await signIn();
  assert.equal(page.byId.error.textContent, "Too many requests — " + en("next.429"));
  status = 503;
  await signIn();
  assert.equal(page.byId.error.textContent, "Internal error — " + en("next.5xx"));
  status = 401;
  await signIn();
  assert.equal(page.byId.error.textContent, "Invalid credentials", "a wrong password says itself what is wrong");
});

test("a page shown again while the user types keeps the field's caret: the new-ticket page's suggestions arrive mid-word", async () => {
  const { document, byId } = fakePage();
  const requests = [];
  Object.assign(globalThis, { document, location: { hash: "#/tickets/new" }, window: { addEventListener: () => {} } });
  Object.defineProperty(globalThis, "navigator", { value: { language: "nl-NL" }, configurable: true });
  globalThis.fetch = async (path, init) => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };
    requests.push([path, init.method]);
    const json = path === "/auth/refresh" ? { idToken: jwt({ sub: "u1", email: "jan@acme.example.test", kp_role: "customer-user",
      kp_tenant: "demo-acme", kp_mfa: "true" }), expiresIn: 900 }
      : path === "/me" ? { userId: "u1", role: "customer-user", profile: { language: "nl", version: 1 } }
        : path === "/catalogue" ? { categories: [], requestTypes: [] }
          : path.startsWith("/kb/suggestions") ? { suggestionId: "sg-1", items: [{ articleId: "kb-1", slug: "outlook", title: "Outlook herstellen" }] }
            : null;
    return { ok: !!json, status: json ? 200 : 404, statusText: "", text: async () => JSON.stringify(json || { title: "Niet gevonden" }) };
  };
  await import("../app.mjs?caret");
  await new Promise(resolve => setTimeout(resolve, 10));
  const title = () => byId.app.all().find(n => n.id === "f-title");
  const typed = title();
  typed.focus();
  typed.setSelectionRange(3, 3, "none");   // "Out|" — the user is still typing
  typed.listeners.input({ target: { value: "Outlook" } });
  await new Promise(resolve => setTimeout(resolve, 500));
  assert.ok(requests.some(([path]) => path.startsWith("/kb/suggestions?")), "the suggestions were asked after the pause");
  assert.match(byId.app.textContent, /Outlook herstellen/, "and shown: the page was mounted again");
  const again = title();
  assert.notEqual(again, typed, "a new element for the field");
  assert.equal(document.activeElement, again, "the focus back in the field");
  assert.deepEqual([again.selectionStart, again.selectionEnd], [3, 3], "with its caret where it was, not at the start");
});

test("a sign-out in another tab ends this tab's session at once; a sign-in there restores it from the cookie", async () => {
  const page = fakePage();
  const { byId } = page;
  let cookie = true;
  const requests = [];
  Object.assign(globalThis, { document: page.document, location: { hash: "#/tickets/demo-acme-3/resolution" },
    window: { addEventListener: () => {} } });
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB" }, configurable: true });
  globalThis.fetch = async (path, init) => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };
    requests.push([path, init.method]);
    if (path === "/auth/refresh" && !cookie) return { ok: false, status: 401, statusText: "", text: async () => "{}" };
    if (path === "/auth/sign-out") { cookie = false; return { ok: true, status: 204, text: async () => "" }; }
    const json = path === "/auth/refresh" || path === "/auth/sign-in" ? { status: "signed-in", idToken: jwt({ sub: "u1",
      email: "jan@acme.example.test", kp_role: "customer-user", kp_tenant: "demo-acme", kp_mfa: "true" }), expiresIn: 900 }
      : path === "/tickets/demo-acme-3" ? { ticket: { id: "demo-acme-3", number: 3, title: "Outlook", description: "d",
        status: "resolved", priority: "normal", type: "incident", category: "email", approval: "none", answers: {},
        reporter: { id: "u1", name: "Jan" }, version: 2 }, messages: [] }
        : path === "/catalogue" ? { categories: [], requestTypes: [] } : null;
    return { ok: !!json, status: json ? 200 : 404, statusText: "", text: async () => JSON.stringify(json || { title: "Not found" }) };
  };
  const heard = [];
  const otherTab = new BroadcastChannel("klantportaal-session");
  otherTab.onmessage = event => heard.push(event.data);
  const settle = () => new Promise(resolve => setTimeout(resolve, 20));
  await import("../app.mjs?tabs");
  await settle();
  assert.equal(byId["sign-in"].hidden, true, "restored from the cookie");
  assert.deepEqual(heard, [], "a restore on page load is not announced");

  // The user signs out in the other tab (which revoked the token and cleared the cookie).
  cookie = false;
  const before = requests.length;
  otherTab.postMessage({ kind: "signed-out" });
  await settle();
  assert.equal(byId["sign-in"].hidden, false, "this tab shows the sign-in screen at once, not after its 15 minutes");
  assert.equal(byId["sign-in-reason"].textContent, "You signed out in another tab. Sign in again to continue.");
  assert.equal(byId.app.children.length, 0, "the page is gone");
  assert.deepEqual(requests.slice(before), [], "nothing asked of the API: the other tab signed out");

  // Something else on the channel (a token, a made-up kind) changes nothing.
  otherTab.postMessage({ kind: "token", idToken: "eyJ.x.y" });
  otherTab.postMessage("signed-in");
  await settle();
  assert.deepEqual(requests.slice(before), [], "ignored");

  // The user signs in again in the other tab: this one, on its sign-in screen, restores from the cookie.
  cookie = true;
  otherTab.postMessage({ kind: "signed-in" });
  await settle();
  assert.deepEqual(requests.slice(before, before + 1), [["/auth/refresh", "POST"]]);
  assert.equal(byId["sign-in"].hidden, true, "signed in here too");
  assert.equal(byId.who.textContent, "Signed in as jan@acme.example.test");

  // This tab's own sign-out and sign-in are announced to the others, with the kind only.
  await byId["sign-out"].listeners.click();
  await settle();
  assert.deepEqual(heard, [{ kind: "signed-out" }]);
  byId.email.value = "jan@acme.example.test";
  byId.password.value = "geheim";
  await byId["password-form"].listeners.submit({ preventDefault() {} });
  await settle();
  assert.equal(byId["sign-in"].hidden, true);
  assert.deepEqual(heard, [{ kind: "signed-out" }, { kind: "signed-in" }], "no token on the channel");
  otherTab.close();
});

/** A Storage as the browser's sessionStorage (getItem, setItem, removeItem, key, length). */
function fakeStorage() {
  const map = new Map();
  return { map, getItem: k => (map.has(k) ? map.get(k) : null), setItem: (k, v) => { map.set(k, String(v)); },
    removeItem: k => { map.delete(k); }, key: i => [...map.keys()][i] ?? null, get length() { return map.size; } };
}

test("a session that expires while the user replies: the sign-in screen in the language worked in, the reply back after signing in", async () => {
  const { document, byId, translated } = fakePage();
  const requests = [];
  const storage = fakeStorage();
  globalThis.sessionStorage = storage;
  Object.assign(globalThis, { document, location: { hash: "#/tickets/demo-acme-3" }, window: { addEventListener: () => {} } });
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB" }, configurable: true });
  let expired = false;
  const token = () => ({ status: "signed-in", idToken: jwt({ sub: "u1", email: "jan@acme.example.test", kp_role: "customer-user",
    kp_tenant: "demo-acme", kp_mfa: "true" }), expiresIn: 900 });
  globalThis.fetch = async (path, init) => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };
    requests.push([path, init.method, init.body ? JSON.parse(init.body) : null]);
    const refused = { ok: false, status: 401, statusText: "", text: async () => JSON.stringify({ type: "urn:klantportaal:problem:unauthenticated", title: "x" }) };
    if (path === "/auth/refresh") return expired ? refused : { ok: true, status: 200, text: async () => JSON.stringify(token()) };
    if (path.endsWith("/messages")) return expired ? refused : { ok: true, status: 201, text: async () => "{}" };
    if (path === "/auth/sign-in") { expired = false; return { ok: true, status: 200, text: async () => JSON.stringify(token()) }; }
    const json = path === "/me" ? { userId: "u1", role: "customer-user", profile: { language: "de", version: 1 } }
      : path === "/tickets/demo-acme-3" ? { ticket: { id: "demo-acme-3", number: 3, title: "Outlook", description: "d", status: "open",
        priority: "normal", type: "incident", category: "email", approval: "none", answers: {}, reporter: { id: "u1", name: "Jan" },
        version: 2 }, messages: [] }
        : path === "/catalogue" ? { categories: [], requestTypes: [] } : path.startsWith("/customers/") ? { items: [] } : null;
    return { ok: !!json, status: json ? 200 : 404, statusText: "", text: async () => JSON.stringify(json || { title: "Niet gevonden" }) };
  };
  try {
    await import("../app.mjs?expiry");
    await new Promise(resolve => setTimeout(resolve, 10));
    assert.equal(document.documentElement.lang, "de", "restored from the cookie: the profile's language");
    const field = () => byId.app.all().find(n => n.id === "f-body");
    field().listeners.input({ target: { value: "Hier ist meine Antwort" } });
    expired = true;
    const form = byId.app.all().find(n => n.tagName === "form" && n.all().includes(field()));
    await form.listeners.submit({ preventDefault() {} });
    await new Promise(resolve => setTimeout(resolve, 10));

    assert.equal(byId["sign-in"].hidden, false, "the refresh failed: the sign-in screen");
    assert.equal(byId["sign-in-reason"].textContent, "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
      "in the language the user worked in, not the browser's English");
    assert.equal(document.documentElement.lang, "de");
    assert.equal(translated.find(e => e.dataset.t === "signIn").textContent, "Anmelden");

    byId.email.value = "jan@acme.example.test";
    byId.password.value = "geheim";
    await byId["password-form"].listeners.submit({ preventDefault() {} });
    await new Promise(resolve => setTimeout(resolve, 10));
    assert.equal(byId["sign-in"].hidden, true);
    assert.equal(field().children.map(c => c.textContent).join(""), "Hier ist meine Antwort", "the reply typed before is back");
    assert.match(byId.app.textContent, /Was Sie zuvor eingegeben und noch nicht gesendet hatten, ist wiederhergestellt\./);

    const sent = requests.filter(r => r[0].endsWith("/messages")).length;
    await byId.app.all().find(n => n.tagName === "form" && n.all().includes(field())).listeners.submit({ preventDefault() {} });
    await new Promise(resolve => setTimeout(resolve, 10));
    assert.equal(requests.filter(r => r[0].endsWith("/messages")).length, sent + 1);
    assert.deepEqual([...storage.map.keys()].filter(k => k.startsWith("kp.draft.")), [], "sent: the draft is gone");

    field().listeners.input({ target: { value: "Noch etwas" } });
    assert.equal([...storage.map.keys()].filter(k => k.startsWith("kp.draft.u1.")).length, 1);
    await byId["sign-out"].listeners.click();
    assert.deepEqual([...storage.map.keys()].filter(k => k.startsWith("kp.draft.")), [], "signed out on purpose: nothing typed stays");
    assert.equal(document.documentElement.lang, "en", "and the browser's language returns");
    assert.equal(storage.getItem("kp.language"), null);
  } finally {
    delete globalThis.sessionStorage;
  }
});
