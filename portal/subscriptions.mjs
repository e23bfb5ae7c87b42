// The subscriptions pages (seed: "Uw Abonnementen Bekijken en Beheren"):
//   customers — "Abonnementen" #/subscriptions: every subscription with its service, quantity × unit price, the
//     price per period, start and end (a renewing one's current end, "wordt automatisch verlengd"), and its status
//     as a labelled badge; one that ends soon without renewing stands out. "Nieuw abonnement aanvragen" and, per
//     subscription, "Wijzigen" open the new-ticket page with the catalogue's service request chosen;
//   provider staff — a customer's subscriptions #/admin/customers/<id>/subscriptions, reached from the customer's
//     page; provider admins also create one, change one (with the version read: a 409 says that someone else
//     changed it and offers to reload) and cancel one (after a confirmation).
// A customer user whose organisation shows hours and subscriptions to its admins only gets 403 from the API
// (the same switch as the hours): the page says so in words instead of showing an error. Loading only reads;
// the labels the API words (status, period) are read again when the language changes.
//
// Like billing.mjs: state in a plain object, pure view functions into node descriptions, ctx.show() mounts.

import { h } from "./dom.mjs";
import { idempotencyKeyFor } from "./api.mjs";
import { checkbox, errorsFrom, formHead, formState } from "./forms.mjs";
import { routeHash, SUBSCRIPTION_ID } from "./routes.mjs";
import { field, labelOf, loadWithCustomer, notice, page, problemBox, select, valueOf } from "./widgets.mjs";
import { euros, formatDay, hoursBase, parseEuros, todayOf } from "./ledger.mjs";

/** The catalogue's service requests for subscriptions (DefaultCatalogue on the server). */
export const NEW_SUBSCRIPTION = "new-subscription";
export const CHANGE_SUBSCRIPTION = "change-subscription";
/** A subscription's billing period (Subscription.Period on the server). */
export const PERIODS = ["monthly", "yearly"];
/** A subscription's status (Subscription.Status on the server). */
export const SUBSCRIPTION_STATUSES = ["planned", "active", "ending", "ended", "cancelled"];

const CUSTOMER_ROLES = ["customer-user", "customer-admin"];
const STAFF_ROLES = ["provider-agent", "provider-admin"];
const FIELDS = ["service", "quantity", "unitPrice", "period", "startDate", "endDate", "autoRenew"];

const statusLabel = (tr, s) => s.statusLabel || labelOf(tr, "subscriptions.status.", s.status);
const periodLabel = (tr, s) => s.periodLabel || labelOf(tr, "subscriptions.per.", s.period);
const blank = value => String(value === undefined || value === null ? "" : value).trim() === "";
const cssName = value => String(value || "unknown").replace(/[^a-z-]/g, "");

function refusal(ctx, staffOnOwn) {
  const { tr } = ctx;
  return page(ctx, h("h1", null, staffOnOwn ? tr("subscriptions.heading") : tr("admin.notAllowed")),
    staffOnOwn ? h("p", null, tr("subscriptions.staffHint"), " ", h("a", { href: routeHash({ name: "customers" }) }, tr("nav.customers")))
      : h("p", null, tr("admin.notAllowedText")),
    h("p", null, h("a", { href: "#/tickets" }, tr("backToList"))));
}

/** The sentence a customer user reads instead of the subscriptions when the organisation shows them to admins only. */
function hiddenNotice(ctx) {
  return h("div", { class: "hours-hidden subscriptions-hidden", role: "status" },
    h("p", null, h("strong", null, ctx.tr("subscriptions.hidden.title"))),
    h("p", null, ctx.tr("subscriptions.hidden.text")));
}

// ---------------------------------------------------------------------------------------------
// A subscription as a card

/**
 * One subscription: the service with its status badge (text, not colour alone), quantity × unit price, the price
 * per period, start and end; a renewing one shows its current end and that it renews; one that ends soon (and
 * does not renew) is marked and says so. links: what the card offers under it (requests, or the admin's actions).
 */
export function subscriptionCard(s, ctx, { headingLevel = "h2", actions = null } = {}) {
  const { tr, lang } = ctx;
  const status = cssName(s.status);
  const ending = s.status === "ending";
  const row = (name, label, value) => [h("dt", { class: name }, label), h("dd", { class: name }, value)];
  const end = s.autoRenew
    ? [formatDay(s.currentEnd || s.endDate, lang), " — ", h("span", { class: "renews" }, tr("subscriptions.renews"))]
    : formatDay(s.endDate, lang);
  return h("article", { class: "subscription subscription-" + status + (ending ? " subscription-ending" : "") },
    h(headingLevel, null, String(s.service || ""), " ",
      h("span", { class: "badge subscription-status status-" + status },
        h("span", { class: "visually-hidden" }, tr("subscriptions.statusPrefix") + " "), statusLabel(tr, s))),
    ending ? h("p", { class: "ending-notice" }, h("strong", null, tr("subscriptions.endingNotice",
      { date: formatDay(s.endDate, lang) }))) : null,
    h("dl", { class: "facts" },
      row("quantity", tr("subscriptions.quantity"), tr("subscriptions.quantityTimes",
        { quantity: s.quantity, price: euros(s.unitPrice, lang) })),
      row("period-price", tr("subscriptions.periodPrice"), euros(s.periodPrice, lang) + " " + periodLabel(tr, s)),
      row("start", tr("subscriptions.start"), formatDay(s.startDate, lang)),
      row("end", s.autoRenew ? tr("subscriptions.currentEnd") : tr("subscriptions.end"), end)),
    actions);
}

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
      if (own && e && e.status === 403) state.hidden = true;
      else state.error = e;
    }
    state.loading = false;
    render();
  }
  ctx.bind(() => (state.lang && state.lang !== ctx.lang && !state.loading ? load() : render()));
  return load;
}

// ---------------------------------------------------------------------------------------------
// #/subscriptions: Abonnementen (customers)

const requestHref = requestType => routeHash({ name: "new", requestType });
const changeable = s => s.status !== "cancelled" && s.status !== "ended";

export function subscriptionsView(state, ctx) {
  const { tr } = ctx;
  const list = state.subscriptions || [];
  return page(ctx,
    h("h1", null, tr("subscriptions.heading")),
    h("p", { class: "subscriptions-intro" }, tr("subscriptions.intro")),
    h("p", { class: "subscriptions-actions" },
      h("a", { href: requestHref(NEW_SUBSCRIPTION), class: "button-link request-subscription" }, tr("subscriptions.requestNew"))),
    state.hidden ? hiddenNotice(ctx) : problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    state.subscriptions ? h("section", { class: "subscriptions", "aria-label": tr("subscriptions.heading") },
      list.length ? list.map(s => subscriptionCard(s, ctx, {
        actions: changeable(s) ? h("p", { class: "subscription-links" },
          h("a", { href: requestHref(CHANGE_SUBSCRIPTION), class: "button-link change-subscription" }, tr("subscriptions.change"),
            h("span", { class: "visually-hidden" }, " " + String(s.service || "")))) : null
      })) : h("p", null, tr("subscriptions.none"))) : null);
}

export async function subscriptionsPage(ctx) {
  if (!CUSTOMER_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx, STAFF_ROLES.includes(ctx.role)));
  const state = { subscriptions: null, loading: false, error: null, hidden: false, lang: null };
  const render = () => ctx.show(subscriptionsView(state, ctx));
  const load = reader(ctx, state, render, async () => {
    state.subscriptions = (await ctx.api.get("/subscriptions")).subscriptions || [];
  }, true);
  await load();
  return { state, reload: load };
}

// ---------------------------------------------------------------------------------------------
// The provider admin's form: a new subscription, or a change of one

/** The form's draft: empty (starting today), or a subscription's values, its unit price as the user's language writes it. */
export function subscriptionDraft(today, from, lang = "nl") {
  const s = from || {};
  const text = v => (v === undefined || v === null ? "" : String(v));
  return { service: text(s.service), quantity: text(s.quantity), unitPrice: lang === "en" ? text(s.unitPrice) : text(s.unitPrice).replace(".", ","),
    period: s.period || "monthly", startDate: s.startDate || today, endDate: s.endDate || "", autoRenew: s.autoRenew === true };
}

/**
 * The body of POST …/subscriptions (and, with the version read, of PUT …/subscriptions/{id}) for a draft: the quantity
 * as a whole number, the unit price typed in euros ("20,60") as a number; or {errors} found before sending.
 */
/** The API's limit of a subscription's price per period (quantity × unit price below 10,000,000 euros; too-large on unitPrice). */
const MAX_PERIOD_CENTS = 10_000_000 * 100;

/** A subscription's field errors in words: a price per period past the limit (too-large at unitPrice) says the limit. */
export function subscriptionErrors(error, tr) {
  return errorsFrom(error, tr, { known: e => (e.field === "unitPrice" && e.code === "too-large" ? tr("subscriptions.error.tooLarge") : null) });
}

export function subscriptionBody(draft, tr, version) {
  const errors = {};
  const quantityText = String(draft.quantity === undefined || draft.quantity === null ? "" : draft.quantity).trim();
  const quantity = /^\d{1,6}$/.test(quantityText) ? Number(quantityText) : null;
  if (quantity === null || quantity < 1 || quantity > 100000) {
    errors.quantity = blank(draft.quantity) ? tr("fieldRequired") : tr("subscriptions.error.quantity");
  }
  const unitPrice = parseEuros(draft.unitPrice, tr.lang);
  if (unitPrice === null) errors.unitPrice = blank(draft.unitPrice) ? tr("fieldRequired") : tr("billing.error.euros");
  else if (quantity !== null && Math.round(unitPrice * 100) * quantity >= MAX_PERIOD_CENTS) errors.unitPrice = tr("subscriptions.error.tooLarge");
  if (Object.keys(errors).length) return { errors };
  const body = { service: String(draft.service || "").trim(), quantity, unitPrice, period: draft.period, startDate: draft.startDate,
    endDate: draft.endDate, autoRenew: draft.autoRenew === true };
  if (version !== undefined) body.version = version;
  return { body };
}

function subscriptionForm(form, ctx, { prefix, heading, headingId, submitLabel, onSubmit, onCancel, conflict, onReload }) {
  const { tr } = ctx;
  const { draft } = form;
  const at = (name, label, control, required, hint) => {
    const desc = field(prefix + "." + name, label, control, { error: form.errors[name], required, tr });
    if (hint) {
      control.attrs["aria-describedby"] = [control.attrs["aria-describedby"], "h-" + prefix + "." + name].filter(Boolean).join(" ");
      desc.children.splice(2, 0, h("div", { class: "hint", id: "h-" + prefix + "." + name }, hint));
    }
    return desc;
  };
  const text = (value, set, attrs = {}) => h("input", { type: "text", value, ...attrs, on: { input: e => set(valueOf(e)) } });
  const date = (value, set) => h("input", { type: "date", value, on: { input: e => set(valueOf(e)) } });
  return h("form", { novalidate: true, class: "admin-form subscription-form", "aria-labelledby": headingId,
    on: { submit: e => { if (e) e.preventDefault(); return onSubmit(); } } },
  h(prefix === "sub" ? "h2" : "h3", { id: headingId }, heading),
  conflict ? h("div", { class: "notice warning", role: "alert" },
    h("p", null, tr("subscriptions.conflict")),
    h("button", { type: "button", class: "primary", on: { click: onReload } }, tr("subscriptions.reload"))) : null,
  formHead(form, tr, FIELDS),
  at("service", tr("subscriptions.field.service"), text(draft.service, v => { draft.service = v; }, { maxlength: 200 }), true),
  at("quantity", tr("subscriptions.field.quantity"), text(draft.quantity, v => { draft.quantity = v; },
    { inputmode: "numeric", maxlength: 6 }), true),
  at("unitPrice", tr("subscriptions.field.unitPrice"), text(draft.unitPrice, v => { draft.unitPrice = v; },
    { inputmode: "decimal", maxlength: 13 }), true, tr("subscriptions.field.unitPriceHint")),
  at("period", tr("subscriptions.field.period"), select(PERIODS.map(p => [p, labelOf(tr, "subscriptions.period.", p)]), draft.period,
    e => { draft.period = valueOf(e); }), true),
  at("startDate", tr("subscriptions.field.startDate"), date(draft.startDate, v => { draft.startDate = v; }), true),
  at("endDate", tr("subscriptions.field.endDate"), date(draft.endDate, v => { draft.endDate = v; }), true),
  checkbox(prefix + ".autoRenew", tr("subscriptions.field.autoRenew"), draft.autoRenew, v => { draft.autoRenew = v; }),
  form.errors.autoRenew ? h("p", { class: "field-error" }, form.errors.autoRenew) : null,
  h("div", { class: "buttons" },
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : submitLabel),
    onCancel ? h("button", { type: "button", disabled: form.busy, on: { click: onCancel } }, tr("sla.cancel")) : null));
}

// ---------------------------------------------------------------------------------------------
// #/admin/customers/<id>/subscriptions: a customer's subscriptions for provider staff

function adminActions(s, state, ctx, actions) {
  const { tr } = ctx;
  if (ctx.role !== "provider-admin" || !SUBSCRIPTION_ID.test(String(s.id))) return null;
  const editing = state.editing && state.editing.id === s.id ? state.editing : null;
  if (editing) {
    return h("div", { class: "subscription-actions" }, subscriptionForm(editing.form, ctx, {
      prefix: "edit", heading: tr("subscriptions.changeHeading", { service: String(s.service || "") }), headingId: "edit-heading",
      submitLabel: tr("sla.save"), onSubmit: actions.save, onCancel: actions.stopEdit, conflict: editing.conflict,
      onReload: actions.reloadEdit }));
  }
  if (s.status === "cancelled") return null;
  const busy = !!state.busy;
  const confirming = state.confirming === s.id;
  return h("div", { class: "subscription-actions" },
    confirming ? h("div", { class: "confirm", role: "alert" },
      h("p", null, tr("subscriptions.confirmCancel", { service: String(s.service || "") })),
      h("button", { type: "button", class: "primary", disabled: busy, on: { click: () => actions.cancel(s) } },
        tr("subscriptions.cancelYes")),
      h("button", { type: "button", disabled: busy, on: { click: actions.keep } }, tr("subscriptions.cancelNo")))
      : [h("button", { type: "button", disabled: busy, on: { click: () => actions.edit(s) } }, tr("subscriptions.change")), " ",
        h("button", { type: "button", disabled: busy, on: { click: () => actions.askCancel(s) } }, tr("subscriptions.cancel"))],
    problemBox(state.rowErrors[s.id], tr));
}

export function customerSubscriptionsView(state, ctx, actions) {
  const { tr } = ctx;
  const id = state.customerId;
  const name = state.customer ? state.customer.name : id;
  const list = state.subscriptions || [];
  return page(ctx,
    h("h1", null, tr("subscriptions.customerHeading", { name })),
    h("p", { class: "links" },
      h("a", { href: routeHash({ name: "customer", id }) }, tr("billing.toCustomer")), " · ",
      h("a", { href: routeHash({ name: "customer-hours", id }) }, tr("subscriptions.toHours"))),
    notice(state.notice),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    state.subscriptions ? h("section", { class: "subscriptions", "aria-labelledby": "subscriptions-heading" },
      h("h2", { id: "subscriptions-heading" }, tr("subscriptions.heading")),
      list.length ? list.map(s => subscriptionCard(s, ctx, { headingLevel: "h3", actions: adminActions(s, state, ctx, actions) }))
        : h("p", null, tr("subscriptions.customerNone"))) : null,
    ctx.role === "provider-admin" && state.subscriptions ? subscriptionForm(state.newForm, ctx, {
      prefix: "sub", heading: tr("subscriptions.new"), headingId: "subscription-form-heading", submitLabel: tr("subscriptions.create"),
      onSubmit: actions.create }) : null);
}

export async function customerSubscriptionsPage(ctx, route) {
  const { tr } = ctx;
  if (!STAFF_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx, false));
  const base = hoursBase(route.id) + "/subscriptions";
  const today = todayOf(ctx);
  const state = { customerId: route.id, customer: null, subscriptions: null, loading: true, error: null, notice: null, busy: null,
    confirming: null, rowErrors: {}, editing: null, newForm: formState(subscriptionDraft(today)), idempotency: {}, lang: null };
  const render = () => ctx.show(customerSubscriptionsView(state, ctx, actions));
  const loadList = async () => {
    state.subscriptions = (await ctx.api.get(base)).subscriptions || [];
    state.lang = ctx.lang;
  };
  const reloadList = async () => { try { await loadList(); } catch (e) { state.error = e; } };
  // The API words the status and period in the caller's language: a language change reads them again.
  ctx.bind(() => {
    render();
    if (!state.lang || state.lang === ctx.lang || state.loading) return undefined;
    return reloadList().then(render);
  });
  const current = id => (state.subscriptions || []).find(s => s.id === id);

  const actions = {
    edit(s) {
      state.editing = { id: s.id, version: s.version, form: formState(subscriptionDraft(today, s, ctx.lang)), conflict: false };
      state.confirming = null;
      state.notice = null;
      render();
    },
    stopEdit() { state.editing = null; render(); },
    async save() {
      const editing = state.editing;
      if (!editing || editing.form.busy) return;
      const form = editing.form;
      const checked = subscriptionBody(form.draft, tr, editing.version);
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
        const saved = await ctx.api.put(base + "/" + encodeURIComponent(editing.id), checked.body);
        state.editing = null;
        state.notice = tr("subscriptions.saved", { service: String(saved && saved.service ? saved.service : checked.body.service) });
        await reloadList();
      } catch (e) {
        form.busy = false;
        if (e.code === "version-conflict") editing.conflict = true;
        else {
          form.error = e;
          form.errors = subscriptionErrors(e, tr);
        }
      }
      render();
    },
    /** After a 409: the subscription as it is now, in the form (what was typed is dropped: it was typed on the old one). */
    async reloadEdit() {
      const editing = state.editing;
      if (!editing) return;
      await reloadList();
      const now = current(editing.id);
      if (now && now.status !== "cancelled") {
        state.editing = { id: now.id, version: now.version, form: formState(subscriptionDraft(today, now, ctx.lang)), conflict: false };
        state.editing.form.notice = tr("subscriptions.reloaded");
      } else {
        state.editing = null;
      }
      render();
    },
    askCancel(s) { state.confirming = s.id; state.rowErrors = {}; state.notice = null; render(); },
    keep() { state.confirming = null; render(); },
    async cancel(s) {
      if (state.busy) return;
      state.busy = s.id;
      state.notice = null;
      state.rowErrors = {};
      state.confirming = null;
      render();
      try {
        await ctx.api.post(base + "/" + encodeURIComponent(s.id) + "/cancel");
        state.notice = tr("subscriptions.cancelled", { service: String(s.service || "") });
      } catch (e) {
        state.rowErrors[s.id] = e;
      }
      await reloadList();
      state.busy = null;
      render();
    },
    async create() {
      const form = state.newForm;
      if (form.busy) return;
      const checked = subscriptionBody(form.draft, tr);
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
        await ctx.api.post(base, checked.body, { idempotencyKey: key });
        state.newForm = formState(subscriptionDraft(today));
        state.newForm.notice = tr("subscriptions.created", { service: checked.body.service });
      } catch (e) {
        form.busy = false;
        form.error = e;
        form.errors = subscriptionErrors(e, tr);
        render();
        return;
      }
      await reloadList();
      render();
    }
  };

  render();
  await loadWithCustomer(ctx, route.id, state, loadList, render);
  return { state, actions };
}
