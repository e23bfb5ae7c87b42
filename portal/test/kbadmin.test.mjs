// Provider staff's management of the knowledge base and the service notices (issue 19): the articles, the editor (saved
// with the version read; a 409 reads the article again and keeps what was typed; publish, unpublish, versions), the
// categories (provider admins), the statistics, and the notices (create for all or picked customers, an update).
// Against the recording fake API and the DOM shim.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { translator } from "../i18n.mjs";
import { openSignedIn } from "../router.mjs";
import { parseRoute } from "../routes.mjs";
import { articleBodyOf, articleDraft, instantOf, kbAdminPage, kbCategoriesPage, kbEditorPage, kbStatsPage, noticeAdminPage, noticeBody,
  noticesAdminPage } from "../kbadmin.mjs";
import { context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const conflict = () => new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Conflict" });
const byId = (view, id) => findAll(view, n => n.attrs.id === id)[0];
const typeInto = (view, id, value) => byId(view, id).attrs.on.input({ target: { value } });
const choose = (view, id, value) => byId(view, id).attrs.on.change({ target: { value } });
const submit = (view, index = 0) => findAll(view, n => n.tag === "form")[index].attrs.on.submit({ preventDefault() {} });
const pressed = (view, label) => findAll(view, n => n.tag === "button" && textOf(n) === label)[0].attrs.on.click();

const CATEGORIES = { items: [{ categoryId: "cat-m365", slug: "microsoft-365", names: { nl: "Microsoft 365", en: "Microsoft 365", de: "Microsoft 365" },
  order: 1, articleCount: 2 }] };
const CUSTOMERS = [{ id: "acme", name: "Acme " + EVIL }, { id: "bakkerij", name: "Bakkerij" }];
const EDIT = { articleId: "kb-1", slug: "wachtwoord-herstellen", categoryId: "cat-m365", visibility: "customer", customerId: "acme",
  state: "draft", tags: ["m365", "wachtwoord"], updatedAt: "2026-12-01T10:00:00Z", version: 3, language: "nl", title: "Wachtwoord " + EVIL,
  summary: "s", bodyHtml: "<p>x</p>", versions: 3, reads: 12, helpful: { yes: 4, no: 1 },
  texts: { nl: { title: "Wachtwoord " + EVIL, summary: "Zo herstelt u het", bodyMarkdown: "# Stap 1\n<script>alert(1)</script>" },
    en: { title: "Password", summary: "How to", bodyMarkdown: "Step 1" } } };
const VERSIONS = { items: [{ version: 3, updatedAt: "2026-12-01T10:00:00Z", actor: "0a1b2c3d-0000-4000-8000-0000000a0002", actorName: "Petra Beheer", state: "draft" },
  { version: 2, updatedAt: "2026-11-30T10:00:00Z", actor: "sem@provider.example.test", state: "published" }] };

function adminApi(overrides = {}) {
  return fakeApi((method, path, body) => {
    const key = method + " " + path.split("?")[0];
    if (overrides[key]) return overrides[key](path, body);
    if (path.startsWith("/kb/categories")) return CATEGORIES;
    if (path.startsWith("/customers")) return { items: CUSTOMERS };
    if (key === "GET /kb/articles/kb-1") return EDIT;
    if (key === "GET /kb/articles/kb-1/versions") return VERSIONS;
    throw new Error("unexpected " + method + " " + path);
  });
}

test("the management pages are provider staff's: anyone else reads a sentence and nothing is asked", async () => {
  for (const hash of ["#/admin/kb", "#/admin/kb/new", "#/admin/kb/kb-1", "#/admin/kb/categories", "#/admin/kb/stats", "#/admin/notices",
    "#/admin/notices/ntc-1"]) {
    const api = adminApi();
    const shown = [];
    await openSignedIn(Object.assign(context("customer-admin", api, shown), { mfa: true }), parseRoute(hash));
    assert.equal(api.calls.length, 0, hash);
    assert.match(textOf(last(shown)), /alleen voor medewerkers van de dienstverlener/, hash);
  }
});

test("the articles: state, visibility, reads with the reader band, helpful yes/no; per category; more with the cursor", async () => {
  const row = (id, extra) => ({ articleId: id, slug: id, categoryId: "cat-m365", visibility: "public", state: "published", title: "Titel " + id,
    updatedAt: "2026-12-01T10:00:00Z", reads: 40, readerBand: "some", helpful: { yes: 3, no: 1 }, version: 1, ...extra });
  const api = adminApi({ "GET /kb/articles": path => (path.includes("cursor=") ? { items: [row("kb-3")] }
    : { items: [row("kb-1", { title: EVIL }), row("kb-2", { state: "draft", visibility: "staff", readerBand: "few", reads: 0 })], cursor: "c2" }) });
  const shown = [];
  const page = await kbAdminPage(context("provider-agent", api, shown));
  assert.deepEqual(api.calls.map(c => c[1]).sort(), ["/kb/articles?lang=nl", "/kb/categories?lang=nl"]);
  const view = last(shown);
  const rows = findAll(view, n => n.tag === "tr").slice(1).map(r => r.children.map(textOf));
  assert.deepEqual(rows[0], [EVIL, "Microsoft 365", "Gepubliceerd", "Iedereen (openbaar)", "40 Enkele lezers", "3 ja, 1 nee", "1 dec 2026"]);
  assert.deepEqual(rows[1].slice(2, 5), ["Concept", "Alleen medewerkers", "0 Weinig lezers"]);
  assert.equal(findAll(view, n => n.tag === "a" && n.attrs.href === "#/admin/kb/kb-1").length, 1, "linked to the editor");
  await page.actions.more();
  assert.equal(api.calls.at(-1)[1], "/kb/articles?lang=nl&cursor=c2");
  assert.equal(findAll(last(shown), n => n.tag === "tr").length, 4);
  await choose(last(shown), "f-kb-filter", "cat-m365");
  assert.equal(api.calls.at(-1)[1], "/kb/articles?lang=nl&category=cat-m365");
});

test("a new article: POST /kb/articles with the languages typed, the tags split, no customer unless one customer's; then its editor", async () => {
  const api = adminApi({ "POST /kb/articles": () => ({ ...EDIT, articleId: "kb-9" }) });
  const shown = [];
  await kbEditorPage(context("provider-admin", api, shown), { name: "kb-new" });
  let view = last(shown);
  assert.equal(findAll(view, n => n.attrs.id === "f-customerId").length, 0, "no customer for visibility 'customers'");
  choose(view, "f-categoryId", "cat-m365");
  typeInto(view, "f-tags", " m365, wachtwoord ,, m365");
  typeInto(view, "f-texts.nl.title", "Wachtwoord herstellen");
  typeInto(view, "f-texts.nl.bodyMarkdown", "Stap 1");
  typeInto(view, "f-texts.de.summary", "Kurz");
  await submit(view);
  const post = api.calls.find(c => c[0] === "POST");
  assert.deepEqual(post.slice(1, 3), ["/kb/articles", { categoryId: "cat-m365", visibility: "customers", tags: ["m365", "wachtwoord"],
    texts: { nl: { title: "Wachtwoord herstellen", summary: "", bodyMarkdown: "Stap 1" }, de: { title: "", summary: "Kurz", bodyMarkdown: "" } } }]);
  assert.deepEqual(shown.filter(s => s.navigated || s.flash), [{ flash: nl("kb.edit.created") }, { navigated: "#/admin/kb/kb-9" }]);
  view = last(shown);
  choose(view, "f-visibility", "customer");
  assert.deepEqual(findAll(last(shown), n => n.attrs.id === "f-customerId")[0].children.slice(1).map(textOf),
    ["Acme " + EVIL + " (acme)", "Bakkerij (bakkerij)"], "one customer's article: the customers to choose from, names as text");
  assert.deepEqual(articleBodyOf({ ...articleDraft(null), visibility: "customer", customerId: "acme" }).customerId, "acme");
});

test("the editor: the article's texts per language, saved with the version read; a 409 reads it again, says so and keeps what was typed", async () => {
  let puts = 0;
  let current = EDIT;
  const api = adminApi({
    "GET /kb/articles/kb-1": () => current,
    "PUT /kb/articles/kb-1": (path, body) => {
      if (++puts === 1) {
        current = { ...EDIT, version: 4, texts: { ...EDIT.texts, nl: { ...EDIT.texts.nl, title: "Door een collega" } } };
        return conflict();
      }
      current = { ...current, version: body.version + 1 };
      return current;
    }
  });
  const shown = [];
  const page = await kbEditorPage(context("provider-agent", api, shown), { name: "kb-edit", articleId: "kb-1" });
  let view = last(shown);
  assert.equal(byId(view, "f-texts.nl.title").attrs.value, "Wachtwoord " + EVIL);
  assert.equal(byId(view, "f-texts.en.summary").attrs.value, "How to");
  assert.equal(textOf(byId(view, "f-texts.nl.bodyMarkdown")), "# Stap 1\n<script>alert(1)</script>", "the Markdown as text in the textarea");
  assert.equal(byId(view, "f-customerId").attrs.id, "f-customerId", "one customer's article: its customer");
  assert.equal(byId(view, "f-tags").attrs.value, "m365, wachtwoord");
  assert.deepEqual(findAll(view, n => n.tag === "tbody")[0].children.map(r => textOf(r.children[0])), ["3", "2"], "the version history");
  assert.deepEqual(findAll(view, n => n.tag === "tbody")[0].children.map(r => textOf(r.children[2])),
    ["Petra Beheer", "sem@provider.example.test"], "who made a version, by name where the API gives one");
  const doc = shimDocument();
  mount(view, doc);
  assert.deepEqual(doc.parsed, [], "the editor parses no markup");
  typeInto(view, "f-texts.nl.title", "Mijn nieuwe titel");
  await submit(view);
  assert.deepEqual(api.calls.filter(c => c[0] === "PUT")[0][2].version, 3, "the version read");
  assert.equal(page.state.form.warning, nl("kb.edit.conflict"));
  view = last(shown);
  assert.equal(byId(view, "f-texts.nl.title").attrs.value, "Mijn nieuwe titel", "what was typed is kept");
  assert.match(textOf(view), /versie 4/, "the article as it is now");
  await submit(view);
  const second = api.calls.filter(c => c[0] === "PUT")[1][2];
  assert.equal(second.version, 4, "sent again on the version now read");
  assert.equal(second.texts.nl.title, "Mijn nieuwe titel");
  assert.equal(second.customerId, "acme");
  assert.equal(page.state.form.notice, nl("kb.edit.saved"));
});

test("the editor: publish and unpublish are their own POSTs without a body; the state shown after", async () => {
  let state = "draft";
  const api = adminApi({
    "GET /kb/articles/kb-1": () => ({ ...EDIT, state }),
    "POST /kb/articles/kb-1/publish": () => { state = "published"; return {}; },
    "POST /kb/articles/kb-1/unpublish": () => { state = "draft"; return {}; }
  });
  const shown = [];
  await kbEditorPage(context("provider-agent", api, shown), { name: "kb-edit", articleId: "kb-1" });
  await pressed(last(shown), "Publiceren");
  assert.deepEqual(api.calls.filter(c => c[0] === "POST").map(c => c.slice(1, 3)), [["/kb/articles/kb-1/publish", undefined]]);
  assert.match(textOf(last(shown)), /Het artikel is gepubliceerd/);
  assert.ok(findAll(last(shown), n => n.tag === "a" && n.attrs.href === "#/kb/a/wachtwoord-herstellen?id=kb-1").length, "a link to read it");
  await pressed(last(shown), "Publicatie intrekken");
  assert.equal(api.calls.filter(c => c[0] === "POST")[1][1], "/kb/articles/kb-1/unpublish");
  assert.match(textOf(last(shown)), /weer een concept/);
});

test("the categories: provider admins create and change them; agents read without forms", async () => {
  const api = adminApi({ "POST /kb/categories": () => ({}), "PUT /kb/categories/cat-m365": () => conflict() });
  const shown = [];
  const page = await kbCategoriesPage(context("provider-admin", api, shown));
  let view = last(shown);
  typeInto(view, "f-new.slug", "domeinen ");
  for (const [l, v] of [["nl", "Domeinregistratie"], ["en", "Domains"], ["de", "Domains"]]) typeInto(view, "f-new.names." + l, v);
  typeInto(view, "f-new.order", "4");
  await page.actions.create();
  assert.deepEqual(api.calls.find(c => c[0] === "POST").slice(1, 3), ["/kb/categories",
    { slug: "domeinen", names: { nl: "Domeinregistratie", en: "Domains", de: "Domains" }, order: 4 }]);
  assert.equal(page.state.newForm.notice, nl("kb.cat.created"));
  view = last(shown);
  typeInto(view, "f-cat-cat-m365.names.en", "Microsoft 365 and Teams");
  await page.actions.save(null, "cat-m365");
  assert.deepEqual(api.calls.find(c => c[0] === "PUT").slice(1, 3), ["/kb/categories/cat-m365",
    { slug: "microsoft-365", names: { nl: "Microsoft 365", en: "Microsoft 365 and Teams", de: "Microsoft 365" }, order: 1 }]);
  assert.equal(page.state.forms["cat-m365"].warning, nl("kb.cat.conflict"));
  assert.equal(byId(last(shown), "f-cat-cat-m365.names.en").attrs.value, "Microsoft 365 and Teams", "what was typed is kept");

  const agent = [];
  await kbCategoriesPage(context("provider-agent", adminApi(), agent));
  assert.equal(findAll(last(agent), n => n.tag === "form").length, 0);
  assert.match(textOf(last(agent)), /Alleen beheerders/);
});

test("the statistics: reads, reader band, helpful and the suggestions shown, opened and deflected per article", async () => {
  const api = adminApi({ "GET /kb/stats": () => ({ items: [
      { articleId: "kb-1", title: EVIL, reads: 120, readerBand: "many", helpful: { yes: 9, no: 2 } },
      { articleId: "kb-2", title: "Nooit voorgesteld", reads: 3, readerBand: "few", helpful: { yes: 0, no: 0 } }] }),
    "GET /kb/search/stats": () => ({ items: [{ articleId: "kb-1", shown: 30, opened: 12, deflected: 7 }], undecided: 2 }) });
  const shown = [];
  await kbStatsPage(context("provider-admin", api, shown));
  assert.deepEqual(api.calls.map(c => c[1]).sort(), ["/kb/search/stats", "/kb/stats?lang=nl"]);
  const rows = findAll(last(shown), n => n.tag === "tbody")[0].children.map(row => row.children.map(textOf));
  assert.deepEqual(rows, [[EVIL, "120", "Veel lezers", "9", "2", "30", "12", "7"],
    ["Nooit voorgesteld", "3", "Weinig lezers", "0", "0", "0", "0", "0"]]);
});

test("notices: current and past with the customers they affect; a new one for picked customers; the body as the API takes it", async () => {
  const notice = (id, extra) => ({ noticeId: id, kind: "outage", service: "Microsoft 365", status: "investigating", startsAt: "2026-12-06T08:00:00Z",
    current: true, title: "Titel " + id, body: "", updates: [], affects: { customers: ["acme", "onbekend"] }, version: 1, ...extra });
  const api = adminApi({
    "GET /notices": path => (path.includes("state=current") ? { items: [notice("ntc-1")] } : { items: [notice("ntc-0", { affects: { all: true }, current: false,
      endedAt: "2026-11-01T10:00:00Z", status: "resolved" })] }),
    "POST /notices": () => notice("ntc-2")
  });
  const shown = [];
  const page = await noticesAdminPage(context("provider-agent", api, shown));
  assert.deepEqual(api.calls.map(c => c[1]).filter(p => p.startsWith("/notices")), ["/notices?lang=nl&state=current", "/notices?lang=nl&state=past"]);
  let view = last(shown);
  assert.ok(textOf(view).includes("Geldt voorAcme " + EVIL + ", onbekend"), "staff see the customers by name");
  assert.match(textOf(view), /Geldt voorAlle klanten/);
  assert.ok(findAll(view, n => n.tag === "a" && n.attrs.href === "#/admin/notices/ntc-1").length);
  choose(view, "f-kind", "maintenance");
  typeInto(view, "f-service", "Hosting");
  choose(view, "f-status", "scheduled");
  byId(view, "f-affects.all").attrs.on.change({ target: { checked: false } });
  view = last(shown);
  byId(view, "f-affects.bakkerij").attrs.on.change({ target: { checked: true } });
  typeInto(view, "f-startsAt", "2026-12-07T22:00");
  typeInto(view, "f-texts.nl.title", "Onderhoud");
  typeInto(view, "f-texts.nl.body", "De servers worden bijgewerkt.");
  typeInto(view, "f-texts.en.title", "Maintenance");
  await page.actions.create();
  const post = api.calls.find(c => c[0] === "POST");
  assert.deepEqual(post.slice(1, 3), ["/notices", { kind: "maintenance", service: "Hosting", affects: { customers: ["bakkerij"] },
    startsAt: instantOf("2026-12-07T22:00"), status: "scheduled",
    texts: { nl: { title: "Onderhoud", body: "De servers worden bijgewerkt." }, en: { title: "Maintenance", body: "" } } }]);
  assert.match(post[2].startsAt, /^2026-12-0[78]T[0-9]{2}:00:00Z$/, "an ISO instant");
  assert.equal(page.state.form.notice, nl("notice.created"));
  assert.equal(noticeBody({ ...page.state.form.draft, expectedEndAt: "2026-12-08T02:00" }).affects.all, true, "a fresh form: all customers");
});

test("a notice: its timeline and an update with a status and texts; a 409 reads it again and keeps the update; an ended notice takes none", async () => {
  let posts = 0;
  let version = 1;
  const api = adminApi({
    "GET /notices/ntc-1": () => ({ noticeId: "ntc-1", kind: "outage", service: "Microsoft 365", status: "identified", startsAt: "2026-12-06T08:00:00Z",
      current: true, title: "Outlook", updates: [{ at: "2026-12-06T08:30:00Z", status: "identified", text: "Oorzaak " + EVIL }],
      affects: { all: true }, version }),
    "POST /notices/ntc-1/updates": () => (++posts === 1 ? (version = 2, conflict()) : {})
  });
  const shown = [];
  const page = await noticeAdminPage(context("provider-admin", api, shown), { name: "notice-admin", noticeId: "ntc-1" });
  let view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Outlook");
  assert.equal(byId(view, "f-status").children.find(o => o.attrs.selected).attrs.value, "identified", "the current status preselected");
  choose(view, "f-status", "resolved");
  typeInto(view, "f-texts.nl.text", "Opgelost " + EVIL);
  await submit(view);
  assert.equal(page.state.form.warning, nl("notice.conflict"));
  assert.equal(page.state.form.draft.texts.nl.text, "Opgelost " + EVIL, "kept");
  await submit(last(shown));
  const sent = api.calls.filter(c => c[0] === "POST").map(c => c.slice(1, 3));
  assert.deepEqual(sent[1], ["/notices/ntc-1/updates", { status: "resolved", texts: { nl: { text: "Opgelost " + EVIL } } }]);
  assert.equal(page.state.form.notice, nl("notice.updated"));

  const ended = [];
  await noticeAdminPage(context("provider-admin", adminApi({ "GET /notices/ntc-1": () => ({ noticeId: "ntc-1", kind: "outage", status: "resolved",
    endedAt: "2026-12-06T12:00:00Z", title: "Outlook", updates: [], version: 3 }) }), ended), { name: "notice-admin", noticeId: "ntc-1" });
  assert.equal(findAll(last(ended), n => n.tag === "form").length, 0, "an ended notice takes no update");
});
