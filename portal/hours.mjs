// The hour pages:
//   customers — "Mijn Urenbundels" #/hours (every bundle as a meter, over-budget time, the forecast, "Extra uren
//     aanvragen"), a bundle with its registrations #/hours/<bundleId>, and "Urenregistraties" #/time-registrations
//     (filters, the list, totals, the PDF and Excel exports);
//   provider staff — the same bundle and registrations pages of a customer (#/admin/customers/<id>/hours/<bundleId>,
//     #/admin/customers/<id>/time-registrations), with the internal notes; the bundle management is billing.mjs's.
//     On the registrations page staff also register time on the customer, on a ticket or none ("Tijd registreren",
//     timelog.mjs's form and POST), and correct a registration the API allows to be corrected ("Corrigeren", the
//     correction's form in the table right under the registration, so a refusal is read at its row).
// A customer user whose organisation shows hours to its admins only gets 403 from the API: the page says so
// in words instead of showing an error. Loading only reads; the labels the API words (a bundle's status, a
// line's type and invoice status, the forecast) are read again when the language changes.
//
// Like tickets.mjs: state in a plain object, pure view functions into node descriptions, ctx.show() mounts.

import { h } from "./dom.mjs";
import { BUNDLE_ID, routeHash } from "./routes.mjs";
import { field, notice, page, problemBox, select, valueOf } from "./widgets.mjs";
import { errorsFrom, errorText } from "./forms.mjs";
import { bundleMeter, EXPORT_FORMATS, exportFile, formatDay, hiddenNotice, hoursBase, hoursHidden, INVOICE_STATUSES, invoiceLabel,
  monthOf, overviewHead, REGISTRATION_TYPES, registrationForm, registrationsPath, registrationsTable, todayOf, totalsSection, typedTicket,
  typeLabel } from "./ledger.mjs";
import { loggingActions, loggingState } from "./timelog.mjs";

/** The catalogue's service request for more hours (DefaultCatalogue on the server). */
export const EXTRA_HOURS = "extra-hours";

const CUSTOMER_ROLES = ["customer-user", "customer-admin"];
const STAFF_ROLES = ["provider-agent", "provider-admin"];

/** Whose hours a route shows: {own: true} for a customer's own, {customerId} for staff; null when the role may not. */
function whose(ctx, route) {
  const staffRoute = String(route.name || "").startsWith("customer-");
  if (staffRoute) return STAFF_ROLES.includes(ctx.role) ? { customerId: route.id, staff: true } : null;
  return CUSTOMER_ROLES.includes(ctx.role) ? { own: true, customerId: null, tenant: ctx.tenant || null } : null;
}

function refusal(ctx, route) {
  const { tr } = ctx;
  const staffOnOwn = STAFF_ROLES.includes(ctx.role) && !String(route.name || "").startsWith("customer-");
  return page(ctx, h("h1", null, staffOnOwn ? tr("nav.hours") : tr("admin.notAllowed")),
    staffOnOwn ? h("p", null, tr("hours.staffHint"), " ", h("a", { href: routeHash({ name: "customers" }) }, tr("nav.customers")))
      : h("p", null, tr("admin.notAllowedText")),
    h("p", null, h("a", { href: "#/tickets" }, tr("backToList"))));
}

/**
 * Runs a page's read into its state: loading, the answer, a refusal kept for the page (a customer's 403 as
 * `hidden`), and the language it was read in. bind() reads again after a language change, since the API words
 * some labels itself.
 */
function reader(ctx, state, render, read, own) {
  async function load() {
    state.loading = true;
    state.error = null;
    state.hidden = false;
    render();
    try {
      await read();
      state.lang = ctx.lang;
    } catch (e) {
      if (own && hoursHidden(e)) state.hidden = true;
      else state.error = e;
    }
    state.loading = false;
    render();
  }
  ctx.bind(() => (state.lang && state.lang !== ctx.lang && !state.loading ? load() : render()));
  return load;
}

const loadingNotice = (state, tr) => (state.loading ? h("p", { role: "status" }, tr("loading")) : null);

// ---------------------------------------------------------------------------------------------
// #/hours: Mijn Urenbundels

export function hoursView(state, ctx) {
  const { tr } = ctx;
  const overview = state.overview;
  const bundles = (overview && overview.bundles) || [];
  return page(ctx,
    h("h1", null, tr("hours.heading")),
    h("p", { class: "hours-intro" }, tr("hours.intro")),
    h("p", { class: "hours-actions" },
      h("a", { href: routeHash({ name: "new", requestType: EXTRA_HOURS }), class: "button-link order-hours" }, tr("hours.orderMore"))),
    state.hidden ? hiddenNotice(ctx) : problemBox(state.error, tr),
    loadingNotice(state, tr),
    overview ? [
      overviewHead(overview, ctx),
      h("section", { class: "bundles", "aria-labelledby": "bundles-heading" },
        h("h2", { id: "bundles-heading" }, tr("hours.bundles.heading")),
        bundles.length ? bundles.map(b => bundleMeter(b, ctx, { customerId: ctx.tenant,
          href: BUNDLE_ID.test(String(b.id)) ? routeHash({ name: "hour-bundle", bundleId: b.id }) : null }))
          : h("p", null, tr("hours.bundles.none")))
    ] : null,
    state.hidden ? null : h("p", null, h("a", { href: routeHash({ name: "time-registrations" }) }, tr("hours.toRegistrations"))));
}

/**
 * Staff pages of one customer name it as the other customer pages do: from the shell's customer list (read once per
 * sign-in). Until it answers, or when it cannot, the heading keeps the customer's id.
 */
function nameTheCustomer(ctx, who, state, render) {
  if (!who.staff || typeof ctx.customers !== "function") return null;
  return ctx.customers().then(all => {
    const found = (all || []).find(c => c.id === who.customerId);
    if (found && found.name) {
      state.customerName = found.name;
      render();
    }
  }, () => { /* the heading keeps the id, which names the customer too; the next page reads the list again */ });
}

export async function hoursPage(ctx, route = { name: "hours" }) {
  const who = whose(ctx, route);
  if (!who) return ctx.show(refusal(ctx, route));
  const state = { overview: null, loading: false, error: null, hidden: false, lang: null };
  const render = () => ctx.show(hoursView(state, ctx));
  const load = reader(ctx, state, render, async () => { state.overview = await ctx.api.get("/hour-bundles"); }, true);
  await load();
  return { state, reload: load };
}

// ---------------------------------------------------------------------------------------------
// #/hours/<bundleId> and #/admin/customers/<id>/hours/<bundleId>: one bundle and the lines booked on it

export function bundleView(state, ctx, who) {
  const { tr } = ctx;
  const detail = state.detail;
  const customerId = who.staff ? who.customerId : ctx.tenant;
  const back = who.staff ? h("a", { href: routeHash({ name: "customer-hours", id: who.customerId }) }, tr("hours.backToCustomer"))
    : h("a", { href: routeHash({ name: "hours" }) }, tr("hours.backToBundles"));
  return page(ctx,
    h("h1", null, tr("hours.bundle.heading"), who.staff ? h("span", { class: "number" }, " · " + (state.customerName || who.customerId))
      : null),
    state.hidden ? hiddenNotice(ctx) : problemBox(state.error, tr),
    loadingNotice(state, tr),
    detail && detail.bundle ? [
      bundleMeter(detail.bundle, ctx, { customerId, headingLevel: "h2" }),
      h("section", { class: "bundle-lines", "aria-labelledby": "lines-heading" },
        h("h2", { id: "lines-heading" }, tr("hours.bundle.lines")),
        (detail.entries || []).length
          ? registrationsTable(detail.entries, ctx, { staff: !!who.staff, customerId, caption: tr("hours.bundle.lines") })
          : h("p", null, tr("hours.bundle.noLines")))
    ] : null,
    h("p", null, back));
}

export async function bundlePage(ctx, route) {
  const who = whose(ctx, route);
  if (!who) return ctx.show(refusal(ctx, route));
  const state = { detail: null, loading: false, error: null, hidden: false, lang: null, customerName: null };
  const render = () => ctx.show(bundleView(state, ctx, who));
  const path = hoursBase(who.customerId) + "/hour-bundles/" + encodeURIComponent(route.bundleId);
  const load = reader(ctx, state, render, async () => { state.detail = await ctx.api.get(path); }, !!who.own);
  await Promise.all([load(), nameTheCustomer(ctx, who, state, render)]);
  return { state, reload: load };
}

// ---------------------------------------------------------------------------------------------
// #/time-registrations and #/admin/customers/<id>/time-registrations: Urenregistraties

const FILTER_FIELDS = ["type", "from", "to", "ticket"];
const EXPORT_LABELS = { pdf: "hours.export.pdf", xlsx: "hours.export.xlsx" };
const INVOICE_HELP = { "to-invoice": "hours.invoiceHelp.toInvoice", invoiced: "hours.invoiceHelp.invoiced",
  bundle: "hours.invoiceHelp.bundle", service: "hours.invoiceHelp.service" };

/** The filter of the form as the query sends it, or {errors} found before sending (a ticket that is no number). */
export function filterOf(draft, tr) {
  const ticket = String(draft.ticket || "").trim().replace(/^#/, "");
  if (ticket && !/^[1-9][0-9]{0,7}$/.test(ticket)) return { errors: { ticket: tr("hours.error.ticket") } };
  return { filter: { from: String(draft.from || "").trim(), to: String(draft.to || "").trim(), type: draft.type || "", ticket } };
}

function filterForm(state, ctx, actions) {
  const { tr } = ctx;
  const { draft } = state;
  const errors = state.errors;
  const at = (name, label, control) => field("filter." + name, label, control, { error: errors[name], tr });
  return h("form", { novalidate: true, class: "hours-filter", "aria-labelledby": "filter-heading", on: { submit: actions.apply } },
    h("h2", { id: "filter-heading", class: "visually-hidden" }, tr("hours.filter.heading")),
    h("div", { class: "filter-row" },
      at("type", tr("hours.filter.type"), select([["", tr("hours.filter.allTypes")], ...REGISTRATION_TYPES.map(t => [t, typeLabel(tr, t)])],
        draft.type, e => { draft.type = valueOf(e); })),
      at("from", tr("hours.filter.from"), h("input", { type: "date", value: draft.from, on: { input: e => { draft.from = valueOf(e); } } })),
      at("to", tr("hours.filter.to"), h("input", { type: "date", value: draft.to, on: { input: e => { draft.to = valueOf(e); } } })),
      at("ticket", tr("hours.filter.ticket"), h("input", { type: "text", inputmode: "numeric", maxlength: 9, value: draft.ticket,
        on: { input: e => { draft.ticket = valueOf(e); } } }))),
    h("div", { class: "buttons" },
      h("button", { type: "submit", class: "primary", disabled: state.loading }, tr("hours.filter.apply")),
      h("button", { type: "button", disabled: state.loading, on: { click: actions.thisMonth } }, tr("hours.filter.thisMonth"))));
}

function invoiceHelp(ctx) {
  const { tr } = ctx;
  return h("details", { class: "invoice-help" },
    h("summary", null, tr("hours.invoiceHelp.heading")),
    h("dl", { class: "facts" }, INVOICE_STATUSES.flatMap(s => [h("dt", null, invoiceLabel(tr, s)),
      h("dd", null, tr(INVOICE_HELP[s]))])));
}

/** Staff: "Tijd registreren" on the customer, a ticket's number optional. */
function loggingForm(logging, ctx, actions) {
  const { tr } = ctx;
  return h("section", { class: "time-logging" },
    registrationForm(logging.form, ctx, { prefix: "log", heading: tr("timelog.customerNew"), headingId: "log-form-heading",
      headingLevel: "h2", submitLabel: tr("timelog.submit"), onSubmit: () => actions.logTime(), ticketField: true }));
}

/** Staff: the table's options for "Corrigeren", with the correction's form in the row under the registration being corrected. */
function correcting(logging, ctx, actions) {
  const { tr } = ctx;
  const current = logging.correcting;
  return {
    correct: lines => actions.startCorrection(lines),
    busy: !!(current && current.form.busy),
    after: group => (current && group[0].registrationId === current.registrationId
      ? registrationForm(current.form, ctx, { prefix: "correct", heading: tr("timelog.correctHeading", { date: formatDay(current.date, ctx.lang) }),
        headingId: "correct-form-heading", submitLabel: tr("timelog.correctSubmit"), onSubmit: () => actions.submitCorrection(),
        onCancel: () => actions.cancelCorrection(), ticketField: true })
      : null)
  };
}

/** Why an export was refused, for its problem box: a period too large for one download (to: too-large), else forms.mjs's words. */
export function exportRefusals(error, tr) {
  return ((error && error.errors) || []).filter(e => e && typeof e.field === "string").map(e =>
    [tr("hours.export.heading"), e.code === "too-large" ? tr("hours.export.tooLarge") : errorText(e, tr)]);
}

export function registrationsView(state, ctx, actions, who) {
  const { tr, lang } = ctx;
  const list = state.list;
  const unshown = Object.entries(state.errors).filter(([name]) => !FILTER_FIELDS.includes(name));
  const customerId = who.staff ? who.customerId : ctx.tenant;
  const logging = who.staff ? state.logging : null;
  return page(ctx,
    h("h1", null, tr("hours.registrations.heading"), who.staff ? h("span", { class: "number" }, " · " + (state.customerName || who.customerId))
      : null),
    state.hidden ? hiddenNotice(ctx) : [
      logging ? loggingForm(logging, ctx, actions) : null,
      filterForm(state, ctx, actions),
      Object.keys(state.errors).length ? notice(tr("formHasErrors"), true) : null,
      problemBox(state.error, tr, unshown),
      loadingNotice(state, tr),
      list ? h("section", { class: "registrations-list", "aria-labelledby": "list-heading" },
        h("h2", { id: "list-heading" }, tr("hours.registrations.period", { from: formatDay(list.from, lang), to: formatDay(list.to, lang) })),
        logging ? notice(logging.notice) : null,
        (list.entries || []).length
          ? registrationsTable(list.entries, ctx, { staff: !!who.staff, customerId, ...(logging ? correcting(logging, ctx, actions) : {}) })
          : h("p", null, tr("hours.registrations.none")),
        totalsSection(list.totals, ctx),
        h("div", { class: "exports", role: "group", "aria-label": tr("hours.export.heading") },
          EXPORT_FORMATS.map(format => h("button", { type: "button", class: "export export-" + format,
            disabled: !!state.exporting || state.loading, on: { click: () => actions.exportAs(format) } },
          state.exporting === format ? tr("hours.export.busy") : tr(EXPORT_LABELS[format])))),
        notice(state.exported),
        problemBox(state.exportError, tr, exportRefusals(state.exportError, tr))) : null,
      invoiceHelp(ctx)
    ],
    who.staff ? h("p", null, h("a", { href: routeHash({ name: "customer-hours", id: who.customerId }) }, tr("hours.backToCustomer")))
      : null);
}

export async function registrationsPage(ctx, route) {
  const { tr } = ctx;
  const who = whose(ctx, route);
  if (!who) return ctx.show(refusal(ctx, route));
  const month = monthOf(todayOf(ctx));
  const state = { draft: { type: "", from: month.from, to: month.to, ticket: "" }, applied: null, list: null, loading: false,
    error: null, errors: {}, hidden: false, lang: null, exporting: null, exportError: null, exported: null,
    logging: who.staff ? loggingState(todayOf(ctx)) : null, customerName: null };
  const render = () => ctx.show(registrationsView(state, ctx, actions, who));
  let filter = filterOf(state.draft, tr).filter;
  const load = reader(ctx, state, render, async () => {
    state.errors = {};
    try {
      state.list = await ctx.api.get(registrationsPath(who.customerId, filter));
      state.applied = filter;
    } catch (e) {
      state.errors = errorsFrom(e, tr);
      throw e;
    }
  }, !!who.own);

  const actions = {
    // staff: register and correct, then read the list again with the filter it shows
    ...(who.staff ? loggingActions({ ctx, logging: () => state.logging, render, customerId: () => who.customerId,
      ticketOf: draft => typedTicket(draft, tr), reload: load }) : {}),
    apply(event) {
      if (event) event.preventDefault();
      if (state.loading) return undefined;
      const checked = filterOf(state.draft, tr);
      state.exported = null;
      state.exportError = null;
      if (checked.errors) {
        state.errors = checked.errors;
        state.error = null;
        return render();
      }
      filter = checked.filter;
      return load();
    },
    thisMonth() {
      const now = monthOf(todayOf(ctx));
      state.draft.from = now.from;
      state.draft.to = now.to;
      return actions.apply();
    },
    /** Downloads exactly the list shown (the filter it was read with), not what the form holds unsent. */
    async exportAs(format) {
      if (state.exporting || !state.applied) return;
      state.exporting = format;
      state.exportError = null;
      state.exported = null;
      render();
      try {
        const file = await exportFile(ctx, who.customerId, state.applied, format);
        state.exported = tr("hours.export.saved", { name: file.fileName });
      } catch (e) {
        state.exportError = e;
      }
      state.exporting = null;
      render();
    }
  };
  await Promise.all([load(), nameTheCustomer(ctx, who, state, render)]);
  return { state, actions };
}
