// #/sla: the SLA table (GET /sla: a customer's own tier, every tier for provider staff) and the business
// calendar (GET /sla/calendar), as the seed's SLA help page explains them. Provider admins also get the
// edit forms: a tier's row (PUT /sla/tiers/{tier}) and the calendar (PUT /sla/calendar), each sent with
// the version that was read; a stale one (409) reloads, says so and keeps what was typed.
//
// #/sla/compliance: the monthly figures. #/sla/at-risk (provider staff): the open tickets whose deadline falls within
// the next N hours, soonest breach first (GET /sla/at-risk).
//
// Like tickets.mjs: state in a plain object, pure view functions into node descriptions, ctx.show() mounts.

import { loadAll } from "./api.mjs";
import { h } from "./dom.mjs";
import { errorText as fieldErrorText } from "./forms.mjs";
import { localized } from "./i18n.mjs";
import { AT_RISK_WINDOWS, routeHash, TICKET_TOKEN } from "./routes.mjs";
import { badge, field, formatAmsterdam, hoursText, labelledControl, labelOf, notice, page, PRIORITIES, problemBox,
  select, SLA_ZONE, valueOf, scrolling } from "./widgets.mjs";
import { assigneeText, loadPeople, namesOf } from "./work.mjs";

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
export const CALENDARS = ["24x7", "business"];
export const LIBERATION_DAY = ["never", "lustrum-years", "every-year"];
const AROUND_THE_CLOCK = "24x7";

// ---------------------------------------------------------------------------------------------
// Texts derived from the data

/** "2026-12-25" → "vrijdag 25 december 2026" (a calendar date: no zone shifts it). */
export function formatDay(date, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date || ""));
  if (!m) return String(date || "");
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(day.getTime())) return String(date);
  return new Intl.DateTimeFormat(lang, { dateStyle: "full", timeZone: "UTC" }).format(day);
}

/** Today's date (yyyy-mm-dd) in a zone. */
function todayIn(zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: zone, year: "numeric", month: "2-digit",
    day: "2-digit" }).formatToParts(new Date()).map(p => [p.type, p.value]));
  return parts.year + "-" + parts.month + "-" + parts.day;
}

function listText(items, lang) {
  return new Intl.ListFormat(lang, { type: "conjunction" }).format(items);
}

function orderedTargets(tier) {
  const targets = (tier && tier.targets) || [];
  const known = PRIORITIES.map(p => targets.find(t => t.priority === p)).filter(Boolean);
  return [...known, ...targets.filter(t => !PRIORITIES.includes(t.priority))];
}

/**
 * Which priorities are handled around the clock (the on-call service, "storingsdienst"), read from the
 * tier's calendars — never assumed per priority.
 */
export function aroundTheClockText(tier, ctx) {
  const { tr, lang } = ctx;
  const targets = orderedTargets(tier);
  const names = list => listText(list.map(t => labelOf(tr, "priority.", t.priority)), lang);
  const allDay = targets.filter(t => t.calendar === AROUND_THE_CLOCK);
  const office = targets.filter(t => t.calendar !== AROUND_THE_CLOCK);
  if (targets.length === 0) return null;
  if (office.length === 0) return tr("sla.allDay.all");
  if (allDay.length === 0) return tr("sla.allDay.none");
  return tr("sla.allDay.some", { priorities: names(allDay), others: names(office) });
}

/** The waiting-for-customer policy in words, or that it is off. */
export function waitingText(waiting, tr) {
  if (!waiting) return null;
  if (!waiting.enabled) return tr("sla.waiting.off");
  const days = waiting.reminderAfterBusinessDays;
  const reminders = waiting.remindersBeforeDrop;
  return tr("sla.waiting.on", {
    days: tr(days === 1 ? "sla.waiting.days.one" : "sla.waiting.days.other", { n: days }),
    reminders: tr(reminders === 1 ? "sla.waiting.reminders.one" : "sla.waiting.reminders.other", { n: reminders })
  });
}

/** A field error of an SLA form in the SLA's own words where its code is known; else as forms.mjs says it. */
function errorText(problem, tr) {
  const range = /(\d+)\.\.(\d+)/.exec(problem.message || "");
  switch (problem.code) {
    case "range": return range ? tr("sla.error.range", { min: range[1], max: range[2] }) : fieldErrorText(problem, tr);
    case "not-after-resolution": return tr("sla.error.responseAfterResolution");
    case "after-opens": return tr("sla.error.closesBeforeOpens");
    case "duplicate": return tr("sla.error.duplicate");
    case "format": return /date/.test(problem.message || "") ? tr("sla.error.date")
      : /time/.test(problem.message || "") ? tr("sla.error.time") : fieldErrorText(problem, tr);
    default: return fieldErrorText(problem, tr);
  }
}

/** {field: text} from a problem's errors[], the field renamed by rename(field) (first message per field). */
function formErrors(error, tr, rename = f => f) {
  const out = {};
  for (const e of (error && error.errors) || []) {
    if (!e || typeof e.field !== "string") continue;
    const name = rename(e.field);
    if (!(name in out)) out[name] = errorText(e, tr);
  }
  return out;
}

/** "12" → 12; anything that is not a whole number → null (the API then names the field). */
function whole(value) {
  const text = String(value === undefined || value === null ? "" : value).trim();
  return /^-?\d{1,9}$/.test(text) ? Number(text) : null;
}

// ---------------------------------------------------------------------------------------------
// Drafts and request bodies

export function tierDraft(tier) {
  const targets = (tier && tier.targets) || [];
  const waiting = (tier && tier.waiting) || {};
  const text = n => (n === undefined || n === null ? "" : String(n));
  return {
    targets: PRIORITIES.map(priority => {
      const t = targets.find(x => x.priority === priority) || {};
      return { priority, responseHours: text(t.responseHours), resolutionHours: text(t.resolutionHours),
        calendar: t.calendar || "business" };
    }),
    waiting: { enabled: waiting.enabled === true, reminderAfterBusinessDays: text(waiting.reminderAfterBusinessDays),
      remindersBeforeDrop: text(waiting.remindersBeforeDrop) }
  };
}

/** PUT /sla/tiers/{tier}: the four targets in priority order (so targets[i] is row i of the form). */
export function tierBody(draft, version) {
  return {
    version,
    targets: draft.targets.map(t => ({ priority: t.priority, responseHours: whole(t.responseHours),
      resolutionHours: whole(t.resolutionHours), calendar: t.calendar })),
    waiting: { enabled: draft.waiting.enabled === true,
      reminderAfterBusinessDays: whole(draft.waiting.reminderAfterBusinessDays),
      remindersBeforeDrop: whole(draft.waiting.remindersBeforeDrop) }
  };
}

export function calendarDraft(calendar, newKey) {
  const hours = (calendar && calendar.hours) || [];
  const first = hours[0] || { opens: "", closes: "" };
  const holidays = (calendar && calendar.holidays) || {};
  return {
    days: WEEKDAYS.map(day => {
      const open = hours.find(x => x.day === day);
      return { day, closed: !open, opens: open ? open.opens : first.opens, closes: open ? open.closes : first.closes };
    }),
    goodFriday: holidays.goodFriday === true,
    liberationDay: holidays.liberationDay || "lustrum-years",
    closures: ((calendar && calendar.closures) || []).map(c => closureRow(newKey(), c))
  };
}

function closureRow(key, closure = {}) {
  const reason = closure.reason || {};
  return { key, date: closure.date || "", reason: { nl: reason.nl || "", en: reason.en || "", de: reason.de || "" } };
}

/**
 * PUT /sla/calendar: the open weekdays (a closed day is left out), the holiday switches and every closure
 * row in the order shown. Also says which form field each indexed path of the answer's errors[] means.
 */
export function calendarBody(draft, version) {
  const open = draft.days.filter(d => !d.closed);
  const body = {
    version,
    hours: open.map(d => ({ day: d.day, opens: d.opens, closes: d.closes })),
    holidays: { goodFriday: draft.goodFriday === true, liberationDay: draft.liberationDay },
    closures: draft.closures.map(c => ({ date: c.date, reason: { nl: c.reason.nl, en: c.reason.en, de: c.reason.de } }))
  };
  const days = open.map(d => d.day);
  const keys = draft.closures.map(c => c.key);
  const rename = path => {
    const hour = /^hours\[(\d+)\](.*)$/.exec(path);
    if (hour && days[Number(hour[1])]) return "hours." + days[Number(hour[1])] + hour[2];
    const closure = /^closures\[(\d+)\](.*)$/.exec(path);
    if (closure && keys[Number(closure[1])]) return "closures." + keys[Number(closure[1])] + closure[2];
    return path;
  };
  return { body, rename };
}

// ---------------------------------------------------------------------------------------------
// Views

function tierTable(tier, ctx) {
  const { tr } = ctx;
  const name = labelOf(tr, "tier.", tier.tier);
  return scrolling(tr, h("table", { class: "sla-table" },
    h("caption", null, tr("sla.tableCaption", { tier: name })),
    h("thead", null, h("tr", null, ["col.priority", "sla.col.response", "sla.col.resolution", "sla.col.calendar"]
      .map(key => h("th", { scope: "col" }, tr(key))))),
    h("tbody", null, orderedTargets(tier).map(t => h("tr", null,
      h("th", { scope: "row" }, labelOf(tr, "priority.", t.priority)),
      h("td", null, hoursText(tr, t.responseHours)),
      h("td", null, hoursText(tr, t.resolutionHours)),
      h("td", { class: "sla-calendar-" + (t.calendar === AROUND_THE_CLOCK ? "24x7" : "business") },
        labelOf(tr, "sla.clock.", t.calendar)))))));
}

function numberInput(value, onInput) {
  return h("input", { type: "number", min: 1, step: 1, inputmode: "numeric", value, on: { input: e => onInput(valueOf(e)) } });
}

/** A control in a table cell: its label hidden but named, its error right under it. */
function cell(name, label, control, error) {
  return h("td", null, ...labelledControl(name, label, control, error));
}

/** The errors of several paths shown at one control (each marked as shown), or undefined. */
function errorsOf(error, ...paths) {
  const texts = paths.map(error).filter(Boolean);
  return texts.length ? texts.join(" ") : undefined;
}

function unshown(errors, shown) {
  return Object.entries(errors).filter(([name]) => !shown.has(name));
}

function tierForm(tier, form, ctx, actions) {
  const { tr } = ctx;
  const name = labelOf(tr, "tier.", tier.tier);
  const prefix = "tier-" + tier.tier + ".";
  const shown = new Set();
  const error = path => { shown.add(path); return form.errors[path]; };
  const { draft } = form;
  const rows = draft.targets.map((t, i) => {
    const priority = labelOf(tr, "priority.", t.priority);
    const path = "targets[" + i + "]";
    return h("tr", null,
      h("th", { scope: "row" }, priority),
      cell(prefix + path + ".responseHours", tr("sla.edit.responseOf", { priority }),
        numberInput(t.responseHours, v => { t.responseHours = v; }), error(path + ".responseHours")),
      cell(prefix + path + ".resolutionHours", tr("sla.edit.resolutionOf", { priority }),
        numberInput(t.resolutionHours, v => { t.resolutionHours = v; }), error(path + ".resolutionHours")),
      cell(prefix + path + ".calendar", tr("sla.edit.calendarOf", { priority }),
        select(CALENDARS.map(c => [c, labelOf(tr, "sla.clock.", c)]), t.calendar, e => { t.calendar = valueOf(e); }),
        errorsOf(error, path + ".calendar", path + ".priority", path)));
  });
  const at = (path, label, control) => field(prefix + path, label, control, { error: error(path), tr });
  return h("form", { novalidate: true, class: "sla-edit", "aria-labelledby": "edit-" + tier.tier,
    on: { submit: e => { e.preventDefault(); return actions.saveTier(tier.tier); } } },
  h("h3", { id: "edit-" + tier.tier }, tr("sla.edit.tierHeading", { tier: name })),
  notice(form.warning, true),
  Object.keys(form.errors).length ? notice(tr("formHasErrors"), true) : null,
  problemBox(form.error, tr, unshown(form.errors, shown)),
  scrolling(tr, h("table", null,
    h("thead", null, h("tr", null, ["col.priority", "sla.edit.responseHours", "sla.edit.resolutionHours", "sla.col.calendar"]
      .map(key => h("th", { scope: "col" }, tr(key))))),
    h("tbody", null, rows))),
  h("fieldset", null, h("legend", null, tr("sla.edit.waiting")),
    at("waiting.enabled", tr("sla.edit.waitingEnabled"), h("input", { type: "checkbox", checked: draft.waiting.enabled,
      on: { change: e => { draft.waiting.enabled = e.target.checked; } } })),
    at("waiting.reminderAfterBusinessDays", tr("sla.edit.reminderAfter"),
      numberInput(draft.waiting.reminderAfterBusinessDays, v => { draft.waiting.reminderAfterBusinessDays = v; })),
    at("waiting.remindersBeforeDrop", tr("sla.edit.remindersBeforeDrop"),
      numberInput(draft.waiting.remindersBeforeDrop, v => { draft.waiting.remindersBeforeDrop = v; }))),
  h("div", { class: "buttons" },
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save")),
    h("button", { type: "button", disabled: form.busy, on: { click: () => actions.cancelTier(tier.tier) } }, tr("sla.cancel"))));
}

function tierSection(tier, state, ctx, actions) {
  const { tr } = ctx;
  const name = labelOf(tr, "tier.", tier.tier);
  const form = state.tierForms[tier.tier];
  return h("section", { class: "sla-tier", "aria-labelledby": "tier-" + tier.tier },
    h("h2", { id: "tier-" + tier.tier }, ctx.staff ? tr("sla.tierHeading", { tier: name }) : tr("sla.ownTier", { tier: name })),
    tierTable(tier, ctx),
    h("p", { class: "sla-around-the-clock" }, aroundTheClockText(tier, ctx)),
    h("p", { class: "sla-waiting" }, h("strong", null, tr("sla.waitingHeading") + ": "), waitingText(tier.waiting, tr)),
    ctx.role === "provider-admin"
      ? (form ? tierForm(tier, form, ctx, actions)
        : h("button", { type: "button", on: { click: () => actions.editTier(tier.tier) } }, tr("sla.edit.tier", { tier: name })))
      : null);
}

function calendarFacts(calendar, ctx) {
  const { tr, lang } = ctx;
  const hours = calendar.hours || [];
  const today = ctx.today ? ctx.today() : todayIn(calendar.zone || SLA_ZONE);
  const closures = (calendar.closures || []).filter(c => String(c.date) >= today)
    .sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const holidays = calendar.holidays || {};
  return [
    scrolling(tr, h("table", { class: "sla-hours" },
      h("caption", null, tr("sla.calendar.hoursCaption", { zone: calendar.zone || SLA_ZONE })),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, tr("sla.calendar.day")),
        h("th", { scope: "col" }, tr("sla.calendar.hours")))),
      h("tbody", null, WEEKDAYS.map(day => {
        const open = hours.find(x => x.day === day);
        return h("tr", { class: open ? null : "closed" },
          h("th", { scope: "row" }, tr("weekday." + day)),
          h("td", null, open ? tr("sla.calendar.window", { opens: open.opens, closes: open.closes }) : tr("sla.calendar.closed")));
      })))),
    h("p", { class: "hint" }, tr("sla.calendar.officeOnly")),
    h("h3", null, tr("sla.calendar.holidays")),
    h("p", null, tr(holidays.goodFriday ? "sla.calendar.goodFridayClosed" : "sla.calendar.goodFridayOpen"), " ",
      labelOf(tr, "sla.liberation.", holidays.liberationDay)),
    (calendar.upcomingHolidays || []).length ? h("p", null, tr("sla.calendar.upcoming")) : null,
    (calendar.upcomingHolidays || []).length
      ? h("ul", { class: "sla-holidays" }, calendar.upcomingHolidays.map(d => h("li", null, h("time", { datetime: d }, formatDay(d, lang)))))
      : h("p", null, tr("sla.calendar.noHolidays")),
    h("h3", null, tr("sla.calendar.closures")),
    closures.length
      ? h("ul", { class: "sla-closures" }, closures.map(c => h("li", null,
        h("time", { datetime: c.date }, formatDay(c.date, lang)), " — ", h("span", { class: "reason" }, localized(c.reason, lang)))))
      : h("p", null, tr("sla.calendar.noClosures"))
  ];
}

function calendarForm(form, ctx, actions) {
  const { tr } = ctx;
  const { draft } = form;
  const shown = new Set();
  const error = path => { shown.add(path); return form.errors[path]; };
  const prefix = "cal.";
  const days = draft.days.map(d => {
    const day = tr("weekday." + d.day);
    const path = "hours." + d.day;
    return h("tr", null,
      h("th", { scope: "row" }, day),
      cell(prefix + path + ".closed", tr("sla.edit.closedOn", { day }), h("input", { type: "checkbox", checked: d.closed,
        on: { change: e => { d.closed = e.target.checked; actions.render(); } } }), null),
      cell(prefix + path + ".opens", tr("sla.edit.opensOn", { day }), h("input", { type: "time", value: d.opens, disabled: d.closed,
        on: { input: e => { d.opens = valueOf(e); } } }), errorsOf(error, path + ".opens", path + ".day", path)),
      cell(prefix + path + ".closes", tr("sla.edit.closesOn", { day }), h("input", { type: "time", value: d.closes,
        disabled: d.closed, on: { input: e => { d.closes = valueOf(e); } } }), error(path + ".closes")));
  });
  const closures = draft.closures.map((c, i) => {
    const path = "closures." + c.key;
    const n = i + 1;
    const reasonCell = language => cell(prefix + path + ".reason." + language, tr("sla.edit.reasonIn." + language, { n }),
      h("input", { type: "text", maxlength: 200, value: c.reason[language], on: { input: e => { c.reason[language] = valueOf(e); } } }),
      error(path + ".reason." + language));
    return h("tr", null,
      cell(prefix + path + ".date", tr("sla.edit.closureDate", { n }), h("input", { type: "date", value: c.date,
        on: { input: e => { c.date = valueOf(e); } } }), errorsOf(error, path + ".date", path + ".reason", path)),
      reasonCell("nl"), reasonCell("en"), reasonCell("de"),
      h("td", null, h("button", { type: "button", class: "remove", on: { click: () => actions.removeClosure(c.key) } },
        tr("sla.edit.removeClosure", { n }))));
  });
  const hoursError = error("hours");
  const closuresError = error("closures");
  return h("form", { novalidate: true, class: "sla-edit", "aria-labelledby": "edit-calendar",
    on: { submit: e => { e.preventDefault(); return actions.saveCalendar(); } } },
  h("h3", { id: "edit-calendar" }, tr("sla.edit.calendarHeading")),
  notice(form.warning, true),
  Object.keys(form.errors).length ? notice(tr("formHasErrors"), true) : null,
  problemBox(form.error, tr, unshown(form.errors, shown)),
  h("fieldset", null, h("legend", null, tr("sla.calendar.hoursCaption", { zone: SLA_ZONE })),
    hoursError ? h("p", { class: "field-error", id: "e-cal.hours" }, hoursError) : null,
    scrolling(tr, h("table", null,
      h("thead", null, h("tr", null, ["sla.calendar.day", "sla.edit.closed", "sla.edit.opens", "sla.edit.closes"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, days)))),
  h("fieldset", null, h("legend", null, tr("sla.calendar.holidays")),
    field(prefix + "holidays.goodFriday", tr("sla.edit.goodFriday"), h("input", { type: "checkbox", checked: draft.goodFriday,
      on: { change: e => { draft.goodFriday = e.target.checked; } } }), { error: error("holidays.goodFriday"), tr }),
    field(prefix + "holidays.liberationDay", tr("sla.edit.liberationDay"),
      select(LIBERATION_DAY.map(v => [v, tr("sla.edit.liberation." + v)]), draft.liberationDay,
        e => { draft.liberationDay = valueOf(e); }), { error: error("holidays.liberationDay"), tr })),
  h("fieldset", null, h("legend", null, tr("sla.calendar.closures")),
    closuresError ? h("p", { class: "field-error", id: "e-cal.closures" }, closuresError) : null,
    draft.closures.length ? scrolling(tr, h("table", null,
      h("thead", null, h("tr", null, ["sla.edit.date", "sla.edit.reason.nl", "sla.edit.reason.en", "sla.edit.reason.de", "sla.edit.remove"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, closures))) : h("p", null, tr("sla.calendar.noClosures")),
    h("button", { type: "button", on: { click: actions.addClosure } }, tr("sla.edit.addClosure"))),
  h("div", { class: "buttons" },
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save")),
    h("button", { type: "button", disabled: form.busy, on: { click: actions.cancelCalendar } }, tr("sla.cancel"))));
}

export function slaView(state, ctx, actions) {
  const { tr } = ctx;
  const tiers = (state.table && state.table.tiers) || [];
  const admin = ctx.role === "provider-admin";
  return page(ctx,
    h("h1", null, tr("sla.heading")),
    notice(state.notice),
    h("p", null, tr("sla.intro")),
    h("dl", { class: "facts" },
      h("dt", null, tr("sla.col.response")), h("dd", null, tr("sla.responseMeans")),
      h("dt", null, tr("sla.col.resolution")), h("dd", null, tr("sla.resolutionMeans"))),
    problemBox(state.tableError, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    tiers.map(tier => tierSection(tier, state, ctx, actions)),
    !ctx.staff && tiers.length ? h("p", { class: "hint" }, tr("sla.upgrade")) : null,
    h("section", { class: "sla-calendar", "aria-labelledby": "calendar-heading" },
      h("h2", { id: "calendar-heading" }, tr("sla.calendar.heading")),
      problemBox(state.calendarError, tr),
      state.calendar ? calendarFacts(state.calendar, ctx) : null,
      admin && state.calendar
        ? (state.calendarForm ? calendarForm(state.calendarForm, ctx, actions)
          : h("button", { type: "button", on: { click: actions.editCalendar } }, tr("sla.edit.calendar")))
        : null),
    ctx.staff || ctx.role === "customer-admin"
      ? h("p", null, h("a", { href: "#/sla/compliance" }, tr("sla.compliance.heading"))) : null,
    ctx.staff ? h("p", null, h("a", { href: routeHash({ name: "sla-at-risk" }) }, tr("risk.heading"))) : null);
}

/** "1 of 4 in time (25 %)", or a dash when nothing was counted. */
function complianceText(counts, tr) {
  const total = counts.met + counts.breached;
  if (!total) return tr("sla.compliance.none");
  return tr("sla.compliance.share", { met: counts.met, total, percent: Math.round((counts.met * 100) / total) });
}

/**
 * The monthly compliance figures (GET /sla/compliance): a customer admin's own organisation, or for
 * staff a customer they choose. Asked for with a button, so opening the page reads nothing more.
 */
function complianceSection(c, ctx, actions) {
  const { tr } = ctx;
  return h("section", { class: "sla-compliance", "aria-labelledby": "compliance-heading" },
    h("h1", { id: "compliance-heading" }, tr("sla.compliance.heading")),
    h("p", null, tr("sla.compliance.intro")),
    h("form", { novalidate: true, on: { submit: e => { e.preventDefault(); return actions.showCompliance(); } } },
      ctx.staff ? field("compliance.customer", tr("sla.compliance.customer"),
        c.customers ? select([["", tr("sla.compliance.chooseCustomer")], ...c.customers.map(x => [x.id, x.name])],
          c.customerId, e => { c.customerId = valueOf(e); })
          : h("button", { type: "button", on: { click: actions.loadCustomers } }, tr("sla.compliance.loadCustomers")),
        { error: c.errors.customerId, tr }) : null,
      field("compliance.month", tr("sla.compliance.month"), h("input", { type: "month", value: c.month,
        on: { input: e => { c.month = valueOf(e); } } }), { error: c.errors.month, tr }),
      h("button", { type: "submit", disabled: c.busy }, tr("sla.compliance.show"))),
    problemBox(c.error, tr),
    c.figures ? scrolling(tr, h("table", { class: "compliance" },
      h("caption", null, tr("sla.compliance.caption", { month: c.figures.month })),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, tr("sla.compliance.target")),
        h("th", { scope: "col" }, tr("sla.compliance.met")), h("th", { scope: "col" }, tr("sla.compliance.breached")),
        h("th", { scope: "col" }, tr("sla.compliance.inTime")))),
      h("tbody", null, [["response", "sla.col.response"], ["resolution", "sla.col.resolution"]].map(([key, label]) =>
        h("tr", null, h("th", { scope: "row" }, tr(label)), h("td", null, String(c.figures[key].met)),
          h("td", null, String(c.figures[key].breached)), h("td", null, complianceText(c.figures[key], tr))))))) : null);
}

function thisMonth() {
  return todayIn(SLA_ZONE).slice(0, 7);
}

export async function slaPage(ctx) {
  const { tr } = ctx;
  const state = { table: null, tableError: null, calendar: null, calendarError: null, loading: true, notice: null,
    tierForms: {}, calendarForm: null, keys: 0 };
  const render = ctx.bind(() => ctx.show(slaView(state, ctx, actions)));
  const newKey = () => "c" + ++state.keys;

  async function loadTable() {
    state.table = await ctx.api.get("/sla");
  }
  async function loadCalendar() {
    state.calendar = await ctx.api.get("/sla/calendar");
  }

  /** One save: a stale version reloads what was read, says so and keeps the draft (sent next time on the new version). */
  async function save(form, send, reload, done, rename) {
    if (form.busy) return;
    form.busy = true;
    form.error = null;
    form.errors = {};
    form.warning = null;
    state.notice = null;
    render();
    try {
      done(await send());
    } catch (e) {
      if (e.code === "version-conflict") {
        form.warning = tr("sla.versionConflict");
        try {
          await reload();
        } catch (again) {
          form.error = again;
        }
      } else {
        form.error = e;
        form.errors = formErrors(e, tr, rename);
      }
    }
    form.busy = false;
    render();
  }

  const tierOf = name => ((state.table && state.table.tiers) || []).find(t => t.tier === name);
  const emptyForm = draft => ({ draft, errors: {}, error: null, warning: null, busy: false });

  const actions = {
    render,
    editTier(name) {
      state.tierForms[name] = emptyForm(tierDraft(tierOf(name)));
      state.notice = null;
      render();
    },
    cancelTier(name) {
      delete state.tierForms[name];
      render();
    },
    saveTier(name) {
      const form = state.tierForms[name];
      if (!form) return undefined;
      return save(form,
        () => ctx.api.put("/sla/tiers/" + encodeURIComponent(name), tierBody(form.draft, tierOf(name).version)),
        loadTable,
        saved => {
          state.table.tiers = state.table.tiers.map(t => (t.tier === name ? saved : t));
          delete state.tierForms[name];
          state.notice = tr("sla.tierSaved", { tier: labelOf(tr, "tier.", name) });
        });
    },
    editCalendar() {
      state.calendarForm = emptyForm(calendarDraft(state.calendar, newKey));
      state.notice = null;
      render();
    },
    cancelCalendar() {
      state.calendarForm = null;
      render();
    },
    addClosure() {
      state.calendarForm.draft.closures.push(closureRow(newKey()));
      render();
    },
    removeClosure(key) {
      const form = state.calendarForm;
      form.draft.closures = form.draft.closures.filter(c => c.key !== key);
      for (const name of Object.keys(form.errors)) if (name.startsWith("closures." + key + ".")) delete form.errors[name];
      render();
    },
    saveCalendar() {
      const form = state.calendarForm;
      if (!form) return undefined;
      const { body, rename } = calendarBody(form.draft, state.calendar.version);
      return save(form, () => ctx.api.put("/sla/calendar", body), loadCalendar, saved => {
        state.calendar = saved;
        state.calendarForm = null;
        state.notice = tr("sla.calendarSaved");
      }, rename);
    }
  };

  render();
  const [table, calendar] = await Promise.allSettled([loadTable(), loadCalendar()]);
  if (table.status === "rejected") state.tableError = table.reason;
  if (calendar.status === "rejected") state.calendarError = calendar.reason;
  state.loading = false;
  render();
  return { state, actions };
}

/**
 * #/sla/compliance: the monthly figures for customer admins (their own organisation) and provider
 * staff (a customer they choose). Figures are read when asked for.
 */
export async function compliancePage(ctx) {
  const { tr } = ctx;
  const state = { month: thisMonth(), customerId: "", customers: null, figures: null, errors: {}, error: null, busy: false };
  const render = ctx.bind(() => ctx.show(complianceView(state, ctx, actions)));
  const actions = {
    async loadCustomers() {
      const c = state;
      try {
        const customers = [];
        let cursor = null;
        do {
          const answer = await ctx.api.get("/customers?limit=100" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
          customers.push(...(answer.items || []));
          cursor = answer.nextCursor || null;
        } while (cursor && customers.length < 5000);
        c.customers = customers;
      } catch (e) {
        c.error = e;
      }
      render();
    },
    async showCompliance() {
      const c = state;
      c.errors = {};
      c.error = null;
      if (!/^\d{4}-\d{2}$/.test(c.month || "")) c.errors.month = tr("sla.compliance.badMonth");
      if (ctx.staff && !c.customerId) c.errors.customerId = tr("sla.compliance.chooseCustomer");
      if (Object.keys(c.errors).length) return render();
      c.busy = true;
      render();
      try {
        const query = "month=" + encodeURIComponent(c.month) + (ctx.staff ? "&customerId=" + encodeURIComponent(c.customerId) : "");
        c.figures = await ctx.api.get("/sla/compliance?" + query);
      } catch (e) {
        c.error = e;
        c.figures = null;
      }
      c.busy = false;
      return render();
    },
  };
  render();
  return { state, actions };
}

export function complianceView(state, ctx, actions) {
  const { tr } = ctx;
  if (!(ctx.staff || ctx.role === "customer-admin")) {
    return page(ctx, h("h1", null, tr("sla.compliance.heading")), h("p", null, tr("sla.compliance.notForRole")));
  }
  return page(ctx, h("p", null, h("a", { href: "#/sla" }, tr("nav.sla"))), complianceSection(state, ctx, actions));
}

// ---------------------------------------------------------------------------------------------
// #/sla/at-risk (provider staff): GET /sla/at-risk?hours=N[&customerId=], the rows in the API's order (soonest breach
// first). The window and the customer are chosen in a form ("Tonen" reads again, so a select never acts on its own);
// the customers (GET /customers, for the choice and the column's names) and the staff directory (the assignee's name)
// are read alongside, each failure kept to itself: the column then shows the id, or "a colleague".

const RISK_COLUMNS = ["risk.col.ticket", "risk.col.customer", "col.priority", "risk.col.target", "risk.col.due", "risk.col.warning",
  "risk.col.state", "col.assignee"];

/** The rows' warning cell: the 80 % warning time while it is still to come, else that it has passed. */
function warningCell(row, ctx) {
  const { tr } = ctx;
  if (row.warningAt) return h("time", { datetime: row.warningAt }, formatAmsterdam(row.warningAt, ctx.lang));
  return row.state === "breached" ? "—" : tr("risk.warning.passed");
}

function riskRow(row, state, ctx) {
  const { tr } = ctx;
  const customer = (state.customers || []).find(c => c.id === row.customerId);
  const title = "#" + String(row.number ?? "") + " " + String(row.title ?? "");
  return h("tr", { class: row.state === "breached" ? "sla-row-breached" : null },
    h("th", { scope: "row" }, TICKET_TOKEN.test(String(row.ticketId || ""))
      ? h("a", { href: routeHash({ name: "ticket", token: row.ticketId }) }, title) : title),
    h("td", null, customer ? customer.name : String(row.customerId || "")),
    h("td", null, badge("priority", row.priority, labelOf(tr, "priority.", row.priority))),
    h("td", null, labelOf(tr, "sla.target.", row.target)),
    h("td", null, row.dueAt ? h("time", { datetime: row.dueAt }, formatAmsterdam(row.dueAt, ctx.lang)) : tr("sla.ticket.noDeadline")),
    h("td", null, warningCell(row, ctx)),
    h("td", null, badge("sla", row.state, labelOf(tr, "sla.state.", row.state))),
    h("td", null, assigneeText({ assigneeId: row.assigneeId || "" }, state.names, ctx)));
}

function riskForm(state, ctx, actions) {
  const { tr } = ctx;
  const windows = AT_RISK_WINDOWS.includes(state.draft.hours) ? AT_RISK_WINDOWS
    : [...AT_RISK_WINDOWS, state.draft.hours].sort((a, b) => a - b);
  const customers = (state.customers || []).slice().sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const known = !state.draft.customerId || customers.some(c => c.id === state.draft.customerId);
  return h("form", { class: "risk-form", novalidate: true, "aria-labelledby": "risk-heading",
    on: { submit: e => { e.preventDefault(); return actions.show(); } } },
    field("risk.hours", tr("risk.hours"), select(windows.map(n => [String(n), tr("risk.window", { hours: hoursText(tr, n) })]),
      String(state.draft.hours), e => { state.draft.hours = Number(valueOf(e)); }), { tr }),
    field("risk.customer", tr("risk.customer"), select([["", tr("risk.allCustomers")],
      ...(known ? [] : [[state.draft.customerId, state.draft.customerId]]),
      ...customers.map(c => [c.id, c.name + " (" + c.id + ")"])], state.draft.customerId, e => { state.draft.customerId = valueOf(e); }),
    { tr }),
    state.customersError ? h("p", { class: "hint" }, tr("risk.customersFailed")) : null,
    h("button", { type: "submit", disabled: state.loading }, tr("risk.show")));
}

/**
 * The open tickets whose next deadline is breached already: a deadline the due scan has fired has left the index GET
 * /sla/at-risk reads, so they come from the staff queues' own nextDeadline (as the dashboard's card finds them): the
 * oldest BREACHED_QUEUE tickets of the new and the open queue, where a breach is likeliest. Of the shown customer only;
 * one row per ticket; none that the at-risk rows already hold; soonest deadline first.
 */
export const BREACHED_QUEUE = 50;
const BREACHED_QUEUES = ["new", "open"];
export const breachedQueuePath = status => "/tickets?view=status&status=" + status + "&sort=created&limit=" + BREACHED_QUEUE;

export function breachedRows(queues, customerId, atRiskRows = []) {
  const seen = new Set(atRiskRows.map(r => r.ticketId));
  const due = r => (Number.isFinite(Date.parse(r.dueAt)) ? Date.parse(r.dueAt) : Infinity);
  return queues.flatMap(q => (q && Array.isArray(q.items) ? q.items : []))
    .filter(t => t && t.nextDeadline && t.nextDeadline.state === "breached" && (!customerId || t.customerId === customerId))
    .map(t => ({ ticketId: t.id, number: t.number, title: t.title, priority: t.priority, customerId: t.customerId,
      assigneeId: t.assigneeId, target: t.nextDeadline.target, dueAt: t.nextDeadline.dueAt, state: "breached" }))
    .filter(r => TICKET_TOKEN.test(String(r.ticketId || "")) && !seen.has(r.ticketId) && seen.add(r.ticketId))
    .sort((a, b) => due(a) - due(b));
}

function breachedSection(state, ctx, atRiskRows) {
  const { tr } = ctx;
  if (!state.queues) return null;
  const rows = breachedRows(state.queues.read, state.shown.customerId, atRiskRows);
  return h("section", { class: "risk-breached", "aria-labelledby": "breached-heading" },
    h("h2", { id: "breached-heading" }, tr("risk.breached.heading")),
    h("p", null, tr("risk.breached.intro", { n: BREACHED_QUEUE })),
    state.queues.unread.length ? notice(tr("risk.breached.unread", { queues: state.queues.unread
      .map(status => labelOf(tr, "status.", status)).join(", ") }), true) : null,
    rows.length ? scrolling(tr, h("table", { class: "risk-table breached-table" },
      h("caption", { class: "visually-hidden" }, tr("risk.breached.heading")),
      h("thead", null, h("tr", null, RISK_COLUMNS.map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rows.map(row => riskRow(row, state, ctx))))) : h("p", null, tr("risk.breached.none")));
}

export function atRiskView(state, ctx, actions) {
  const { tr } = ctx;
  if (!ctx.staff) return page(ctx, h("h1", null, tr("risk.heading")), h("p", null, tr("risk.notForRole")));
  const answer = state.answer;
  const rows = (answer && Array.isArray(answer.tickets)) ? answer.tickets : [];
  const customer = (state.customers || []).find(c => c.id === state.shown.customerId);
  return page(ctx,
    h("p", null, h("a", { href: "#/sla" }, tr("nav.sla"))),
    h("h1", { id: "risk-heading" }, tr("risk.heading")),
    h("p", null, tr("risk.intro")),
    riskForm(state, ctx, actions),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    answer && !state.loading ? h("p", { role: "status", class: "risk-summary" }, tr(rows.length ? "risk.summary" : "risk.none", {
      n: rows.length, hours: hoursText(tr, answer.hours ?? state.shown.hours),
      until: formatAmsterdam(answer.until, ctx.lang),
      customer: state.shown.customerId ? (customer ? customer.name : state.shown.customerId) : tr("risk.everyCustomer") })) : null,
    answer && answer.complete === false ? notice(tr("risk.incomplete"), true) : null,
    answer && rows.length ? scrolling(tr, h("table", { class: "risk-table" },
      h("caption", { class: "visually-hidden" }, tr("risk.heading")),
      h("thead", null, h("tr", null, RISK_COLUMNS.map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rows.map(row => riskRow(row, state, ctx))))) : null,
    state.loading ? null : breachedSection(state, ctx, rows));
}

/** The GET /sla/at-risk path of a window and a customer ("" is every customer). */
export function atRiskPath(hours, customerId) {
  return "/sla/at-risk?hours=" + encodeURIComponent(hours) + (customerId ? "&customerId=" + encodeURIComponent(customerId) : "");
}

/**
 * #/sla/at-risk?hours=N[&customerId=]: provider staff. Reads the route's window at once, with the customers and the staff
 * directory; "Tonen" reads the chosen window and customer again and puts them in the hash (without opening the page anew).
 */
export async function atRiskPage(ctx, route = {}) {
  const chosen = { hours: route.hours || 8, customerId: route.customerId || "" };
  const state = { draft: { ...chosen }, shown: { ...chosen }, answer: null, queues: null, error: null, loading: false, customers: null,
    customersError: null, names: new Map() };
  const render = ctx.bind(() => ctx.show(atRiskView(state, ctx, actions)));
  let latest = 0;
  async function load() {
    const mine = ++latest;
    state.loading = true;
    state.error = null;
    render();
    const wanted = { ...state.draft };
    try {
      // the deadlines due within the window, and the queues for those already breached (read alongside, each failure kept)
      const [answer, queues] = await Promise.all([ctx.api.get(atRiskPath(wanted.hours, wanted.customerId)),
        Promise.allSettled(BREACHED_QUEUES.map(status => ctx.api.get(breachedQueuePath(status))))]);
      if (mine !== latest) return;
      state.answer = answer;
      state.queues = { read: queues.map(q => (q.status === "fulfilled" ? q.value : null)),
        unread: BREACHED_QUEUES.filter((status, i) => queues[i].status === "rejected") };
      state.shown = wanted;
    } catch (e) {
      if (mine !== latest) return;
      state.answer = null;
      state.error = e;
    }
    state.loading = false;
    render();
  }
  const actions = {
    show() {
      if (ctx.replaceHash) ctx.replaceHash(routeHash({ name: "sla-at-risk", ...state.draft }));
      return load();
    }
  };
  if (!ctx.staff) {
    render();
    return { state, actions };
  }
  await Promise.all([
    load(),
    loadAll(ctx.api, "/customers").then(items => { state.customers = items; }, e => { state.customersError = e; }),
    loadPeople(ctx).then(people => { state.names = namesOf(null, people); })
  ]);
  render();
  return { state, actions };
}
