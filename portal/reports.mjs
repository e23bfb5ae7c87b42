// The reports pages (seed: "Rapportage Bekijken en Downloaden", and "Notificaties Uitzetten voor Rapportages"):
//   customers — "Rapportages" #/reports: the monthly report PDFs per month, newest first (the month in the user's
//     language, pages, size, when it was made, its version), each with "Downloaden"; an empty list says when the
//     first one comes (the 1st of the month). A customer admin decides with a switch whether the organisation's
//     users see them too (PUT /reports/sharing), and is pointed to the e-mail preference on #/account (the
//     report mail goes to customer admins only);
//   provider staff — a customer's reports #/admin/customers/<id>/reports, reached from the customer's page, with
//     "Downloaden"; provider admins also make a month again ("Opnieuw maken", after a confirmation): the 202 says
//     which version is being made, a 409 that it is being made already, a 400 that the month has not ended.
// A customer user whose organisation shows reports to its admins only gets 403 from the API: the page says so in
// words instead of showing an error (the seed: "only users with the right permissions").
//
// A download asks the API for a fresh presigned URL (valid five minutes) and hands it to ctx.openDownload
// (location.assign) only after transferUrlAllowed() said yes, as the ticket attachments do; the PDF never
// passes through the API client, and S3 answers it as an attachment, so the browser saves it and stays here.
//
// Like subscriptions.mjs: state in a plain object, pure view functions into node descriptions, ctx.show() mounts.

import { h } from "./dom.mjs";
import { localProblem, transferUrlAllowed } from "./attachments.mjs";
import { REPORT_MONTH, routeHash } from "./routes.mjs";
import { formatAmsterdam, loadWithCustomer, notice, page, problemBox } from "./widgets.mjs";
import { hoursBase, todayOf } from "./ledger.mjs";

const CUSTOMER_ROLES = ["customer-user", "customer-admin"];
const STAFF_ROLES = ["provider-agent", "provider-admin"];

/** "november 2026" / "November 2026": a report's month (yyyy-mm) in the user's language; anything else as itself. */
export function monthName(month, lang) {
  const m = REPORT_MONTH.exec(String(month || ""));
  if (!m) return String(month || "");
  const [year, number] = String(month).split("-").map(Number);
  return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, number - 1, 1)));
}

/** "1 december 2026": a day (yyyy-mm-dd) written out in the user's language. */
function longDay(day, lang) {
  const [year, month, date] = String(day).split("-").map(Number);
  return new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(year, month - 1, date)));
}

/** The day the next report is made (the schedule runs on the 1st of each month): today when it is the 1st, else the next 1st. */
export function nextReportDay(today) {
  const [year, month, day] = String(today).split("-").map(Number);
  if (day === 1) return today;
  const next = new Date(Date.UTC(year, month, 1));
  return next.toISOString().slice(0, 10);
}

/** The first day after a month (yyyy-mm): from then on a report of it can be made. */
function dayAfter(month) {
  const [year, number] = String(month).split("-").map(Number);
  return new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 10);
}

/** A file's size in the user's language: "48 kB", "1,2 MB". */
export function fileSize(bytes, lang) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return "";
  if (n < 1_000_000) {
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(n / 1000))) + " kB";
  }
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n / 1_000_000) + " MB";
}

function refusal(ctx, staffOnOwn) {
  const { tr } = ctx;
  return page(ctx, h("h1", null, staffOnOwn ? tr("reports.heading") : tr("admin.notAllowed")),
    staffOnOwn ? h("p", null, tr("reports.staffHint"), " ", h("a", { href: routeHash({ name: "customers" }) }, tr("nav.customers")))
      : h("p", null, tr("admin.notAllowedText")),
    h("p", null, h("a", { href: "#/tickets" }, tr("backToList"))));
}

/** The sentence a customer user reads instead of the reports when the organisation shows them to admins only. */
function hiddenNotice(ctx) {
  return h("div", { class: "hours-hidden reports-hidden", role: "status" },
    h("p", null, h("strong", null, ctx.tr("reports.hidden.title"))),
    h("p", null, ctx.tr("reports.hidden.text")));
}

// ---------------------------------------------------------------------------------------------
// A report as a card

/**
 * One month's report: its month as the heading, a version badge in words once it was made again (and "version N
 * is being made" after a regenerate), pages, size, when it was made; "Downloaden" named by its month, and what the
 * card offers more (the admin's regenerate). A download's or regenerate's outcome is shown at its card.
 */
export function reportCard(report, state, ctx, actions, { headingLevel = "h2", more = null } = {}) {
  const { tr, lang } = ctx;
  const month = monthName(report.month, lang);
  const making = state.making[report.month];
  const row = (name, label, value) => [h("dt", { class: name }, label), h("dd", { class: name }, value)];
  const downloadable = REPORT_MONTH.test(String(report.month));
  return h("article", { class: "report" + (making ? " report-making" : ""), "aria-labelledby": "report-" + report.month },
    h(headingLevel, { id: "report-" + report.month }, tr("reports.card", { month }),
      Number(report.version) > 1 ? [" ", h("span", { class: "badge report-version" }, tr("reports.versionBadge", { version: report.version }))]
        : null,
      making ? [" ", h("span", { class: "badge report-making-badge" }, tr("reports.making", { version: making }))] : null),
    h("dl", { class: "facts" },
      row("pages", tr("reports.pages"), String(report.pages)),
      row("size", tr("reports.size"), fileSize(report.bytes, lang)),
      row("generated", tr("reports.generated"), formatAmsterdam(report.generatedAt, lang)),
      row("version", tr("reports.version"), String(report.version))),
    h("div", { class: "report-actions" },
      downloadable ? h("button", { type: "button", class: "download", disabled: state.downloading === report.month,
        on: { click: () => actions.download(report) } },
      state.downloading === report.month ? tr("reports.downloading") : tr("reports.download"),
      h("span", { class: "visually-hidden" }, " " + tr("reports.card", { month }))) : null,
      more),
    notice(state.rowNotices[report.month]),
    problemBox(state.rowErrors[report.month], tr));
}

/** What a download or regenerate refusal means, in words: a month that has not ended, or no report of it. */
function refusalFor(e, report, ctx, { regenerate = false } = {}) {
  const { tr, lang } = ctx;
  const month = monthName(report.month, lang);
  if (e && e.status === 400 && e.code === "validation-failed") {
    return localProblem("not-ended", tr("reports.regenerate.notEnded", { month, date: longDay(dayAfter(report.month), lang) }));
  }
  if (e && e.status === 409 && regenerate) {
    return localProblem("being-made", tr("reports.regenerate.busy", { month, version: Number(report.version) + 1 }));
  }
  if (e && e.status === 404 && !regenerate) return localProblem("no-report", tr("reports.download.notFound", { month }));
  return e;
}

/** "Downloaden": a fresh presigned URL from the API's download route, followed only when it may be (attachments.mjs's rule). */
function downloader(ctx, state, render, base) {
  return async function download(report) {
    if (state.downloading) return;
    state.downloading = report.month;
    state.rowErrors = {};
    state.rowNotices = {};
    render();
    try {
      const answer = await ctx.api.get(base + "/reports/" + encodeURIComponent(report.month) + "/download");
      if (!answer || typeof answer.url !== "string" || !transferUrlAllowed(answer.url, ctx.origin)) {
        throw localProblem("untrusted-link", ctx.tr("reports.download.untrusted"));
      }
      ctx.openDownload(String(answer.url));
    } catch (e) {
      state.rowErrors[report.month] = refusalFor(e, report, ctx);
    }
    state.downloading = null;
    render();
  };
}

function newState(extra = {}) {
  return { list: null, loading: false, error: null, hidden: false, lang: null, downloading: null, rowErrors: {}, rowNotices: {},
    making: {}, ...extra };
}

// ---------------------------------------------------------------------------------------------
// #/reports: Rapportages (customers)

function sharingSwitch(state, ctx, actions) {
  const { tr } = ctx;
  const sharing = state.sharing;
  const on = !!(state.list && state.list.usersSeeReports);
  return h("fieldset", { class: "reports-sharing" },
    h("legend", null, tr("reports.sharing.heading")),
    h("div", { class: "check" },
      h("input", { type: "checkbox", role: "switch", id: "f-sharing.usersSee", name: "sharing.usersSee", checked: on,
        disabled: sharing.busy, "aria-describedby": "h-sharing.usersSee", on: { change: e => actions.share(e.target.checked) } }),
      h("label", { for: "f-sharing.usersSee" }, tr("reports.sharing.label"))),
    h("p", { class: "hint", id: "h-sharing.usersSee" }, tr("reports.sharing.hint")),
    sharing.busy ? h("p", { role: "status" }, tr("reports.sharing.saving")) : null,
    notice(sharing.notice),
    problemBox(sharing.error, tr));
}

function notifyLink(ctx) {
  const { tr } = ctx;
  return h("p", { class: "reports-notify" }, tr("reports.notify.before"), " ",
    h("a", { href: routeHash({ name: "account" }) }, tr("nav.account")), " ",
    tr("reports.notify.after", { heading: tr("acct.notify.heading"), kind: tr("acct.notify.reports") }));
}

export function reportsView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const reports = (state.list && state.list.reports) || [];
  const admin = ctx.role === "customer-admin";
  return page(ctx,
    h("h1", null, tr("reports.heading")),
    h("p", { class: "reports-intro" }, tr("reports.intro")),
    state.hidden ? hiddenNotice(ctx) : problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    state.list ? h("section", { class: "reports", "aria-label": tr("reports.heading") },
      reports.length ? reports.map(r => reportCard(r, state, ctx, actions))
        : h("p", { class: "reports-none" }, tr("reports.none", { date: longDay(nextReportDay(todayOf(ctx)), lang) }))) : null,
    admin && state.list ? sharingSwitch(state, ctx, actions) : null,
    admin ? notifyLink(ctx) : null);
}

export async function reportsPage(ctx) {
  const { tr } = ctx;
  if (!CUSTOMER_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx, STAFF_ROLES.includes(ctx.role)));
  const state = newState({ sharing: { busy: false, notice: null, error: null } });
  const render = () => ctx.show(reportsView(state, ctx, actions));

  async function load() {
    state.loading = true;
    state.error = null;
    state.hidden = false;
    render();
    try {
      state.list = await ctx.api.get("/reports");
      state.lang = ctx.lang;
    } catch (e) {
      if (e && e.status === 403) state.hidden = true;
      else state.error = e;
    }
    state.loading = false;
    render();
  }

  const actions = {
    download: downloader(ctx, state, render, ""),
    /** The admin's switch: PUT /reports/sharing; the answer is the list as it is now. A refusal leaves the switch as it was. */
    async share(usersSee) {
      const sharing = state.sharing;
      if (sharing.busy) return;
      sharing.busy = true;
      sharing.notice = null;
      sharing.error = null;
      render();
      try {
        state.list = await ctx.api.put("/reports/sharing", { usersSee: usersSee === true });
        sharing.notice = tr(state.list.usersSeeReports ? "reports.sharing.on" : "reports.sharing.off");
      } catch (e) {
        sharing.error = e;
      }
      sharing.busy = false;
      render();
    }
  };

  // The API names the file in the caller's language: a language change reads the list again.
  ctx.bind(() => (state.lang && state.lang !== ctx.lang && !state.loading ? load() : render()));
  await load();
  return { state, actions, reload: load };
}

// ---------------------------------------------------------------------------------------------
// #/admin/customers/<id>/reports: a customer's reports for provider staff

function regenerateControls(report, state, ctx, actions) {
  const { tr, lang } = ctx;
  if (ctx.role !== "provider-admin" || !REPORT_MONTH.test(String(report.month))) return null;
  const month = monthName(report.month, lang);
  const busy = !!state.busy;
  if (state.confirming !== report.month) {
    return h("button", { type: "button", class: "regenerate", disabled: busy, on: { click: () => actions.askRegenerate(report) } },
      tr("reports.regenerate"), h("span", { class: "visually-hidden" }, " " + tr("reports.card", { month })));
  }
  return h("div", { class: "confirm", role: "alert" },
    h("p", null, tr("reports.regenerate.confirm", { month, version: Number(report.version) + 1 })),
    h("button", { type: "button", class: "primary", disabled: busy, on: { click: () => actions.regenerate(report) } },
      tr("reports.regenerate.yes")),
    h("button", { type: "button", disabled: busy, on: { click: actions.keep } }, tr("reports.regenerate.no")));
}

export function customerReportsView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const id = state.customerId;
  const name = state.customer ? state.customer.name : id;
  const reports = (state.list && state.list.reports) || [];
  return page(ctx,
    h("h1", null, tr("reports.customerHeading", { name })),
    h("p", { class: "links" },
      h("a", { href: routeHash({ name: "customer", id }) }, tr("billing.toCustomer"))),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    state.list ? h("section", { class: "reports", "aria-labelledby": "reports-heading" },
      h("h2", { id: "reports-heading" }, tr("reports.heading")),
      h("p", { class: "reports-users-see" }, tr(state.list.usersSeeReports ? "reports.usersSee.yes" : "reports.usersSee.no")),
      reports.length ? reports.map(r => reportCard(r, state, ctx, actions, { headingLevel: "h3",
        more: regenerateControls(r, state, ctx, actions) }))
        : h("p", { class: "reports-none" }, tr("reports.customerNone", { date: longDay(nextReportDay(todayOf(ctx)), lang) })),
      h("p", null, h("button", { type: "button", class: "refresh", disabled: state.loading, on: { click: actions.refresh } },
        tr("reports.refresh")))) : null);
}

export async function customerReportsPage(ctx, route) {
  const { tr } = ctx;
  if (!STAFF_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx, false));
  const base = hoursBase(route.id);
  const state = newState({ customerId: route.id, customer: null, loading: true, busy: null, confirming: null });
  const render = () => ctx.show(customerReportsView(state, ctx, actions));
  const loadList = async () => {
    state.list = await ctx.api.get(base + "/reports");
    state.lang = ctx.lang;
    // a version being made shows until the list holds it
    for (const r of state.list.reports || []) if (state.making[r.month] && Number(r.version) >= state.making[r.month]) delete state.making[r.month];
  };
  const reloadList = async () => {
    state.error = null;
    try { await loadList(); } catch (e) { state.error = e; }
  };
  ctx.bind(() => {
    render();
    if (!state.lang || state.lang === ctx.lang || state.loading) return undefined;
    return reloadList().then(render);
  });

  const actions = {
    download: downloader(ctx, state, render, base),
    async refresh() {
      if (state.loading) return;
      state.loading = true;
      state.rowNotices = {};
      state.rowErrors = {};
      render();
      await reloadList();
      state.loading = false;
      render();
    },
    askRegenerate(report) {
      state.confirming = report.month;
      state.rowErrors = {};
      state.rowNotices = {};
      render();
    },
    keep() { state.confirming = null; render(); },
    /** POST …/regenerate: 202 {version} is being made; 409 it is being made already; 400 the month has not ended. */
    async regenerate(report) {
      if (state.busy) return;
      state.busy = report.month;
      state.confirming = null;
      state.rowErrors = {};
      state.rowNotices = {};
      render();
      try {
        const accepted = await ctx.api.post(base + "/reports/" + encodeURIComponent(report.month) + "/regenerate");
        const version = accepted && Number(accepted.version) > 0 ? Number(accepted.version) : Number(report.version) + 1;
        state.making[report.month] = version;
        state.rowNotices[report.month] = tr("reports.regenerate.accepted", { version, month: monthName(report.month, ctx.lang) });
      } catch (e) {
        if (e && e.status === 409) state.making[report.month] = Number(report.version) + 1;
        state.rowErrors[report.month] = refusalFor(e, report, ctx, { regenerate: true });
      }
      state.busy = null;
      render();
    }
  };

  render();
  await loadWithCustomer(ctx, route.id, state, loadList, render);
  return { state, actions };
}
