// The dashboard #/ (issue 17): the home page of everyone linked, its widgets per role, all read at once, each card
// waiting, failing or hiding on its own; the SLA at risk from GET /sla/at-risk and the queues' breaches; and the account page's
// "Dashboardinstellingen" (PATCH /me `dashboard` with the version read). Against the recording fake API and the DOM shim.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { DASHBOARD_WIDGETS, dashboardDefaultsFor, dashboardShown, dashboardWidgetsFor, parseRoute, routeHash, WIDGET_TITLE_KEYS } from "../routes.mjs";
import { atRisk, dashboardPage, PATHS } from "../dashboard.mjs";
import { accountPage, dashboardBody, dashboardDraft } from "../account.mjs";
import { openSignedIn } from "../router.mjs";
import { context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const NOW = Date.parse("2026-11-23T12:00:00Z");
const classes = n => String(n.attrs.class || "").split(" ");
const cardsOf = view => findAll(view, n => n.tag === "section" && classes(n).includes("dash-card"));
const cardIds = view => cardsOf(view).map(c => classes(c).find(k => k.startsWith("dash-") && k !== "dash-card").slice(5));
const cardOf = (view, id) => cardsOf(view).find(c => classes(c).includes("dash-" + id));
const headingOf = card => textOf(findAll(card, n => n.tag === "h2")[0]);
const paths = api => api.calls.map(c => c[1]);

/** The server's default set per role (AccountSettings.DashboardWidget.defaultsFor). */
const DEFAULTS = {
  "customer-user": ["open-tickets", "waiting", "hour-bundles", "subscriptions", "reports"],
  "customer-admin": ["open-tickets", "approvals", "waiting", "hour-bundles", "subscriptions", "invoices", "reports"],
  "provider-agent": ["open-tickets", "waiting", "sla-at-risk"],
  "provider-admin": ["open-tickets", "waiting", "sla-at-risk"]
};

function me(role, profile = {}) {
  return { userId: "me-1", role, customerId: role.startsWith("customer") ? "acme" : undefined, mfaEnrolled: true, pending: false,
    profile: { email: "ilse@acme.example.test", firstName: "Ilse", lastName: "Tol", displayName: "Ilse Tol", language: "nl",
      notifications: { enabled: true, tickets: true, reports: true, hourBundles: true, subscriptions: true, notices: true },
      dashboard: DEFAULTS[role], dashboardChosen: false, version: 4, ...profile } };
}

const ticket = (number, status, extra = {}) => ({ id: "acme-" + number, number, customerId: "acme", title: "Ticket " + number,
  priority: "normal", status, updatedAt: "2026-11-22T10:00:00Z", ...extra });

const BUNDLES = { bundles: [
  { id: "20261101-aaaaaa", status: "active", statusLabel: "Actief", minutesRemaining: 540, minutesBought: 600, validUntil: "2027-04-30" },
  { id: "20250101-dddddd", status: "used-up", statusLabel: "Verbruikt", minutesRemaining: 0, minutesBought: 600, validUntil: "2025-12-31" }
], activeMinutesRemaining: 540, overBudgetMinutes: 90, forecast: { text: "In dit tempo zijn uw uren rond 14 maart 2027 op." } };
const SUBSCRIPTIONS = { subscriptions: [
  { id: "20261101-aaaaaa", service: "Microsoft 365", status: "active", statusLabel: "Actief", endDate: "2027-10-31" },
  { id: "20261101-bbbbbb", service: "Back-up " + EVIL, status: "ending", statusLabel: "Loopt binnenkort af", endDate: "2026-12-31" }
] };
const INVOICES = { invoices: [
  { id: "2026-11-01.abc234", number: "2026-00012", status: "open", statusLabel: "Open", dueDate: "2026-12-01", totals: { total: "121.00" } },
  { id: "2026-10-01.old234", number: "2026-00008", status: "overdue", statusLabel: "Vervallen", dueDate: "2026-11-01", totals: { total: "0.10" } },
  { id: "2026-09-01.pai234", number: "2026-00005", status: "paid", statusLabel: "Betaald", dueDate: "2026-10-01", totals: { total: "500.00" } }
] };
const REPORTS = { customerId: "acme", usersSeeReports: true, reports: [
  { month: "2026-08", version: 1, generatedAt: "2026-09-01T04:00:00Z" }, { month: "2026-10", version: 1, generatedAt: "2026-11-01T04:00:00Z" },
  { month: "2026-09", version: 1, generatedAt: "2026-10-01T04:00:00Z" }, { month: "2026-07", version: 1, generatedAt: "2026-08-01T04:00:00Z" }
] };
const MINE = { items: [ticket(1, "open", { title: EVIL }), ticket(2, "waiting-for-customer", { priority: "high" }), ticket(3, "closed"),
  ticket(4, "resolved")], nextCursor: null };
const NOTICES = { items: [{ noticeId: "ntc-1", kind: "outage", service: "Microsoft 365 " + EVIL, status: "identified", title: "Outlook " + EVIL,
  startsAt: "2026-11-23T08:00:00Z", expectedEndAt: "2026-11-23T14:00:00Z", current: true, language: "nl", body: "", updates: [], version: 2 }] };
const CATEGORIES = { items: [
  { categoryId: "cat-m365", slug: "microsoft-365", names: { nl: "Microsoft 365 " + EVIL, en: "Microsoft 365", de: "Microsoft 365" }, order: 2, articleCount: 4 },
  { categoryId: "cat-hosting", slug: "hosting", names: { nl: "Hosting", en: "Hosting", de: "Hosting" }, order: 1, articleCount: 1 },
  { categoryId: "cat-leeg", slug: "leeg", names: { nl: "Leeg", en: "Empty", de: "Leer" }, order: 3, articleCount: 0 }] };
const APPROVALS = { items: [ticket(9, "new", { type: "service-request", approval: "pending" })], nextCursor: null };

/** An answer per path; the widgets' own routes answered as above unless overridden. */
function dashApi(role, { profile, overrides = {} } = {}) {
  return fakeApi((method, path) => {
    if (method !== "GET") throw new Error("the dashboard only reads: " + method + " " + path);
    if (path in overrides) return typeof overrides[path] === "function" ? overrides[path]() : overrides[path];
    if (path === "/me") return me(role, profile);
    if (path === PATHS.mine) return MINE;
    if (path === PATHS.approvals) return APPROVALS;
    if (path === "/hour-bundles") return BUNDLES;
    if (path === "/subscriptions") return SUBSCRIPTIONS;
    if (path === "/invoices") return INVOICES;
    if (path === "/reports") return REPORTS;
    if (path === "/notices?lang=nl&state=current") return NOTICES;
    if (path === "/kb/categories?lang=nl") return CATEGORIES;
    throw new Error("unexpected " + method + " " + path);
  });
}

function dashCtx(role, api, shown, lang = "nl") {
  return Object.assign(context(role, api, shown, lang), { now: () => NOW, tenant: role.startsWith("customer") ? "acme" : null });
}

const forbidden = () => new ApiError(403, { type: "urn:klantportaal:problem:forbidden", title: "Forbidden" });

// ---------------------------------------------------------------------------------------------
// The route and the widget sets

test("#/ is the dashboard for everyone linked; a user not linked yet keeps its waiting page; the menu starts with it", async () => {
  assert.deepEqual(parseRoute("#/"), { name: "dashboard" });
  assert.deepEqual(parseRoute(""), { name: "dashboard" });
  assert.equal(routeHash({ name: "dashboard" }), "#/");
  for (const role of Object.keys(DEFAULTS)) {
    const shown = [];
    await openSignedIn(Object.assign(dashCtx(role, dashApi(role, { overrides: staffAnswers() }), shown), { mfa: true }), parseRoute("#/"));
    assert.equal(textOf(findAll(last(shown), n => n.tag === "h1")[0]), "Dashboard", role);
    const nav = findAll(findAll(last(shown), n => n.tag === "nav")[0], n => n.tag === "a");
    assert.equal(nav[0].attrs.href, "#/", role + ": the dashboard first in the menu");
  }
  const pending = [];
  const api = fakeApi(() => ({ userId: "me-1", role: "none", pending: true, pendingSince: "2026-11-23T10:00:00Z" }));
  await openSignedIn(Object.assign(dashCtx("none", api, pending), { mfa: true }), parseRoute("#/"));
  assert.equal(textOf(findAll(last(pending), n => n.tag === "h1")[0]), nl("acct.pending.heading"));
  assert.deepEqual(paths(api), ["/me"], "no widget read for a user not linked yet");
});

test("the widgets per role are the server's default set, in the settings' order; stored values without a card are left out", () => {
  for (const [role, defaults] of Object.entries(DEFAULTS)) {
    assert.deepEqual(dashboardDefaultsFor(role), defaults, role);
    assert.deepEqual(dashboardWidgetsFor(role), [...defaults, "notices", "knowledge"], role + ": notices and knowledge offered, not on by default");
  }
  assert.deepEqual(dashboardWidgetsFor("none"), []);
  assert.deepEqual(DASHBOARD_WIDGETS.map(w => w.id).filter(id => ["sla"].includes(id)), [], "no card for sla");
  assert.deepEqual(dashboardShown("customer-user", { dashboard: ["reports", "invoices", "notices", "sla", "approvals", "open-tickets"] }),
    ["reports", "notices", "open-tickets"], "the user's order; another role's widgets and those without a card are not shown");
  assert.deepEqual(dashboardShown("provider-agent", { dashboard: [] }), [], "all switched off");
  assert.deepEqual(dashboardShown("provider-agent", null), DEFAULTS["provider-agent"], "no profile: the role's set");
});

// ---------------------------------------------------------------------------------------------
// Reading

test("a customer admin's dashboard: GET /me, then every widget's route at once, the own tickets read once", async () => {
  const pending = [];
  const api = { calls: [], get(path) {
    api.calls.push(["GET", path]);
    return new Promise((resolve, reject) => pending.push({ path, resolve, reject }));
  } };
  const shown = [];
  const opened = dashboardPage(dashCtx("customer-admin", api, shown));
  await new Promise(r => setImmediate(r));
  assert.deepEqual(paths(api), ["/me"], "the settings first");
  assert.equal(findAll(last(shown), n => n.attrs["aria-busy"] === "true").length, 1, "the page is busy");
  pending.shift().resolve(me("customer-admin"));
  await new Promise(r => setImmediate(r));
  assert.deepEqual(paths(api).slice(1).sort(), [PATHS.mine, PATHS.approvals, "/hour-bundles", "/subscriptions", "/invoices", "/reports"].sort(),
    "all six routes sent before any answered; the own tickets once for 'open' and 'waiting'");
  let view = last(shown);
  assert.deepEqual(cardIds(view), DEFAULTS["customer-admin"]);
  assert.ok(cardsOf(view).every(c => c.attrs["aria-busy"] === "true"), "every card says it is loading");
  // answered in reverse order: each card shows as its answer comes
  const answers = { [PATHS.mine]: MINE, [PATHS.approvals]: APPROVALS, "/hour-bundles": BUNDLES, "/subscriptions": SUBSCRIPTIONS,
    "/invoices": INVOICES, "/reports": REPORTS };
  for (const p of [...pending].reverse()) {
    p.resolve(structuredClone(answers[p.path]));
    await new Promise(r => setImmediate(r));
    if (p.path === "/reports") {
      view = last(shown);
      assert.equal(cardOf(view, "reports").attrs["aria-busy"], "false", "the reports shown");
      assert.equal(cardOf(view, "hour-bundles").attrs["aria-busy"], "true", "the hours still loading");
    }
  }
  await opened;
  view = last(shown);
  assert.ok(cardsOf(view).every(c => c.attrs["aria-busy"] === "false"));
  assert.deepEqual(cardsOf(view).map(headingOf), ["Mijn open tickets", "Wachten op uw goedkeuring", "Wacht op uw reactie", "Urenbundels",
    "Aflopende abonnementen", "Openstaande facturen", "Laatste rapportages"]);
  for (const card of cardsOf(view)) {
    const heading = findAll(card, n => n.tag === "h2")[0];
    assert.equal(card.attrs["aria-labelledby"], heading.attrs.id, "each card named by its heading");
    assert.equal(findAll(card, n => n.tag === "p" && classes(n).includes("dash-more")).length, 1, "a link to the whole list");
  }
  assert.equal(findAll(view, n => n.attrs.role === "alert").length, 0);
  mount(view, shimDocument());
});

test("the cards' rows: open tickets but closed, waiting for the customer, approvals, hours with the forecast, ending subscriptions, open invoices with the total, the latest three reports", async () => {
  const shown = [];
  await dashboardPage(dashCtx("customer-admin", dashApi("customer-admin"), shown));
  const view = last(shown);
  const rows = id => findAll(cardOf(view, id), n => n.tag === "li").map(textOf);
  assert.deepEqual(rows("open-tickets").map(r => r.split(" ")[0]), ["#1", "#2", "#4"], "closed tickets left out");
  assert.match(rows("open-tickets")[1], /Wacht op reactie klant Hoog$/, "status and priority as words");
  assert.ok(findAll(cardOf(view, "open-tickets"), n => classes(n).includes("badge") && classes(n).includes("status-open")).length,
    "the badge's colour class beside the word");
  assert.deepEqual(findAll(cardOf(view, "open-tickets"), n => n.tag === "a").map(a => a.attrs.href),
    ["#/tickets/acme-1", "#/tickets/acme-2", "#/tickets/acme-4", "#/tickets?view=mine"]);
  assert.deepEqual(rows("waiting").map(r => r.split(" ")[0]), ["#2"], "only the ticket waiting for the customer");
  assert.deepEqual(rows("approvals").map(r => r.split(" ")[0]), ["#9"]);
  assert.equal(findAll(cardOf(view, "approvals"), n => n.tag === "a").at(-1).attrs.href, "#/tickets?view=approvals");
  const hours = textOf(cardOf(view, "hour-bundles"));
  assert.match(hours, /Nog 9:00 uur in uw actieve bundels/);
  assert.match(hours, /1:30 uur buiten de bundels/);
  assert.match(hours, /rond 14 maart 2027 op/, "the forecast as the API words it");
  assert.deepEqual(rows("hour-bundles").length, 1, "the active bundle; a used-up one is left out");
  assert.deepEqual(rows("subscriptions").length, 1, "only the one ending");
  assert.match(rows("subscriptions")[0], /^Back-up .*Loopt binnenkort af loopt af op 31 dec\.? 2026$/);
  const invoices = cardOf(view, "invoices");
  assert.match(textOf(invoices), /2 openstaand, samen €\s121,10/, "the open ones summed in cents");
  assert.equal(findAll(invoices, n => n.tag === "caption").length, 1, "the table has a caption");
  assert.deepEqual(findAll(invoices, n => n.tag === "tbody")[0].children.map(r => textOf(r.children[0])), ["2026-00008", "2026-00012"],
    "due first; the paid one left out");
  assert.deepEqual(findAll(invoices, n => n.tag === "a").map(a => a.attrs.href), ["#/invoices/2026-10-01.old234", "#/invoices/2026-11-01.abc234",
    "#/invoices"], "each invoice linked to its page");
  assert.deepEqual(findAll(cardOf(view, "hour-bundles"), n => n.tag === "a").map(a => a.attrs.href), ["#/hours/20261101-aaaaaa", "#/hours"]);
  assert.deepEqual(findAll(cardOf(view, "reports"), n => n.tag === "a").map(a => a.attrs.href), ["#/reports"]);
  assert.deepEqual(findAll(cardOf(view, "subscriptions"), n => n.tag === "a").map(a => a.attrs.href), ["#/subscriptions"]);
  for (const a of findAll(view, n => n.tag === "a")) assert.doesNotMatch(a.attrs.href, /undefined|null/, "every link whole");
  assert.deepEqual(rows("reports").map(r => r.split(" — ")[0]), ["Rapportage oktober 2026", "Rapportage september 2026", "Rapportage augustus 2026"],
    "the latest three, newest first");
  assert.match(rows("reports")[0], /gemaakt 1 nov\.? 2026,? 05:00 CET$/);
  // malicious titles and names as text
  const doc = shimDocument();
  mount(view, doc);
  assert.ok(!doc.created.some(n => n.tagName === "img" || n.tagName === "script"));
  assert.match(textOf(view), /<img src=x onerror/);
});

test("a widget that fails says so in its card and the others show; a 403 hides its card without a word", async () => {
  const shown = [];
  const api = dashApi("customer-user", { overrides: {
    "/hour-bundles": forbidden, "/subscriptions": forbidden,
    "/reports": () => new ApiError(500, { title: "Internal Server Error", detail: "boom" }),
    [PATHS.mine]: () => new ApiError(0, { title: "network" })
  } });
  await dashboardPage(dashCtx("customer-user", api, shown));
  const view = last(shown);
  assert.deepEqual(cardIds(view), ["open-tickets", "waiting", "reports"], "the hours and subscriptions the organisation keeps to its admins: gone");
  assert.match(textOf(cardOf(view, "reports")), /Dit kon niet worden geladen: Internal Server Error/);
  assert.ok(textOf(cardOf(view, "reports")).includes(nl("next.5xx")), "and what to do next: try again later, else the service desk");
  assert.match(textOf(cardOf(view, "open-tickets")), /Dit kon niet worden geladen: .*verbinding|Dit kon niet worden geladen: /);
  assert.equal(textOf(cardOf(view, "open-tickets")).includes(nl("networkError")), true, "a network failure in words");
  assert.equal(findAll(view, n => n.attrs.role === "alert").length, 0, "no alert for a card");
  assert.ok(cardsOf(view).every(c => findAll(c, n => classes(n).includes("dash-more")).length === 1), "the link to the page stays");

  const allHidden = [];
  await dashboardPage(dashCtx("customer-user", dashApi("customer-user", { profile: { dashboard: ["hour-bundles"], dashboardChosen: true },
    overrides: { "/hour-bundles": forbidden } }), allHidden));
  assert.deepEqual(cardIds(last(allHidden)), []);
  assert.match(textOf(last(allHidden)), new RegExp(nl("dash.nothing")));
});

test("a card refused with a 403 is not asked again on the next dashboard load of this sign-in (no refused request on the console)", async () => {
  const api = dashApi("customer-user", { overrides: { "/hour-bundles": forbidden, "/subscriptions": forbidden, "/reports": forbidden } });
  const refusedWidgets = new Set();
  const first = [];
  await dashboardPage({ ...dashCtx("customer-user", api, first), refusedWidgets });
  assert.deepEqual([...refusedWidgets].sort(), ["hour-bundles", "reports", "subscriptions"]);
  const asked = paths(api).length;
  const again = [];
  const page = await dashboardPage({ ...dashCtx("customer-user", api, again), refusedWidgets });
  assert.deepEqual(paths(api).slice(asked), ["/me", PATHS.mine], "only what the user may see is asked");
  assert.deepEqual(cardIds(last(again)), ["open-tickets", "waiting"], "the refused cards stay hidden, without a word");
  assert.ok(again.every(view => cardIds(view).every(id => !["hour-bundles", "subscriptions", "reports"].includes(id))),
    "a refused card is never shown, not even loading at the first render");
  await page.reload();
  assert.ok(!paths(api).slice(asked).some(p => ["/hour-bundles", "/subscriptions", "/reports"].includes(p)), "nor on a reload of the page");

  // Every card the user has on refused: the second visit shows nothing loading (it showed "Laden…" for good).
  const lone = dashApi("customer-user", { profile: { dashboard: ["hour-bundles"] }, overrides: { "/hour-bundles": forbidden } });
  const loneRefused = new Set();
  await dashboardPage({ ...dashCtx("customer-user", lone, []), refusedWidgets: loneRefused });
  const loneAgain = [];
  await dashboardPage({ ...dashCtx("customer-user", lone, loneAgain), refusedWidgets: loneRefused });
  assert.deepEqual(cardIds(last(loneAgain)), [], "the refused card is hidden");
  assert.ok(!textOf(last(loneAgain)).includes(nl("loading")), textOf(last(loneAgain)));

  const fresh = [];
  const other = dashApi("customer-user");
  await dashboardPage({ ...dashCtx("customer-user", other, fresh), refusedWidgets: new Set() });
  assert.ok(paths(other).includes("/hour-bundles"), "a new sign-in (a new set) asks again");
});

test("the dashboard shows the user's choice, in its order; none switched on says where to switch them on; /me failing shows the role's set", async () => {
  const shown = [];
  const api = dashApi("customer-admin", { profile: { dashboard: ["reports", "invoices", "notices", "sla"], dashboardChosen: true } });
  await dashboardPage(dashCtx("customer-admin", api, shown));
  assert.deepEqual(cardIds(last(shown)), ["reports", "invoices", "notices"]);
  assert.deepEqual(paths(api), ["/me", "/reports", "/invoices", "/notices?lang=nl&state=current"], "only the chosen widgets are read");

  const none = [];
  const noneApi = dashApi("customer-admin", { profile: { dashboard: [], dashboardChosen: true } });
  await dashboardPage(dashCtx("customer-admin", noneApi, none));
  assert.match(textOf(last(none)), /Er staan geen widgets aan/);
  assert.deepEqual(findAll(last(none), n => n.tag === "a" && n.attrs.href === "#/account").map(textOf).filter(t => /Dashboard/.test(t)),
    ["Mijn gegevens → Dashboardinstellingen"], "linked to the settings");
  assert.deepEqual(paths(noneApi), ["/me"]);

  const failed = [];
  await dashboardPage(dashCtx("customer-user", dashApi("customer-user", { overrides: { "/me": () => new ApiError(500, { title: "x" }) } }), failed));
  assert.deepEqual(cardIds(last(failed)), DEFAULTS["customer-user"]);
  assert.match(textOf(last(failed)), /standaardwidgets voor uw rol/);
});

// ---------------------------------------------------------------------------------------------
// Provider staff: assigned to me, waiting for me, the SLA at risk

const deadline = (target, dueAt, state) => ({ target, dueAt, state });
const RISK = { hours: 8, until: "2026-11-23T20:00:00Z", complete: true, itemsRead: 6, tickets: [
  { ticketId: "acme-12", number: 12, customerId: "acme", title: EVIL, priority: "high", status: "new", target: "response",
    dueAt: "2026-11-23T13:00:00Z", state: "at-risk" },
  { ticketId: "acme-11", number: 11, customerId: "acme", title: "Ticket 11", priority: "normal", status: "open", target: "resolution",
    dueAt: "2026-11-23T15:00:00Z", warningAt: "2026-11-23T14:00:00Z", state: "at-risk" },
  { ticketId: "acme-12", number: 12, customerId: "acme", title: EVIL, priority: "high", status: "new", target: "resolution",
    dueAt: "2026-11-23T18:00:00Z", state: "at-risk" }] };

function staffAnswers() {
  return {
    [PATHS.assigned]: { items: [ticket(11, "open"), ticket(12, "new"), ticket(15, "waiting-for-customer"), ticket(16, "resolved")] },
    [PATHS.atRisk]: RISK,
    // the queues' own next deadline (GET /tickets answers nextDeadline for staff): #13 breached, #12 also in the window
    [PATHS.queue("new")]: { items: [ticket(12, "new", { title: EVIL, nextDeadline: deadline("response", "2026-11-23T13:00:00Z", "at-risk") }),
      ticket(13, "new", { priority: "critical", nextDeadline: deadline("response", "2026-11-22T09:00:00Z", "breached") })] },
    [PATHS.queue("open")]: { items: [ticket(11, "open", { nextDeadline: deadline("resolution", "2026-11-23T15:00:00Z", "running") }),
      ticket(14, "open"), ticket(17, "open", { nextDeadline: deadline("resolution", "2026-11-20T09:00:00Z", "breached") })] }
  };
}

test("staff: tickets assigned to me, those new or open waiting for me, and the SLA at risk from one read of the due index plus the queues' breaches", async () => {
  const shown = [];
  const api = dashApi("provider-agent", { overrides: staffAnswers() });
  await dashboardPage(dashCtx("provider-agent", api, shown));
  const view = last(shown);
  assert.deepEqual(cardIds(view), ["open-tickets", "waiting", "sla-at-risk"]);
  assert.deepEqual(cardsOf(view).map(headingOf), ["Aan mij toegewezen tickets", "Wacht op mij", "SLA in gevaar"]);
  assert.equal(paths(api).filter(p => p === PATHS.assigned).length, 1, "assignee=me read once for two cards");
  assert.deepEqual(paths(api).filter(p => p !== "/me" && p !== PATHS.assigned).sort(), ["/sla/at-risk?hours=8",
    "/tickets?view=status&status=new&sort=created&limit=10", "/tickets?view=status&status=open&sort=created&limit=10"],
    "one read of the SLA at risk and the two queues; no ticket read one by one");
  assert.ok(!paths(api).some(p => /^\/tickets\/[^?]/.test(p)), "no GET /tickets/{id}");
  const rows = id => findAll(cardOf(view, id), n => n.tag === "li").map(textOf);
  assert.deepEqual(rows("open-tickets").map(r => r.split(" ")[0]), ["#11", "#12", "#15", "#16"]);
  assert.deepEqual(rows("waiting").map(r => r.split(" ")[0]), ["#11", "#12"], "new or open: the next step is the agent's");
  const risk = rows("sla-at-risk");
  assert.deepEqual(risk.map(r => r.split(" ")[0]), ["#17", "#13", "#12", "#11"],
    "the breached queue tickets and the window's, soonest deadline first, each ticket once (#12's first target)");
  assert.match(risk[0], /Overschreden.*Oplostijd: uiterlijk 20 nov\.? 2026,? 10:00 CET/);
  assert.match(risk[1], /Kritiek.*Overschreden.*Reactietijd: uiterlijk 22 nov\.? 2026,? 10:00 CET/);
  assert.match(risk[2], /Dreigt te verlopen.*Reactietijd: uiterlijk 23 nov\.? 2026,? 14:00 CET/);
  assert.match(risk[3], /Dreigt te verlopen.*Oplostijd: uiterlijk 23 nov\.? 2026,? 16:00 CET · waarschuwing 23 nov\.? 2026,? 15:00 CET/,
    "the warning time while it is still to come");
  assert.ok(risk[2].includes(EVIL), "a title is text");
  const card = cardOf(view, "sla-at-risk");
  assert.deepEqual(findAll(card, n => n.tag === "span" && classes(n).includes("badge") && classes(n).some(c => c.startsWith("sla-")))
    .map(b => classes(b)[1] + ":" + textOf(b)),
  ["sla-breached:Overschreden", "sla-breached:Overschreden", "sla-at-risk:Dreigt te verlopen", "sla-at-risk:Dreigt te verlopen"],
  "the state as a badge with its word");
  assert.match(textOf(card), /de komende 8 uur verloopt, en de overschreden termijnen van de 10 oudste nieuwe en lopende tickets/);
  assert.equal(findAll(card, n => n.tag === "time").length, 5);
  assert.equal(findAll(card, n => n.tag === "a").at(-1).attrs.href, "#/sla/at-risk?hours=8", "the card links to the page of its window");
  assert.equal(textOf(findAll(card, n => n.tag === "a").at(-1)), "Naar SLA in gevaar");
  mount(view, shimDocument());
});

test("the SLA at risk card: incomplete and a queue not read are said; the at-risk read failing fails the card; nothing at risk says so", async () => {
  assert.deepEqual(atRisk(null, [null]).length, 0);
  assert.deepEqual(atRisk({ tickets: [{ ticketId: "<bad>", dueAt: "2026-11-23T13:00:00Z", state: "at-risk" }] }, []), [], "no link to a bad id");
  const partly = staffAnswers();
  partly[PATHS.atRisk] = { ...RISK, complete: false };
  partly[PATHS.queue("open")] = () => new ApiError(500, { title: "boom" });
  const shown = [];
  await dashboardPage(dashCtx("provider-admin", dashApi("provider-admin", { overrides: partly }), shown));
  const card = cardOf(last(shown), "sla-at-risk");
  assert.match(textOf(card), /Niet volledig/);
  assert.match(textOf(card), /overschreden termijnen in de wachtrij In behandeling konden niet worden gelezen\. Probeer het later opnieuw/);
  assert.deepEqual(findAll(card, n => n.tag === "li").map(r => textOf(r).split(" ")[0]), ["#13", "#12", "#11"]);

  const failing = staffAnswers();
  failing[PATHS.atRisk] = () => new ApiError(500, { title: "Interne fout" });
  const failed = [];
  await dashboardPage(dashCtx("provider-admin", dashApi("provider-admin", { overrides: failing }), failed));
  assert.match(textOf(cardOf(last(failed), "sla-at-risk")), /Dit kon niet worden geladen/);
  assert.equal(findAll(cardOf(last(failed), "open-tickets"), n => n.tag === "li").length, 4, "the other cards are untouched");

  const none = [];
  const quiet = staffAnswers();
  quiet[PATHS.atRisk] = { ...RISK, tickets: [] };
  quiet[PATHS.queue("new")] = { items: [] };
  quiet[PATHS.queue("open")] = { items: [ticket(11, "open", { nextDeadline: deadline("resolution", "2026-11-25T15:00:00Z", "running") })] };
  quiet[PATHS.assigned] = { items: [] };
  await dashboardPage(dashCtx("provider-admin", dashApi("provider-admin", { overrides: quiet }), none));
  assert.match(textOf(cardOf(last(none), "sla-at-risk")), /Geen open ticket heeft een overschreden termijn of een termijn die de komende 8 uur verloopt/);
  assert.match(textOf(cardOf(last(none), "open-tickets")), /Er is geen ticket aan u toegewezen/);
  assert.match(textOf(cardOf(last(none), "waiting")), /Geen nieuw of lopend ticket is aan u toegewezen/);
});

// ---------------------------------------------------------------------------------------------
// Dashboardinstellingen on the account page

function accountApi(role, { profile, patch } = {}) {
  const api = fakeApi((method, path, body) => {
    if (method === "PATCH") return patch ? patch(body) : me(role, { dashboard: body.dashboard, dashboardChosen: true, version: 5 });
    if (path === "/me") return me(role, profile);
    if (path.startsWith("/customers/")) return { id: "acme", name: "Acme" };
    throw new Error("unexpected " + method + " " + path);
  });
  return api;
}

function accountCtx(role, api, shown) {
  return Object.assign(dashCtx(role, api, shown), { email: "ilse@acme.example.test", mfa: true, accessToken: () => "t", userId: "me-1",
    setLanguage: () => {}, renew: async () => null, reroute: () => {} });
}

const dashboardForm = view => findAll(view, n => n.tag === "form" && classes(n).includes("dashboard-settings"))[0];
const switches = view => findAll(dashboardForm(view), n => n.tag === "input" && n.attrs.type === "checkbox");
const toggle = (view, id, checked) => findAll(view, n => n.attrs.id === "f-dashboard." + id)[0].attrs.on.change({ target: { checked } });
const save = view => dashboardForm(view).attrs.on.submit({ preventDefault() {} });

test("Dashboardinstellingen: a switch per widget the role can have, named as its card; the default set said; saved with the version", async () => {
  for (const [role, widgets] of Object.entries(DEFAULTS)) {
    const shown = [];
    await accountPage(accountCtx(role, accountApi(role), shown));
    const view = last(shown);
    assert.equal(textOf(findAll(dashboardForm(view), n => n.tag === "h2")[0]), "Dashboardinstellingen", role);
    assert.deepEqual(switches(view).map(s => s.attrs.id), [...widgets, "notices", "knowledge"].map(id => "f-dashboard." + id), role);
    assert.ok(switches(view).every(s => s.attrs.checked === widgets.includes(s.attrs.id.slice("f-dashboard.".length))),
      role + ": a newcomer's set is on, notices and knowledge off");
    assert.match(textOf(dashboardForm(view)), /standaardwidgets voor uw rol/);
  }
  const api = accountApi("customer-admin");
  const shown = [];
  const page = await accountPage(accountCtx("customer-admin", api, shown));
  await save(last(shown));
  assert.equal(api.calls.filter(c => c[0] === "PATCH").length, 0, "nothing changed: nothing sent");
  assert.match(textOf(last(shown)), /Er is niets gewijzigd aan uw widgets/);
  toggle(last(shown), "invoices", false);
  toggle(last(shown), "hour-bundles", false);
  await save(last(shown));
  const patch = api.calls.find(c => c[0] === "PATCH");
  assert.deepEqual(patch.slice(1, 3), ["/me", { dashboard: ["open-tickets", "approvals", "waiting", "subscriptions", "reports"], version: 4 }]);
  assert.equal(page.state.me.profile.version, 5);
  assert.equal(page.state.dashboardForm.notice, nl("acct.dashboard.saved"));
  assert.equal(switches(last(shown)).find(s => s.attrs.id === "f-dashboard.invoices").attrs.checked, false, "the saved choice shown");

  // the dashboard re-renders with the choice: it reads GET /me again when opened
  const after = [];
  const dashApiAfter = dashApi("customer-admin", { profile: page.state.me.profile });
  await dashboardPage(dashCtx("customer-admin", dashApiAfter, after));
  assert.deepEqual(cardIds(last(after)), ["open-tickets", "approvals", "waiting", "subscriptions", "reports"]);
});

test("Dashboardinstellingen: stored widgets without a switch stay; a stale version reloads and keeps the switches; a 400 is said at the form", async () => {
  const profile = { dashboard: ["reports", "notices", "sla-at-risk"], dashboardChosen: true, version: 4 };
  assert.deepEqual(dashboardDraft(profile, "customer-user"),
    { "open-tickets": false, waiting: false, "hour-bundles": false, subscriptions: false, reports: true, notices: true, knowledge: false });
  assert.deepEqual(dashboardBody({ "open-tickets": true, waiting: false, "hour-bundles": false, subscriptions: false, reports: true, notices: true,
    knowledge: true }, profile, "customer-user"), { dashboard: ["open-tickets", "reports", "notices", "knowledge", "sla-at-risk"], version: 4 },
  "the settings' order, then the stored ones the page has no switch for, as they were");
  assert.equal(dashboardBody(dashboardDraft(profile, "customer-user"), profile, "customer-user"), null, "unchanged: nothing to send");

  let patches = 0;
  let version = 4;
  const api = accountApi("customer-user", {
    patch: body => {
      if (++patches === 1) {
        version = 6;
        return new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Conflict" });
      }
      if (patches === 2) return new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "De invoer is niet geldig",
        errors: [{ field: "dashboard[0]", code: "one-of", message: "must be one of [open-tickets]" }] });
      return me("customer-user", { dashboard: body.dashboard, dashboardChosen: true, version: 7 });
    }
  });
  api.get = (orig => async path => {
    const answer = await orig(path);
    if (path === "/me") answer.profile.version = version;
    return answer;
  })(api.get.bind(api));
  const shown = [];
  const page = await accountPage(accountCtx("customer-user", api, shown));
  toggle(last(shown), "reports", false);
  await save(last(shown));
  assert.equal(page.state.dashboardForm.warning, nl("acct.versionConflict"));
  assert.equal(switches(last(shown)).find(s => s.attrs.id === "f-dashboard.reports").attrs.checked, false, "the switch kept");
  await save(last(shown));
  assert.deepEqual(api.calls.filter(c => c[0] === "PATCH")[1][2], { dashboard: ["open-tickets", "waiting", "hour-bundles", "subscriptions"], version: 6 },
    "sent again on the version now read");
  assert.match(textOf(dashboardForm(last(shown))), /Kies een van de aangeboden mogelijkheden/, "the field error at the switches, in words");
});

// ---------------------------------------------------------------------------------------------
// Texts

test("every dashboard text in nl, en and de, and the cards in German and English", async () => {
  const keys = Object.keys(texts.nl).filter(k => k.startsWith("dash.") || k.startsWith("acct.dashboard.") || k === "nav.dashboard");
  assert.ok(keys.length > 50, "the dashboard's texts: " + keys.length);
  for (const key of [...keys, ...WIDGET_TITLE_KEYS]) for (const lang of LANGUAGES) assert.ok(texts[lang][key], key + " in " + lang);
  for (const [lang, heading] of [["de", "Meine offenen Tickets"], ["en", "My open tickets"]]) {
    const shown = [];
    await dashboardPage(dashCtx("customer-admin", dashApi("customer-admin"), shown, lang));
    const text = textOf(last(shown));
    assert.equal(headingOf(cardsOf(last(shown))[0]), heading);
    assert.doesNotMatch(text, /\bdash\.|acct\.dashboard|undefined|NaN/, lang + ": no key or missing value shown");
  }
  for (const role of Object.keys(DEFAULTS)) {
    const shown = [];
    await accountPage(accountCtx(role, accountApi(role), shown));
    assert.doesNotMatch(textOf(dashboardForm(last(shown))), /\bdash\.|acct\.dashboard/);
  }
});

test("a language change reads the widgets again (the API words some labels itself)", async () => {
  const api = dashApi("customer-user");
  const shown = [];
  let rerender;
  const ctx = Object.assign(dashCtx("customer-user", api, shown), { bind: r => { rerender = r; return r; } });
  await dashboardPage(ctx);
  const before = api.calls.length;
  ctx.lang = "de";
  ctx.tr = translator("de");
  await rerender();
  assert.equal(api.calls.length, before * 2, "read again");
  assert.equal(headingOf(cardsOf(last(shown))[0]), "Meine offenen Tickets");
});
