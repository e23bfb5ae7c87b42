// The identity pages against the recording fake API of fakes.mjs: sign-up with the e-mailed code, the
// password reset, a first sign-in's new password, MFA enrolment, waiting to be linked, #/account, the provider
// admin's linking queue, customers, users and staff, the customer admin's organisation; the routes and the
// navigation per role; malicious names rendered as text; and the shell (app.mjs) in a fake DOM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { findAll, mount, textOf } from "../dom.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { ApiError, createApi, sessionFrom } from "../api.mjs";
import { navLinks, parseRoute, routeHash } from "../routes.mjs";
import { forgotPasswordPage, newPasswordPage, signUpPage } from "../auth.mjs";
import { accountPage, mfaPage, NOTIFICATIONS, pendingPage, qrModules, saveLanguage } from "../account.mjs";
import { openSignedIn } from "../router.mjs";
import { customerPage, customersPage, newCustomerPage, organisationPage, pendingUsersPage, staffPage } from "../admin.mjs";
import { ROLES } from "../forms.mjs";
import { click, context, EVIL, FakeElement, fakeApi, jwt, last, shimDocument } from "./fakes.mjs";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
const nl = translator("nl");

// ---------------------------------------------------------------------------------------------
// test doubles

/** fakes.mjs fakeApi, plus PATCH and the anonymous /auth calls (recorded with "anonymous" as their options). */
function identityApi(answers) {
  const api = fakeApi(answers);
  const answer = (method, path, body) => {
    const a = answers(method, path, body, api.calls);
    if (a instanceof Error) throw a;
    return a === undefined ? {} : structuredClone(a);
  };
  api.patch = async (path, body, options) => { api.calls.push(["PATCH", path, body, options]); return answer("PATCH", path, body); };
  api.anonymous = async (method, path, body) => { api.calls.push([method, path, body, "anonymous"]); return answer(method, path, body); };
  return api;
}

/** The ctx app.mjs gives a signed-in page (fakes.mjs context plus the identity fields). */
function ctxFor(role, api, shown = [], { lang = "nl", mfa = true, renewTo, userId = "me-1", tenant } = {}) {
  const ctx = context(role, api, shown, lang);
  ctx.userId = userId;
  ctx.email = "jan@acme.example.test";
  ctx.tenant = tenant !== undefined ? tenant : role.startsWith("customer") ? "acme" : null;
  ctx.mfa = mfa;
  ctx.accessToken = () => "access-1";
  ctx.languages = [];
  ctx.setLanguage = l => ctx.languages.push(l);
  ctx.renewals = [];
  ctx.renew = async reason => { ctx.renewals.push(reason); return renewTo === undefined ? null : renewTo; };
  ctx.reroutes = 0;
  ctx.reroute = () => { ctx.reroutes++; };
  return ctx;
}

/** The ctx app.mjs gives a public page. */
function publicCtx(api, shown = [], extra = {}) {
  return { api, tr: nl, lang: "nl", show: d => shown.push(d), bind: r => r, email: "", ...extra,
    toSignIn: (reason, email) => shown.push({ toSignIn: [reason, email] }),
    signedIn: answer => { shown.push({ signedIn: answer }); } };
}

const byId = (desc, id) => {
  const found = findAll(desc, n => n.attrs.id === id);
  assert.equal(found.length, 1, "one element #" + id);
  return found[0];
};
const has = (desc, id) => findAll(desc, n => n.attrs.id === id).length > 0;
const type = (desc, id, value) => byId(desc, id).attrs.on.input({ target: { value } });
const choose = (desc, id, value) => byId(desc, id).attrs.on.change({ target: { value } });
const tick = (desc, id, checked) => byId(desc, id).attrs.on.change({ target: { checked } });
const submitForm = (desc, n = 0) => findAll(desc, x => x.tag === "form")[n].attrs.on.submit({ preventDefault() {} });
const press = (desc, label, n = 0) => {
  const buttons = findAll(desc, x => x.tag === "button" && textOf(x) === label);
  assert.ok(buttons.length > n, "a button " + label);
  return buttons[n].attrs.on.click();
};
const buttonLabels = desc => findAll(desc, x => x.tag === "button").map(textOf);
const errorAt = (desc, name) => (has(desc, "e-" + name) ? textOf(byId(desc, "e-" + name)) : null);
const apiCalls = api => api.calls.map(c => c[0] + " " + c[1]);

function validation(errors) {
  return new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "De invoer is niet geldig",
    detail: "The request has invalid fields", errors });
}
const problem = (status, code, title) => new ApiError(status, { type: "urn:klantportaal:problem:" + code, title });

/**
 * Mounts into the DOM shim: no element made from data, no handler attribute, no markup in an attribute but an input's value
 * and an accessible name (a row's button named by its user: setAttribute, text).
 */
function assertTextOnly(desc) {
  const doc = shimDocument();
  const root = mount(desc, doc);
  const tags = new Set(doc.created.map(n => n.tagName));
  assert.ok(!tags.has("img") && !tags.has("script"), "no element from data: " + [...tags]);
  for (const node of doc.created) {
    for (const [name, value] of Object.entries(node.attributes)) {
      assert.ok(!name.startsWith("on"), "no handler attribute " + name);
      if (name !== "value" && name !== "aria-label") assert.ok(!String(value).includes("<"), `attribute ${name} carries data: ${value}`);
    }
  }
  return root.textContent;
}

// ---------------------------------------------------------------------------------------------
// routes, navigation, texts

test("the identity routes parse and print; #/admin alone and malformed customer ids are not found", () => {
  for (const [hash, route] of [["#/sign-up", { name: "sign-up" }], ["#/forgot-password", { name: "forgot-password" }],
    ["#/account", { name: "account" }], ["#/organisation", { name: "organisation" }],
    ["#/admin/pending-users", { name: "pending-users" }], ["#/admin/customers", { name: "customers" }],
    ["#/admin/customers/new", { name: "new-customer" }], ["#/admin/staff", { name: "staff" }],
    ["#/admin/customers/acme-x7k2", { name: "customer", id: "acme-x7k2" }]]) {
    assert.deepEqual(parseRoute(hash), route, hash);
    assert.equal(routeHash(route), hash);
  }
  for (const bad of ["#/admin", "#/admin/customers/ACME", "#/admin/customers/%3Cimg%3E", "#/admin/customers/a/users",
    "#/account/x", "#/admin/users"]) {
    assert.deepEqual(parseRoute(bad), { name: "not-found" }, bad);
  }
});

test("the navigation per role: admin pages only for admins; everyone has the account page", () => {
  const hrefs = role => navLinks(role).map(l => l.href);
  assert.deepEqual(hrefs("customer-user"), ["#/account"]);
  assert.deepEqual(hrefs("customer-admin"), ["#/organisation", "#/account"]);
  assert.deepEqual(hrefs("provider-agent"), ["#/admin/customers", "#/admin/failing-addresses", "#/admin/held-mail", "#/admin/ratings",
    "#/admin/catalogue", "#/account"]);
  assert.deepEqual(hrefs("provider-admin"), ["#/admin/pending-users", "#/admin/customers", "#/admin/staff", "#/admin/audit",
    "#/admin/failing-addresses",
    "#/admin/held-mail", "#/admin/ratings", "#/admin/catalogue", "#/admin/mail-routes", "#/account"]);
  assert.deepEqual(hrefs("none"), ["#/account"]);
  for (const role of ROLES) for (const l of navLinks(role)) for (const lang of LANGUAGES) assert.ok(l.key in texts[lang], l.key);
});

test("every text key of the identity pages exists in nl, en and de (also those handed to tr() by a variable)", () => {
  const used = new Set();
  for (const file of ["auth.mjs", "account.mjs", "admin.mjs", "forms.mjs", "routes.mjs"]) {
    const source = readFileSync(join(portal, file), "utf8");
    for (const m of source.matchAll(/"((?:acct|admin|auth|form|nav)\.[A-Za-z0-9.-]*[A-Za-z0-9])"/g)) used.add(m[1]);
  }
  for (const m of readFileSync(join(portal, "index.html"), "utf8").matchAll(/data-t="([^"]+)"/g)) used.add(m[1]);
  for (const role of ROLES) used.add("acct.role." + role);
  assert.ok(used.size > 150, "found the keys: " + used.size);
  for (const key of used) for (const lang of LANGUAGES) assert.ok(key in texts[lang], `${key} missing in ${lang}`);
  for (const kind of NOTIFICATIONS) assert.ok(used.has("acct.notify." + kind));
});

// ---------------------------------------------------------------------------------------------
// sign-up, confirm, resend

test("sign-up: the password rules are shown, a repeat mismatch asks nothing, field errors land next to their fields", async () => {
  let attempt = 0;
  const api = identityApi((method, path) => {
    if (path === "/auth/sign-up" && ++attempt === 1) {
      return validation([{ field: "password", code: "length", message: "must have 12 to 256 characters" },
        { field: "password", code: "symbol", message: "needs a symbol such as ! # % or a space" },
        { field: "firstName", code: "required", message: "is required" }]);
    }
    return { status: "code-sent" };
  });
  const shown = [];
  const page = await signUpPage(publicCtx(api, shown));
  let view = last(shown);
  assert.match(textOf(byId(view, "h-newPassword")), /minstens 12 tekens.*hoofdletter.*cijfer.*symbool.*vóór de @/);
  assert.match(byId(view, "f-newPassword").attrs["aria-describedby"], /h-newPassword/);
  type(view, "f-email", "sanne@bakkerij.example.test");
  type(view, "f-lastName", "de Vries");
  type(view, "f-newPassword", "kort");
  type(view, "f-repeat", "anders");
  await submitForm(view);
  assert.equal(api.calls.length, 0, "a repeat mismatch is caught before any request");
  assert.equal(errorAt(last(shown), "repeat"), nl("form.error.repeat"));

  type(last(shown), "f-repeat", "kort");
  await submitForm(last(shown));
  view = last(shown);
  assert.deepEqual(api.calls[0], ["POST", "/auth/sign-up", { email: "sanne@bakkerij.example.test", password: "kort",
    firstName: "", lastName: "de Vries", displayName: "de Vries", language: "nl" }, "anonymous"]);
  assert.equal(errorAt(view, "newPassword"), nl("form.error.passwordLength") + " " + nl("form.error.symbol"),
    "the API's field password shows at the password input, every rule it missed, in the user's language");
  assert.equal(byId(view, "f-newPassword").attrs["aria-invalid"], "true");
  assert.match(byId(view, "f-newPassword").attrs["aria-describedby"], /e-newPassword/);
  assert.equal(errorAt(view, "firstName"), nl("fieldRequired"));
  assert.equal(byId(view, "f-email").attrs.value, "sanne@bakkerij.example.test", "what was typed stays");
  assert.equal(byId(view, "f-lastName").attrs.value, "de Vries");
  assert.equal(page.state.step, "form");

  type(view, "f-firstName", "Sanne");
  type(view, "f-displayName", "Sanne (Bakkerij)");
  type(view, "f-newPassword", "Vlinder-Regen42");
  type(view, "f-repeat", "Vlinder-Regen42");
  choose(view, "f-language", "en");
  await submitForm(last(shown));
  assert.deepEqual(api.calls[1][2], { email: "sanne@bakkerij.example.test", password: "Vlinder-Regen42", firstName: "Sanne",
    lastName: "de Vries", displayName: "Sanne (Bakkerij)", language: "en" });
  assert.equal(page.state.step, "confirm");
  assert.equal(page.state.draft.newPassword, "", "the password is not kept once sent");
  assert.match(textOf(last(shown)), /code van 6 cijfers gestuurd naar sanne@bakkerij\.example\.test/);
});

test("confirm: the 6-digit code is checked first, resend asks again, a wrong code shows at the code, then back to sign-in", async () => {
  let confirms = 0;
  const api = identityApi((method, path) => {
    if (path === "/auth/confirm" && ++confirms === 1) return problem(400, "invalid-code", "De code klopt niet");
    if (path === "/auth/confirm") return undefined;
    return { status: "code-sent" };
  });
  const shown = [];
  const page = await signUpPage(publicCtx(api, shown, { email: "sanne@bakkerij.example.test" }));
  await press(last(shown), nl("auth.signUp.haveCode"));
  type(last(shown), "f-code", "12345");
  await submitForm(last(shown));
  assert.equal(api.calls.length, 0, "no request for a code that is not 6 digits");
  assert.equal(errorAt(last(shown), "code"), nl("form.error.code"));

  await press(last(shown), nl("auth.resend"));
  assert.deepEqual(api.calls[0], ["POST", "/auth/resend-code", { email: "sanne@bakkerij.example.test" }, "anonymous"]);
  assert.match(textOf(last(shown)), /ontvangt u binnen enkele minuten een nieuwe code/);

  type(last(shown), "f-code", "123456");
  await submitForm(last(shown));
  assert.deepEqual(api.calls[1], ["POST", "/auth/confirm", { email: "sanne@bakkerij.example.test", code: "123456" }, "anonymous"]);
  assert.equal(errorAt(last(shown), "code"), "De code klopt niet", "the refusal sits at the code field");
  assert.equal(findAll(last(shown), n => n.attrs.class === "problem").length, 0, "and is not said twice");
  assert.equal(byId(last(shown), "f-code").attrs.value, "123456", "the code stays");

  await submitForm(last(shown));
  assert.deepEqual(shown.filter(s => s.toSignIn), [{ toSignIn: ["auth.confirm.done", "sanne@bakkerij.example.test"] }]);
  assert.equal(page.state.errors.code, undefined);
});

test("forgotten password: the code by mail, then the new password with the code; an expired code shows at the code", async () => {
  let resets = 0;
  const api = identityApi((method, path) => {
    if (path === "/auth/reset-password" && ++resets === 1) return problem(400, "expired-code", "De code is verlopen; vraag een nieuwe aan");
    return path === "/auth/forgot-password" ? { status: "code-sent" } : undefined;
  });
  const shown = [];
  await forgotPasswordPage(publicCtx(api, shown));
  type(last(shown), "f-email", "sanne@bakkerij.example.test");
  await submitForm(last(shown));
  assert.deepEqual(api.calls[0], ["POST", "/auth/forgot-password", { email: "sanne@bakkerij.example.test" }, "anonymous"]);
  const view = last(shown);
  assert.ok(has(view, "h-newPassword"), "the rules are shown");
  type(view, "f-code", "654321");
  type(view, "f-newPassword", "Zonnebloem-Wind77");
  type(view, "f-repeat", "Zonnebloem-Wind77");
  await submitForm(view);
  assert.deepEqual(api.calls[1], ["POST", "/auth/reset-password", { email: "sanne@bakkerij.example.test", code: "654321",
    newPassword: "Zonnebloem-Wind77" }, "anonymous"]);
  assert.equal(errorAt(last(shown), "code"), "De code is verlopen; vraag een nieuwe aan");
  await submitForm(last(shown));
  assert.deepEqual(shown.filter(s => s.toSignIn), [{ toSignIn: ["auth.reset.done", "sanne@bakkerij.example.test"] }]);
});

test("a first sign-in's new password: sent with the challenge session, the answer goes on as a sign-in", async () => {
  const tokens = { status: "signed-in", idToken: "i", accessToken: "a", expiresIn: 900 };
  let attempt = 0;
  const api = identityApi(() => (++attempt === 1
    ? validation([{ field: "newPassword", code: "contains-email", message: "must not contain your e-mail name" }]) : tokens));
  const shown = [];
  await newPasswordPage(publicCtx(api, shown, { email: "nieuwe.collega@provider.example.test", challenge: "AYAB-session" }));
  assert.match(textOf(last(shown)), /voor het eerst in als nieuwe\.collega@provider\.example\.test/);
  type(last(shown), "f-newPassword", "nieuwe.collega-Wind77");
  type(last(shown), "f-repeat", "nieuwe.collega-Wind77");
  await submitForm(last(shown));
  assert.deepEqual(api.calls[0], ["POST", "/auth/sign-in/new-password", { email: "nieuwe.collega@provider.example.test",
    session: "AYAB-session", newPassword: "nieuwe.collega-Wind77" }, "anonymous"]);
  assert.equal(errorAt(last(shown), "newPassword"), nl("form.error.containsEmail"));
  type(last(shown), "f-newPassword", "Zonnebloem-Wind77");
  type(last(shown), "f-repeat", "Zonnebloem-Wind77");
  await submitForm(last(shown));
  assert.deepEqual(shown.filter(s => s.signedIn), [{ signedIn: tokens }]);
});

// ---------------------------------------------------------------------------------------------
// MFA enrolment, waiting to be linked

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const URI = "otpauth://totp/Klantportaal%3Ajan%40acme.example.test?secret=" + SECRET + "&issuer=Klantportaal&algorithm=SHA1&digits=6&period=30";
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 25 25" shape-rendering="crispEdges">'
  + '<rect width="100%" height="100%" fill="#fff"/><path d="M4,4h1v1h-1zM5,4h1v1h-1zM20,20h1v1h-1z" fill="#000"/></svg>';

test("the QR code is read from the enrolment's SVG as numbers only; anything else gives no QR code", () => {
  const rows = qrModules(SVG);
  assert.equal(rows.length, 25);
  assert.deepEqual([rows[4][4], rows[4][5], rows[20][20], rows[0][0]], [true, true, true, false]);
  for (const bad of [undefined, "", SVG.replace("0 0 25 25", "0 0 25 26"), SVG.replace('d="M4', 'd="<script>M4'),
    SVG.replace("M20,20", "M30,20"), '<svg viewBox="0 0 25 25"><path d="M4,4h1v1h-1z" onload="x"/></svg>'.replace("M4,4", "M4,4 ")]) {
    assert.equal(qrModules(bad), null, String(bad));
  }
});

test("MFA enrolment: loading asks nothing; the key is shown grouped as text with the otpauth URI to copy; the code verifies", async () => {
  let verifies = 0;
  const api = identityApi((method, path) => {
    if (path === "/me/mfa/totp") return { secret: SECRET, otpauthUri: URI, qrCodeSvg: SVG };
    if (path === "/me/mfa/totp/verify" && ++verifies === 1) return problem(400, "invalid-code", "De code klopt niet");
    return undefined;
  });
  const shown = [];
  const ctx = ctxFor("none", api, shown, { mfa: false, renewTo: { role: "none", mfa: true } });
  await mfaPage(ctx);
  assert.equal(api.calls.length, 0, "opening the page changes nothing");
  await press(last(shown), nl("acct.mfa.start"));
  assert.deepEqual(api.calls[0].slice(0, 3), ["POST", "/me/mfa/totp", { accessToken: "access-1" }]);
  const view = last(shown);
  assert.equal(textOf(byId(view, "totp-secret")), "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
  assert.match(textOf(view), /Typ deze sleutel in uw authenticator-app/);
  assert.equal(textOf(byId(view, "otpauth-uri")), URI, "the URI as text to copy");
  const qr = findAll(view, n => n.tag === "table" && n.attrs.class === "qr")[0];
  assert.equal(qr.attrs.role, "img");
  assert.equal(findAll(qr, n => n.tag === "td" && n.attrs.class === "on").length, 3);
  assertTextOnly(view);

  type(view, "f-code", "12 34");
  await submitForm(view);
  assert.equal(api.calls.length, 1, "a code that is not 6 digits is not sent");
  type(last(shown), "f-code", "123456");
  await submitForm(last(shown));
  assert.deepEqual(api.calls[1].slice(0, 3), ["POST", "/me/mfa/totp/verify", { accessToken: "access-1", code: "123456" }]);
  assert.equal(errorAt(last(shown), "code"), "De code klopt niet");
  assert.equal(ctx.renewals.length, 0);
  await submitForm(last(shown));
  assert.deepEqual(ctx.renewals, ["acct.mfa.signInAgain"], "the token is renewed for kp_mfa=true");
  assert.equal(ctx.reroutes, 1, "and the portal goes on with the route");
  assert.deepEqual(shown.filter(s => s.flash), [{ flash: nl("acct.mfa.done") }]);
});

test("MFA enrolment without a QR code says to type the key; without MFA every route shows the enrolment", async () => {
  const api = identityApi(() => ({ secret: SECRET, otpauthUri: URI }));
  const shown = [];
  await mfaPage(ctxFor("customer-user", api, shown, { mfa: false }));
  await press(last(shown), nl("acct.mfa.start"));
  assert.match(textOf(last(shown)), /Er is geen QR-code beschikbaar/);
  assert.equal(findAll(last(shown), n => n.tag === "table").length, 0);

  for (const route of [{ name: "tickets" }, { name: "account" }, { name: "pending-users" }]) {
    const routeShown = [];
    const routeApi = identityApi(() => ({}));
    await openSignedIn(ctxFor("provider-admin", routeApi, routeShown, { mfa: false }), route);
    assert.equal(textOf(findAll(last(routeShown), n => n.tag === "h1")[0]), nl("acct.mfa.heading"), route.name);
    assert.equal(routeApi.calls.length, 0);
  }
});

test("a role-less user sees the waiting page with the 12-hour promise instead of ticket lists; checking again renews the token", async () => {
  const me = { userId: "me-1", email: "net.aangemeld@acme.example.test", role: "none", mfaEnrolled: true, pending: true,
    pendingSince: "2026-11-23T08:00:00Z" };
  const api = identityApi(() => me);
  const shown = [];
  const ctx = ctxFor("none", api, shown, { renewTo: { role: "none", mfa: true } });
  ctx.now = () => Date.parse("2026-11-23T10:00:00Z");
  await openSignedIn(ctx, { name: "tickets", view: null, status: null });
  assert.deepEqual(apiCalls(api), ["GET /me"], "no ticket list is asked for");
  let view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), nl("acct.pending.heading"));
  assert.match(textOf(view), /maximaal 12 uur/);
  assert.match(textOf(view), /Aangemeld op .*Uiterlijk gekoppeld op /);
  assert.equal(findAll(view, n => n.tag === "time")[0].attrs.datetime, "2026-11-23T20:00:00.000Z");
  assert.doesNotMatch(textOf(view), /langer dan de 12 uur/, "not overdue after 2 hours");
  assert.deepEqual(findAll(findAll(view, n => n.tag === "nav")[0], n => n.tag === "a").map(a => a.attrs.href),
    ["#/tickets", "#/account"], "no ticket or SLA links for a pending user");

  await press(view, nl("acct.pending.check"));
  assert.deepEqual(ctx.renewals, ["acct.pending.signInAgain"]);
  assert.match(textOf(last(shown)), /nog niet gekoppeld/);

  const lateShown = [];
  const late = ctxFor("none", api, lateShown, { renewTo: { role: "customer-user", mfa: true } });
  late.now = () => Date.parse("2026-11-23T21:00:00Z");
  await pendingPage(late);
  assert.match(textOf(last(lateShown)), /langer dan de 12 uur die wij beloven/);
  await press(last(lateShown), nl("acct.pending.check"));
  assert.equal(late.reroutes, 1, "linked meanwhile: the portal opens");
});

// ---------------------------------------------------------------------------------------------
// #/account

function me(overrides = {}) {
  return { userId: "me-1", email: "it@acme.example.test", role: "customer-admin", customerId: "acme", mfaEnrolled: true,
    pending: false, profile: { email: "it@acme.example.test", firstName: "Ilse", lastName: "Tol", displayName: "Ilse Tol",
      language: "nl", notifications: { enabled: true, tickets: true, reports: true, hourBundles: true, subscriptions: true,
        notices: true }, dashboard: ["open-tickets"], version: 4, ...overrides } };
}

test("the account page: PATCH /me sends only what changed with the version; a new language switches the portal", async () => {
  const api = identityApi((method, path, body) => (method === "PATCH"
    ? me({ ...body, notifications: { ...me().profile.notifications, ...body.notifications }, version: 5 })
    : path === "/customers/acme" ? { id: "acme", name: "Acme <Installatie> B.V." } : me()));
  const shown = [];
  const ctx = ctxFor("customer-admin", api, shown);
  const page = await accountPage(ctx);
  let view = last(shown);
  assert.match(textOf(view), /Beheerder van de organisatie/);
  assert.match(textOf(view), /Acme <Installatie> B\.V\. \(acme\)/, "the organisation by name, as text");
  assert.match(textOf(view), /rol en organisatie kunt u niet zelf wijzigen/);
  await submitForm(view, 0);
  assert.deepEqual(apiCalls(api), ["GET /me", "GET /customers/acme"], "nothing changed: nothing sent");
  assert.match(textOf(last(shown)), /U heeft niets gewijzigd/);

  view = last(shown);
  type(view, "f-profile.displayName", "IT-beheer Acme");
  choose(view, "f-profile.language", "de");
  tick(view, "f-profile.notifications.reports", false);
  await submitForm(last(shown), 0);
  assert.deepEqual(api.calls[2].slice(0, 3), ["PATCH", "/me", { displayName: "IT-beheer Acme", language: "de",
    notifications: { reports: false }, version: 4 }]);
  assert.deepEqual(ctx.languages, ["de"], "the portal's language follows");
  assert.equal(page.state.me.profile.version, 5);
  assert.equal(page.state.profileForm.notice, nl("acct.profile.saved"));

  tick(last(shown), "f-profile.notifications.enabled", false);
  assert.equal(byId(last(shown), "f-profile.notifications.tickets").attrs.disabled, true, "one switch silences all");
  await submitForm(last(shown), 0);
  assert.deepEqual(api.calls[3][2], { notifications: { enabled: false }, version: 5 });
});

test("the account page: a stale version reloads the profile, says so and keeps the draft for the next save", async () => {
  let patches = 0;
  let version = 4;
  const api = identityApi(method => {
    if (method === "GET") return me({ version, displayName: version === 4 ? "Ilse Tol" : "Ilse (elders gewijzigd)" });
    if (++patches === 1) { version = 6; return problem(409, "version-conflict", "Iemand anders heeft dit intussen gewijzigd"); }
    return me({ displayName: "Ilse T.", version: 7 });
  });
  const shown = [];
  const page = await accountPage(ctxFor("customer-user", api, shown));
  type(last(shown), "f-profile.displayName", "Ilse T.");
  await submitForm(last(shown), 0);
  assert.deepEqual(apiCalls(api), ["GET /me", "GET /customers/acme", "PATCH /me", "GET /me"], "reloaded");
  assert.equal(page.state.profileForm.warning, nl("acct.versionConflict"));
  assert.equal(byId(last(shown), "f-profile.displayName").attrs.value, "Ilse T.", "the draft is kept");
  await submitForm(last(shown), 0);
  assert.deepEqual(api.calls[4][2], { displayName: "Ilse T.", version: 6 }, "sent again on the version now read");
});

test("changing the password: the access token and both passwords; a wrong current password shows at its field", async () => {
  let attempt = 0;
  const api = identityApi((method, path) => {
    if (path !== "/me/password") return me();
    return ++attempt === 1 ? problem(401, "invalid-credentials", "E-mailadres of wachtwoord klopt niet")
      : attempt === 2 ? validation([{ field: "newPassword", code: "unchanged", message: "must differ from the current password" }])
        : undefined;
  });
  const shown = [];
  const page = await accountPage(ctxFor("customer-user", api, shown));
  const form = () => findAll(last(shown), n => n.tag === "form" && n.attrs["aria-labelledby"] === "password-heading")[0];
  type(last(shown), "f-password.currentPassword", "Vlinder-Regen41");
  type(last(shown), "f-password.newPassword", "Zonnebloem-Wind77");
  type(last(shown), "f-password.repeat", "Zonnebloem-Wind7");
  await form().attrs.on.submit({ preventDefault() {} });
  assert.equal(api.calls.length, 2, "a mismatch is not sent (the page read /me and the organisation)");
  assert.equal(errorAt(last(shown), "password.repeat"), nl("form.error.repeat"));
  type(last(shown), "f-password.repeat", "Zonnebloem-Wind77");
  await form().attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls[2].slice(0, 3), ["POST", "/me/password", { accessToken: "access-1",
    currentPassword: "Vlinder-Regen41", newPassword: "Zonnebloem-Wind77" }]);
  assert.equal(errorAt(last(shown), "password.currentPassword"), "E-mailadres of wachtwoord klopt niet");
  await form().attrs.on.submit({ preventDefault() {} });
  assert.equal(errorAt(last(shown), "password.newPassword"), nl("form.error.unchanged"));
  await form().attrs.on.submit({ preventDefault() {} });
  assert.equal(page.state.passwordForm.notice, nl("acct.password.changed"));
  assert.equal(page.state.passwordForm.draft.currentPassword, "", "passwords are forgotten once changed");
});

test("changing the e-mail address: a code to the new address, then the code; the page shows the new address and says the old one is told", async () => {
  const api = identityApi((method, path) => (path === "/me/email" ? { status: "code-sent" }
    : path === "/me/email/verify" ? me({ email: "jan.nieuw@acme.example.test", version: 5 }) : me()));
  const shown = [];
  const page = await accountPage(ctxFor("customer-user", api, shown));
  const form = () => findAll(last(shown), n => n.tag === "form" && n.attrs["aria-labelledby"] === "email-heading")[0];
  assert.match(textOf(form()), /Daarna krijgt uw huidige adres een bericht over de wijziging\./);
  type(last(shown), "f-email.newEmail", "jan.nieuw@acme.example.test");
  await form().attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls[2].slice(0, 3), ["POST", "/me/email", { accessToken: "access-1", newEmail: "jan.nieuw@acme.example.test" }]);
  assert.match(textOf(last(shown)), /code naar jan\.nieuw@acme\.example\.test gestuurd/);
  type(last(shown), "f-email.code", "123456");
  await form().attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls[3].slice(0, 3), ["POST", "/me/email/verify", { accessToken: "access-1", code: "123456" }]);
  assert.match(page.state.emailForm.notice, /jan\.nieuw@acme\.example\.test/);
  assert.match(page.state.emailForm.notice, /Uw vorige adres krijgt hierover een bericht\./);
  assert.match(textOf(findAll(last(shown), n => n.tag === "dl")[0]), /jan\.nieuw@acme\.example\.test/);
});

test("API client: a wrong current password (401 invalid-credentials) is an answer, not an expired session", async () => {
  const requests = [];
  let session = sessionFrom({ idToken: "h." + Buffer.from(JSON.stringify({ sub: "u1", kp_role: "customer-user", kp_tenant: "acme",
    kp_mfa: "true" })).toString("base64url") + ".s", accessToken: "a1", refreshToken: "r1", expiresIn: 3600 }, null, 0);
  assert.deepEqual([session.accessToken, session.mfa, session.tenant], ["a1", true, "acme"]);
  assert.equal(sessionFrom({ idToken: "h." + Buffer.from(JSON.stringify({ sub: "u1", kp_mfa: "false" })).toString("base64url") + ".s" }).mfa,
    false);
  const api = createApi({ language: () => "nl", session: () => session, setSession: s => { session = s; }, now: () => 1000,
    fetch: async (path, init) => {
      requests.push(path);
      return { ok: false, status: 401, statusText: "", text: async () => JSON.stringify({
        type: "urn:klantportaal:problem:invalid-credentials", title: "E-mailadres of wachtwoord klopt niet" }) };
    } });
  await assert.rejects(api.post("/me/password", {}), e => e.code === "invalid-credentials");
  assert.deepEqual(requests, ["/me/password"], "no refresh, still signed in");
  assert.ok(session);
});

// ---------------------------------------------------------------------------------------------
// the provider admin's linking queue

const CUSTOMERS = [{ id: "acme", name: "Acme Installatietechniek B.V.", emailDomains: ["acme.example.test"], slaTier: "zilver",
  language: "nl", version: 2 }, { id: "bakkerij", name: "Bakkerij " + EVIL, emailDomains: ["bakkerij.example.test"], slaTier: "koper",
  language: "nl", version: 1 }];

function pendingUser(overrides = {}) {
  return { userId: "u-sanne", email: "sanne@bakkerij.example.test", displayName: "Sanne de Vries", signedUpAt: "2026-11-22T08:00:00Z",
    waitingMinutes: 1565, overdue: true, suggestedCustomerId: "bakkerij", version: 1, ...overrides };
}

test("the linking queue: age, overdue flag and suggested customer; linking sends customer, role and the version read", async () => {
  const queue = [pendingUser(), pendingUser({ userId: "u-piet", email: "piet@gmail.example.test", displayName: "Piet",
    waitingMinutes: 65, overdue: false, suggestedCustomerId: undefined, version: 3 })];
  const api = identityApi((method, path) => (path.startsWith("/customers") ? { items: CUSTOMERS }
    : method === "GET" ? { items: queue } : { userId: "u-sanne", role: "customer-admin", customerId: "bakkerij", active: true, version: 2 }));
  const shown = [];
  const page = await pendingUsersPage(ctxFor("provider-admin", api, shown));
  assert.deepEqual(apiCalls(api).sort(), ["GET /admin/pending-users", "GET /customers?limit=100"]);
  let view = last(shown);
  const rows = findAll(view, n => n.tag === "tr").slice(1);
  assert.equal(rows[0].attrs.class, "overdue");
  assert.match(textOf(rows[0]), /26 u 05 min.*Te laat: langer dan 12 uur/);
  assert.match(textOf(rows[1]), /1 u 05 min.*binnen de termijn/);
  assert.match(textOf(rows[0]), /Voorgesteld: Bakkerij </, "the suggestion by the customer's name (as text)");
  assert.equal(findAll(byId(view, "f-pending-0.customerId"), n => n.tag === "option" && n.attrs.selected)[0].attrs.value, "bakkerij");
  assert.match(textOf(rows[1]), /Geen klant met dit e-maildomein/);
  assert.deepEqual(findAll(rows[0], n => n.tag === "button").map(b => [textOf(b), b.attrs["aria-label"]]),
    [["Koppelen", "Account van Sanne de Vries (sanne@bakkerij.example.test) koppelen"],
      ["Weigeren", "Account van Sanne de Vries (sanne@bakkerij.example.test) weigeren"]], "each row's buttons name whose account");

  await press(view, nl("admin.pending.link"), 1);
  assert.equal(api.calls.length, 2, "no customer chosen: nothing sent");
  assert.equal(errorAt(last(shown), "pending-1.customerId"), nl("admin.pending.chooseCustomer"));

  choose(last(shown), "f-pending-0.role", "customer-admin");
  await press(last(shown), nl("admin.pending.link"), 0);
  assert.deepEqual(api.calls[2].slice(0, 3), ["POST", "/users/u-sanne/link", { customerId: "bakkerij", role: "customer-admin", version: 1 }]);
  assert.deepEqual(page.state.items.map(u => u.userId), ["u-piet"], "linked: gone from the queue");
  assert.match(page.state.notice, /Sanne de Vries is gekoppeld aan Bakkerij .* als Beheerder van de organisatie/);
  assertTextOnly(last(shown));
});

test("the linking queue: a stale version reloads the queue, says so and keeps the choices made", async () => {
  let gets = 0;
  const api = identityApi((method, path) => {
    if (path.startsWith("/customers")) return { items: CUSTOMERS };
    if (method === "GET") return { items: [pendingUser({ version: ++gets === 1 ? 1 : 2 })] };
    return problem(409, "version-conflict", "Iemand anders heeft dit intussen gewijzigd");
  });
  const shown = [];
  const page = await pendingUsersPage(ctxFor("provider-admin", api, shown));
  choose(last(shown), "f-pending-0.customerId", "acme");
  choose(last(shown), "f-pending-0.role", "customer-admin");
  await press(last(shown), nl("admin.pending.link"));
  assert.equal(api.calls.filter(c => c[1] === "/admin/pending-users").length, 2, "reloaded");
  assert.equal(page.state.warning, nl("admin.pending.conflict", { name: "Sanne de Vries" }));
  assert.equal(page.state.items[0].version, 2);
  assert.deepEqual(page.state.drafts["u-sanne"], { customerId: "acme", role: "customer-admin" }, "the choices stay");
  assert.equal(findAll(byId(last(shown), "f-pending-0.role"), n => n.tag === "option" && n.attrs.selected)[0].attrs.value,
    "customer-admin");
});

// ---------------------------------------------------------------------------------------------
// customers

test("creating a customer: the Idempotency-Key survives a retry of the same body; domain errors name the domain", async () => {
  let attempt = 0;
  const api = identityApi(() => {
    if (++attempt === 1) {
      return validation([{ field: "emailDomains[1]", code: "format", message: "must be a domain name such as example.nl" },
        { field: "onCallEmail", code: "format", message: "must be an e-mail address" }]);
    }
    if (attempt === 2) return new ApiError(0, { title: "network" });
    return { ...CUSTOMERS[0], id: "acme-installatietechniek-x7k2" };
  });
  const shown = [];
  await newCustomerPage(ctxFor("provider-admin", api, shown));
  type(last(shown), "f-name", "Acme Installatietechniek B.V.");
  byId(last(shown), "f-emailDomains").attrs.on.input({ target: { value: "acme-installatie.example.test\nniet goed" } });
  choose(last(shown), "f-slaTier", "zilver");
  type(last(shown), "f-onCallEmail", "storing");
  await submitForm(last(shown));
  assert.deepEqual(api.calls[0].slice(0, 3), ["POST", "/customers", { name: "Acme Installatietechniek B.V.",
    emailDomains: ["acme-installatie.example.test", "niet", "goed"], slaTier: "zilver", language: "nl", onCallEmail: "storing" }]);
  assert.equal(errorAt(last(shown), "emailDomains"), "niet: " + nl("form.error.domain"));
  assert.equal(errorAt(last(shown), "onCallEmail"), nl("form.error.email"));
  assert.equal(textOf(byId(last(shown), "f-emailDomains")), "acme-installatie.example.test\nniet goed", "typed text kept");

  byId(last(shown), "f-emailDomains").attrs.on.input({ target: { value: "acme-installatie.example.test" } });
  type(last(shown), "f-onCallEmail", "storing@acme-installatie.example.test");
  await submitForm(last(shown));
  assert.match(textOf(last(shown)), /niet bereikbaar/);
  await submitForm(last(shown));
  const keys = api.calls.map(c => c[3].idempotencyKey);
  assert.notEqual(keys[0], keys[1], "a corrected form is a new create");
  assert.equal(keys[1], keys[2], "the retry after a network failure sends the same key");
  assert.deepEqual(shown.filter(s => s.navigated), [{ navigated: "#/admin/customers/acme-installatietechniek-x7k2" }]);
  assert.deepEqual(shown.filter(s => s.flash), [{ flash: "Klant Acme Installatietechniek B.V. is aangemaakt." }]);
});

const USERS = [
  { userId: "me-1", email: "admin@provider.example.test", displayName: "Ik", role: "customer-admin", customerId: "acme", active: true,
    mfaEnrolled: true, version: 1 },
  { userId: "u-jan", email: "jan@acme.example.test", displayName: "Jan " + EVIL, role: "customer-user", customerId: "acme",
    active: true, mfaEnrolled: true, version: 3 },
  { userId: "u-oud", email: EVIL + "@acme.example.test", displayName: "Oud-collega", role: "none", customerId: "acme", active: false,
    mfaEnrolled: false, version: 5 }
];

test("a customer: the edit form PUTs every field with the version; a stale version reloads and keeps the draft", async () => {
  let puts = 0;
  let version = 2;
  const api = identityApi((method, path, body) => {
    if (path.endsWith("/users")) return { items: [] };
    if (method === "GET") return { ...CUSTOMERS[0], version };
    if (++puts === 1) { version = 3; return problem(409, "version-conflict", "Iemand anders heeft dit intussen gewijzigd"); }
    return { ...CUSTOMERS[0], ...body, version: 4 };
  });
  const shown = [];
  const page = await customerPage(ctxFor("provider-admin", api, shown), { name: "customer", id: "acme" });
  assert.deepEqual(apiCalls(api), ["GET /customers/acme", "GET /customers/acme/users"]);
  await press(last(shown), nl("admin.customer.change"));
  choose(last(shown), "f-slaTier", "goud");
  choose(last(shown), "f-language", "en");
  byId(last(shown), "f-emailDomains").attrs.on.input({ target: { value: "acme.example.test\nacme-installatie.example.test" } });
  await submitForm(last(shown));
  assert.deepEqual(api.calls[2].slice(0, 3), ["PUT", "/customers/acme", { name: "Acme Installatietechniek B.V.",
    emailDomains: ["acme.example.test", "acme-installatie.example.test"], slaTier: "goud", language: "en", version: 2 }]);
  assert.equal(page.state.form.warning, nl("admin.customer.conflict"));
  assert.equal(page.state.customer.version, 3, "reloaded");
  assert.equal(page.state.form.draft.slaTier, "goud", "the draft is kept");
  await submitForm(last(shown));
  assert.equal(api.calls[4][2].version, 3);
  assert.equal(page.state.form, null);
  assert.equal(page.state.notice, nl("admin.customer.saved"));
});

test("a customer's users: role change and MFA reset with the version, deactivation after a confirmation, never on oneself", async () => {
  const versions = {};
  const api = identityApi((method, path, body) => {
    if (path === "/customers/acme") return CUSTOMERS[0];
    if (path === "/customers/acme/users") return { items: USERS };
    const id = path.split("/")[2];
    versions[id] = (versions[id] || USERS.find(u => u.userId === id).version) + 1;
    return { ...USERS.find(u => u.userId === id), ...(body.role ? { role: body.role } : {}),
      ...(path.endsWith("/deactivate") ? { active: false } : {}), ...(path.endsWith("/link") ? { active: true } : {}),
      version: versions[id] };
  });
  const shown = [];
  const page = await customerPage(ctxFor("provider-admin", api, shown), { name: "customer", id: "acme" });
  const rows = () => findAll(last(shown), n => n.tag === "tr" && n.children.length === 6).slice(1);
  assert.equal(findAll(rows()[0], n => n.tag === "button").length, 0, "no actions on one's own account");
  choose(last(shown), "f-user-1.role", "customer-admin");
  await press(rows()[1], nl("admin.users.changeRole"));
  assert.deepEqual(api.calls[2].slice(0, 3), ["POST", "/users/u-jan/role", { role: "customer-admin", version: 3 }]);
  assert.equal(page.state.users.items[1].role, "customer-admin");

  await press(rows()[1], nl("admin.users.mfaReset"));
  assert.match(textOf(rows()[1]), /Alle sessies eindigen/);
  await press(rows()[1], nl("admin.users.mfaReset"));
  assert.deepEqual(api.calls[3].slice(0, 3), ["POST", "/users/u-jan/mfa-reset", { version: 4 }]);

  await press(rows()[1], nl("admin.users.deactivate"));
  assert.equal(api.calls.length, 4, "asking first");
  assert.match(textOf(rows()[1]), /deactiveren\? Het account kan niet meer inloggen/);
  await press(rows()[1], nl("admin.users.deactivate"));
  assert.deepEqual(api.calls[4].slice(0, 3), ["POST", "/users/u-jan/deactivate", { version: 5 }]);
  assert.match(textOf(rows()[1]), /Gedeactiveerd/);

  assert.deepEqual(buttonLabels(rows()[2]), [nl("admin.users.linkAgain"), nl("admin.privacy.export"), nl("admin.privacy.erase")],
    "a deactivated user can only be linked again (or exported and erased: GDPR)");
  await press(rows()[2], nl("admin.users.linkAgain"));
  assert.deepEqual(api.calls[5].slice(0, 3), ["POST", "/users/u-oud/link", { customerId: "acme", role: "customer-user", version: 5 }]);
  assert.ok(!buttonLabels(rows()[2]).includes(nl("admin.users.mfaReset")), "no MFA to reset for someone not enrolled");
  const text = assertTextOnly(last(shown));
  assert.ok(text.includes("Jan " + EVIL) && text.includes(EVIL + "@acme.example.test"), "names and addresses as text");
});

// ---------------------------------------------------------------------------------------------
// who sees what

test("role-based visibility: a customer user gets no admin page and no API call; an agent reads customers without forms", async () => {
  for (const page of [pendingUsersPage, customersPage, newCustomerPage, staffPage, organisationPage]) {
    const api = identityApi(() => ({ items: [] }));
    const shown = [];
    await page(ctxFor("customer-user", api, shown));
    assert.equal(api.calls.length, 0, page.name + " asks nothing");
    assert.equal(textOf(findAll(last(shown), n => n.tag === "h1")[0]), nl("admin.notAllowed"), page.name);
  }
  const refused = [];
  await customerPage(ctxFor("customer-admin", identityApi(() => ({})), refused), { name: "customer", id: "acme" });
  assert.equal(textOf(findAll(last(refused), n => n.tag === "h1")[0]), nl("admin.notAllowed"));
  const agentOnly = [];
  await staffPage(ctxFor("provider-agent", identityApi(() => ({})), agentOnly));
  assert.equal(textOf(findAll(last(agentOnly), n => n.tag === "h1")[0]), nl("admin.notAllowed"), "staff accounts: admins only");

  const shown = [];
  await customersPage(ctxFor("provider-agent", identityApi(() => ({ items: CUSTOMERS })), shown));
  assert.ok(!findAll(last(shown), n => n.attrs.href === "#/admin/customers/new").length, "no new-customer link for agents");
  assert.deepEqual(findAll(last(shown), n => n.tag === "a" && /^#\/admin\/customers\//.test(n.attrs.href)).map(a => a.attrs.href),
    ["#/admin/customers/acme", "#/admin/customers/bakkerij"]);
  const detail = [];
  await customerPage(ctxFor("provider-agent", identityApi((m, path) => (path.endsWith("/users") ? { items: USERS } : CUSTOMERS[0])), detail),
    { name: "customer", id: "acme" });
  assert.deepEqual(buttonLabels(last(detail)), [], "agents read only");
  assert.equal(findAll(last(detail), n => n.tag === "form").length, 0);

  const nav = [];
  await accountPage(ctxFor("customer-user", identityApi(() => me()), nav));
  assert.deepEqual(findAll(findAll(last(nav), n => n.tag === "nav")[0], n => n.tag === "a").map(a => a.attrs.href),
    ["#/", "#/tickets", "#/tickets/new", "#/sla", "#/hours", "#/time-registrations", "#/subscriptions", "#/reports", "#/kb", "#/status",
      "#/account"],
    "a customer user's menu has no admin pages (its hours: Mijn Urenbundels, Urenregistraties; its Abonnementen; its Rapportages; the Kennisbank and the Status)");
});

test("a customer admin's organisation: its own users, deactivating a colleague with the version, not oneself", async () => {
  const api = identityApi((method, path) => (method === "GET" ? { items: USERS } : { ...USERS[1], active: false, version: 4 }));
  const shown = [];
  await organisationPage(ctxFor("customer-admin", api, shown));
  assert.deepEqual(apiCalls(api), ["GET /customers/acme/users"]);
  const rows = () => findAll(last(shown), n => n.tag === "tr" && n.children.length === 6).slice(1);
  assert.deepEqual(buttonLabels(rows()[0]), [], "not oneself");
  assert.deepEqual(buttonLabels(rows()[1]), [nl("admin.users.deactivate")], "a colleague: deactivate only");
  assert.deepEqual(buttonLabels(rows()[2]), [], "already deactivated");
  await press(rows()[1], nl("admin.users.deactivate"));
  await press(rows()[1], nl("admin.users.deactivate"));
  assert.deepEqual(api.calls[1].slice(0, 3), ["POST", "/users/u-jan/deactivate", { version: 3 }]);
  assert.match(textOf(last(shown)), /is gedeactiveerd/);
});

test("a colleague's membership changed meanwhile: the list reloads and says so", async () => {
  let gets = 0;
  const api = identityApi(method => (method === "GET" ? { items: USERS.map(u => ({ ...u, version: u.version + (++gets > 1 ? 10 : 0) })) }
    : problem(409, "version-conflict", "Iemand anders heeft dit intussen gewijzigd")));
  const shown = [];
  const page = await organisationPage(ctxFor("customer-admin", api, shown));
  const rows = () => findAll(last(shown), n => n.tag === "tr" && n.children.length === 6).slice(1);
  await press(rows()[1], nl("admin.users.deactivate"));
  await press(rows()[1], nl("admin.users.deactivate"));
  assert.equal(api.calls.filter(c => c[0] === "GET").length, 2, "reloaded");
  assert.match(page.state.warning, /intussen door iemand anders gewijzigd/);
  assert.ok(page.state.items[1].version > 10);
});

test("staff accounts: POST /staff with an Idempotency-Key; an existing address shows at the e-mail field", async () => {
  let attempt = 0;
  const api = identityApi(method => {
    if (method === "GET") return { items: [{ ...USERS[0], role: "provider-admin" }] };
    return ++attempt === 1 ? problem(409, "already-exists", "Dit bestaat al")
      : { userId: "u-new", email: "nieuwe.collega@provider.example.test", displayName: "Nieuwe Collega", role: "provider-agent",
        active: true, mfaEnrolled: false, version: 1 };
  });
  const shown = [];
  const page = await staffPage(ctxFor("provider-admin", api, shown));
  assert.deepEqual(apiCalls(api), ["GET /staff"]);
  type(last(shown), "f-email", "nieuwe.collega@provider.example.test");
  type(last(shown), "f-firstName", "Nieuwe");
  type(last(shown), "f-lastName", "Collega");
  await submitForm(last(shown));
  assert.deepEqual(api.calls[1].slice(0, 3), ["POST", "/staff", { email: "nieuwe.collega@provider.example.test", firstName: "Nieuwe",
    lastName: "Collega", displayName: "Nieuwe Collega", role: "provider-agent", language: "nl" }]);
  assert.ok(api.calls[1][3].idempotencyKey);
  assert.equal(errorAt(last(shown), "email"), "Dit bestaat al");
  assert.equal(byId(last(shown), "f-firstName").attrs.value, "Nieuwe", "what was typed stays");
  type(last(shown), "f-email", "n.collega@provider.example.test");
  await submitForm(last(shown));
  assert.deepEqual(page.state.list.items.map(u => u.userId), ["me-1", "u-new"]);
  assert.match(page.state.form.notice, /ontvangt een tijdelijk wachtwoord/);
});

test("staff accounts: a provider admin changes a colleague's role between agent and admin, with the version", async () => {
  const colleague = { userId: "u-sem", email: "sem@provider.example.test", displayName: "Sem", role: "provider-agent",
    active: true, mfaEnrolled: true, version: 2 };
  const api = identityApi((method, path, body) => (method === "GET" ? { items: [colleague] }
    : { ...colleague, role: body.role, version: 3 }));
  const shown = [];
  await staffPage(ctxFor("provider-admin", api, shown));
  const roles = findAll(byId(last(shown), "f-user-0.role"), n => n.tag === "option").map(o => o.attrs.value);
  assert.deepEqual(roles, ["provider-agent", "provider-admin"], "staff take provider roles only");
  choose(last(shown), "f-user-0.role", "provider-admin");
  await click(last(shown), nl("admin.users.changeRole")).attrs.on.click();
  assert.deepEqual(api.calls[1].slice(0, 3), ["POST", "/users/u-sem/role", { role: "provider-admin", version: 2 }]);
});

test("malicious names and addresses render as text on the account, queue and customer pages", async () => {
  const shown = [];
  await accountPage(ctxFor("customer-user", identityApi(() => me({ displayName: EVIL, firstName: EVIL, email: EVIL })), shown));
  const text = assertTextOnly(last(shown));
  assert.ok(text.includes(EVIL));
  const queue = [];
  await pendingUsersPage(ctxFor("provider-admin", identityApi((m, path) => (path.startsWith("/customers") ? { items: CUSTOMERS }
    : { items: [pendingUser({ displayName: EVIL, email: EVIL, suggestedCustomerId: "onbekend" })] })), queue));
  assert.ok(assertTextOnly(last(queue)).split(EVIL).length - 1 >= 2);
  const list = [];
  await customersPage(ctxFor("provider-admin", identityApi(() => ({ items: CUSTOMERS })), list));
  assert.ok(assertTextOnly(last(list)).includes("Bakkerij " + EVIL));
});

// ---------------------------------------------------------------------------------------------
// the shell: app.mjs in a fake DOM



test("the shell: sign-up is public; a new account signs in, enrols MFA, renews its token and waits to be linked", async () => {
  const html = readFileSync(join(portal, "index.html"), "utf8");
  const byId = {};
  for (const m of html.matchAll(/<(\w+)[^>]*\bid="([^"]+)"/g)) byId[m[2]] = new FakeElement(m[1], m[2]);
  const find = id => byId[id] || byId.app.all().find(n => n.id === id);
  const windowListeners = {};
  const location = { hash: "#/sign-up" };
  Object.assign(globalThis, {
    document: { documentElement: {}, activeElement: null, getElementById: find, querySelectorAll: () => [],
      createElement: tag => new FakeElement(tag), createTextNode: text => ({ textContent: text }) },
    location, window: { addEventListener: (event, handler) => { windowListeners[event] = handler; } }
  });
  Object.defineProperty(globalThis, "navigator", { value: { language: "nl-NL" }, configurable: true });
  const requests = [];
  const pending = { sub: "u9", email: "sanne@bakkerij.example.test", kp_mfa: "false" };
  let signedIn = false;   // the session cookie: none before the sign-in
  globalThis.fetch = async (path, init) => {
    if (path === "config.json") return { ok: false, status: 404, statusText: "", text: async () => "" };   // none: this origin
    const body = init.body ? JSON.parse(init.body) : null;
    requests.push([path, init.method, body]);
    if (path === "/auth/sign-in") signedIn = true;
    if (path === "/auth/refresh" && !signedIn) {
      return { ok: false, status: 401, statusText: "", text: async () => JSON.stringify({ title: "Geen sessie" }) };
    }
    const json = path === "/auth/sign-in" ? { status: "signed-in", idToken: jwt(pending), accessToken: "acc-1", expiresIn: 900 }
      : path === "/me/mfa/totp" ? { secret: SECRET, otpauthUri: URI, qrCodeSvg: SVG }
        : path === "/auth/refresh" ? { status: "signed-in", idToken: jwt({ ...pending, kp_mfa: "true" }), accessToken: "acc-2", expiresIn: 900 }
          : path === "/me" ? { userId: "u9", role: "none", mfaEnrolled: true, pending: true, pendingSince: new Date().toISOString(),
            profile: { email: "sanne@bakkerij.example.test", firstName: "Sanne", lastName: "Bakker", displayName: "Sanne",
              language: "de", notifications: { enabled: true }, version: 1 } }
            : null;
    if (path === "/auth/confirm" || path === "/me/mfa/totp/verify") return { ok: true, status: 204, text: async () => "" };
    return { ok: true, status: json ? 200 : 202, statusText: "", text: async () => JSON.stringify(json || { status: "code-sent" }) };
  };
  await import("../app.mjs");
  const settle = () => new Promise(resolve => setTimeout(resolve, 10));
  await settle();
  const app = byId.app;
  const inApp = id => app.all().find(n => n.id === id);
  const submitIn = () => app.all().find(n => n.tagName === "form").listeners.submit({ preventDefault() {} });
  const buttonIn = label => app.all().find(n => n.tagName === "button" && n.textContent === label).listeners.click();

  assert.equal(byId["sign-in"].hidden, true, "signed out, #/sign-up shows the sign-up page");
  assert.match(app.textContent, /Account aanmaken/);
  await buttonIn(nl("auth.signUp.haveCode"));
  inApp("f-email").listeners.input({ target: { value: "sanne@bakkerij.example.test" } });
  inApp("f-code").listeners.input({ target: { value: "123456" } });
  await submitIn();
  assert.deepEqual(requests.at(-1), ["/auth/confirm", "POST", { email: "sanne@bakkerij.example.test", code: "123456" }]);
  assert.equal(location.hash, "#/tickets");
  windowListeners.hashchange();
  assert.equal(byId["sign-in"].hidden, false);
  assert.equal(byId["sign-in-reason"].textContent, nl("auth.confirm.done"), "the sign-in screen says why");
  assert.equal(byId.email.value, "sanne@bakkerij.example.test", "and knows the address");

  byId.password.value = "Vlinder-Regen42";
  await byId["password-form"].listeners.submit({ preventDefault() {} });
  await settle();
  assert.equal(byId.error.textContent, "");
  assert.deepEqual(requests.map(r => r[0]).slice(-1), ["/auth/sign-in"], "without MFA no ticket list is asked for");
  assert.match(app.textContent, /Tweestapsverificatie instellen/);
  await buttonIn(nl("acct.mfa.start"));
  assert.deepEqual(requests.at(-1), ["/me/mfa/totp", "POST", { accessToken: "acc-1" }], "the access token, from memory");
  assert.match(app.textContent, /JBSW Y3DP/);
  inApp("f-code").listeners.input({ target: { value: "654321" } });
  await submitIn();
  await settle();
  assert.deepEqual(requests.slice(-4).map(r => r[0]), ["/me/mfa/totp/verify", "/auth/refresh", "/me", "/me"],
    "renewed with kp_mfa, the shell reads the profile (its language), then the waiting page reads /me");
  assert.equal(requests.at(-3)[2], null, "the renewal sends no token: the API reads the session cookie");
  const de = translator("de");
  assert.ok(app.textContent.includes(de("acct.mfa.done")), "MFA enrolled: the profile's language (de) from now on, not the browser's");
  assert.ok(app.textContent.includes(de("acct.pending.heading")), "enrolled, not linked: the waiting page");
  assert.ok(!requests.some(r => r[0].startsWith("/tickets")), "never an empty ticket list");
});

test("sign-up: the language for the portal and the e-mails follows the portal's language until the user picks one there", async () => {
  const api = identityApi(() => ({ status: "code-sent" }));
  const shown = [];
  const ctx = publicCtx(api, shown, { lang: "en" });
  let render = null;
  ctx.bind = r => { render = r; return r; };
  await signUpPage(ctx);
  const selected = () => findAll(byId(last(shown), "f-language"), n => n.tag === "option" && n.attrs.selected)
    .map(o => o.attrs.value);
  assert.deepEqual(selected(), ["en"]);
  ctx.lang = "nl";            // the shell's language select changed, then the page renders again
  render();
  assert.deepEqual(selected(), ["nl"], "the portal's new language");
  choose(last(shown), "f-language", "de");
  ctx.lang = "en";
  render();
  assert.deepEqual(selected(), ["de"], "the user's own pick stays");
});

test("saveLanguage: PATCH /me with only the language and the version read; a 409 reads /me again and tries once more", async () => {
  const profile = version => ({ firstName: "Jan", lastName: "Jansen", displayName: "Jan", language: "nl", version,
    notifications: { enabled: true, tickets: true } });
  let conflicts = 1;
  const api = fakeApi((method, path, body) => {
    if (method === "GET") return { profile: profile(7) };
    if (conflicts-- > 0) return new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Gewijzigd" });
    return { profile: { ...profile(body.version + 1), language: body.language } };
  });
  const answer = await saveLanguage(api, "de", profile(5));
  assert.deepEqual(api.calls.map(c => c.slice(0, 3)), [["PATCH", "/me", { language: "de", version: 5 }], ["GET", "/me"],
    ["PATCH", "/me", { language: "de", version: 7 }]]);
  assert.equal(answer.profile.language, "de");
  assert.equal(answer.profile.version, 8);

  const unchanged = fakeApi(() => ({ profile: profile(3) }));
  await saveLanguage(unchanged, "nl", null);
  assert.deepEqual(unchanged.calls, [["GET", "/me"]], "no profile known: read first; the same language: nothing sent");

  conflicts = 2;
  const twice = fakeApi((method, path, body) => (method === "GET" ? { profile: profile(9) }
    : new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Gewijzigd" })));
  await assert.rejects(saveLanguage(twice, "en", profile(8)), e => e.status === 409, "a second 409 is said, not retried again");
  assert.equal(twice.calls.filter(c => c[0] === "PATCH").length, 2);
});
