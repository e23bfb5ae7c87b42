// The knowledge base and the status page (issue 19): signed out on the /public/… routes without a token, signed in on the
// /kb/… twins; an article's bodyHtml as the only markup (parsed in an inert document, copied through allowlists); the share
// link and the helpful vote; the new-ticket page's suggestion box; the dashboard's notices and knowledge cards.
// Against the recording fake API and the DOM shim.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { articleBody, copyArticleNode, findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { isPublic, openPublic, openSignedIn } from "../router.mjs";
import { parseRoute, routeHash } from "../routes.mjs";
import { foundText, kbArticlePage, kbCategoryPage, kbHomePage, kbSearchPage, SEARCH_LIMIT, shareLinkOf, statusPage } from "../kb.mjs";
import { SUGGEST_DELAY_MS, SUGGEST_MAX_LENGTH } from "../kbparts.mjs";
import { newTicketPage } from "../tickets.mjs";
import { dashboardPage } from "../dashboard.mjs";
import { context, EVIL, fakeApi, last, parsedElement, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
const settle = () => new Promise(resolve => setImmediate(resolve));

/** A fake API that also answers anonymous requests (api.anonymous), recorded with {anonymous: true}. */
function kbApi(answers) {
  const api = fakeApi(answers);
  api.anonymous = async (method, path, body) => {
    api.calls.push([method, path, body, { anonymous: true }]);
    const answer = answers(method, path, body, api.calls, true);
    if (answer instanceof Error) throw answer;
    return structuredClone(answer);
  };
  return api;
}

/** The ctx of a public page (app.mjs publicContext): no role, no session. */
function publicCtx(api, shown, lang = "nl") {
  return { api, lang, tr: translator(lang), show: desc => shown.push(desc), bind: render => render,
    navigate: hash => shown.push({ navigated: hash }), origin: "https://portal.example.test", copied: [],
    copy: async function (value) { this.copied.push(value); } };
}

function signedInCtx(role, api, shown, lang = "nl") {
  return Object.assign(context(role, api, shown, lang), { mfa: true, origin: "https://portal.example.test", copied: [],
    copy: async function (value) { this.copied.push(value); } });
}

const CATEGORIES = { items: [
  { categoryId: "cat-m365", slug: "microsoft-365", names: { nl: "Microsoft 365", en: "Microsoft 365 (en)", de: "Microsoft 365 (de)" }, order: 2, articleCount: 3 },
  { categoryId: "cat-hosting", slug: "hosting", names: { nl: "Hosting " + EVIL, en: "Hosting", de: "Hosting" }, order: 1, articleCount: 1 }] };
const BODY = "<p>Stap 1: open <strong>Outlook</strong>.</p>";
const ARTICLE = { articleId: "kb-1", slug: "wachtwoord-herstellen", categoryId: "cat-m365", visibility: "public", state: "published",
  tags: ["m365"], updatedAt: "2026-12-01T10:00:00Z", version: 3, language: "nl", languages: ["nl", "en"], title: "Wachtwoord " + EVIL,
  summary: "Zo herstelt u " + EVIL, bodyHtml: BODY, readerBand: "few", shareUrl: "/#/kb/a/wachtwoord-herstellen" };
const LIST = { items: [{ ...ARTICLE, bodyHtml: undefined }, { ...ARTICLE, articleId: "kb-2", slug: "mfa-instellen", title: "MFA", readerBand: "some" }],
  cursor: "c2" };

const buttonsOf = view => findAll(view, n => n.tag === "button");
const button = (view, label) => {
  const found = buttonsOf(view).filter(b => textOf(b) === label);
  assert.equal(found.length, 1, "one button " + label);
  return found[0];
};

// ---------------------------------------------------------------------------------------------
// Routes

test("the knowledge base's routes parse and print; bad ids are not found; the reader pages are public, management is not", () => {
  const routes = [{ name: "kb" }, { name: "kb-category", categoryId: "cat-m365" }, { name: "kb-article", slug: "wachtwoord-herstellen", articleId: null },
    { name: "kb-article", slug: "wachtwoord-herstellen", articleId: "kb-1" }, { name: "kb-search", q: "wachtwoord vergeten" }, { name: "status" },
    { name: "kb-admin" }, { name: "kb-new" }, { name: "kb-edit", articleId: "kb-1" }, { name: "kb-categories" }, { name: "kb-stats" },
    { name: "notices-admin" }, { name: "notice-admin", noticeId: "ntc-9" }];
  for (const route of routes) assert.deepEqual(parseRoute(routeHash(route)), route, routeHash(route));
  assert.equal(routeHash({ name: "kb-article", slug: "a-b", articleId: "kb-1" }), "#/kb/a/a-b?id=kb-1");
  assert.deepEqual(parseRoute("#/kb/a/a-b?id=<script>"), { name: "kb-article", slug: "a-b", articleId: null }, "a bad id is left out");
  for (const bad of ["#/kb/x", "#/kb/c/<img>", "#/kb/a/Hoofdletters", "#/kb/a/%E0%A4%A", "#/status/x", "#/admin/kb/x1", "#/admin/notices/x",
    "#/admin/kb/kb-1/extra"]) {
    assert.deepEqual(parseRoute(bad), { name: "not-found" }, bad);
  }
  for (const name of ["kb", "kb-category", "kb-article", "kb-search", "status"]) assert.ok(isPublic({ name }), name);
  for (const name of ["kb-admin", "kb-new", "kb-edit", "kb-categories", "kb-stats", "notices-admin", "notice-admin"]) assert.ok(!isPublic({ name }), name);
  const html = readFileSync(join(portal, "index.html"), "utf8");
  assert.match(html, /<a href="#\/kb" data-t="kb.signInLink">/, "the sign-in screen links the knowledge base");
  assert.match(html, /<a href="#\/status" data-t="statusPage.signInLink">/, "and the status page");
});

// ---------------------------------------------------------------------------------------------
// Signed out

test("signed out: the categories from GET /public/kb/categories without a token, in their order with their counts; the search opens its route", async () => {
  const api = kbApi(() => CATEGORIES);
  const shown = [];
  const ctx = publicCtx(api, shown);
  await openPublic(ctx, parseRoute("#/kb"));
  assert.deepEqual(api.calls, [["GET", "/public/kb/categories?lang=nl", undefined, { anonymous: true }]], "anonymous, public route only");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Kennisbank");
  const links = findAll(view, n => n.tag === "a").map(a => [a.attrs.href, textOf(a)]);
  assert.deepEqual(links.filter(([href]) => href.startsWith("#/kb/c/")), [["#/kb/c/cat-hosting", "Hosting " + EVIL], ["#/kb/c/cat-m365", "Microsoft 365"]]);
  assert.ok(links.some(([href]) => href === "#/tickets"), "a way to sign in");
  assert.ok(links.some(([href]) => href === "#/status"), "the status page linked");
  assert.match(textOf(view), /3 artikelen/);
  assert.match(textOf(view), /1 artikel(?!en)/);
  assert.equal(findAll(view, n => n.tag === "nav" && n.attrs.class === "main-nav" && findAll(n, a => a.attrs.href === "#/admin/kb").length).length, 0);
  const doc = shimDocument();
  mount(view, doc);
  assert.deepEqual(doc.parsed, [], "no markup on the categories page");
  const form = findAll(view, n => n.tag === "form" && n.attrs.role === "search")[0];
  findAll(form, n => n.tag === "input")[0].attrs.on.input({ target: { value: "  wachtwoord vergeten " } });
  form.attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(shown[shown.length - 1], { navigated: "#/kb/search?q=wachtwoord+vergeten" });
});

test("signed out: a category's articles with summary, updated date and the reader band in words; more with the cursor", async () => {
  const api = kbApi((method, path) => (path.startsWith("/public/kb/categories") ? CATEGORIES
    : path.includes("cursor=c2") ? { items: [{ ...ARTICLE, articleId: "kb-3", slug: "derde", title: "Derde", readerBand: "popular" }] } : LIST));
  const shown = [];
  const page = await openPublic(publicCtx(api, shown), parseRoute("#/kb/c/cat-m365"));
  assert.deepEqual(api.calls.map(c => c.slice(0, 2)), [["GET", "/public/kb/categories?lang=nl"], ["GET", "/public/kb/articles?lang=nl&category=cat-m365"]]);
  assert.ok(api.calls.every(c => c[3] && c[3].anonymous));
  let view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Microsoft 365");
  const text = textOf(view);
  assert.match(text, /Weinig lezers/);
  assert.match(text, /Enkele lezers/);
  assert.ok(text.includes("Zo herstelt u " + EVIL), "the summary as text");
  assert.match(text, /Bijgewerkt op 1 dec 2026/);
  assert.deepEqual(findAll(view, n => n.tag === "a" && /^#\/kb\/a\//.test(n.attrs.href)).map(a => a.attrs.href),
    ["#/kb/a/wachtwoord-herstellen?id=kb-1", "#/kb/a/mfa-instellen?id=kb-2"]);
  await page.state.more();
  assert.equal(api.calls[2][1], "/public/kb/articles?lang=nl&category=cat-m365&cursor=c2");
  view = last(shown);
  assert.match(textOf(view), /Populair/);
  assert.equal(findAll(view, n => n.attrs.id === "more").length, 0, "no more after the last page");
});

test("signed out: an article from GET /public/kb/articles/{slug}; its bodyHtml is the only markup parsed; the rest is text", async () => {
  const api = kbApi(() => ARTICLE);
  const shown = [];
  const ctx = publicCtx(api, shown);
  await openPublic(ctx, parseRoute("#/kb/a/wachtwoord-herstellen?id=kb-1"));
  assert.deepEqual(api.calls, [["GET", "/public/kb/articles/wachtwoord-herstellen?lang=nl", undefined, { anonymous: true }]],
    "signed out the id is not used: the public read by slug");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Wachtwoord " + EVIL, "the title as text");
  assert.match(textOf(view), /Bijgewerkt op 1 dec 2026 · Weinig lezers/);
  const doc = shimDocument({ parse: () => [parsedElement("p", {}, "Stap 1")] });
  mount(view, doc);
  assert.deepEqual(doc.parsed, [{ markup: BODY, type: "text/html" }], "bodyHtml, and only bodyHtml, went through the parser");
  assert.ok(doc.created.some(n => n.tagName === "div" && n.attributes.class === "kb-body"));
  assert.equal(findAll(view, n => n.tag === "h2" && textOf(n) === "Deel dit artikel").length, 1);
  assert.equal(findAll(view, n => n.attrs.id === "f-kb-share-url")[0].attrs.value, "https://portal.example.test/#/kb/a/wachtwoord-herstellen");
});

test("the share link is copied absolute; a refused copy leaves the link to copy by hand", async () => {
  assert.equal(shareLinkOf(ARTICLE, "https://portal.example.test/"), "https://portal.example.test/#/kb/a/wachtwoord-herstellen");
  assert.equal(shareLinkOf({ ...ARTICLE, shareUrl: "javascript:alert(1)" }, "https://p.example.test"), "https://p.example.test/#/kb/a/wachtwoord-herstellen",
    "a share URL that is no portal route is made from the slug");
  assert.equal(shareLinkOf({ ...ARTICLE, visibility: "customers" }, "https://p.example.test"), "https://p.example.test/#/kb/a/wachtwoord-herstellen?id=kb-1",
    "an article for customers only: its id too, so the recipient reads it once signed in");
  assert.deepEqual(parseRoute("#/kb/a/wachtwoord-herstellen?id=kb-1"), { name: "kb-article", slug: "wachtwoord-herstellen", articleId: "kb-1" });
  const api = kbApi(() => ARTICLE);
  const shown = [];
  const ctx = publicCtx(api, shown);
  await openPublic(ctx, parseRoute("#/kb/a/wachtwoord-herstellen"));
  await button(last(shown), "Link kopiëren").attrs.on.click();
  assert.deepEqual(ctx.copied, ["https://portal.example.test/#/kb/a/wachtwoord-herstellen"]);
  assert.match(textOf(last(shown)), /De link is gekopieerd/);
  ctx.copy = async () => { throw new Error("denied"); };
  await button(last(shown), "Link kopiëren").attrs.on.click();
  assert.match(textOf(last(shown)), /Kopiëren lukte niet/);
});

test("signed out: 'Was dit artikel nuttig?' posts the public vote once; a refusal is said; a missing article says it may not be public", async () => {
  let refuse = false;
  const api = kbApi((method, path) => (method === "POST" ? (refuse ? new ApiError(429, { title: "Te veel" }) : {}) : ARTICLE));
  const shown = [];
  await openPublic(publicCtx(api, shown), parseRoute("#/kb/a/wachtwoord-herstellen"));
  assert.equal(textOf(findAll(last(shown), n => n.tag === "h2" && /nuttig/.test(textOf(n)))[0]), "Was dit artikel nuttig?");
  refuse = true;
  await button(last(shown), "Ja").attrs.on.click();
  assert.match(textOf(last(shown)), /Te veel/);
  refuse = false;
  await button(last(shown), "Nee").attrs.on.click();
  const votes = api.calls.filter(c => c[0] === "POST");
  assert.deepEqual(votes.map(c => c.slice(0, 4)), [["POST", "/public/kb/articles/wachtwoord-herstellen/votes", { helpful: true }, { anonymous: true }],
    ["POST", "/public/kb/articles/wachtwoord-herstellen/votes", { helpful: false }, { anonymous: true }]]);
  assert.match(textOf(last(shown)), /Bedankt voor uw beoordeling/);
  assert.equal(findAll(last(shown), n => n.tag === "button" && ["Ja", "Nee"].includes(textOf(n))).length, 0, "voted: no buttons");

  const missing = [];
  const missingCtx = publicCtx(kbApi(() => new ApiError(404, { title: "Not found" })), missing);
  const reasons = [];
  missingCtx.signInHere = reason => reasons.push(reason);
  await openPublic(missingCtx, parseRoute("#/kb/a/geheim?id=kb-7"));
  assert.match(textOf(last(missing)), /niet openbaar/);
  await button(last(missing), "Inloggen om te lezen").attrs.on.click();
  assert.deepEqual(reasons, ["kb.signInToRead"], "the sign-in screen on this route, saying why");
});

test("signed out: the search on GET /public/kb/search; an empty query asks nothing", async () => {
  const api = kbApi(() => ({ items: [{ articleId: "kb-1", slug: "wachtwoord-herstellen", title: "Wachtwoord", summary: "Herstellen", score: 3.2,
    categoryId: "cat-m365" }] }));
  const shown = [];
  await openPublic(publicCtx(api, shown), parseRoute("#/kb/search?q=wachtwoorden"));
  assert.deepEqual(api.calls.map(c => c.slice(0, 2)), [["GET", "/public/kb/search?lang=nl&q=wachtwoorden&limit=50"]]);
  assert.match(textOf(last(shown)), /1 artikel gevonden voor ‘wachtwoorden’/);
  assert.equal(findAll(last(shown), n => n.tag === "input" && n.attrs.type === "search")[0].attrs.value, "wachtwoorden", "the query in the box");
  const none = kbApi(() => ({ items: [] }));
  await openPublic(publicCtx(none, []), parseRoute("#/kb/search"));
  assert.equal(none.calls.length, 0);
});

test("the search asks the API's most (50) and says what came back: 28 found, 10 shown, more on request; a full answer is '50 or more'", async () => {
  const hits = n => Array.from({ length: n }, (_, i) => ({ articleId: "kb-" + i, slug: "artikel-" + i, title: "Artikel " + i, summary: "" }));
  let count = 28;
  const api = kbApi(() => ({ items: hits(count) }));
  const shown = [];
  const page = await kbSearchPage(signedInCtx("customer-user", api, shown), { name: "kb-search", q: "outlook" });
  assert.equal(api.calls.at(-1)[1], "/kb/search?lang=nl&q=outlook&limit=" + SEARCH_LIMIT);
  assert.equal(SEARCH_LIMIT, 50, "SearchHandler's maximum");
  const titles = () => findAll(last(shown), n => n.tag === "li" && n.attrs.class === "kb-item").length;
  assert.match(textOf(last(shown)), /28 artikelen gevonden voor ‘outlook’/, "the number that came back, not the page size");
  assert.equal(titles(), 10);
  assert.match(textOf(last(shown)), /10 van 28 getoond/);
  const more = () => findAll(last(shown), n => n.attrs.id === "kb-search-more")[0];
  assert.equal(textOf(more()), "Meer tonen (10)");
  more().attrs.on.click();
  assert.equal(titles(), 20);
  assert.equal(textOf(more()), "Meer tonen (8)");
  more().attrs.on.click();
  assert.equal(titles(), 28);
  assert.equal(more(), undefined, "all shown: no button");
  assert.equal(api.calls.length, 1, "showing more reads nothing");

  count = 50;
  await page.reload();
  assert.equal(titles(), 10, "a new answer starts at 10 again");
  assert.match(textOf(last(shown)), /50 of meer artikelen gevonden voor ‘outlook’.*Maak uw zoekvraag specifieker/);
  assert.match(foundText(translator("en"), 50, "vpn"), /^50 or more articles found for ‘vpn’/);
  assert.match(foundText(translator("de"), 50, "vpn"), /^50 oder mehr Artikel gefunden/);
  assert.equal(foundText(translator("de"), 1, "vpn"), "1 Artikel gefunden für ‘vpn’.");
});

test("the status page, signed out: current notices first, then past; kind, service, status, times and the timeline in words", async () => {
  const notice = (id, extra) => ({ noticeId: id, kind: "outage", service: "Microsoft 365", status: "identified", startsAt: "2026-12-06T08:00:00Z",
    current: true, language: "nl", title: "Titel " + id, body: "Uitleg " + EVIL, updates: [
      { at: "2026-12-06T09:00:00Z", status: "identified", text: "Oorzaak " + EVIL }, { at: "2026-12-06T08:05:00Z", status: "investigating", text: "We kijken" }],
    version: 2, ...extra });
  const api = kbApi(() => ({ current: [notice("ntc-1", { expectedEndAt: "2026-12-06T12:00:00Z" })],
    past: [notice("ntc-0", { kind: "maintenance", status: "completed", current: false, endedAt: "2026-11-20T06:00:00Z", updates: [] })] }));
  const shown = [];
  await openPublic(publicCtx(api, shown), parseRoute("#/status"));
  assert.deepEqual(api.calls, [["GET", "/public/status?lang=nl", undefined, { anonymous: true }]]);
  const view = last(shown);
  const headings = findAll(view, n => /^h[1-4]$/.test(n.tag)).map(textOf);
  assert.deepEqual(headings, ["Status van onze diensten", "Nu", "Titel ntc-1", "Verloop", "Afgelopen 90 dagen", "Titel ntc-0"]);
  const text = textOf(view);
  for (const words of ["Storing", "Oorzaak gevonden", "Onderhoud", "Afgerond", "Verwacht einde", "Einde", "Wordt onderzocht"]) {
    assert.ok(text.includes(words), words);
  }
  assert.ok(text.includes("Oorzaak " + EVIL) && text.includes("Uitleg " + EVIL), "texts as text");
  assert.ok(!/Geldt voor|Alle klanten/.test(text), "never which customers a notice affects");
  const empty = [];
  await statusPage(publicCtx(kbApi(() => ({ current: [], past: [] })), empty));
  assert.match(textOf(last(empty)), /Er zijn nu geen storingen of onderhoud bekend/);
});

test("the knowledge pages in English and German; a language change reads again", async () => {
  for (const lang of ["en", "de"]) {
    const api = kbApi(() => CATEGORIES);
    const shown = [];
    await kbHomePage(publicCtx(api, shown, lang));
    assert.equal(api.calls[0][1], "/public/kb/categories?lang=" + lang);
    assert.equal(textOf(findAll(last(shown), n => n.tag === "h1")[0]), translator(lang)("kb.heading"));
    assert.ok(textOf(last(shown)).includes(CATEGORIES.items[0].names[lang]));
  }
  const api = kbApi(() => CATEGORIES);
  const ctx = publicCtx(api, []);
  let rerender;
  ctx.bind = render => { rerender = render; return render; };
  await kbHomePage(ctx);
  ctx.lang = "de";
  await rerender();
  assert.deepEqual(api.calls.map(c => c[1]), ["/public/kb/categories?lang=nl", "/public/kb/categories?lang=de"]);
});

// ---------------------------------------------------------------------------------------------
// Signed in

test("signed in: the /kb twins with the token, the menu, the article by id, its vote on the signed-in route", async () => {
  const api = kbApi((method, path) => (path.startsWith("/kb/categories") ? CATEGORIES : method === "POST" ? {} : ARTICLE));
  const shown = [];
  await openSignedIn(signedInCtx("customer-user", api, shown), parseRoute("#/kb"));
  assert.deepEqual(api.calls.map(c => c.slice(0, 2)), [["GET", "/kb/categories?lang=nl"]]);
  assert.ok(!api.calls[0][3], "with the token");
  assert.ok(findAll(last(shown), n => n.tag === "nav" && n.attrs.class === "main-nav").length, "the portal's menu");
  const article = [];
  await openSignedIn(signedInCtx("customer-user", api, article), parseRoute("#/kb/a/wachtwoord-herstellen?id=kb-1"));
  assert.equal(api.calls[1][1], "/kb/articles/kb-1?lang=nl");
  await button(last(article), "Ja").attrs.on.click();
  assert.deepEqual(api.calls[2].slice(0, 3), ["POST", "/kb/articles/kb-1/votes", { helpful: true }]);
  assert.ok(!api.calls[2][3] || !api.calls[2][3].anonymous);

  const shared = [];
  await openSignedIn(signedInCtx("customer-user", api, shared), parseRoute("#/kb/a/wachtwoord-herstellen"));
  assert.deepEqual(api.calls[3].slice(0, 2), ["GET", "/public/kb/articles/wachtwoord-herstellen?lang=nl"], "a share link: the public read by slug");
  const search = [];
  await kbSearchPage(signedInCtx("customer-user", api, search), { name: "kb-search", q: "outlook" });
  assert.equal(api.calls[4][1], "/kb/search?lang=nl&q=outlook&limit=50");
  const category = [];
  await kbCategoryPage(signedInCtx("customer-admin", kbApi(() => LIST), category), { name: "kb-category", categoryId: "cat-m365" });
  const articleNotFound = [];
  await kbArticlePage(signedInCtx("customer-user", kbApi(() => new ApiError(404, { title: "x" })), articleNotFound),
    { name: "kb-article", slug: "x", articleId: "kb-9" });
  assert.match(textOf(last(articleNotFound)), /bestaat niet \(meer\) of u mag het niet lezen/);
  const pending = [];
  await openSignedIn(Object.assign(signedInCtx("none", kbApi(() => ({})), pending)), parseRoute("#/kb"));
  assert.doesNotMatch(textOf(last(pending)), /Kennisbank/, "a user not linked yet keeps its waiting page");
});

// ---------------------------------------------------------------------------------------------
// The article body: what the allowlists keep

test("an article's body keeps its text and safe elements; script, iframe, images, handlers and javascript: links are dropped", () => {
  const doc = shimDocument();
  const nodes = [
    parsedElement("h1", { onclick: "x()" }, "Kop"),
    parsedElement("p", { style: "color:red", onmouseover: "alert(1)" }, "Tekst ", parsedElement("strong", {}, "vet"),
      parsedElement("a", { href: "javascript:alert(1)" }, "slecht"), parsedElement("a", { href: "https://learn.example.test/x" }, "goed"),
      parsedElement("a", { href: "  JaVaScRiPt:alert(2)" }, "ook slecht"), parsedElement("a", { href: "#stap-2" }, "hier")),
    parsedElement("script", {}, "alert(3)"),
    parsedElement("iframe", { src: "https://evil.example.test" }, "x"),
    parsedElement("img", { src: "x", onerror: "alert(4)" }),
    parsedElement("font", { color: "red" }, "uitgepakt"),
    parsedElement("table", {}, parsedElement("tr", {}, parsedElement("td", { colspan: "2", onclick: "x" }, "cel")))
  ];
  const out = nodes.flatMap(n => copyArticleNode(n, doc));
  const all = doc.created;
  assert.deepEqual(all.map(n => n.tagName).sort(), ["h2", "p", "strong", "a", "a", "a", "a", "table", "tr", "td"].sort(),
    "only allowed elements made (h1 as h2; font unwrapped)");
  for (const n of all) {
    for (const name of Object.keys(n.attributes)) assert.ok(["href", "target", "rel", "colspan"].includes(name), n.tagName + " " + name);
  }
  const links = all.filter(n => n.tagName === "a");
  assert.deepEqual(links.map(a => a.attributes.href), [undefined, "https://learn.example.test/x", undefined, "#stap-2"]);
  assert.deepEqual([links[1].attributes.target, links[1].attributes.rel], ["_blank", "noopener noreferrer"]);
  assert.ok(!all.some(n => ["script", "iframe", "img", "font", "h1"].includes(n.tagName)));
  const text = out.map(n => n.textContent).join("");
  assert.ok(text.includes("Kop") && text.includes("uitgepakt") && text.includes("cel"));
  assert.ok(!text.includes("alert(3)"), "a script's text is dropped with it");
  assert.equal(all.find(n => n.tagName === "td").attributes.colspan, "2");

  const mounted = shimDocument({ parse: () => nodes });
  const element = mount(articleBody("<h1>…</h1>"), mounted);
  assert.equal(element.attributes.class, "kb-body");
  assert.equal(element.childNodes.length, out.length);
  assert.throws(() => mount(articleBody("x"), { createElement: tag => shimDocument().createElement(tag) }), /no HTML parser/);
});

// ---------------------------------------------------------------------------------------------
// The suggestion box on the new-ticket page

function timed(role, api, shown) {
  const timers = [];
  const ctx = { ...context(role, api, shown), later: (fn, ms) => { const t = { fn, ms, cancelled: false }; timers.push(t); return t; },
    cancelLater: t => { t.cancelled = true; } };
  const runTimers = async () => {
    const due = timers.splice(0).filter(t => !t.cancelled);
    for (const t of due) await t.fn();
  };
  return { ctx, timers, runTimers };
}

const SUGGESTED = { suggestionId: "sg-1", items: ["kb-1", "kb-2", "kb-3", "kb-4", "kb-5"].map((id, i) => ({ articleId: id, slug: "artikel-" + (i + 1),
  title: "Artikel " + (i + 1) + " " + EVIL, summary: "Samenvatting " + (i + 1) })) };

function ticketApi(overrides = {}) {
  return kbApi((method, path, body) => {
    if (overrides[method + " " + path.split("?")[0]]) return overrides[method + " " + path.split("?")[0]](path, body);
    if (path.startsWith("/kb/suggestions?")) return SUGGESTED;
    if (method === "POST" && /^\/kb\/suggestions\/[^/]+\/opened$/.test(path)) return {};
    if (path.startsWith("/kb/articles/")) return { ...ARTICLE, articleId: path.split("/")[3].split("?")[0] };
    if (method === "POST" && path === "/tickets") return { id: "acme-8", number: 8 };
    throw new Error("unexpected " + method + " " + path);
  });
}

const titleInput = view => findAll(view, n => n.attrs.id === "f-title")[0];

test("suggestions: a pause after typing, three characters at least, one request per title, at most three shown", async () => {
  const api = ticketApi();
  const shown = [];
  const { ctx, timers, runTimers } = timed("customer-user", api, shown);
  await newTicketPage(ctx, { name: "new" });
  const before = findAll(last(shown), n => n.attrs.class === "hint kb-before-ticket")[0];
  assert.deepEqual(findAll(before, n => n.tag === "a").map(a => a.attrs.href), ["#/kb", "#/status"], "the knowledge base offered before a ticket");
  const type = value => titleInput(last(shown)).attrs.on.input({ target: { value } });
  type("Ou");
  assert.equal(timers.length, 0, "under three characters: nothing asked");
  type("Out");
  type("Outl");
  type("Outlook start niet");
  assert.deepEqual(timers.map(t => [t.ms, t.cancelled]), [[SUGGEST_DELAY_MS, true], [SUGGEST_DELAY_MS, true], [SUGGEST_DELAY_MS, false]]);
  await runTimers();
  const asked = api.calls.filter(c => c[1].startsWith("/kb/suggestions"));
  assert.deepEqual(asked.map(c => c[1]), ["/kb/suggestions?lang=nl&title=Outlook+start+niet"], "once, for the last title, in the page's language");
  const box = findAll(last(shown), n => n.tag === "section" && n.attrs.class === "kb-suggestions")[0];
  assert.ok(box, "the suggestion box is shown");
  assert.deepEqual(findAll(box, n => n.tag === "button").map(textOf), [1, 2, 3].map(i => "Artikel " + i + " " + EVIL), "three at most, titles as text");
  type("Outlook start niet ");
  await runTimers();
  assert.equal(api.calls.filter(c => c[1].startsWith("/kb/suggestions")).length, 1, "the same title (trimmed) is not asked again");
  type("Ou");
  assert.equal(findAll(last(shown), n => n.attrs.class === "kb-suggestions").length, 0, "a title too short clears the box");
});

test("suggestions: a title longer than the API takes (200) is not asked (it would be a 400 on the console)", async () => {
  const api = ticketApi();
  const shown = [];
  const { ctx, timers, runTimers } = timed("customer-user", api, shown);
  await newTicketPage(ctx, { name: "new" });
  const type = value => titleInput(last(shown)).attrs.on.input({ target: { value } });
  type("x".repeat(SUGGEST_MAX_LENGTH) + "  ");
  await runTimers();
  assert.equal(api.calls.filter(c => c[1].startsWith("/kb/suggestions")).length, 1, "200 characters (trimmed): asked");
  type("x".repeat(SUGGEST_MAX_LENGTH + 1));
  assert.equal(timers.filter(t => !t.cancelled).length, 0, "201 characters: nothing waits to be asked");
  await runTimers();
  assert.equal(api.calls.filter(c => c[1].startsWith("/kb/suggestions")).length, 1, "and nothing was asked");
});

test("suggestions: opening one shows it inline, posts opened once per suggestion and article, and nothing typed is lost", async () => {
  const api = ticketApi();
  const shown = [];
  const { ctx, runTimers } = timed("customer-user", api, shown);
  const page = await newTicketPage(ctx, { name: "new" });
  findAll(last(shown), n => n.attrs.id === "f-description")[0].attrs.on.input({ target: { value: "Sinds vanochtend " + EVIL } });
  titleInput(last(shown)).attrs.on.input({ target: { value: "Outlook start niet" } });
  await runTimers();
  const open = label => findAll(last(shown), n => n.tag === "button" && textOf(n) === label)[0].attrs.on.click();
  await open("Artikel 1 " + EVIL);
  await open("Artikel 1 " + EVIL);
  await open("Artikel 2 " + EVIL);
  const posts = api.calls.filter(c => c[0] === "POST");
  assert.deepEqual(posts.map(c => c.slice(1, 3)), [["/kb/suggestions/sg-1/opened", { articleId: "kb-1" }], ["/kb/suggestions/sg-1/opened", { articleId: "kb-2" }]],
    "opened posted once per article of this suggestion");
  assert.ok(api.calls.some(c => c[1] === "/kb/articles/kb-2?lang=nl"), "the article read for the panel");
  const view = last(shown);
  const panel = findAll(view, n => n.attrs.class === "kb-panel")[0];
  assert.ok(panel, "shown in a panel on the page");
  const doc = shimDocument();
  mount(view, doc);
  assert.deepEqual(doc.parsed.map(p => p.markup), [BODY], "the article's bodyHtml is the only markup on the new-ticket page");
  assert.equal(page.state.draft.title, "Outlook start niet");
  assert.equal(page.state.draft.description, "Sinds vanochtend " + EVIL);
  assert.equal(titleInput(view).attrs.value, "Outlook start niet", "the title as typed");
  await findAll(view, n => n.tag === "button" && textOf(n) === "Artikel sluiten")[0].attrs.on.click();
  assert.equal(findAll(last(shown), n => n.attrs.class === "kb-panel").length, 0);
  findAll(last(shown), n => n.attrs.id === "f-category")[0].attrs.on.change({ target: { value: "email" } });
  await findAll(last(shown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  const created = api.calls.find(c => c[0] === "POST" && c[1] === "/tickets");
  assert.equal(created[2].title, "Outlook start niet");
  assert.equal(created[2].description, "Sinds vanochtend " + EVIL);
});

test("suggestions: a failed request is a hint and the ticket can still be raised; staff get no suggestions", async () => {
  const api = ticketApi({ "GET /kb/suggestions": () => new ApiError(503, { title: "Unavailable" }) });
  const shown = [];
  const { ctx, runTimers } = timed("customer-admin", api, shown);
  await newTicketPage(ctx, { name: "new" });
  titleInput(last(shown)).attrs.on.input({ target: { value: "Printer" } });
  await runTimers();
  assert.match(textOf(last(shown)), /Er konden nu geen artikelen worden voorgesteld/);
  assert.equal(findAll(last(shown), n => n.attrs.class === "problem").length, 0, "no problem box for a suggestion");
  const failedOpen = ticketApi({ "POST /kb/suggestions/sg-1/opened": () => new ApiError(500, { title: "x" }) });
  const again = [];
  const second = timed("customer-user", failedOpen, again);
  await newTicketPage(second.ctx, { name: "new" });
  titleInput(last(again)).attrs.on.input({ target: { value: "Printer" } });
  await second.runTimers();
  await findAll(last(again), n => n.tag === "button" && textOf(n) === "Artikel 1 " + EVIL)[0].attrs.on.click();
  assert.match(textOf(last(again)), /kon niet worden vastgelegd/, "a failed 'opened' is said, not swallowed");
  await findAll(last(again), n => n.tag === "button" && textOf(n) === "Artikel 1 " + EVIL)[0].attrs.on.click();
  assert.equal(failedOpen.calls.filter(c => c[0] === "POST").length, 2, "and tried again on the next open");

  const staffApi = kbApi(() => ({ items: [] }));
  const staffShown = [];
  const staff = timed("provider-agent", staffApi, staffShown);
  await newTicketPage(staff.ctx, { name: "new" });
  titleInput(last(staffShown)).attrs.on.input({ target: { value: "Printer kapot" } });
  assert.equal(staff.timers.length, 0);
  assert.equal(findAll(last(staffShown), n => n.attrs.class === "hint kb-before-ticket").length, 0, "staff raise tickets for others");
  assert.ok(!staffApi.calls.some(c => c[1].startsWith("/kb/")));
});

// ---------------------------------------------------------------------------------------------
// The dashboard's notices and knowledge cards

test("the dashboard's notices card reads the current notices; the knowledge card its categories and a search box", async () => {
  const notices = { items: [{ noticeId: "ntc-1", kind: "maintenance", service: "Hosting " + EVIL, status: "scheduled", title: "Onderhoud " + EVIL,
    startsAt: "2026-12-07T22:00:00Z", expectedEndAt: "2026-12-08T02:00:00Z", current: true, updates: [] }] };
  const api = kbApi((method, path) => {
    if (path === "/me") return { userId: "u", role: "customer-user", profile: { dashboard: ["notices", "knowledge"], dashboardChosen: true, version: 1 } };
    if (path === "/notices?lang=nl&state=current") return notices;
    if (path === "/kb/categories?lang=nl") return { items: [...CATEGORIES.items, { categoryId: "cat-leeg", names: { nl: "Leeg" }, order: 0, articleCount: 0 }] };
    throw new Error("unexpected " + path);
  });
  const shown = [];
  await dashboardPage(Object.assign(context("customer-user", api, shown), { tenant: "acme" }));
  const view = last(shown);
  const card = id => findAll(view, n => n.tag === "section" && String(n.attrs.class).split(" ").includes("dash-" + id))[0];
  assert.equal(textOf(findAll(card("notices"), n => n.tag === "h2")[0]), "Storingen en onderhoud");
  assert.ok(textOf(card("notices")).includes("Hosting " + EVIL + ": Onderhoud " + EVIL));
  assert.match(textOf(card("notices")), /Onderhoud.*Gepland.*Verwacht einde/);
  assert.equal(findAll(card("notices"), n => n.tag === "a").at(-1).attrs.href, "#/status");
  assert.deepEqual(findAll(card("knowledge"), n => n.tag === "a").map(a => a.attrs.href), ["#/kb/c/cat-hosting", "#/kb/c/cat-m365", "#/kb"],
    "the categories with articles, in their order, and the knowledge base");
  const form = findAll(card("knowledge"), n => n.tag === "form")[0];
  findAll(form, n => n.tag === "input")[0].attrs.on.input({ target: { value: "vpn" } });
  form.attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(shown.at(-1), { navigated: "#/kb/search?q=vpn" });
  const none = [];
  await dashboardPage(Object.assign(context("customer-user", kbApi((m, path) => (path === "/me"
    ? { userId: "u", role: "customer-user", profile: { dashboard: ["notices"], version: 1 } } : { items: [] })), none), { tenant: "acme" }));
  assert.match(textOf(last(none)), /Er zijn nu geen storingen of onderhoud die u raken/);
});

// ---------------------------------------------------------------------------------------------
// Texts

test("every knowledge base, notice and status page text exists in nl, en and de", () => {
  const keys = new Set();
  for (const file of readdirSync(portal).filter(f => f.endsWith(".mjs"))) {
    const source = readFileSync(join(portal, file), "utf8");
    for (const m of source.matchAll(/"((?:kb\.|notice\.|statusPage\.|dash\.notices\.|dash\.knowledge\.|dash\.more\.notices|dash\.more\.knowledge|nav\.kb|nav\.status|nav\.noticesAdmin)[A-Za-z0-9.-]*[A-Za-z0-9])"/g)) {
      keys.add(m[1]);
    }
  }
  assert.ok(keys.size > 100, "found " + keys.size);
  for (const key of keys) for (const lang of LANGUAGES) assert.ok(texts[lang][key], key + " in " + lang);
});
