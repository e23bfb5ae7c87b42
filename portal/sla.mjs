// #/sla: the SLA table (GET /sla: a customer's own tier, every tier for provider staff) and the business
// calendar (GET /sla/calendar), as the seed's SLA help page explains them.
//
// Like pages.mjs: state in a plain object, pure view functions into node descriptions, ctx.show() mounts.

import { h } from "./dom.mjs";
import { localized } from "./i18n.mjs";
import { hoursText, labelOf, notice, page, PRIORITIES, problemBox, SLA_ZONE } from "./pages.mjs";

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

// ---------------------------------------------------------------------------------------------
// Views

function tierTable(tier, ctx) {
  const { tr } = ctx;
  const name = labelOf(tr, "tier.", tier.tier);
  return h("table", { class: "sla-table" },
    h("caption", null, tr("sla.tableCaption", { tier: name })),
    h("thead", null, h("tr", null, ["col.priority", "sla.col.response", "sla.col.resolution", "sla.col.calendar"]
      .map(key => h("th", { scope: "col" }, tr(key))))),
    h("tbody", null, orderedTargets(tier).map(t => h("tr", null,
      h("th", { scope: "row" }, labelOf(tr, "priority.", t.priority)),
      h("td", null, hoursText(tr, t.responseHours)),
      h("td", null, hoursText(tr, t.resolutionHours)),
      h("td", { class: "sla-calendar-" + (t.calendar === AROUND_THE_CLOCK ? "24x7" : "business") },
        labelOf(tr, "sla.clock.", t.calendar))))));
}

function tierSection(tier, ctx) {
  const { tr } = ctx;
  const name = labelOf(tr, "tier.", tier.tier);
  return h("section", { class: "sla-tier", "aria-labelledby": "tier-" + tier.tier },
    h("h2", { id: "tier-" + tier.tier }, ctx.staff ? tr("sla.tierHeading", { tier: name }) : tr("sla.ownTier", { tier: name })),
    tierTable(tier, ctx),
    h("p", { class: "sla-around-the-clock" }, aroundTheClockText(tier, ctx)),
    h("p", { class: "sla-waiting" }, h("strong", null, tr("sla.waitingHeading") + ": "), waitingText(tier.waiting, tr)));
}

function calendarFacts(calendar, ctx) {
  const { tr, lang } = ctx;
  const hours = calendar.hours || [];
  const today = ctx.today ? ctx.today() : todayIn(calendar.zone || SLA_ZONE);
  const closures = (calendar.closures || []).filter(c => String(c.date) >= today)
    .sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const holidays = calendar.holidays || {};
  return [
    h("table", { class: "sla-hours" },
      h("caption", null, tr("sla.calendar.hoursCaption", { zone: calendar.zone || SLA_ZONE })),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, tr("sla.calendar.day")),
        h("th", { scope: "col" }, tr("sla.calendar.hours")))),
      h("tbody", null, WEEKDAYS.map(day => {
        const open = hours.find(x => x.day === day);
        return h("tr", { class: open ? null : "closed" },
          h("th", { scope: "row" }, tr("weekday." + day)),
          h("td", null, open ? tr("sla.calendar.window", { opens: open.opens, closes: open.closes }) : tr("sla.calendar.closed")));
      }))),
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

export function slaView(state, ctx) {
  const { tr } = ctx;
  const tiers = (state.table && state.table.tiers) || [];
  return page(ctx,
    h("h1", null, tr("sla.heading")),
    notice(state.notice),
    h("p", null, tr("sla.intro")),
    h("dl", { class: "facts" },
      h("dt", null, tr("sla.col.response")), h("dd", null, tr("sla.responseMeans")),
      h("dt", null, tr("sla.col.resolution")), h("dd", null, tr("sla.resolutionMeans"))),
    problemBox(state.tableError, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    tiers.map(tier => tierSection(tier, ctx)),
    !ctx.staff && tiers.length ? h("p", { class: "hint" }, tr("sla.upgrade")) : null,
    h("section", { class: "sla-calendar", "aria-labelledby": "calendar-heading" },
      h("h2", { id: "calendar-heading" }, tr("sla.calendar.heading")),
      problemBox(state.calendarError, tr),
      state.calendar ? calendarFacts(state.calendar, ctx) : null));
}

export async function slaPage(ctx) {
  const state = { table: null, tableError: null, calendar: null, calendarError: null, loading: true };
  const render = ctx.bind(() => ctx.show(slaView(state, ctx)));
  render();
  const [table, calendar] = await Promise.allSettled([ctx.api.get("/sla"), ctx.api.get("/sla/calendar")]);
  if (table.status === "fulfilled") state.table = table.value;
  else state.tableError = table.reason;
  if (calendar.status === "fulfilled") state.calendar = calendar.value;
  else state.calendarError = calendar.reason;
  state.loading = false;
  render();
  return { state };
}
