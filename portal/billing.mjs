// #/admin/customers/<id>/hours: a customer's hours for provider staff, reached from the customer's page.
//   everyone of the provider — the customer's bundles as meters (as the customer sees them, with over-budget
//     time and the forecast), each linked to its registrations, and the billing settings, read only;
//   provider admins — a new bundle (hours → minutes, validity, price, the request it was ordered with; it
//     starts pending, "Besteld"), activating a pending bundle, cancelling one nothing was used of (after a
//     confirmation), and the billing settings (rounding increment and minimum, whether the customer's users
//     see the hours, effective-dated rates per type) saved with the version read: a 409 says that someone else
//     changed them and offers to reload.
// The customer's registrations are hours.mjs's page (#/admin/customers/<id>/time-registrations), where staff also register
// time on the customer (on a ticket or none) and correct registrations: linked from here.
//
// Like admin.mjs: state in a plain object, pure view functions into node descriptions, ctx.show() mounts.

import { h } from "./dom.mjs";
import { idempotencyKeyFor } from "./api.mjs";
import { checkbox, errorsFrom, formHead, formState } from "./forms.mjs";
import { BUNDLE_ID, routeHash } from "./routes.mjs";
import { field, labelledControl, notice, page, problemBox, select, valueOf, scrolling } from "./widgets.mjs";
import { bundleMeter, euros, formatDay, hm, hoursBase, notNegative, overviewHead, parseEuros, parseHours, REGISTRATION_TYPES,
  todayOf, typeLabel } from "./ledger.mjs";

const STAFF_ROLES = ["provider-agent", "provider-admin"];
const TICKET_NUMBER = /^[1-9][0-9]{0,7}$/;

function refusal(ctx) {
  return page(ctx, h("h1", null, ctx.tr("admin.notAllowed")), h("p", null, ctx.tr("admin.notAllowedText")),
    h("p", null, h("a", { href: "#/tickets" }, ctx.tr("backToList"))));
}

const blank = value => String(value === undefined || value === null ? "" : value).trim() === "";

// ---------------------------------------------------------------------------------------------
// A new bundle

export function bundleDraft(today) {
  return { hours: "", validFrom: today, validUntil: "", price: "", requestTicket: "" };
}

/**
 * POST /customers/{id}/hour-bundles for a draft: the hours typed ("10", "7,5", "7:30") as minutes, the price
 * as a number, the request ticket's number when given; or {errors} found before sending: {body} | {errors}.
 */
export function bundleBody(draft, tr) {
  const errors = {};
  const minutes = parseHours(draft.hours);
  if (minutes === null || minutes < 1) errors.minutes = blank(draft.hours) ? tr("fieldRequired") : tr("billing.error.hours");
  // every required field said at once, before sending (the dates too: an empty one was only the API's error, after the rest)
  if (blank(draft.validFrom)) errors.validFrom = tr("fieldRequired");
  if (blank(draft.validUntil)) errors.validUntil = tr("fieldRequired");
  const price = parseEuros(draft.price, tr.lang);
  if (price === null) errors.price = blank(draft.price) ? tr("fieldRequired") : tr("billing.error.euros");
  const ticket = String(draft.requestTicket || "").trim().replace(/^#/, "");
  if (ticket && !TICKET_NUMBER.test(ticket)) errors.requestTicket = tr("hours.error.ticket");
  if (Object.keys(errors).length) return { errors };
  const body = { minutes, validFrom: draft.validFrom, validUntil: draft.validUntil, price };
  if (ticket) body.requestTicket = Number(ticket);
  return { body };
}

const BUNDLE_FIELDS = ["minutes", "validFrom", "validUntil", "price", "requestTicket"];

function bundleForm(form, ctx, actions) {
  const { tr } = ctx;
  const { draft } = form;
  const hinted = (name, label, control, required, hint) => {
    const desc = field("bundle." + name, label, control, { error: form.errors[name], required, tr });
    if (hint) {
      control.attrs["aria-describedby"] = [control.attrs["aria-describedby"], "h-bundle." + name].filter(Boolean).join(" ");
      desc.children.splice(2, 0, h("div", { class: "hint", id: "h-bundle." + name }, hint));
    }
    return desc;
  };
  const text = (value, set, attrs = {}) => h("input", { type: "text", value, ...attrs, on: { input: e => set(valueOf(e)) } });
  return h("form", { novalidate: true, class: "admin-form bundle-form", "aria-labelledby": "bundle-form-heading",
    on: { submit: actions.createBundle } },
  h("h2", { id: "bundle-form-heading" }, tr("billing.bundle.new")),
  h("p", { class: "hint" }, tr("billing.bundle.intro")),
  formHead(form, tr, BUNDLE_FIELDS),
  hinted("minutes", tr("billing.bundle.hours"), text(draft.hours, v => { draft.hours = v; }, { inputmode: "decimal", maxlength: 9 }), true,
    tr("billing.bundle.hoursHint")),
  hinted("validFrom", tr("billing.bundle.validFrom"), h("input", { type: "date", value: draft.validFrom,
    on: { input: e => { draft.validFrom = valueOf(e); } } }), true),
  hinted("validUntil", tr("billing.bundle.validUntil"), h("input", { type: "date", value: draft.validUntil,
    on: { input: e => { draft.validUntil = valueOf(e); } } }), true),
  hinted("price", tr("billing.bundle.price"), text(draft.price, v => { draft.price = v; }, { inputmode: "decimal", maxlength: 13 }), true,
    tr("billing.bundle.priceHint")),
  hinted("requestTicket", tr("billing.bundle.requestTicket"), text(draft.requestTicket, v => { draft.requestTicket = v; },
    { inputmode: "numeric", maxlength: 9 }), false, tr("billing.bundle.requestTicketHint")),
  h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("submitting") : tr("billing.bundle.create")));
}

// ---------------------------------------------------------------------------------------------
// The billing settings

export function settingsDraft(settings, newKey) {
  const s = settings || {};
  const text = n => (n === undefined || n === null ? "" : String(n));
  return { roundingIncrement: text(s.roundingIncrement), roundingMinimum: text(s.roundingMinimum), usersSeeHours: s.usersSeeHours === true,
    rollover: s.rollover === true, rolloverCapHours: s.rollover === true ? hm(notNegative(s.rolloverCapMinutes)) : "",
    rates: (s.rates || []).map(r => rateRow(newKey(), r)) };
}

function rateRow(key, rate = {}) {
  return { key, type: rate.type || "ad-hoc-billable", effectiveFrom: rate.effectiveFrom || "",
    hourly: rate.hourly === undefined || rate.hourly === null ? "" : String(rate.hourly) };
}

function whole(value) {
  const text = String(value === undefined || value === null ? "" : value).trim();
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}

/** The bundle's minutes are typed as hours: the API's range of minutes in hours ("at most 10000:00"). */
/** The API's limit of an hourly rate (SettingsInput: below 1,000 euros; field error too-large on rates[i].hourly). */
export const MAX_HOURLY = 1000;

/** The billing settings' field errors in words: a rate of 1,000 euros or more (too-large) says the limit. */
function settingsErrorText(e, tr) {
  return /^rates\[\d+\]\.hourly$/.test(String(e.field || "")) && e.code === "too-large" ? tr("billing.error.rateTooLarge") : null;
}

function bundleErrorText(e, tr) {
  const max = /(\d+)\D*$/.exec(String(e.message || ""));
  return e.field === "minutes" && e.code === "range" && max ? tr("billing.error.hoursRange", { max: hm(Number(max[1])) }) : null;
}

/**
 * PUT /customers/{id}/billing-settings for a draft, with the version read; the rates in the order shown. Also says
 * which form field each indexed path of the answer's errors[] means (rates[i] → the row sent i-th). Or {errors}
 * found before sending (a number or an amount that is none): {body, rename} | {errors}.
 */
export function settingsBody(draft, version, tr) {
  const errors = {};
  const increment = whole(draft.roundingIncrement);
  const minimum = whole(draft.roundingMinimum);
  if (increment === null) errors.roundingIncrement = tr("billing.error.whole");
  if (minimum === null) errors.roundingMinimum = tr("billing.error.whole");
  const cap = draft.rollover === true ? parseHours(draft.rolloverCapHours) : 0;
  if (cap === null) errors.rolloverCapMinutes = tr("billing.error.hours");
  const rates = draft.rates.map(r => {
    const hourly = parseEuros(r.hourly, tr.lang);
    if (hourly === null) errors["rates." + r.key + ".hourly"] = blank(r.hourly) ? tr("fieldRequired") : tr("billing.error.euros");
    else if (hourly >= MAX_HOURLY) errors["rates." + r.key + ".hourly"] = tr("billing.error.rateTooLarge");
    return { type: r.type, effectiveFrom: r.effectiveFrom, hourly };
  });
  if (Object.keys(errors).length) return { errors };
  const keys = draft.rates.map(r => r.key);
  const rename = path => {
    const m = /^rates\[(\d+)\](.*)$/.exec(path);
    return m && keys[Number(m[1])] !== undefined ? "rates." + keys[Number(m[1])] + (m[2] || "") : path;
  };
  return { body: { roundingIncrement: increment, roundingMinimum: minimum, usersSeeHours: draft.usersSeeHours === true, rates,
    rollover: draft.rollover === true, rolloverCapMinutes: draft.rollover === true ? cap : 0, version },
    rename };
}

function settingsFacts(settings, ctx) {
  const { tr, lang } = ctx;
  const row = (label, value) => [h("dt", null, label), h("dd", null, value)];
  const rates = settings.rates || [];
  return [
    h("dl", { class: "facts" },
      row(tr("billing.settings.rounding"), tr("billing.settings.roundingText", { increment: notNegative(settings.roundingIncrement),
        minimum: notNegative(settings.roundingMinimum) })),
      row(tr("billing.settings.usersSeeHours"), settings.usersSeeHours ? tr("yes") : tr("no")),
      row(tr("billing.settings.expiry"), settings.rollover
        ? tr("billing.settings.rolloverText", { hours: hm(notNegative(settings.rolloverCapMinutes)) }) : tr("billing.settings.lapseText"))),
    rates.length ? scrolling(tr, h("table", { class: "rates" },
      h("caption", null, tr("billing.settings.rates")),
      h("thead", null, h("tr", null, ["hours.filter.type", "billing.rate.from", "billing.rate.hourly"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rates.map(r => h("tr", null, h("td", null, typeLabel(tr, r.type)),
        h("td", null, formatDay(r.effectiveFrom, lang)), h("td", null, euros(r.hourly, lang)))))))
      : h("p", null, tr("billing.settings.noRates"))
  ];
}

const SETTINGS_FIELDS = ["roundingIncrement", "roundingMinimum", "usersSeeHours", "rollover", "rolloverCapMinutes"];

function settingsForm(settingsState, ctx, actions) {
  const { tr } = ctx;
  const form = settingsState.form;
  const { draft } = form;
  const shown = [...SETTINGS_FIELDS];
  const error = name => { shown.push(name); return form.errors[name]; };
  const number = (value, set, max) => h("input", { type: "number", min: 0, max, step: 1, inputmode: "numeric", value,
    on: { input: e => set(valueOf(e)) } });
  const rows = draft.rates.map((r, i) => {
    const at = "rates." + r.key;
    const n = i + 1;
    return h("tr", null,
      h("td", null, ...labelledControl(at + ".type", tr("billing.rate.typeOf", { n }),
        select(REGISTRATION_TYPES.map(t => [t, typeLabel(tr, t)]), r.type, e => { r.type = valueOf(e); }),
        [error(at + ".type"), error(at)].filter(Boolean).join(" ") || undefined)),
      h("td", null, ...labelledControl(at + ".effectiveFrom", tr("billing.rate.fromOf", { n }),
        h("input", { type: "date", value: r.effectiveFrom, on: { input: e => { r.effectiveFrom = valueOf(e); } } }),
        error(at + ".effectiveFrom"))),
      h("td", null, ...labelledControl(at + ".hourly", tr("billing.rate.hourlyOf", { n }),
        h("input", { type: "text", inputmode: "decimal", maxlength: 13, value: r.hourly, on: { input: e => { r.hourly = valueOf(e); } } }),
        error(at + ".hourly"))),
      h("td", null, h("button", { type: "button", class: "remove", disabled: form.busy, on: { click: () => actions.removeRate(r.key) } },
        tr("billing.rate.remove"), h("span", { class: "visually-hidden" }, " " + tr("billing.rate.n", { n })))));
  });
  const rateErrors = error("rates");
  return h("form", { novalidate: true, class: "admin-form settings-form", "aria-labelledby": "settings-form-heading",
    on: { submit: actions.saveSettings } },
  h("h3", { id: "settings-form-heading" }, tr("billing.settings.change")),
  settingsState.conflict ? h("div", { class: "notice warning", role: "alert" },
    h("p", null, tr("billing.settings.conflict")),
    h("button", { type: "button", class: "primary", on: { click: actions.reloadSettings } }, tr("billing.settings.reload"))) : null,
  formHead(form, tr, shown),
  field("roundingIncrement", tr("billing.settings.increment"), number(draft.roundingIncrement, v => { draft.roundingIncrement = v; }, 60),
    { error: form.errors.roundingIncrement, required: true, tr }),
  field("roundingMinimum", tr("billing.settings.minimum"), number(draft.roundingMinimum, v => { draft.roundingMinimum = v; }, 240),
    { error: form.errors.roundingMinimum, required: true, tr }),
  checkbox("usersSeeHours", tr("billing.settings.usersSeeHoursLabel"), draft.usersSeeHours, v => { draft.usersSeeHours = v; }),
  form.errors.usersSeeHours ? h("p", { class: "field-error" }, form.errors.usersSeeHours) : null,
  checkbox("rollover", tr("billing.settings.rolloverLabel"), draft.rollover, actions.setRollover),
  draft.rollover ? field("rolloverCapMinutes", tr("billing.settings.rolloverCap"),
    h("input", { type: "text", inputmode: "decimal", maxlength: 8, value: draft.rolloverCapHours,
      on: { input: e => { draft.rolloverCapHours = valueOf(e); } } }),
    { error: form.errors.rolloverCapMinutes, required: true, tr }) : null,
  h("fieldset", null, h("legend", null, tr("billing.settings.rates")),
    h("p", { class: "hint" }, tr("billing.settings.ratesHint")),
    rows.length ? scrolling(tr, h("table", { class: "rates" },
      h("thead", null, h("tr", null, ["hours.filter.type", "billing.rate.from", "billing.rate.hourly", "admin.col.actions"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rows))) : h("p", null, tr("billing.settings.noRates")),
    rateErrors ? h("p", { class: "field-error" }, rateErrors) : null,
    h("button", { type: "button", disabled: form.busy, on: { click: actions.addRate } }, tr("billing.rate.add"))),
  h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save")));
}

function settingsSection(state, ctx, actions) {
  const { tr } = ctx;
  const s = state.settings;
  return h("section", { class: "billing-settings", "aria-labelledby": "settings-heading" },
    h("h2", { id: "settings-heading" }, tr("billing.settings.heading")),
    notice(s.notice),
    problemBox(s.error, tr),
    s.current ? settingsFacts(s.current, ctx) : null,
    s.current && ctx.role === "provider-admin" && s.form ? settingsForm(s, ctx, actions) : null);
}

// ---------------------------------------------------------------------------------------------
// The page

function bundleActions(bundle, state, ctx, actions) {
  const { tr } = ctx;
  if (ctx.role !== "provider-admin" || !BUNDLE_ID.test(String(bundle.id))) return null;
  const busy = !!state.busy;
  const confirming = state.confirming === bundle.id;
  const mayCancel = (bundle.status === "pending" || bundle.status === "active") && notNegative(bundle.minutesUsed) === 0;
  const buttons = [];
  if (bundle.status === "pending") {
    buttons.push(h("button", { type: "button", class: "primary", disabled: busy, on: { click: () => actions.activate(bundle) } },
      tr("billing.bundle.activate")));
  }
  if (mayCancel && !confirming) {
    buttons.push(h("button", { type: "button", disabled: busy, on: { click: () => actions.askCancel(bundle) } }, tr("billing.bundle.cancel")));
  }
  const done = state.rowNotice && state.rowNotice.id === bundle.id ? state.rowNotice.text : null;
  return h("div", { class: "bundle-actions" },
    notice(done),
    confirming ? h("div", { class: "confirm", role: "alert" },
      h("p", null, tr("billing.bundle.confirmCancel", { hours: hm(notNegative(bundle.minutesBought)) })),
      h("button", { type: "button", class: "primary", disabled: busy, on: { click: () => actions.cancel(bundle) } },
        tr("billing.bundle.cancelYes")),
      h("button", { type: "button", disabled: busy, on: { click: actions.keep } }, tr("billing.bundle.cancelNo"))) : buttons,
    problemBox(state.rowErrors[bundle.id], tr));
}

export function customerHoursView(state, ctx, actions) {
  const { tr } = ctx;
  const id = state.customerId;
  const name = state.customer ? state.customer.name : id;
  const overview = state.overview;
  const bundles = (overview && overview.bundles) || [];
  return page(ctx,
    h("h1", null, tr("billing.heading", { name })),
    h("p", { class: "links" },
      h("a", { href: routeHash({ name: "customer", id }) }, tr("billing.toCustomer")), " · ",
      h("a", { href: routeHash({ name: "customer-time-registrations", id }) }, tr("billing.toRegistrations"))),
    notice(state.notice),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    overview ? [
      overviewHead(overview, ctx, { about: name }),
      h("section", { class: "bundles", "aria-labelledby": "bundles-heading" },
        h("h2", { id: "bundles-heading" }, tr("hours.bundles.heading")),
        bundles.length ? bundles.map(b => bundleMeter(b, ctx, { customerId: id,
          href: BUNDLE_ID.test(String(b.id)) ? routeHash({ name: "customer-hour-bundle", id, bundleId: b.id }) : null,
          actions: bundleActions(b, state, ctx, actions) })) : h("p", null, tr("billing.bundles.none")))
    ] : null,
    ctx.role === "provider-admin" && !state.error ? bundleForm(state.bundleForm, ctx, actions) : null,
    settingsSection(state, ctx, actions));
}

export async function customerHoursPage(ctx, route) {
  const { tr } = ctx;
  if (!STAFF_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx));
  const base = hoursBase(route.id);
  const today = todayOf(ctx);
  let keys = 0;
  const newKey = () => "r" + ++keys;
  const state = { customerId: route.id, customer: null, overview: null, loading: true, error: null, notice: null, rowNotice: null, busy: null,
    confirming: null, rowErrors: {}, bundleForm: formState(bundleDraft(today)), idempotency: {},
    settings: { current: null, form: null, error: null, notice: null, conflict: false } };
  const render = () => ctx.show(customerHoursView(state, ctx, actions));
  const loadOverview = async () => { state.overview = await ctx.api.get(base + "/hour-bundles"); };
  // The API words the bundles' status and the forecast in the caller's language: a language change reads them again.
  let readIn = ctx.lang;
  ctx.bind(() => {
    render();
    if (readIn === ctx.lang || state.loading) return undefined;
    readIn = ctx.lang;
    return loadOverview().then(render, e => { state.error = e; render(); });
  });
  const loadSettings = async () => {
    const current = await ctx.api.get(base + "/billing-settings");
    state.settings.current = current;
    state.settings.form = formState(settingsDraft(current, newKey));
    state.settings.conflict = false;
  };

  async function bundleChange(bundle, action, doneKey) {
    if (state.busy) return;
    state.busy = bundle.id;
    state.notice = null;
    state.rowNotice = null;
    state.rowErrors = {};
    state.confirming = null;
    // "…; hij staat op besteld" of the bundle made last is no longer true once a bundle is activated or cancelled
    state.bundleForm.notice = null;
    render();
    try {
      await ctx.api.post(base + "/hour-bundles/" + encodeURIComponent(bundle.id) + "/" + action);
      // said at the bundle itself, where the focus is, not only at the top of the page
      state.rowNotice = { id: bundle.id, text: tr(doneKey, { hours: hm(notNegative(bundle.minutesBought)) }) };
    } catch (e) {
      state.rowErrors[bundle.id] = e;
    }
    try { await loadOverview(); } catch (e) { state.error = e; }
    state.busy = null;
    render();
  }

  const actions = {
    activate: bundle => bundleChange(bundle, "activate", "billing.bundle.activated"),
    askCancel(bundle) { state.confirming = bundle.id; state.rowErrors = {}; render(); },
    keep() { state.confirming = null; render(); },
    cancel: bundle => bundleChange(bundle, "cancel", "billing.bundle.cancelled"),
    async createBundle(event) {
      if (event) event.preventDefault();
      const form = state.bundleForm;
      if (form.busy) return;
      const checked = bundleBody(form.draft, tr);
      form.notice = null;
      if (checked.errors) {
        form.errors = checked.errors;
        form.error = null;
        render();
        return;
      }
      const key = idempotencyKeyFor(state.idempotency, checked.body, ctx.uuid);
      form.busy = true;
      form.errors = {};
      form.error = null;
      render();
      try {
        await ctx.api.post(base + "/hour-bundles", checked.body, { idempotencyKey: key });
        state.rowNotice = null;
        state.bundleForm = formState(bundleDraft(today));
        state.bundleForm.notice = tr("billing.bundle.created", { hours: hm(checked.body.minutes) });
      } catch (e) {
        form.busy = false;
        form.error = e;
        form.errors = errorsFrom(e, tr, { known: fieldError => bundleErrorText(fieldError, tr) });
        render();
        return;
      }
      try { await loadOverview(); } catch (e) { state.error = e; }
      render();
    },
    addRate() {
      state.settings.form.draft.rates.push(rateRow(newKey(), { effectiveFrom: today }));
      render();
    },
    setRollover(on) {
      state.settings.form.draft.rollover = on;
      render();
    },
    removeRate(key) {
      const draft = state.settings.form.draft;
      draft.rates = draft.rates.filter(r => r.key !== key);
      render();
    },
    async saveSettings(event) {
      if (event) event.preventDefault();
      const s = state.settings;
      const form = s.form;
      if (form.busy) return;
      const checked = settingsBody(form.draft, s.current.version, tr);
      s.notice = null;
      if (checked.errors) {
        form.errors = checked.errors;
        form.error = null;
        render();
        return;
      }
      form.busy = true;
      form.errors = {};
      form.error = null;
      render();
      try {
        const saved = await ctx.api.put(base + "/billing-settings", checked.body);
        s.current = saved;
        s.form = formState(settingsDraft(saved, newKey));
        s.conflict = false;
        s.notice = tr("billing.settings.saved");
      } catch (e) {
        form.busy = false;
        if (e.code === "version-conflict") {
          s.conflict = true;
        } else {
          form.error = e;
          form.errors = errorsFrom(e, tr, { rename: checked.rename, known: fieldError => settingsErrorText(fieldError, tr) });
        }
      }
      render();
    },
    /** After a 409: the settings as they are now, in the form (what was typed is dropped: it was typed on the old ones). */
    async reloadSettings() {
      const s = state.settings;
      s.error = null;
      s.notice = null;
      try {
        await loadSettings();
        s.notice = tr("billing.settings.reloaded");
      } catch (e) {
        s.error = e;
      }
      render();
    }
  };

  render();
  const [customer, overview, settings] = await Promise.allSettled([
    ctx.api.get("/customers/" + encodeURIComponent(route.id)), loadOverview(), loadSettings()]);
  if (customer.status === "fulfilled") state.customer = customer.value;
  if (overview.status === "rejected") state.error = overview.reason;
  if (settings.status === "rejected") state.settings.error = settings.reason;
  state.loading = false;
  render();
  return { state, actions };
}
