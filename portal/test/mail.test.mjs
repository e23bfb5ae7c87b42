// #/admin/failing-addresses (admin.mjs): the addresses mail is not sent to, for provider staff; provider admins release one.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { navLinks, parseRoute, routeHash } from "../routes.mjs";
import { failingAddressesPage } from "../admin.mjs";
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
