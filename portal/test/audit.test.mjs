// #/admin/audit (admin.mjs): the audit trail per object or per actor, provider admins only; and the GDPR actions on a
// customer's users (export downloads the JSON, erase asks for the address typed again).
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { navLinks, parseRoute, routeHash } from "../routes.mjs";
import { AUDIT_KINDS, auditPage, customerPage } from "../admin.mjs";
import { openSignedIn } from "../router.mjs";
import { click, context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const ENTRIES = [
  { at: "2026-12-06T10:00:00Z", actorId: "u-admin", action: "user.role-changed", object: { kind: "user", id: "u-jan" },
    details: { role: "customer-admin" } },
  { at: "2026-12-05T09:00:00Z", actorId: "system", action: "customer-created", object: { kind: "customer", id: "acme" },
    details: { note: EVIL } }
];

const rowsOf = view => findAll(findAll(view, n => n.tag === "tbody")[0], n => n.tag === "tr")
  .map(tr => findAll(tr, n => n.tag === "td").map(textOf));

test("the route keeps only an object or an actor the API would take; provider admins have it in their navigation", async () => {
  assert.deepEqual(parseRoute("#/admin/audit?object=customer:acme"), { name: "audit", object: "customer:acme", actor: null });
  assert.deepEqual(parseRoute("#/admin/audit?actor=u-admin"), { name: "audit", object: null, actor: "u-admin" });
  assert.deepEqual(parseRoute("#/admin/audit?object=Customer%20acme"), { name: "audit", object: null, actor: null });
  assert.deepEqual(parseRoute("#/admin/audit?actor=%3Cscript%3E"), { name: "audit", object: null, actor: null });
  assert.equal(routeHash({ name: "audit", object: "ticket:acme-42" }), "#/admin/audit?object=ticket%3Aacme-42");
  assert.deepEqual(parseRoute(routeHash({ name: "audit", object: "ticket:acme-42" })).object, "ticket:acme-42");
  assert.ok(navLinks("provider-admin").some(l => l.href === "#/admin/audit"));
  for (const role of ["provider-agent", "customer-admin", "customer-user", "none"]) {
    assert.ok(!navLinks(role).some(l => l.href === "#/admin/audit"), role);
  }
  for (const lang of LANGUAGES) {
    for (const key of ["nav.audit", "audit.heading", "audit.col.details", "admin.privacy.confirm", "admin.privacy.mismatch"]) {
      assert.ok(key in texts[lang], lang + " " + key);
    }
  }
  const shown = [];
  await openSignedIn({ ...context("provider-admin", fakeApi(() => ({ items: [] })), shown), mfa: true },
    parseRoute("#/admin/audit?actor=u-admin"));
  assert.equal(textOf(findAll(last(shown), n => n.tag === "h1")[0]), "Audittrail");
});

test("per actor: one keyed call, the entries as text with links to their actor and object, more by the cursor", async () => {
  const api = fakeApi((method, path) => {
    if (path === "/audit?actor=u-admin") return { items: ENTRIES, nextCursor: "c 1" };
    if (path === "/audit?actor=u-admin&cursor=c%201") return { items: [{ ...ENTRIES[0], at: "2026-12-01T08:00:00Z" }] };
    return new ApiError(404, { title: "Niet gevonden" });
  });
  const shown = [];
  const { state, actions } = await auditPage(context("provider-admin", api, shown), parseRoute("#/admin/audit?actor=u-admin"));
  let view = last(shown);
  assert.deepEqual(api.calls, [["GET", "/audit?actor=u-admin"]]);
  const rows = rowsOf(view);
  assert.deepEqual(rows.map(r => r.slice(1)), [
    ["u-admin", "user.role-changed", "Gebruiker: u-jan", "role: customer-admin"],
    ["system", "customer-created", "Klant: acme", "note: " + EVIL]]);
  const links = findAll(view, n => n.tag === "a").map(a => a.attrs.href);
  assert.ok(links.includes("#/admin/audit?object=user%3Au-jan") && links.includes("#/admin/audit?actor=system"));
  const dom = shimDocument();
  mount(view, dom);
  assert.ok(!dom.created.some(n => n.tagName === "img" || n.tagName === "script"), "details are text only");

  await click(view, nl("more")).attrs.on.click();
  assert.deepEqual(api.calls.at(-1), ["GET", "/audit?actor=u-admin&cursor=c%201"]);
  assert.equal(state.items.length, 3);
  view = last(shown);
  assert.equal(findAll(view, n => n.tag === "button" && textOf(n) === nl("more")).length, 0);
  assert.ok(actions.showObject);
});

test("object kinds in words (nl, en, de) in the rows and the kind select; an unknown kind as its key", async () => {
  for (const kind of AUDIT_KINDS) for (const lang of LANGUAGES) assert.ok(texts[lang]["audit.kind." + kind], lang + " " + kind);
  const entries = [{ at: "2026-12-06T10:00:00Z", actorId: "u-admin", action: "billing-settings-saved",
    object: { kind: "billing-settings", id: "acme" }, details: {} },
  { at: "2026-12-06T09:00:00Z", actorId: "u-admin", action: "x", object: { kind: "something-new", id: "z1" }, details: {} }];
  for (const [lang, first] of [["nl", "Facturatie-instellingen: acme"], ["en", "Billing settings: acme"], ["de", "Abrechnungseinstellungen: acme"]]) {
    const shown = [];
    await auditPage({ ...context("provider-admin", fakeApi(() => ({ items: entries })), shown, lang) },
      parseRoute("#/admin/audit?actor=u-admin"));
    assert.deepEqual(rowsOf(last(shown)).map(r => r[3]), [first, "something-new: z1"], lang);
    const options = findAll(findAll(last(shown), n => n.attrs.id === "f-audit-kind")[0], n => n.tag === "option");
    assert.equal(options.find(o => o.attrs.value === "request-type").children.join(""), translator(lang)("audit.kind.request-type"));
  }
});

test("without a query the page asks and reads nothing; the forms navigate; others are refused without a call", async () => {
  const api = fakeApi(() => ({ items: [] }));
  const shown = [];
  const { actions } = await auditPage(context("provider-admin", api, shown), parseRoute("#/admin/audit"));
  assert.equal(api.calls.length, 0);
  actions.setDraft("kind", "customer");
  actions.setDraft("id", " acme ");
  actions.showObject();
  assert.deepEqual(shown.at(-1), { navigated: "#/admin/audit?object=customer%3Aacme" });
  actions.setDraft("actor", "u-jan");
  actions.showActor();
  assert.deepEqual(shown.at(-1), { navigated: "#/admin/audit?actor=u-jan" });

  const none = [];
  await auditPage(context("provider-admin", fakeApi(() => ({ items: [] })), none), parseRoute("#/admin/audit?object=ticket:acme-1"));
  assert.ok(textOf(last(none)).includes(nl("audit.none")));

  for (const role of ["provider-agent", "customer-admin"]) {
    const refused = fakeApi(() => ({ items: ENTRIES }));
    const refusedShown = [];
    await auditPage(context(role, refused, refusedShown), parseRoute("#/admin/audit?actor=u-admin"));
    assert.equal(refused.calls.length, 0, role);
    assert.ok(textOf(last(refusedShown)).includes(nl("admin.notAllowed")), role);
  }
});

// ---------------------------------------------------------------------------------------------
// GDPR on a customer's users

const CUSTOMER = { id: "acme", name: "Acme", emailDomains: ["acme.example.test"], slaTier: "koper", language: "nl", version: 1 };
const USERS = [
  { userId: "me-1", email: "beheer@provider.example.test", displayName: "Ik", role: "provider-admin", active: true, mfaEnrolled: true,
    version: 1 },
  { userId: "u-jan", email: "Jan@acme.example.test", displayName: "Jan", role: "customer-user", active: false, mfaEnrolled: true,
    version: 4 }
];

function customerApi(onPost) {
  return fakeApi((method, path, body) => {
    if (path === "/customers/acme") return CUSTOMER;
    if (path === "/customers/acme/users") return { items: USERS };
    if (path === "/users/u-jan/export") return { format: "klantportaal-personal-data/1", profile: { email: "Jan@acme.example.test" } };
    if (method === "POST") return onPost(path, body);
    return new ApiError(404, { title: "Niet gevonden" });
  });
}

async function openCustomer(role, api) {
  const shown = [];
  const saved = [];
  const ctx = { ...context(role, api, shown), userId: "me-1", saveFile: file => saved.push(file) };
  const page = await customerPage(ctx, { name: "customer", id: "acme" });
  const janRow = () => findAll(last(shown), n => n.tag === "tr" && textOf(n).includes("Jan@acme.example.test"))[0];
  return { shown, saved, page, janRow };
}

test("export: GET the archive and save it as a JSON file; nobody exports themself; agents get no button", async () => {
  const api = customerApi(() => ({}));
  const { shown, saved, janRow } = await openCustomer("provider-admin", api);
  const own = findAll(last(shown), n => n.tag === "tr" && textOf(n).includes("beheer@provider.example.test"))[0];
  assert.equal(findAll(own, n => n.tag === "button").length, 0, "not on one's own account");
  await click(janRow(), nl("admin.privacy.export")).attrs.on.click();
  assert.deepEqual(api.calls.at(-1), ["GET", "/users/u-jan/export"]);
  assert.equal(saved.length, 1);
  assert.equal(saved[0].fileName, "klantportaal-u-jan.json");
  assert.equal(saved[0].blob.type, "application/json");
  assert.equal(JSON.parse(await saved[0].blob.text()).profile.email, "Jan@acme.example.test");
  assert.ok(textOf(last(shown)).includes("De gegevens van Jan zijn gedownload."));

  const agent = await openCustomer("provider-agent", customerApi(() => ({})));
  assert.equal(findAll(agent.janRow(), n => n.tag === "button" && textOf(n) === nl("admin.privacy.export")).length, 0);
  assert.equal(findAll(agent.janRow(), n => n.tag === "button" && textOf(n) === nl("admin.privacy.erase")).length, 0);
});

test("erase: a confirmation that asks for the address; a wrong one sends nothing; the right one posts it with the version", async () => {
  const api = customerApi((path, body) => ({ userId: "u-jan", ticketItemsRenamed: 3, mailsDeleted: 1, erasedAt: "2026-12-06T10:00:00Z" }));
  const { shown, page, janRow } = await openCustomer("provider-admin", api);
  await click(janRow(), nl("admin.privacy.erase")).attrs.on.click();
  assert.match(textOf(janRow()), /definitief wissen\? .*“voormalig gebruiker”/);
  const field = findAll(janRow(), n => n.tag === "input")[0];
  assert.equal(field.attrs.type, "email");
  field.attrs.on.input({ target: { value: "jan@acme.example" } });
  await click(janRow(), nl("admin.privacy.eraseNow")).attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "a wrong address sends nothing");
  assert.ok(textOf(janRow()).includes("Het getypte adres is niet Jan@acme.example.test"));

  findAll(janRow(), n => n.tag === "input")[0].attrs.on.input({ target: { value: " jan@ACME.example.test " } });
  await click(janRow(), nl("admin.privacy.eraseNow")).attrs.on.click();
  assert.deepEqual(api.calls.at(-1).slice(0, 3), ["POST", "/users/u-jan/erase", { email: " jan@ACME.example.test ", version: 4 }]);
  assert.equal(page.state.users.items.some(u => u.userId === "u-jan"), false, "the row goes");
  assert.ok(textOf(last(shown)).includes("Jan is gewist."));
});

test("erase refused by the API (a stale version): the row stays with the problem", async () => {
  const api = customerApi(() => new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Gewijzigd" }));
  const { page, janRow } = await openCustomer("provider-admin", api);
  await click(janRow(), nl("admin.privacy.erase")).attrs.on.click();
  findAll(janRow(), n => n.tag === "input")[0].attrs.on.input({ target: { value: "jan@acme.example.test" } });
  await click(janRow(), nl("admin.privacy.eraseNow")).attrs.on.click();
  assert.ok(page.state.users.items.some(u => u.userId === "u-jan"));
  assert.ok(textOf(janRow()).includes("Gewijzigd"));
});
