// What every page shares: values of the API in words (priorities, dates on the user's clock and on
// the SLA zone's, the text of a key family's value, hours), and the pieces pages are built of (the
// frame with the main navigation, the problem box, notices, a labelled field with its error, a select).
// Node descriptions only (dom.mjs); data is only ever text.

import { h } from "./dom.mjs";
import { hoursLinks, invoiceLinks, knowledgeLinks, linked, navLinks, reportLinks, slaLinks, subscriptionLinks } from "./routes.mjs";

/** The priorities of a ticket, most urgent first: the order of selects and tables. */
export const PRIORITIES = ["critical", "high", "normal", "low"];

/** A zone's short name at an instant in a language ("CET", "GMT+1", "MEZ"). */
function zoneNameOf(date, lang, timeZone) {
  const part = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "short" }).formatToParts(date).find(p => p.type === "timeZoneName");
  return part ? part.value : "";
}

/**
 * The one way the portal writes a date-time: the language's medium date and short time ("9 dec 2026, 14:46",
 * "Dec 9, 2026, 2:46 PM", "09.12.2026, 14:46"), on the user's clock or on timeZone's, with that zone named when asked
 * ("Dec 9, 2026, 2:46 PM GMT+1"). Every page's date-times go through it (formatDate, formatAmsterdam), so two on one
 * page read alike.
 */
export function formatDateTime(iso, lang, { timeZone, zoneNamed = false } = {}) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const text = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
  const zone = zoneNamed ? zoneNameOf(date, lang, timeZone) : "";
  return zone ? text + " " + zone : text;
}

/** An instant on the user's own clock ("9 dec 2026, 14:46"). */
export function formatDate(iso, lang) {
  return formatDateTime(iso, lang);
}

/** The zone SLA deadlines are agreed in (the business calendar's zone). */
export const SLA_ZONE = "Europe/Amsterdam";

/** An instant in the user's language, on the clock of Europe/Amsterdam, with the zone named ("24 nov 2026, 22:30 CET"). */
export function formatAmsterdam(iso, lang) {
  return formatDateTime(iso, lang, { timeZone: SLA_ZONE, zoneNamed: true });
}

/** The text of a value of a key family (tier., sla.state., ...); a value the portal does not know shows as itself. */
export function labelOf(tr, family, value) {
  const key = family + value;
  const text = tr(key);
  return text === key ? String(value) : text;
}

/** "36 uur" / "1 hour" / "36 Stunden". */
export function hoursText(tr, n) {
  return tr(n === 1 ? "sla.hours.one" : "sla.hours.other", { n });
}

// ---------------------------------------------------------------------------------------------
// The pieces of a page

/**
 * What the user can do next about a refusal, as a text key, by its status (and a stale version by its code): change the
 * input (400, 413, 415, 422), sign in again (401), ask an administrator (403), go back to the list (404), read the new
 * state and try again (409), start again (410), wait and retry (429), retry later or call the service desk (5xx). A
 * network failure's own sentence (networkError) already says it: check the connection, what was typed is kept. None for
 * a status without advice.
 */
export function nextStepKey(error) {
  if (!error || typeof error.status !== "number") return null;
  const status = error.status;
  if (status === 0) return null;
  if (status === 409) {
    // version-conflict: someone else changed it; illegal-state: the state does not allow it (a rule, not a change);
    // rate-missing: a price must be agreed first; else it changed meanwhile
    const byCode = { "version-conflict": "next.versionConflict", "illegal-state": "next.illegalState", "rate-missing": "next.rateMissing" };
    return byCode[error.code] || "next.409";
  }
  if ([400, 413, 415, 422].includes(status)) return "next.input";
  if ([401, 403, 404, 410, 429].includes(status)) return "next." + status;
  // An outage of a service behind the API (503 service-unavailable, with Retry-After): a retry soon works;
  // any other 5xx (a 502 or 503 from API Gateway itself included) is a fault of ours
  if (status === 503 && error.code === "service-unavailable") return "next.outage";
  return status >= 500 ? "next.5xx" : null;
}

/**
 * The problems whose detail is the API's English only, with nothing the title (in the user's language) does not say:
 * "The request has invalid fields" of validation-failed; its fields are said at the form, in words (forms.mjs errorText).
 */
const TITLE_SAYS_IT = ["validation-failed"];

/** A refusal shown to the user: the problem's title and detail, what to do next, plus field errors no field shows. */
export function problemBox(error, tr, unshown = []) {
  if (!error) return null;
  const network = error.status === 0;
  const next = nextStepKey(error);
  const detail = !network && !TITLE_SAYS_IT.includes(error.code) ? error.detail : "";
  return h("div", { class: "problem", role: "alert" },
    h("p", { class: "problem-title" }, network ? tr("networkError") : error.title || tr("networkError")),
    // the API's detail is English and has no translation: said as the system's message, in English (lang for screen readers)
    detail ? h("p", { class: "problem-detail" }, tr("problem.detail"), " ", h("span", { lang: "en" }, detail)) : null,
    next ? h("p", { class: "problem-next" }, tr(next)) : null,
    unshown.length ? h("ul", null, unshown.map(([field, message]) => h("li", null, field + ": " + message))) : null);
}

/**
 * A table that scrolls sideways within itself when the window is narrower than the table (a phone): the page
 * itself never does. A focusable, named group, so the keyboard scrolls it too (axe: scrollable-region-focusable).
 */
export function scrolling(tr, table) {
  return h("div", { class: "table-scroll", role: "group", tabindex: "0", "aria-label": tr("table.scroll") }, table);
}

/** A status or priority as a badge: its word, with the colour of class kind-value as a second cue (style.css). */
export function badge(kind, value, text) {
  return h("span", { class: "badge " + kind + "-" + String(value).replace(/[^a-z0-9-]/gi, "") }, text);
}

export function notice(text, urgent) {
  return text ? h("p", { class: urgent ? "notice warning" : "notice", role: urgent ? "alert" : "status" }, text) : null;
}

export function fieldMessage(error, tr) {
  return error === "is required" ? tr("fieldRequired") : error;
}

/** A labelled control with its error next to it (aria-describedby), ids f-<name> and e-<name>. */
export function field(name, label, control, { error, required, tr }) {
  const id = "f-" + name;
  control.attrs.id = id;
  control.attrs.name = name;
  if (required) control.attrs["aria-required"] = "true";
  if (error) {
    control.attrs["aria-invalid"] = "true";
    control.attrs["aria-describedby"] = "e-" + name;
  }
  return h("div", { class: "field" },
    h("label", { for: id }, label, required ? h("span", { class: "required" }, " " + tr("requiredMark")) : null),
    control,
    error ? h("p", { class: "field-error", id: "e-" + name }, fieldMessage(error, tr)) : null);
}

export function select(options, value, onChange) {
  return h("select", { on: { change: onChange } },
    options.map(([optionValue, label]) => h("option", { value: optionValue, selected: optionValue === value }, label)));
}

export const valueOf = event => event.target.value;

function header(ctx) {
  return h("nav", { "aria-label": ctx.tr("nav.main"), class: "main-nav" },
    linked(ctx.role) ? h("a", { href: "#/" }, ctx.tr("nav.dashboard")) : null,
    h("a", { href: "#/tickets" }, ctx.tr("nav.tickets")),
    h("a", { href: "#/tickets/new" }, ctx.tr("nav.new")),
    linked(ctx.role) ? h("a", { href: "#/sla" }, ctx.tr("nav.sla")) : null,
    slaLinks(ctx.role).map(link => h("a", { href: link.href }, ctx.tr(link.key))),
    hoursLinks(ctx.role).map(link => h("a", { href: link.href }, ctx.tr(link.key))),
    subscriptionLinks(ctx.role).map(link => h("a", { href: link.href }, ctx.tr(link.key))),
    reportLinks(ctx.role).map(link => h("a", { href: link.href }, ctx.tr(link.key))),
    invoiceLinks(ctx.role).map(link => h("a", { href: link.href }, ctx.tr(link.key))),
    knowledgeLinks(ctx.role).map(link => h("a", { href: link.href }, ctx.tr(link.key))),
    navLinks(ctx.role).map(link => h("a", { href: link.href }, ctx.tr(link.key))));
}

export function page(ctx, ...children) {
  return h("div", null, header(ctx), notice(ctx.flashed), ...children);
}

/**
 * A control whose label is hidden but named, with its error right under it (ids f-<name>, e-<name>):
 * the parts to place in a table cell or an inline row.
 */
export function labelledControl(name, label, control, error) {
  control.attrs.id = "f-" + name;
  control.attrs.name = name;
  if (error) {
    control.attrs["aria-invalid"] = "true";
    control.attrs["aria-describedby"] = "e-" + name;
  }
  return [h("label", { for: "f-" + name, class: "visually-hidden" }, label), control,
    error ? h("p", { class: "field-error", id: "e-" + name }, error) : null];
}

/**
 * The first load of a provider staff page about one customer: the customer (for the heading) and the
 * page's own data in parallel. A failed customer read leaves the heading without the name; a failed
 * page read is the page's error. Then the page renders with what it has.
 */
export async function loadWithCustomer(ctx, customerId, state, load, render) {
  const [customer, own] = await Promise.allSettled([ctx.api.get("/customers/" + encodeURIComponent(customerId)), load()]);
  if (customer.status === "fulfilled") state.customer = customer.value;
  if (own.status === "rejected") state.error = own.reason;
  state.loading = false;
  render();
}
