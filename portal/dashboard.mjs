// The dashboard #/, the home page of everyone linked (seed: "U kunt de status van uw verzoek volgen via uw dashboard";
// "Dashboardinstellingen" on the account page switches its widgets on and off). A user not linked yet keeps its
// waiting page (router.mjs).
//
// GET /me first, for the widgets the user has on (`dashboard`: its choice, or its role's default set while it never
// chose), less those its role cannot have (routes.mjs dashboardShown). Then every widget's own context's read route,
// all at once (Promise.allSettled): each card waits, fails or shows on its own. A request two widgets need (a
// customer's own tickets for "open" and "waiting for you") is sent once. A 403 (a customer user whose organisation
// shows hours, subscriptions or reports to its admins only) hides the card without a word, and that card is not asked
// again until the next sign-in (ctx.refusedWidgets, the shell's: GET /me does not say what the organisation keeps to its
// admins, and the browser logs every refused request on its console); any other refusal is a short sentence in its card. Every route read is a keyed one (a ticket view, a customer's own list, the SLA's due
// index). The `notices` card (GET /notices?state=current: the notices affecting the customer now) and the `knowledge`
// card (a search box and the categories of GET /kb/categories) are the knowledge context's (issue 19).
//
// Like tickets.mjs: state in a plain object, pure view functions into node descriptions, ctx.show() mounts.

import { h } from "./dom.mjs";
import { BUNDLE_ID, CATEGORY_ID, dashboardShown, INVOICE_ID, KB_QUERY_MAX, REPORT_MONTH, routeHash, TICKET_TOKEN, widgetTitleKey } from "./routes.mjs";
import { badge, formatAmsterdam, labelOf, nextStepKey, notice, page, problemBox, scrolling } from "./widgets.mjs";
import { euros, formatDay, hm, notNegative } from "./ledger.mjs";
import { localized } from "./i18n.mjs";
import { query } from "./kbparts.mjs";

const STAFF_ROLES = ["provider-agent", "provider-admin"];

/** How many tickets the own-tickets cards read (one page of the keyed view; "open" and "waiting" pick from it). */
export const TICKET_PAGE = 20;
/** How many rows a card shows at most; the link under it opens the whole list. */
export const ROWS = 5;
/** The SLA at risk: the window of GET /sla/at-risk, in hours (the card links to that window on #/sla/at-risk). */
export const SLA_HOURS = 8;
/** The SLA at risk: how many of the oldest tickets of each queue (new, open) are checked for a breached deadline. */
export const SLA_QUEUE = 10;
const SLA_QUEUES = ["new", "open"];
/** The latest reports shown. */
export const REPORTS_SHOWN = 3;
/** The invoice statuses still to be paid (invoices.mjs OPEN_STATUSES: InvoiceState on the server). */
export const OPEN_INVOICE_STATUSES = ["open", "overdue", "in-collection", "collection-failed"];

const isStaff = ctx => STAFF_ROLES.includes(ctx.role);
const itemsOf = answer => (answer && Array.isArray(answer.items) ? answer.items : []);
const text = value => (value === undefined || value === null ? "" : String(value));

/** The GET /tickets paths the widgets read. */
export const PATHS = {
  mine: "/tickets?view=mine&limit=" + TICKET_PAGE,
  assigned: "/tickets?view=assignee&assignee=me&limit=" + TICKET_PAGE,
  approvals: "/tickets?view=approvals&limit=" + ROWS,
  atRisk: "/sla/at-risk?hours=" + SLA_HOURS,
  queue: status => "/tickets?view=status&status=" + status + "&sort=created&limit=" + SLA_QUEUE
};

/** Where each card's link goes: the whole list of what it shows. */
function moreOf(id, ctx) {
  const staff = isStaff(ctx);
  switch (id) {
    case "open-tickets":
    case "waiting": return { href: routeHash({ name: "tickets", view: staff ? "assignee" : "mine" }), key: "dash.more.tickets" };
    case "approvals": return { href: routeHash({ name: "tickets", view: "approvals" }), key: "dash.more.approvals" };
    case "sla-at-risk": return { href: routeHash({ name: "sla-at-risk", hours: SLA_HOURS }), key: "dash.more.atRisk" };
    case "hour-bundles": return { href: routeHash({ name: "hours" }), key: "dash.more.hours" };
    case "subscriptions": return { href: routeHash({ name: "subscriptions" }), key: "dash.more.subscriptions" };
    case "invoices": return { href: routeHash({ name: "invoices" }), key: "dash.more.invoices" };
    case "reports": return { href: routeHash({ name: "reports" }), key: "dash.more.reports" };
    case "notices": return { href: routeHash({ name: "status" }), key: "dash.more.notices" };
    case "knowledge": return { href: routeHash({ name: "kb" }), key: "dash.more.knowledge" };
    default: return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading: each widget's data from its own route(s); get() sends a path once per load

/**
 * The SLA at risk card's rows: the targets of GET /sla/at-risk (in its order, soonest breach first) and the queue tickets
 * whose next deadline is breached (their nextDeadline), one row per ticket — its first, most urgent target — soonest
 * deadline first. A breached deadline the due scan has fired has left the index GET /sla/at-risk reads, so the queues
 * bring those.
 */
export function atRisk(risk, queues) {
  const rows = ((risk && Array.isArray(risk.tickets)) ? risk.tickets : []).map(r => ({ ...r }));
  for (const t of queues.flatMap(itemsOf)) {
    const next = t.nextDeadline;
    if (!next || next.state !== "breached") continue;
    rows.push({ ticketId: t.id, number: t.number, title: t.title, priority: t.priority, customerId: t.customerId,
      target: next.target, dueAt: next.dueAt, state: "breached" });
  }
  const seen = new Set();
  const due = r => (Number.isFinite(Date.parse(r.dueAt)) ? Date.parse(r.dueAt) : Infinity);
  return rows.map((r, i) => ({ r, i })).sort((a, b) => due(a.r) - due(b.r) || a.i - b.i).map(({ r }) => r)
    .filter(r => TICKET_TOKEN.test(text(r.ticketId)) && !seen.has(r.ticketId) && seen.add(r.ticketId));
}

const READERS = {
  async "open-tickets"(ctx, get) {
    const items = itemsOf(await get(isStaff(ctx) ? PATHS.assigned : PATHS.mine));
    return { rows: items.filter(t => t.status !== "closed") };
  },
  async waiting(ctx, get) {
    const staff = isStaff(ctx);
    const items = itemsOf(await get(staff ? PATHS.assigned : PATHS.mine));
    // a customer's tickets waiting for the customer; staff's own tickets that are new or open: the next step is theirs
    return { rows: items.filter(t => (staff ? ["new", "open"].includes(t.status) : t.status === "waiting-for-customer")) };
  },
  async approvals(ctx, get) {
    return { rows: itemsOf(await get(PATHS.approvals)) };
  },
  async "sla-at-risk"(ctx, get) {
    // one read of the deadlines due within SLA_HOURS, and the two queues for deadlines already breached: no per-ticket reads
    const [risk, ...queues] = await Promise.allSettled([get(PATHS.atRisk), ...SLA_QUEUES.map(status => get(PATHS.queue(status)))]);
    if (risk.status === "rejected") throw risk.reason;
    const unread = SLA_QUEUES.filter((status, i) => queues[i].status === "rejected");
    return { complete: risk.value && risk.value.complete !== false, unread,
      rows: atRisk(risk.value, queues.map(q => (q.status === "fulfilled" ? q.value : null))) };
  },
  async "hour-bundles"(ctx, get) {
    return { overview: (await get("/hour-bundles")) || {} };
  },
  async subscriptions(ctx, get) {
    const all = ((await get("/subscriptions")) || {}).subscriptions || [];
    return { rows: all.filter(s => s.status === "ending").sort((a, b) => (text(a.endDate) < text(b.endDate) ? -1 : 1)) };
  },
  async invoices(ctx, get) {
    const all = ((await get("/invoices")) || {}).invoices || [];
    const open = all.filter(inv => OPEN_INVOICE_STATUSES.includes(inv.status))
      .sort((a, b) => (text(a.dueDate) < text(b.dueDate) ? -1 : text(a.dueDate) > text(b.dueDate) ? 1 : 0));
    const cents = open.reduce((sum, inv) => sum + Math.round(Number((inv.totals && inv.totals.total) || 0) * 100), 0);
    return { rows: open, total: Number.isFinite(cents) ? (cents / 100).toFixed(2) : null };
  },
  async reports(ctx, get) {
    const all = ((await get("/reports")) || {}).reports || [];
    return { rows: [...all].sort((a, b) => (text(a.month) < text(b.month) ? 1 : -1)).slice(0, REPORTS_SHOWN) };
  },
  // the service notices affecting the customer now (staff: all current ones), from the notices context
  async notices(ctx, get) {
    return { rows: itemsOf(await get("/notices" + query(ctx.lang, { state: "current" }))) };
  },
  // the knowledge base: a search box and its categories with what the user may read in them
  async knowledge(ctx, get) {
    const answer = await get("/kb/categories" + query(ctx.lang));
    const categories = Array.isArray(answer) ? answer : itemsOf(answer);
    return { q: "", rows: [...categories].filter(c => Number(c.articleCount) > 0)
      .sort((a, b) => (Number(a.order) || 0) - (Number(b.order) || 0)) };
  }
};

// ---------------------------------------------------------------------------------------------
// The cards

function ticketList(rows, ctx, labelId) {
  const { tr } = ctx;
  return h("ul", { class: "dash-list dash-tickets", "aria-labelledby": labelId }, rows.slice(0, ROWS).map(t => {
    const href = TICKET_TOKEN.test(text(t.id)) ? routeHash({ name: "ticket", token: t.id }) : null;
    const title = "#" + text(t.number) + " " + text(t.title);
    return h("li", null,
      href ? h("a", { href }, title) : title, " ",
      badge("status", t.status, labelOf(tr, "status.", t.status)), " ",
      badge("priority", t.priority, labelOf(tr, "priority.", t.priority)));
  }));
}

/** "5 of 8 shown" under a list cut to ROWS. */
const shownOf = (rows, tr) => (rows.length > ROWS ? h("p", { class: "hint" }, tr("dash.shownOf", { shown: ROWS, total: rows.length })) : null);

function ticketsBody(id, data, ctx, labelId) {
  const { tr } = ctx;
  const staff = isStaff(ctx);
  const none = { "open-tickets": staff ? "dash.openTickets.staffNone" : "dash.openTickets.none", approvals: "dash.approvals.none",
    waiting: staff ? "dash.waiting.staffNone" : "dash.waiting.none" }[id];
  return [
    id === "waiting" && staff ? h("p", { class: "hint" }, tr("dash.waiting.staffHint")) : null,
    data.rows.length ? [ticketList(data.rows, ctx, labelId), shownOf(data.rows, tr)] : h("p", null, tr(none))
  ];
}

function slaBody(data, ctx, labelId) {
  const { tr, lang } = ctx;
  return [
    h("p", { class: "hint" }, tr("dash.sla.checked", { hours: SLA_HOURS, n: SLA_QUEUE })),
    data.complete ? null : h("p", { class: "hint" }, tr("dash.sla.incomplete")),
    data.unread.length
      ? h("p", { class: "hint" }, tr("dash.sla.unread", { queues: data.unread.map(s => labelOf(tr, "status.", s)).join(", ") })) : null,
    data.rows.length ? h("ul", { class: "dash-list dash-sla", "aria-labelledby": labelId }, data.rows.slice(0, ROWS).map(r => {
      const href = routeHash({ name: "ticket", token: r.ticketId });
      const breached = r.state === "breached";
      return h("li", { class: breached ? "sla-row-breached" : null },
        h("a", { href }, "#" + text(r.number) + " " + text(r.title)), " ",
        badge("priority", r.priority, labelOf(tr, "priority.", r.priority)), " ",
        badge("sla", r.state, labelOf(tr, "sla.state.", r.state)),
        h("br"),
        labelOf(tr, "sla.target.", r.target), ": ",
        r.dueAt ? h("time", { datetime: r.dueAt }, tr("dash.sla.due", { due: formatAmsterdam(r.dueAt, lang) }))
          : tr("sla.ticket.noDeadline"),
        r.warningAt && !breached
          ? [" · ", h("time", { datetime: r.warningAt }, tr("dash.sla.warnsAt", { at: formatAmsterdam(r.warningAt, lang) }))] : null);
    })) : h("p", null, tr("dash.sla.none", { hours: SLA_HOURS })),
    shownOf(data.rows, tr)
  ];
}

function hoursBody(data, ctx, labelId) {
  const { tr, lang } = ctx;
  const o = data.overview;
  const bundles = (o.bundles || []).filter(b => b.status === "active" || b.status === "pending");
  const forecast = o.forecast || {};
  return [
    o.activeMinutesRemaining !== undefined && o.activeMinutesRemaining !== null
      ? h("p", { class: "dash-figure" }, tr("dash.hours.remaining", { hours: hm(notNegative(o.activeMinutesRemaining)) })) : null,
    o.overBudgetMinutes > 0 ? h("p", null, h("strong", null, tr("dash.hours.overBudget", { hours: hm(o.overBudgetMinutes) }))) : null,
    forecast.text ? h("p", { class: "forecast-text" }, text(forecast.text)) : null,
    bundles.length ? h("ul", { class: "dash-list dash-bundles", "aria-labelledby": labelId }, bundles.slice(0, ROWS).map(b => {
      const href = BUNDLE_ID.test(text(b.id)) ? routeHash({ name: "hour-bundle", bundleId: b.id }) : null;
      const line = tr("dash.hours.bundle", { remaining: hm(notNegative(b.minutesRemaining)), bought: hm(notNegative(b.minutesBought)),
        until: formatDay(b.validUntil, lang) });
      return h("li", null, href ? h("a", { href }, line) : line, " ",
        badge("bundle-status", b.status, b.statusLabel || labelOf(tr, "hours.status.", b.status)));
    })) : h("p", null, tr("dash.hours.none"))
  ];
}

function subscriptionsBody(data, ctx, labelId) {
  const { tr, lang } = ctx;
  return data.rows.length ? [h("ul", { class: "dash-list dash-subscriptions", "aria-labelledby": labelId }, data.rows.slice(0, ROWS)
    .map(s => h("li", null, h("strong", null, text(s.service)), " ",
      badge("subscription-status status-ending", "ending", s.statusLabel || labelOf(tr, "subscriptions.status.", s.status)), " ",
      tr("dash.subscriptions.endsOn", { date: formatDay(s.endDate, lang) })))), shownOf(data.rows, tr)]
    : h("p", null, tr("dash.subscriptions.none"));
}

function invoicesBody(data, ctx) {
  const { tr, lang } = ctx;
  if (!data.rows.length) return h("p", null, tr("dash.invoices.none"));
  return [
    data.total !== null ? h("p", { class: "dash-figure" }, tr("dash.invoices.total", { amount: euros(data.total, lang), n: data.rows.length })) : null,
    scrolling(tr, h("table", { class: "dash-invoices" },
      h("caption", { class: "visually-hidden" }, tr("dash.invoices.caption")),
      h("thead", null, h("tr", null, ["invoices.col.number", "invoices.col.due", "invoices.col.total", "invoices.col.status"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, data.rows.slice(0, ROWS).map(inv => h("tr", null,
        h("th", { scope: "row" }, INVOICE_ID.test(text(inv.id)) ? h("a", { href: routeHash({ name: "invoice", invoiceId: inv.id }) }, text(inv.number))
          : text(inv.number)),
        h("td", null, formatDay(inv.dueDate, lang)),
        h("td", { class: "amount" }, euros(inv.totals && inv.totals.total, lang)),
        h("td", null, badge("invoice-status", inv.status, inv.statusLabel || labelOf(tr, "invoices.status.", inv.status)))))))),
    shownOf(data.rows, tr)
  ];
}

/** "november 2026" (reports.mjs monthName): a report's month in the user's language. */
function monthName(month, lang) {
  if (!REPORT_MONTH.test(text(month))) return text(month);
  const [year, number] = String(month).split("-").map(Number);
  return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, number - 1, 1)));
}

function reportsBody(data, ctx, labelId) {
  const { tr, lang } = ctx;
  return data.rows.length ? h("ul", { class: "dash-list dash-reports", "aria-labelledby": labelId }, data.rows.map(r =>
    h("li", null, tr("reports.card", { month: monthName(r.month, lang) }),
      r.generatedAt ? [" — ", h("span", { class: "hint" }, tr("dash.reports.made", { date: formatAmsterdam(r.generatedAt, lang) }))] : null)))
    : h("p", null, tr("dash.reports.none"));
}

function noticesBody(data, ctx, labelId) {
  const { tr, lang } = ctx;
  return data.rows.length ? [h("ul", { class: "dash-list dash-notices", "aria-labelledby": labelId }, data.rows.slice(0, ROWS).map(n =>
    h("li", null, h("strong", null, text(n.service)), ": ", text(n.title), " ",
      badge("notice-kind", n.kind, labelOf(tr, "notice.kind.", n.kind)), " ",
      badge("notice-status", n.status, labelOf(tr, "notice.status.", n.status)),
      n.expectedEndAt ? [h("br"), h("time", { datetime: n.expectedEndAt }, tr("dash.notices.expectedEnd", { at: formatAmsterdam(n.expectedEndAt, lang) }))]
        : null))), shownOf(data.rows, tr)]
    : h("p", null, tr("dash.notices.none"));
}

function knowledgeBody(data, ctx, labelId) {
  const { tr, lang } = ctx;
  const submit = event => {
    if (event) event.preventDefault();
    const q = data.q.trim().slice(0, KB_QUERY_MAX);
    if (q) ctx.navigate(routeHash({ name: "kb-search", q }));
  };
  return [
    h("form", { role: "search", class: "dash-kb-search", novalidate: true, on: { submit } },
      h("label", { for: "dash-kb-q" }, tr("kb.search.label")),
      h("input", { id: "dash-kb-q", type: "search", value: data.q, maxlength: KB_QUERY_MAX, on: { input: e => { data.q = e.target.value; } } }),
      h("button", { type: "submit" }, tr("kb.search.submit"))),
    data.rows.length ? h("ul", { class: "dash-list dash-kb", "aria-labelledby": labelId }, data.rows.slice(0, ROWS).map(c => h("li", null,
      CATEGORY_ID.test(text(c.categoryId)) ? h("a", { href: routeHash({ name: "kb-category", categoryId: c.categoryId }) }, localized(c.names, lang))
        : localized(c.names, lang), " ",
      h("span", { class: "hint" }, tr(Number(c.articleCount) === 1 ? "kb.count.one" : "kb.count.other", { n: Number(c.articleCount) }))))) : null
  ];
}

function cardBody(id, data, ctx, labelId) {
  switch (id) {
    case "open-tickets":
    case "approvals":
    case "waiting": return ticketsBody(id, data, ctx, labelId);
    case "sla-at-risk": return slaBody(data, ctx, labelId);
    case "hour-bundles": return hoursBody(data, ctx, labelId);
    case "subscriptions": return subscriptionsBody(data, ctx, labelId);
    case "invoices": return invoicesBody(data, ctx);
    case "reports": return reportsBody(data, ctx, labelId);
    case "notices": return noticesBody(data, ctx, labelId);
    case "knowledge": return knowledgeBody(data, ctx, labelId);
    default: return null;
  }
}

/** One widget: a card with its heading, its rows (or "loading", or why it failed) and the link to the whole list. */
export function dashboardCard(id, card, ctx) {
  const { tr } = ctx;
  if (!card || card.status === "hidden") return null;
  const headingId = "dash-" + id + "-heading";
  const more = moreOf(id, ctx);
  const error = card.error;
  return h("section", { class: "dash-card dash-" + id, "aria-labelledby": headingId, "aria-busy": card.status === "loading" ? "true" : "false" },
    h("h2", { id: headingId }, tr(widgetTitleKey(id, isStaff(ctx)))),
    card.status === "loading" ? h("p", { class: "hint" }, tr("loading")) : null,
    card.status === "failed" ? h("p", { class: "dash-failed" }, tr("dash.failed"), " ",
      error && error.status === 0 ? tr("networkError") : text(error && (error.title || error.message))) : null,
    card.status === "failed" && nextStepKey(error) ? h("p", { class: "hint" }, tr(nextStepKey(error))) : null,
    card.status === "done" ? cardBody(id, card.data, ctx, headingId) : null,
    more ? h("p", { class: "dash-more" }, h("a", { href: more.href }, tr(more.key))) : null);
}

export function dashboardView(state, ctx) {
  const { tr } = ctx;
  const cards = state.widgets.map(id => dashboardCard(id, state.cards[id], ctx)).filter(Boolean);
  const settling = state.loading || state.widgets.some(id => state.cards[id] && state.cards[id].status === "loading");
  return page(ctx,
    h("h1", null, tr("dash.heading")),
    h("p", { class: "dash-intro" }, tr("dash.intro"), " ", h("a", { href: routeHash({ name: "account" }) }, tr("dash.settingsLink"))),
    state.meError ? notice(tr("dash.meFailed"), true) : null,
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    !state.loading && state.widgets.length === 0 ? h("p", null, tr("dash.none")) : null,
    !settling && state.widgets.length > 0 && cards.length === 0 ? h("p", null, tr("dash.nothing")) : null,
    h("div", { class: "dash-grid", "aria-busy": settling ? "true" : "false" }, cards));
}

/**
 * The dashboard. Reads GET /me, then every widget on at once; a language change reads them again (the API words some
 * labels, a forecast and statuses, itself). Returns {state, reload}.
 */
export async function dashboardPage(ctx) {
  const state = { me: null, meError: null, loading: true, widgets: [], cards: {}, lang: null };
  // the widgets refused with a 403 since this sign-in (the shell's set, ctx.refusedWidgets): not asked again
  const refused = ctx.refusedWidgets || new Set();
  const render = () => ctx.show(dashboardView(state, ctx));
  let round = 0;

  async function load() {
    const mine = ++round;
    state.loading = true;
    state.meError = null;
    state.lang = ctx.lang;
    render();
    try {
      state.me = await ctx.api.get("/me");
    } catch (e) {
      state.me = null;
      state.meError = e;
    }
    if (mine !== round) return;
    state.widgets = dashboardShown(ctx.role, state.me && state.me.profile);
    // A card refused earlier in this sign-in is hidden from the first render on, not shown loading first.
    state.cards = Object.fromEntries(state.widgets.map(id => [id, { status: refused.has(id) ? "hidden" : "loading" }]));
    state.loading = false;
    render();
    const sent = new Map();
    const get = path => {
      if (!sent.has(path)) sent.set(path, ctx.api.get(path));
      return sent.get(path);
    };
    await Promise.allSettled(state.widgets.filter(id => !refused.has(id)).map(async id => {
      try {
        const data = await READERS[id](ctx, get);
        if (mine === round) state.cards[id] = { status: "done", data };
      } catch (e) {
        if (e && e.status === 403) refused.add(id);
        if (mine === round) state.cards[id] = e && e.status === 403 ? { status: "hidden" } : { status: "failed", error: e };
      }
      if (mine === round) render();
    }));
  }

  ctx.bind(() => (state.lang && state.lang !== ctx.lang ? load() : render()));
  await load();
  return { state, reload: load };
}
