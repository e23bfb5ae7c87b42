// #/admin/failing-addresses (admin.mjs): the addresses mail is not sent to, for provider staff; provider admins release one.
// #/admin/held-mail (admin.mjs): mail held for provider staff, made a ticket of a chosen customer and reporter, or discarded.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { navLinks, parseRoute, routeHash } from "../routes.mjs";
import { failingAddressesPage, heldMailPage } from "../admin.mjs";
import { openSignedIn } from "../router.mjs";
import { click, context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const ITEMS = [
  { id: "a1", address: "oud@acme.example.test", reason: "permanent-bounce", reasonLabel: "Harde bounce (server)",
    detail: "550 5.1.1 user unknown " + EVIL, since: "2026-11-20T10:00:00Z" },
  { id: "b2", address: "klacht@bakkerij.example.test", reason: "complaint", reasonLabel: "Klacht (server)", detail: "abuse",
    since: "2026-11-21T08:30:00Z" }
];
const MORE = [{ id: "c3", address: "weg@acme.example.test", reason: "permanent-bounce", reasonLabel: "Harde bounce (server)",
  detail: "mailbox gone", since: "2026-11-22T09:00:00Z" }];

function failingApi(onDelete = () => ({})) {
  return fakeApi((method, path) => {
    if (method === "GET" && path === "/mail/failing-addresses") return { items: ITEMS, nextCursor: "next 1" };
    if (method === "GET" && path === "/mail/failing-addresses?cursor=next%201") return { items: MORE };
    if (method === "DELETE") return onDelete(path);
    return new ApiError(404, { title: "Niet gevonden" });
  });
}

const rowsOf = view => findAll(findAll(view, n => n.tag === "tbody")[0], n => n.tag === "tr")
  .map(tr => findAll(tr, n => n.tag === "td").map(textOf));

test("the route, the navigation of provider staff (not of customers) and the router's page", async () => {
  assert.deepEqual(parseRoute("#/admin/failing-addresses"), { name: "failing-addresses" });
  assert.equal(routeHash({ name: "failing-addresses" }), "#/admin/failing-addresses");
  for (const role of ["provider-agent", "provider-admin"]) {
    assert.ok(navLinks(role).some(l => l.href === "#/admin/failing-addresses" && l.key === "nav.failingAddresses"), role);
  }
  for (const role of ["customer-user", "customer-admin", "none"]) {
    assert.ok(!navLinks(role).some(l => l.href === "#/admin/failing-addresses"), role);
  }
  const shown = [];
  const ctx = { ...context("provider-agent", failingApi(), shown), mfa: true };
  await openSignedIn(ctx, parseRoute("#/admin/failing-addresses"));
  assert.equal(textOf(findAll(last(shown), n => n.tag === "h1")[0]), "Onbestelbare adressen");
});

test("the list: address, the server's reason label and detail as text, since as a date; a captioned table; more with the cursor", async () => {
  const api = failingApi();
  const shown = [];
  const { state, actions } = await failingAddressesPage(context("provider-agent", api, shown));
  let view = last(shown);
  assert.deepEqual(api.calls, [["GET", "/mail/failing-addresses"]]);
  const table = findAll(view, n => n.tag === "table")[0];
  assert.equal(textOf(findAll(table, n => n.tag === "caption")[0]), "Onbestelbare adressen");
  assert.deepEqual(findAll(table, n => n.tag === "th").map(th => [textOf(th), th.attrs.scope]),
    [["Adres", "col"], ["Reden", "col"], ["Toelichting", "col"], ["Sinds", "col"]], "agents: no action column");
  const rows = rowsOf(view);
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0].slice(0, 3), ["oud@acme.example.test", "Harde bounce (server)", "550 5.1.1 user unknown " + EVIL]);
  assert.match(rows[0][3], /2026/);
  assert.equal(findAll(table, n => n.tag === "time")[0].attrs.datetime, "2026-11-20T10:00:00Z");
  const dom = shimDocument();
  mount(view, dom);
  assert.ok(!dom.created.some(n => n.tagName === "img" || n.tagName === "script"), "the server's words are text only");

  assert.equal(findAll(view, n => n.tag === "button" && textOf(n) === nl("mail.failing.clear")).length, 0, "an agent gets no button");
  assert.ok(textOf(view).includes(nl("mail.failing.adminsOnly")));

  await click(view, nl("more")).attrs.on.click();
  assert.deepEqual(api.calls.at(-1), ["GET", "/mail/failing-addresses?cursor=next%201"], "the next page by its cursor");
  view = last(shown);
  assert.deepEqual(rowsOf(view).map(r => r[0]), ["oud@acme.example.test", "klacht@bakkerij.example.test", "weg@acme.example.test"]);
  assert.equal(findAll(view, n => n.tag === "button" && textOf(n) === nl("more")).length, 0, "no cursor: no more");
  assert.equal(state.items.length, 3);
  assert.ok(actions.more);
});

test("none: a sentence; customers are refused without a call", async () => {
  const empty = fakeApi(() => ({ items: [] }));
  const shown = [];
  await failingAddressesPage(context("provider-admin", empty, shown));
  assert.ok(textOf(last(shown)).includes(nl("mail.failing.none")));
  assert.equal(findAll(last(shown), n => n.tag === "table").length, 0);
  const refused = fakeApi(() => ({ items: ITEMS }));
  const refusedShown = [];
  await failingAddressesPage(context("customer-admin", refused, refusedShown));
  assert.equal(refused.calls.length, 0);
  assert.ok(textOf(last(refusedShown)).includes(nl("admin.notAllowed")));
});

test("a provider admin releases an address: a confirmation first, then DELETE with its id, and the row goes", async () => {
  const api = failingApi(() => ({}));
  const shown = [];
  await failingAddressesPage(context("provider-admin", api, shown));
  let view = last(shown);
  const buttons = findAll(view, n => n.tag === "button" && textOf(n) === nl("mail.failing.clear"));
  assert.equal(buttons.length, 2, "a button per row");
  assert.equal(buttons[0].attrs["aria-label"], "oud@acme.example.test vrijgeven", "named by its address");
  buttons[1].attrs.on.click();
  view = last(shown);
  assert.equal(api.calls.filter(c => c[0] === "DELETE").length, 0, "nothing sent before the confirmation");
  const confirm = findAll(view, n => n.attrs && n.attrs.class === "confirm")[0];
  assert.equal(confirm.attrs.role, "alert");
  assert.match(textOf(confirm), /Mail naar dit adres wordt weer verstuurd/);
  assert.match(textOf(confirm), /klacht@bakkerij\.example\.test/);
  await click(confirm, nl("mail.failing.clear")).attrs.on.click();
  assert.deepEqual(api.calls.at(-1), ["DELETE", "/mail/failing-addresses/b2"]);
  view = last(shown);
  assert.deepEqual(rowsOf(view).map(r => r[0]), ["oud@acme.example.test"]);
  assert.ok(textOf(view).includes(nl("mail.failing.cleared", { address: "klacht@bakkerij.example.test" })));

  // cancelling sends nothing
  findAll(view, n => n.tag === "button" && textOf(n) === nl("mail.failing.clear"))[0].attrs.on.click();
  click(last(shown), nl("sla.cancel")).attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "DELETE").length, 1);
});

test("releasing: a 404 (not marked any more) drops the row and says so; a refusal stays at its row", async () => {
  let answer = new ApiError(404, { title: "Niet gevonden" });
  const api = failingApi(() => answer);
  const shown = [];
  await failingAddressesPage(context("provider-admin", api, shown));
  findAll(last(shown), n => n.tag === "button" && textOf(n) === nl("mail.failing.clear"))[0].attrs.on.click();
  await click(findAll(last(shown), n => n.attrs && n.attrs.class === "confirm")[0], nl("mail.failing.clear")).attrs.on.click();
  assert.deepEqual(rowsOf(last(shown)).map(r => r[0]), ["klacht@bakkerij.example.test"]);
  assert.ok(textOf(last(shown)).includes(nl("mail.failing.gone", { address: "oud@acme.example.test" })));

  answer = new ApiError(403, { title: "Geen toegang", detail: "Alleen beheerders" });
  findAll(last(shown), n => n.tag === "button" && textOf(n) === nl("mail.failing.clear"))[0].attrs.on.click();
  await click(findAll(last(shown), n => n.attrs && n.attrs.class === "confirm")[0], nl("mail.failing.clear")).attrs.on.click();
  assert.deepEqual(rowsOf(last(shown)).map(r => r[0]), ["klacht@bakkerij.example.test"], "the row stays");
  assert.match(textOf(findAll(last(shown), n => n.tag === "tbody")[0]), /Alleen beheerders/);
});

test("a language change: the portal's own reason words until the list is read again", async () => {
  const shown = [];
  const ctx = context("provider-admin", failingApi(), shown);
  let render = null;
  ctx.bind = r => { render = r; return r; };
  await failingAddressesPage(ctx);
  Object.assign(ctx, { lang: "de", tr: translator("de") });
  render();
  assert.deepEqual(rowsOf(last(shown)).map(r => r[1]), ["Dauerhafter Bounce", "Beschwerde"]);
});

test("every text of the page exists in nl, en and de with the same placeholders", () => {
  const keys = Object.keys(texts.nl).filter(k => k.startsWith("mail.failing.") || k === "nav.failingAddresses" || k === "languageNotSaved");
  assert.ok(keys.length >= 15);
  for (const lang of LANGUAGES) {
    for (const key of keys) {
      assert.ok(key in texts[lang], lang + " " + key);
      const vars = t => [...String(t).matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
      assert.deepEqual(vars(texts[lang][key]), vars(texts.nl[key]), lang + " " + key);
    }
  }
  for (const reason of ["permanent-bounce", "complaint"]) for (const lang of LANGUAGES) assert.ok("mail.failing.reason." + reason in texts[lang]);
});

// ---------------------------------------------------------------------------------------------
// #/admin/held-mail

const HELD = [
  { id: "h1", from: "onbekend@elders.example.test", subject: "Printer " + EVIL, reason: "unknown-sender",
    verdicts: { spf: "PASS", dkim: "PASS", dmarc: "PASS" }, receivedAt: "2026-11-23T09:15:00Z" },
  { id: "h2", from: "nieuw@acme.example.test", subject: "VPN werkt niet", reason: "untrusted-sender",
    verdicts: { spf: "FAIL", dkim: "NONE", dmarc: "FAIL" }, receivedAt: "2026-11-22T16:00:00Z" },
  { id: "h3", from: "oud@acme.example.test", subject: "", reason: "deactivated-sender", verdicts: {}, receivedAt: "2026-11-21T08:00:00Z" }
];
const CUSTOMERS = [{ id: "zeta", name: "Zeta BV" }, { id: "acme", name: "Acme BV" }];
const ACME_USERS = [
  { userId: "u2", displayName: "Zoë de Vries", email: "zoe@acme.example.test", role: "customer-admin", active: true, customerId: "acme" },
  { userId: "u1", displayName: "Anna Jansen", email: "anna@acme.example.test", role: "customer-user", active: true, customerId: "acme" },
  { userId: "u9", displayName: "Weg", email: "weg@acme.example.test", role: "customer-user", active: false, customerId: "acme" }
];

function heldApi({ more = true, onTicket = () => ({ ticketId: "acme-12", customerId: "acme", title: "VPN werkt niet" }),
  onDiscard = () => ({}) } = {}) {
  return fakeApi((method, path, body) => {
    if (method === "GET" && path === "/inbound/held") return { items: HELD, more };
    if (method === "GET" && path === "/customers?limit=100") return { items: CUSTOMERS };
    if (method === "GET" && path === "/customers/acme/users?limit=100") return { items: ACME_USERS };
    if (method === "POST" && path.endsWith("/ticket")) return onTicket(path, body);
    if (method === "POST" && path.endsWith("/discard")) return onDiscard(path);
    return new ApiError(404, { title: "Niet gevonden" });
  });
}

const heldButtons = (view, key) => findAll(view, n => n.tag === "button" && textOf(n) === nl(key));
const byId = (view, id) => findAll(view, n => n.attrs && n.attrs.id === id)[0];

test("held mail: the route, the navigation of provider staff (after the undeliverable addresses, not for customers), the router's page", async () => {
  assert.deepEqual(parseRoute("#/admin/held-mail"), { name: "held-mail" });
  assert.equal(routeHash({ name: "held-mail" }), "#/admin/held-mail");
  for (const role of ["provider-agent", "provider-admin"]) {
    const hrefs = navLinks(role).map(l => l.href);
    assert.equal(hrefs.indexOf("#/admin/held-mail"), hrefs.indexOf("#/admin/failing-addresses") + 1, role);
    assert.ok(navLinks(role).some(l => l.href === "#/admin/held-mail" && l.key === "nav.heldMail"), role);
  }
  for (const role of ["customer-user", "customer-admin", "none"]) {
    assert.ok(!navLinks(role).some(l => l.href === "#/admin/held-mail"), role);
  }
  const shown = [];
  const ctx = { ...context("provider-agent", heldApi(), shown), mfa: true };
  await openSignedIn(ctx, parseRoute("#/admin/held-mail"));
  assert.equal(textOf(findAll(last(shown), n => n.tag === "h1")[0]), "Vastgehouden e-mail");
});

test("held mail: from, subject, the reason in words and received as a date in a captioned table; the note about older ones", async () => {
  const api = heldApi();
  const shown = [];
  await heldMailPage(context("provider-agent", api, shown));
  const view = last(shown);
  assert.deepEqual(api.calls, [["GET", "/inbound/held"]], "one call: the customers are read when a form opens");
  const table = findAll(view, n => n.tag === "table")[0];
  assert.equal(textOf(findAll(table, n => n.tag === "caption")[0]), "Vastgehouden e-mail");
  assert.deepEqual(findAll(table, n => n.tag === "th").map(th => [textOf(th), th.attrs.scope]),
    [["Afzender", "col"], ["Onderwerp", "col"], ["Reden", "col"], ["Ontvangen", "col"], ["Actie", "col"]]);
  const rows = rowsOf(view);
  assert.deepEqual(rows.map(r => r.slice(0, 3)), [
    ["onbekend@elders.example.test", "Printer " + EVIL, "Afzender onbekend"],
    ["nieuw@acme.example.test", "VPN werkt niet", "Afzender niet geverifieerd (SPF/DKIM/DMARC)"],
    ["oud@acme.example.test", nl("mail.held.noSubject"), nl("mail.held.reason.deactivated-sender")]]);
  assert.match(rows[0][3], /2026/);
  assert.equal(findAll(table, n => n.tag === "time")[0].attrs.datetime, "2026-11-23T09:15:00Z");
  assert.equal(heldButtons(view, "mail.held.makeTicket")[1].attrs["aria-label"], "Maak ticket van het bericht van nieuw@acme.example.test");
  assert.equal(heldButtons(view, "mail.held.discard")[1].attrs["aria-label"], "Bericht van nieuw@acme.example.test verwijderen");
  assert.ok(textOf(view).includes("Er zijn oudere berichten; handel eerst deze af."));
  const dom = shimDocument();
  mount(view, dom);
  assert.ok(!dom.created.some(n => n.tagName === "img" || n.tagName === "script"), "the mail's words are text only");

  const allShown = [];
  await heldMailPage(context("provider-admin", heldApi({ more: false }), allShown));
  assert.ok(!textOf(last(allShown)).includes(nl("mail.held.more")), "no older ones: no note");
  const emptyShown = [];
  await heldMailPage(context("provider-admin", fakeApi(() => ({ items: [], more: false })), emptyShown));
  assert.ok(textOf(last(emptyShown)).includes(nl("mail.held.none")));
  assert.equal(findAll(last(emptyShown), n => n.tag === "table").length, 0);
});

test("held mail: make ticket — choose a customer, then one of its active people; POST with the chosen ids; the row goes; the notice links the ticket", async () => {
  const api = heldApi();
  const shown = [];
  await heldMailPage(context("provider-agent", api, shown));
  await heldButtons(last(shown), "mail.held.makeTicket")[1].attrs.on.click();
  assert.deepEqual(api.calls.at(-1), ["GET", "/customers?limit=100"]);
  let view = last(shown);
  const form = findAll(view, n => n.tag === "form")[0];
  assert.equal(form.attrs["aria-label"], "Ticket van het bericht van nieuw@acme.example.test");
  assert.deepEqual(findAll(byId(view, "f-held-customerId"), n => n.tag === "option").map(o => o.attrs.value), ["", "acme", "zeta"],
    "the customers by name");
  await byId(view, "f-held-customerId").attrs.on.change({ target: { value: "acme" } });
  assert.deepEqual(api.calls.at(-1), ["GET", "/customers/acme/users?limit=100"]);
  view = last(shown);
  assert.deepEqual(findAll(byId(view, "f-held-reporterId"), n => n.tag === "option").map(o => o.attrs.value), ["", "u1", "u2"],
    "its active people by name");
  byId(view, "f-held-reporterId").attrs.on.change({ target: { value: "u1" } });
  await findAll(view, n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls.at(-1).slice(0, 3), ["POST", "/inbound/held/h2/ticket", { customerId: "acme", reporterId: "u1" }]);
  view = last(shown);
  assert.deepEqual(rowsOf(view).map(r => r[0]), ["onbekend@elders.example.test", "oud@acme.example.test"]);
  const link = findAll(view, n => n.tag === "a" && n.attrs.href === "#/tickets/acme-12")[0];
  assert.ok(link, "the notice links the new ticket");
  assert.equal(textOf(link), nl("mail.held.openTicket", { id: "acme-12" }));
  assert.ok(textOf(view).includes(nl("mail.held.created", { title: "VPN werkt niet" })));

  // a second form reads the customers no more; cancelling sends nothing
  const calls = api.calls.length;
  await heldButtons(view, "mail.held.makeTicket")[0].attrs.on.click();
  click(last(shown), nl("sla.cancel")).attrs.on.click();
  assert.equal(api.calls.length, calls);
  assert.equal(findAll(last(shown), n => n.tag === "form").length, 0);
});

test("held mail: make ticket refused — field errors at their fields, a 409 at its row; the row stays", async () => {
  let answer = new ApiError(400, { title: "Ongeldige invoer", errors: [{ field: "reporterId", message: "is required" }] });
  const api = heldApi({ onTicket: () => answer });
  const shown = [];
  await heldMailPage(context("provider-admin", api, shown));
  await heldButtons(last(shown), "mail.held.makeTicket")[0].attrs.on.click();
  await byId(last(shown), "f-held-customerId").attrs.on.change({ target: { value: "acme" } });
  await findAll(last(shown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls.at(-1).slice(0, 3), ["POST", "/inbound/held/h1/ticket", { customerId: "acme", reporterId: null }],
    "one not chosen is sent as null");
  let view = last(shown);
  assert.equal(byId(view, "f-held-reporterId").attrs["aria-invalid"], "true");
  assert.equal(textOf(byId(view, "e-held-reporterId")), nl("fieldRequired"));
  assert.equal(rowsOf(view).length, 3);

  answer = new ApiError(409, { title: "Conflict", detail: "Someone handled this mail already" });
  byId(view, "f-held-reporterId").attrs.on.change({ target: { value: "u2" } });
  await findAll(view, n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  view = last(shown);
  assert.equal(rowsOf(view).length, 3, "the row stays");
  const firstRow = findAll(findAll(view, n => n.tag === "tbody")[0], n => n.tag === "tr")[0];
  assert.match(textOf(firstRow), /Someone handled this mail already/, "the problem at its row");
  assert.equal(findAll(firstRow, n => n.attrs && n.attrs.role === "alert").length >= 1, true);
});

test("held mail: discard — a confirmation first, then POST …/discard, and the row goes; a 404 says it was handled; a 409 stays at its row", async () => {
  let answer = {};
  const api = heldApi({ onDiscard: () => answer });
  const shown = [];
  await heldMailPage(context("provider-agent", api, shown));
  heldButtons(last(shown), "mail.held.discard")[0].attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "nothing sent before the confirmation");
  let confirm = findAll(last(shown), n => n.attrs && n.attrs.class === "confirm")[0];
  assert.equal(confirm.attrs.role, "alert");
  assert.match(textOf(confirm), /onbekend@elders\.example\.test verwijderen\?/);
  click(confirm, nl("sla.cancel")).attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "cancelling sends nothing");

  heldButtons(last(shown), "mail.held.discard")[0].attrs.on.click();
  confirm = findAll(last(shown), n => n.attrs && n.attrs.class === "confirm")[0];
  await click(confirm, nl("mail.held.discard")).attrs.on.click();
  assert.deepEqual(api.calls.at(-1).slice(0, 2), ["POST", "/inbound/held/h1/discard"]);
  assert.deepEqual(rowsOf(last(shown)).map(r => r[0]), ["nieuw@acme.example.test", "oud@acme.example.test"]);
  assert.ok(textOf(last(shown)).includes(nl("mail.held.discarded", { from: "onbekend@elders.example.test" })));

  answer = new ApiError(404, { title: "Niet gevonden" });
  heldButtons(last(shown), "mail.held.discard")[0].attrs.on.click();
  await click(findAll(last(shown), n => n.attrs && n.attrs.class === "confirm")[0], nl("mail.held.discard")).attrs.on.click();
  assert.deepEqual(rowsOf(last(shown)).map(r => r[0]), ["oud@acme.example.test"]);
  assert.ok(textOf(last(shown)).includes(nl("mail.held.gone", { from: "nieuw@acme.example.test" })));

  answer = new ApiError(409, { title: "Conflict", detail: "Someone handled this mail already" });
  heldButtons(last(shown), "mail.held.discard")[0].attrs.on.click();
  await click(findAll(last(shown), n => n.attrs && n.attrs.class === "confirm")[0], nl("mail.held.discard")).attrs.on.click();
  assert.deepEqual(rowsOf(last(shown)).map(r => r[0]), ["oud@acme.example.test"], "the row stays");
  assert.match(textOf(findAll(last(shown), n => n.tag === "tbody")[0]), /Someone handled this mail already/);
});

test("held mail: customers are refused without an API call", async () => {
  for (const role of ["customer-user", "customer-admin"]) {
    const api = heldApi();
    const shown = [];
    await heldMailPage(context(role, api, shown));
    assert.equal(api.calls.length, 0, role);
    assert.ok(textOf(last(shown)).includes(nl("admin.notAllowed")), role);
  }
});

test("held mail: every text of the page exists in nl, en and de with the same placeholders, a word for every reason", () => {
  const keys = Object.keys(texts.nl).filter(k => k.startsWith("mail.held.") || k === "nav.heldMail");
  assert.ok(keys.length >= 29);
  const vars = t => [...String(t).matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
  for (const lang of LANGUAGES) {
    for (const key of keys) {
      assert.ok(key in texts[lang], lang + " " + key);
      assert.deepEqual(vars(texts[lang][key]), vars(texts.nl[key]), lang + " " + key);
    }
  }
  for (const reason of ["unknown-sender", "pending-sender", "untrusted-sender", "ambiguous-sender", "staff-sender", "deactivated-sender",
    "ticket-not-visible", "refused-by-ticket-rules"]) {
    for (const lang of LANGUAGES) assert.ok("mail.held.reason." + reason in texts[lang], lang + " " + reason);
  }
  assert.equal(texts.nl["mail.held.reason.unknown-sender"], "Afzender onbekend");
  assert.equal(texts.nl["mail.held.reason.untrusted-sender"], "Afzender niet geverifieerd (SPF/DKIM/DMARC)");
});
