// The hours' pieces shared by the hour pages (hours.mjs, billing.mjs) and the ticket page's time section
// (timelog.mjs): minutes as h:mm and back, dates and euros in words, the bundle meter, the registrations
// table with its totals, the staff's registration form and its body, the registrations query and the
// export download. Like widgets.mjs: node descriptions only (dom.mjs); data is only ever text.
//
// The API (BillingFunction) answers labels of its own in the caller's language (a bundle's statusLabel, a
// line's typeLabel and invoiceStatusLabel, the forecast's text): those are shown exactly as answered.

import { h } from "./dom.mjs";
import { errorsFrom } from "./forms.mjs";
import { routeHash, TICKET_TOKEN } from "./routes.mjs";
import { field, fieldMessage, labelOf, notice, problemBox, select, valueOf, scrolling } from "./widgets.mjs";

/** "Type registratie" (RegistrationType on the server), in the order of the seed's filter. */
export const REGISTRATION_TYPES = ["bundle", "ad-hoc-billable", "ad-hoc-service"];
/** A line's invoice status (InvoiceStatus on the server): the keys of totals.byInvoiceStatus. */
export const INVOICE_STATUSES = ["to-invoice", "invoiced", "bundle", "service"];
/** The export formats of GET …/time-registrations/export. */
export const EXPORT_FORMATS = ["pdf", "xlsx"];
/** The provider's calendar day is Europe/Amsterdam's (BillingDates on the server). */
export const HOURS_ZONE = "Europe/Amsterdam";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Values in words

/** Minutes as h:mm: 90 → "1:30", 5 → "0:05", -45 → "-0:45" (a reversal line); not a number → "0:00". */
export function hm(minutes) {
  const n = Math.trunc(Number(minutes));
  if (!Number.isFinite(n)) return "0:00";
  const whole = Math.abs(n);
  return (n < 0 ? "-" : "") + Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
}

/** A meter's figure: a whole number of minutes, never below zero. */
export function notNegative(minutes) {
  const n = Math.trunc(Number(minutes));
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Time as an agent types it: "50" (minutes) or "1:30" (h:mm) → minutes; anything else → null. */
export function parseDuration(text) {
  const t = String(text === undefined || text === null ? "" : text).trim();
  const minutes = /^(\d{1,4})$/.exec(t);
  if (minutes) return Number(minutes[1]);
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  return clock ? Number(clock[1]) * 60 + Number(clock[2]) : null;
}

/** Hours as an admin types them: "10", "7,5", "7.25" or "7:30" → whole minutes (450); anything else → null. */
export function parseHours(text) {
  const t = String(text === undefined || text === null ? "" : text).trim();
  const decimal = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(t);
  if (decimal) return Math.round(Number(decimal[1] + "." + (decimal[2] || "0")) * 60);
  const clock = /^(\d{1,6}):([0-5]\d)$/.exec(t);
  return clock ? Number(clock[1]) * 60 + Number(clock[2]) : null;
}

/**
 * The separators of an amount as the user's language writes it (as euros() shows it): nl and de "1.234,50", en "1,234.50".
 */
const SEPARATORS = { nl: { group: ".", decimal: "," }, de: { group: ".", decimal: "," }, en: { group: ",", decimal: "." } };
const escape = c => "\\" + c;

/**
 * An amount in euros as typed, read the way the user's language writes it: "950", "950,00", "1.234,50", "€ 1.234,50" or
 * "1.234,50 €" (nl, de; en "1,234.50"); a single separator followed by one or two digits is the decimal one in any
 * language ("95.5", "95,50": never a thousands group). Anything else is null: two kinds of separator the wrong way round
 * ("1,234.50" in Dutch), groups not of three digits ("1.23,4"), three decimals ("1,250" in Dutch, "1.250" in English),
 * a sign, letters, or more than 9 whole digits.
 */
export function parseEuros(text, lang = "nl") {
  const { group, decimal } = SEPARATORS[lang] || SEPARATORS.nl;
  const other = decimal === "," ? "." : ",";
  const typed = String(text === undefined || text === null ? "" : text).trim();
  // the euro sign before ("€ 1.234,50") or after ("1.234,50 €", as German writes it), once
  const t = typed.startsWith("€") ? typed.replace(/^€[\s\u00a0\u202f]*/, "") : typed.replace(/[\s\u00a0\u202f]*€$/, "");
  const g = escape(group);
  const d = escape(decimal);
  const plain = new RegExp("^(\\d{1,9})(?:[" + d + escape(other) + "](\\d{1,2}))?$").exec(t);
  if (plain) return Number(plain[1] + "." + (plain[2] || "0"));
  const grouped = new RegExp("^(\\d{1,3}(?:" + g + "\\d{3})+)(?:" + d + "(\\d{1,2}))?$").exec(t);
  if (!grouped) return null;
  const whole = grouped[1].split(group).join("");
  return whole.length <= 9 ? Number(whole + "." + (grouped[2] || "0")) : null;
}

/** A calendar date ("2026-11-20") in words, "20 nov 2026"; no zone shifts it. */
export function formatDay(date, lang) {
  const m = ISO_DATE.exec(String(date || ""));
  if (!m) return String(date || "");
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(day.getTime())) return String(date);
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(day);
}

/** An amount the API gives as text ("950.00") in euros in the user's language ("€ 950,00"). */
export function euros(amount, lang) {
  const n = Number(amount);
  if (amount === undefined || amount === null || amount === "" || !Number.isFinite(n)) return String(amount || "");
  return new Intl.NumberFormat(lang, { style: "currency", currency: "EUR" }).format(n);
}

/** Today (yyyy-mm-dd) on the provider's calendar; a test's ctx.today() fixes it. */
export function todayOf(ctx) {
  if (ctx && typeof ctx.today === "function") return ctx.today();
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: HOURS_ZONE, year: "numeric", month: "2-digit",
    day: "2-digit" }).formatToParts(new Date()).map(p => [p.type, p.value]));
  return parts.year + "-" + parts.month + "-" + parts.day;
}

/** The month of a day: {from: its first day, to: its last day}. */
export function monthOf(day) {
  const m = ISO_DATE.exec(String(day || ""));
  if (!m) return { from: "", to: "" };
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { from: m[1] + "-" + m[2] + "-01", to: m[1] + "-" + m[2] + "-" + String(last).padStart(2, "0") };
}

/** A day some months earlier (clamped to the month's length): ("2026-03-31", 1) → "2026-02-28". */
export function monthsBefore(day, months) {
  const m = ISO_DATE.exec(String(day || ""));
  if (!m) return "";
  const target = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const date = Math.min(Number(m[3]), last);
  return target.getUTCFullYear() + "-" + String(target.getUTCMonth() + 1).padStart(2, "0") + "-" + String(date).padStart(2, "0");
}

export const typeLabel = (tr, type) => labelOf(tr, "hours.type.", type);
export const invoiceLabel = (tr, status) => labelOf(tr, "hours.invoice.", status);

/** Whether an answer's refusal is the 403 of a customer user whose organisation shows hours to admins only. */
export function hoursHidden(error) {
  return !!error && error.status === 403;
}

/** The sentence a customer user reads instead of the hours when the organisation shows them to admins only. */
export function hiddenNotice(ctx) {
  return h("div", { class: "hours-hidden", role: "status" },
    h("p", null, h("strong", null, ctx.tr("hours.hidden.title"))),
    h("p", null, ctx.tr("hours.hidden.text")));
}

// ---------------------------------------------------------------------------------------------
// Paths

/** The base of the hour routes: the caller's own (customers) or a customer's (provider staff). */
export function hoursBase(customerId) {
  return customerId ? "/customers/" + encodeURIComponent(customerId) : "";
}

/** The query of GET …/time-registrations for a filter {from, to, type, ticket}: only what is given, in that order. */
export function registrationsQuery(filter) {
  const params = new URLSearchParams();
  for (const key of ["from", "to", "type", "ticket"]) {
    const value = String((filter && filter[key]) || "").trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function registrationsPath(customerId, filter) {
  const query = registrationsQuery(filter);
  return hoursBase(customerId) + "/time-registrations" + (query ? "?" + query : "");
}

/** GET …/time-registrations/export: the format, then exactly the filter of the list shown. */
export function exportPath(customerId, filter, format) {
  const query = registrationsQuery(filter);
  return hoursBase(customerId) + "/time-registrations/export?format=" + encodeURIComponent(format) + (query ? "&" + query : "");
}

/** The export's name in the reader's language, as the API names it (ExportRegistrations), for a download it names not. */
const EXPORT_NAMES = { nl: "urenregistraties", en: "time-registrations", de: "Zeiterfassung" };

export function exportFallbackName(lang, format) {
  return (EXPORT_NAMES[lang] || EXPORT_NAMES.nl) + "." + format;
}

/** Fetches an export with the token and saves it under the server's file name (ctx.saveFile: a Blob + object URL). */
export async function exportFile(ctx, customerId, filter, format) {
  const file = await ctx.api.download(exportPath(customerId, filter, format), exportFallbackName(ctx.lang, format));
  ctx.saveFile(file);
  return file;
}

/** The ticket a line names, linked where its token is known (the customer's id and the number). */
function ticketLink(number, customerId) {
  if (number === undefined || number === null) return "";
  const token = customerId + "-" + number;
  return customerId && TICKET_TOKEN.test(token) ? h("a", { href: routeHash({ name: "ticket", token }) }, "#" + number) : "#" + number;
}

// ---------------------------------------------------------------------------------------------
// The bundle meter

/**
 * A bundle as its meter shows it: the hours remaining first, then used and bought (never a negative figure);
 * its status label, validity, price, the request it was ordered with and its forecast. A pending bundle is
 * shown as ordered ("Besteld"), without a meter: none of its hours can be used yet.
 */
export function bundleMeter(bundle, ctx, { href, customerId, headingLevel = "h3", actions = null } = {}) {
  const { tr, lang } = ctx;
  const remaining = notNegative(bundle.minutesRemaining);
  const used = notNegative(bundle.minutesUsed);
  const bought = notNegative(bundle.minutesBought);
  const rolledIn = notNegative(bundle.minutesRolledIn);
  const lapsed = notNegative(bundle.minutesLapsed);
  const rolledOut = notNegative(bundle.minutesRolledOut);
  const capacity = Math.max(bought + rolledIn, 1);
  const pending = bundle.status === "pending";
  const status = bundle.statusLabel || labelOf(tr, "hours.status.", bundle.status);
  const title = tr("hours.bundle.title", { hours: hm(bought) });
  const row = (label, value) => [h("dt", null, label), h("dd", null, value)];
  const outlook = [];
  if (bundle.forecastUsedUpOn) {
    outlook.push(h("p", { class: "bundle-forecast" }, tr("hours.bundle.usedUpOn", { date: formatDay(bundle.forecastUsedUpOn, lang) })));
  } else if (bundle.forecastMinutesLeftAtEnd !== undefined && bundle.forecastMinutesLeftAtEnd !== null) {
    outlook.push(h("p", { class: "bundle-forecast" }, tr("hours.bundle.leftAtEnd", {
      hours: hm(notNegative(bundle.forecastMinutesLeftAtEnd)), date: formatDay(bundle.validUntil, lang) })));
  }
  return h("article", { class: "bundle bundle-" + String(bundle.status || "unknown").replace(/[^a-z-]/g, "") },
    h(headingLevel, null, href ? h("a", { href }, title) : title, " ",
      h("span", { class: "bundle-status" }, status)),
    pending
      ? h("p", { class: "bundle-ordered" }, tr("hours.bundle.ordered", { hours: hm(bought), date: formatDay(bundle.validFrom, lang) }))
      : [h("p", { class: "meter-figures" },
        h("strong", { class: "remaining" }, tr("hours.meter.remaining", { hours: hm(remaining) })), " · ",
        h("span", { class: "used" }, tr("hours.meter.used", { hours: hm(used) })), " · ",
        h("span", { class: "bought" }, tr("hours.meter.bought", { hours: hm(bought) })),
        rolledIn ? [" · ", h("span", { class: "rolled-in" }, tr("hours.meter.rolledIn", { hours: hm(rolledIn) }))] : null),
      h("meter", { class: "hours-meter", min: 0, max: capacity, value: Math.min(remaining, capacity),
        low: Math.round(capacity * 0.2), high: Math.round(capacity * 0.5), optimum: capacity,
        "aria-label": tr("hours.meter.label", { remaining: hm(remaining), bought: hm(bought) }) },
      tr("hours.meter.label", { remaining: hm(remaining), bought: hm(bought) }))],
    lapsed || rolledOut ? h("p", { class: "bundle-carry" },
      lapsed ? tr("hours.meter.lapsed", { hours: hm(lapsed) }) : null, lapsed && rolledOut ? " · " : null,
      rolledOut ? tr("hours.meter.rolledOut", { hours: hm(rolledOut) }) : null) : null,
    outlook,
    h("dl", { class: "facts" },
      row(tr("hours.bundle.validity"), tr("hours.bundle.period", { from: formatDay(bundle.validFrom, lang),
        to: formatDay(bundle.validUntil, lang) })),
      row(tr("hours.bundle.price"), euros(bundle.price, lang)),
      bundle.requestTicket !== undefined && bundle.requestTicket !== null
        ? row(tr("hours.bundle.request"), ticketLink(bundle.requestTicket, customerId)) : null),
    actions);
}

/**
 * The forecast's sentence: the API's, which speaks to the customer ("uw uren"); for staff (about = the customer's name)
 * the portal's own, about that customer, where the API's would say "uw".
 */
function forecastText(forecast, ctx, about) {
  if (about === null || forecast.kind !== "runs-out" || !forecast.runsOutOn) return forecast.text || "";
  return ctx.tr("hours.staff.forecast.runsOut", { customer: about, date: formatDay(forecast.runsOutOn, ctx.lang) });
}

/**
 * The top of an hours overview: what is left, over-budget time, the forecast. The customer's pages speak to the customer
 * ("uw bundels"); a staff page passes the customer's name as `about` and reads about that customer instead.
 */
export function overviewHead(overview, ctx, { about = null } = {}) {
  const { tr } = ctx;
  const staff = about !== null;
  const over = notNegative(overview.overBudgetMinutes);
  const forecast = overview.forecast || {};
  const remaining = hm(notNegative(overview.activeMinutesRemaining));
  const text = forecastText(forecast, ctx, about);
  return [
    h("p", { class: "hours-total" }, tr(staff ? "hours.staff.activeRemaining" : "hours.activeRemaining",
      { hours: remaining, customer: about })),
    over > 0 ? h("div", { class: "notice warning over-budget", role: "alert" },
      h("p", null, h("strong", null, tr("hours.overBudget.title", { hours: hm(over) }))),
      h("p", null, tr(staff ? "hours.staff.overBudget.text" : "hours.overBudget.text"))) : null,
    text || forecast.minutesPerWeek !== undefined ? h("section", { class: "forecast", "aria-labelledby": "forecast-heading" },
      h("h2", { id: "forecast-heading" }, tr("hours.forecast.heading")),
      text ? h("p", { class: "forecast-text" }, text) : null,
      forecast.minutesPerWeek !== undefined && forecast.minutesPerWeek !== null
        ? h("p", { class: "hint" }, tr(staff ? "hours.staff.forecast.pace" : "hours.forecast.pace",
          { hours: hm(notNegative(forecast.minutesPerWeek)) })) : null) : null
  ];
}

// ---------------------------------------------------------------------------------------------
// The registrations

/** The lines of a list grouped by registration (a registration books one or more lines), in the list's order. */
export function registrationsOf(entries) {
  const groups = new Map();
  for (const line of entries || []) {
    const key = line.registrationId || line.id;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(line);
  }
  return groups;
}

/**
 * Whether staff may correct a registration (CorrectRegistration on the server): none of its lines is a
 * reversal, corrected already, or invoiced (a credit invoice corrects invoiced time).
 */
export function correctable(lines) {
  return lines.length > 0 && lines.every(l => !l.reverses && !l.correctedBy && l.invoiceStatus !== "invoiced");
}

/**
 * The registrations table: date, time as h:mm, type, the invoice status exactly as the server labels it,
 * agent, description, ticket; for staff the internal note, and (with correct) "Corrigeren" on the first
 * line of each registration that may still be corrected; after(lines) may give what to show in a row of its own
 * under a registration's last line (the correction's form).
 */
export function registrationsTable(entries, ctx, { staff = false, customerId, correct, busy, caption, after } = {}) {
  const { tr, lang } = ctx;
  const groups = registrationsOf(entries);
  const heads = ["hours.col.date", "hours.col.time", "hours.col.type", "hours.col.invoice", "hours.col.agent", "hours.col.description",
    "hours.col.ticket"];
  if (staff) heads.push("hours.col.note");
  if (correct) heads.push("admin.col.actions");
  const rows = (entries || []).flatMap(line => {
    const group = groups.get(line.registrationId || line.id) || [line];
    const first = group[0] === line;
    const below = after && group[group.length - 1] === line ? after(group) : null;
    const marks = [
      line.reverses ? h("span", { class: "line-mark reversal" }, tr("hours.line.reversal")) : null,
      line.correctedBy ? h("span", { class: "line-mark corrected" }, tr("hours.line.corrected")) : null,
      line.overflow ? h("span", { class: "line-mark overflow" }, tr("hours.line.overflow")) : null
    ].filter(Boolean);
    const row = h("tr", { class: line.reverses ? "reversal" : line.correctedBy ? "corrected" : null },
      h("td", null, h("time", { datetime: line.date }, formatDay(line.date, lang))),
      h("td", { class: "minutes" }, hm(line.minutes),
        line.registeredMinutes !== undefined && line.registeredMinutes !== line.minutes && !line.reverses && first && group.length === 1
          ? h("span", { class: "hint" }, " " + tr("hours.line.registered", { hours: hm(line.registeredMinutes) })) : null),
      h("td", null, line.typeLabel || typeLabel(tr, line.type)),
      h("td", { class: "invoice-status" }, line.invoiceStatusLabel || invoiceLabel(tr, line.invoiceStatus)),
      h("td", null, line.agentName || ""),
      h("td", { class: "text" }, line.description || "", marks.length ? [" ", ...marks] : null),
      h("td", null, ticketLink(line.ticketNumber, customerId)),
      staff ? h("td", { class: "text internal" }, line.internalNote || "") : null,
      correct ? h("td", null, first && correctable(group)
        ? h("button", { type: "button", class: "correct", disabled: !!busy, on: { click: () => correct(group) } },
          tr("hours.correct"), h("span", { class: "visually-hidden" }, " " + tr("hours.correctOf", { date: formatDay(line.date, lang) })))
        : null) : null);
    return below ? [row, h("tr", { class: "registration-detail" }, h("td", { colspan: heads.length }, below))] : [row];
  });
  return scrolling(tr, h("table", { class: "registrations" },
    h("caption", { class: "visually-hidden" }, caption || tr("hours.registrations.heading")),
    h("thead", null, h("tr", null, heads.map(key => h("th", { scope: "col" }, tr(key))))),
    h("tbody", null, rows)));
}

/** The list's totals: minutes per type and per invoice status, overall, and the billable value in euros. */
export function totalsSection(totals, ctx) {
  const { tr, lang } = ctx;
  if (!totals) return null;
  const byType = totals.byType || {};
  const byStatus = totals.byInvoiceStatus || {};
  const row = (label, value, cls) => h("tr", { class: cls || null }, h("th", { scope: "row" }, label), h("td", { class: "minutes" }, value));
  const unpriced = notNegative(totals.unpricedMinutes);
  return h("section", { class: "totals", "aria-labelledby": "totals-heading" },
    h("h2", { id: "totals-heading" }, tr("hours.totals.heading")),
    h("div", { class: "totals-tables" },
      scrolling(tr, h("table", { class: "totals-by-type" },
        h("caption", null, tr("hours.totals.byType")),
        h("tbody", null, REGISTRATION_TYPES.map(t => row(typeLabel(tr, t), hm(byType[t] || 0)))))),
      scrolling(tr, h("table", { class: "totals-by-status" },
        h("caption", null, tr("hours.totals.byStatus")),
        h("tbody", null, INVOICE_STATUSES.map(s => row(invoiceLabel(tr, s), hm(byStatus[s] || 0))))))),
    h("dl", { class: "facts" },
      h("dt", null, tr("hours.totals.minutes")), h("dd", { class: "total-minutes" }, hm(totals.minutes || 0)),
      h("dt", null, tr("hours.totals.value")), h("dd", { class: "billable-value" }, euros(totals.billableValue, lang))),
    unpriced > 0 ? h("p", { class: "hint" }, tr("hours.totals.unpriced", { hours: hm(unpriced) })) : null);
}

// ---------------------------------------------------------------------------------------------
// The staff's registration form (a new registration, or the replacement of a correction)

export function registrationDraft(today, from) {
  const line = from || {};
  return { date: line.date || today, duration: line.registeredMinutes ? hm(line.registeredMinutes) : "",
    type: line.type || "bundle", description: line.description || "", internalNote: line.internalNote || "",
    ticket: line.ticketNumber !== undefined && line.ticketNumber !== null ? String(line.ticketNumber) : "" };
}

/** A ticket's number as typed ("42" or "#42"). */
export const TICKET_NUMBER = /^[1-9][0-9]{0,7}$/;

/**
 * The ticket number typed in a registration form's optional ticket field: {ticketNumber} (null when left empty:
 * time without a ticket) or {errors} when it is no ticket number.
 */
export function typedTicket(draft, tr) {
  const ticket = String((draft && draft.ticket) || "").trim().replace(/^#/, "");
  if (!ticket) return { ticketNumber: null };
  return TICKET_NUMBER.test(ticket) ? { ticketNumber: Number(ticket) } : { errors: { ticketNumber: tr("hours.error.ticket") } };
}

/**
 * The body of POST …/time-registrations (and of a correction) for a draft, with the ticket's number; or the
 * errors found before sending, all at once (time neither minutes nor h:mm, no description, no date): {body} | {errors}.
 */
export function registrationBody(draft, ticketNumber, tr) {
  const minutes = parseDuration(draft.duration);
  const errors = {};
  if (minutes === null) errors.minutes = String(draft.duration || "").trim() ? tr("hours.error.duration") : tr("fieldRequired");
  // the API requires a description too: said together with the time, not after the time was fixed
  if (!String(draft.description || "").trim()) errors.description = tr("fieldRequired");
  if (!String(draft.date || "").trim()) errors.date = tr("fieldRequired");
  if (Object.keys(errors).length) return { errors };
  const body = { date: draft.date, minutes, type: draft.type, description: draft.description };
  if (String(draft.internalNote || "").trim()) body.internalNote = draft.internalNote;
  if (ticketNumber !== undefined && ticketNumber !== null) body.ticketNumber = ticketNumber;
  return { body };
}

/** {field: text} of a refused registration: the server's field names, in the user's language where known. */
export function registrationErrors(error, tr) {
  const errors = errorsFrom(error, tr);
  for (const e of (error && error.errors) || []) {
    if (e && e.code === "in-future") errors[e.field] = tr("hours.error.inFuture");
    if (e && e.code === "too-old") errors[e.field] = tr("hours.error.tooOld");
    if (e && e.code === "range" && e.field === "minutes") errors.minutes = tr("hours.error.minutesRange");
  }
  return errors;
}

const REGISTRATION_FIELDS = ["date", "minutes", "type", "description", "internalNote"];

/**
 * The form: date (today by default), time (minutes or h:mm), type, with ticketField an optional ticket number
 * (draft.ticket; typedTicket() reads it), description, internal note; ids f-<prefix>.<field>.
 */
export function registrationForm(form, ctx, { prefix, heading, headingId, headingLevel = "h3", submitLabel, onSubmit, onCancel,
  ticketField = false }) {
  const { tr } = ctx;
  const { draft } = form;
  const errors = form.errors || {};
  const shown = ticketField ? [...REGISTRATION_FIELDS, "ticketNumber"] : REGISTRATION_FIELDS;
  const at = (name, label, control, required, hint) => {
    const desc = field(prefix + "." + name, label, control, { error: errors[name], required, tr });
    if (hint) {
      control.attrs["aria-describedby"] = [control.attrs["aria-describedby"], "h-" + prefix + "." + name].filter(Boolean).join(" ");
      desc.children.splice(2, 0, h("div", { class: "hint", id: "h-" + prefix + "." + name }, hint));
    }
    return desc;
  };
  const unshown = Object.entries(errors).filter(([name]) => !shown.includes(name)).map(([n, m]) => [n, fieldMessage(m, tr)]);
  return h("form", { novalidate: true, class: "registration-form", "aria-labelledby": headingId,
    on: { submit: e => { if (e) e.preventDefault(); return onSubmit(); } } },
  h(headingLevel, { id: headingId }, heading),
  notice(form.notice),
  Object.keys(errors).length ? notice(tr("formHasErrors"), true) : null,
  problemBox(form.error, tr, unshown),
  at("date", tr("hours.field.date"), h("input", { type: "date", value: draft.date, max: form.today || undefined,
    on: { input: e => { draft.date = valueOf(e); } } }), true),
  at("minutes", tr("hours.field.duration"), h("input", { type: "text", inputmode: "numeric", value: draft.duration, maxlength: 8,
    on: { input: e => { draft.duration = valueOf(e); } } }), true, tr("hours.field.durationHint")),
  at("type", tr("hours.filter.type"), select(REGISTRATION_TYPES.map(t => [t, typeLabel(tr, t)]), draft.type,
    e => { draft.type = valueOf(e); }), true),
  ticketField ? at("ticketNumber", tr("hours.field.ticket"), h("input", { type: "text", inputmode: "numeric", value: draft.ticket || "",
    maxlength: 9, on: { input: e => { draft.ticket = valueOf(e); } } }), false, tr("hours.field.ticketHint")) : null,
  at("description", tr("hours.field.description"), h("textarea", { rows: 3, maxlength: 2000,
    on: { input: e => { draft.description = valueOf(e); } } }, draft.description), true, tr("hours.field.descriptionHint")),
  at("internalNote", tr("hours.field.internalNote"), h("textarea", { rows: 2, maxlength: 4000,
    on: { input: e => { draft.internalNote = valueOf(e); } } }, draft.internalNote), false, tr("hours.field.internalNoteHint")),
  h("div", { class: "buttons" },
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("submitting") : submitLabel),
    onCancel ? h("button", { type: "button", disabled: form.busy, on: { click: onCancel } }, tr("sla.cancel")) : null));
}
