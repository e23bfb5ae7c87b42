// The administration of accounts and customers:
//   provider admins — the linking queue #/admin/pending-users (link a sign-up to a customer with a role),
//     the customers #/admin/customers (create with an Idempotency-Key, change with the version read) and a
//     customer's users (role, unlink, deactivate, MFA reset, link again), the staff #/admin/staff (create,
//     deactivate, MFA reset);
//   provider agents — the customers and their users, read only;
//   both — from a customer's page, that customer's hours and bundles (billing.mjs), subscriptions (subscriptions.mjs),
//     monthly reports (reports.mjs) and invoices (invoices.mjs);
//   customer admins — their organisation's users #/organisation (deactivate a colleague who left);
//   provider staff — the undeliverable mail addresses #/admin/failing-addresses and the held mail #/admin/held-mail;
//   provider admins — the per-domain mail routes #/admin/mail-routes (add, change, remove after a confirmation).
// Every change is a button the user presses and sends the version read; a stale one (409) reloads the list
// or the customer, says so and keeps what was typed or chosen. Other roles get a refusal and no API call.

import { h } from "./dom.mjs";
import { idempotencyKeyFor, loadAll } from "./api.mjs";
import { field, formatDate, labelledControl, labelOf, notice, page, problemBox, select, scrolling } from "./widgets.mjs";
import { CUSTOMER_ROLES, errorsFrom, formHead, formState, input, LANGUAGE_NAMES, roleLabel, run, STAFF_ROLES,
  TIERS } from "./forms.mjs";
import { routeHash } from "./routes.mjs";
import { customerChoices, noReporters, reporterChoices, reportersOf } from "./work.mjs";

const PROVIDER_STAFF = ["provider-agent", "provider-admin"];
const languageName = code => (LANGUAGE_NAMES.find(([c]) => c === code) || [code, code])[1];
const tierLabel = (tr, tier) => labelOf(tr, "tier.", tier);

function refusal(ctx) {
  return page(ctx, h("h1", null, ctx.tr("admin.notAllowed")), h("p", null, ctx.tr("admin.notAllowedText")),
    h("p", null, h("a", { href: "#/tickets" }, ctx.tr("backToList"))));
}

/** A list page's paging: load(first) replaces or appends the items of path. */
function pager(state, ctx, path) {
  return async function load(more) {
    const answer = await ctx.api.get(path + (more && state.nextCursor ? "?cursor=" + encodeURIComponent(state.nextCursor) : ""));
    state.items = more ? [...state.items, ...(answer.items || [])] : answer.items || [];
    state.nextCursor = answer.nextCursor || null;
  };
}

/** Reads the first page (more: false) or the next one into a list's state, keeping an error for the page to show. */
async function loadInto(list, load, more, render) {
  list.loading = true;
  render();
  try { await load(more); } catch (e) { list.error = e; }
  list.loading = false;
  render();
}

function moreButton(state, tr, more) {
  return state.nextCursor ? h("button", { type: "button", disabled: state.loading, on: { click: more } }, tr("more")) : null;
}

// ---------------------------------------------------------------------------------------------
// Users and their memberships: one table for a customer's users, the organisation page and the staff page

/**
 * POST /users/{id}/{action} with the version read (and for link and role the customer and role). On success
 * the row shows the answer; on 409 the list reloads, says so, and the chosen roles stay.
 */
function membershipActions(state, ctx, render, reload) {
  const { tr } = ctx;
  async function act(user, action, extra, doneKey) {
    if (state.busy) return;
    state.busy = user.userId;
    state.notice = null;
    state.warning = null;
    state.rowErrors = {};
    state.confirming = null;
    render();
    try {
      const answer = await ctx.api.post("/users/" + encodeURIComponent(user.userId) + "/" + action,
        { ...extra, version: user.version });
      state.items = state.items.map(u => (u.userId === user.userId ? answer : u));
      delete state.roleDrafts[user.userId];
      state.notice = tr(doneKey, { name: user.displayName, role: roleLabel(tr, answer.role || extra.role) });
    } catch (e) {
      if (e.code === "version-conflict" || e.code === "illegal-state") {
        state.warning = tr("admin.users.conflict", { name: user.displayName });
        try {
          await reload();
        } catch (again) {
          state.error = again;
        }
      } else {
        state.rowErrors[user.userId] = e;
      }
    }
    state.busy = null;
    render();
  }
  const roleOf = user => state.roleDrafts[user.userId] || (rolesFor(user).includes(user.role) ? user.role : rolesFor(user)[0]);
  /** GET /users/{id}/export: the person's data as one JSON file, saved under klantportaal-<id>.json (docs/privacy.md). */
  async function exportData(user) {
    if (state.busy) return;
    state.busy = user.userId;
    state.notice = null;
    state.rowErrors = {};
    render();
    try {
      const archive = await ctx.api.get("/users/" + encodeURIComponent(user.userId) + "/export");
      ctx.saveFile({ blob: new Blob([JSON.stringify(archive, null, 2)], { type: "application/json" }),
        fileName: "klantportaal-" + user.userId + ".json" });
      state.notice = tr("admin.privacy.exported", { name: user.displayName });
    } catch (e) {
      state.rowErrors[user.userId] = e;
    }
    state.busy = null;
    render();
  }
  /** POST /users/{id}/erase with the address as typed and the version read; the row goes. */
  async function erase(user) {
    if (state.busy) return;
    if (!erasable(user)) {
      state.rowErrors = { [user.userId]: { status: 400, title: tr("admin.privacy.mismatch", { email: user.email }) } };
      render();
      return;
    }
    state.busy = user.userId;
    state.notice = null;
    state.rowErrors = {};
    render();
    try {
      await ctx.api.post("/users/" + encodeURIComponent(user.userId) + "/erase",
        { email: state.eraseTyped, version: user.version });
      state.items = state.items.filter(u => u.userId !== user.userId);
      state.confirming = null;
      state.eraseTyped = "";
      state.notice = tr("admin.privacy.erased", { name: user.displayName });
    } catch (e) {
      state.rowErrors[user.userId] = e;
    }
    state.busy = null;
    render();
  }
  /** The erase button works once the typed address is the person's (as the API checks it too). */
  const erasable = user => String(state.eraseTyped || "").trim().toLowerCase() === String(user.email || "").toLowerCase();
  return {
    exportData,
    erase,
    erasable,
    typeAddress(value) { state.eraseTyped = value; },
    chooseRole(user, role) { state.roleDrafts[user.userId] = role; },
    changeRole: user => act(user, "role", { role: roleOf(user) }, "admin.users.roleChanged"),
    linkAgain: user => act(user, "link", { customerId: state.customerId, role: roleOf(user) }, "admin.users.linkedAgain"),
    ask(user, action) { state.confirming = { userId: user.userId, action }; state.eraseTyped = ""; state.rowErrors = {}; render(); },
    cancel() { state.confirming = null; render(); },
    confirm(user) {
      const action = state.confirming && state.confirming.action;
      if (action === "unlink") return act(user, "unlink", {}, "admin.users.unlinked");
      if (action === "deactivate") return act(user, "deactivate", {}, "admin.users.deactivated");
      if (action === "mfa-reset") return act(user, "mfa-reset", {}, "admin.users.mfaResetDone");
      return undefined;
    },
    roleOf
  };
}

const CONFIRM_KEYS = { unlink: "admin.confirm.unlink", deactivate: "admin.confirm.deactivate", "mfa-reset": "admin.confirm.mfaReset" };
const ACTION_KEYS = { unlink: "admin.users.unlink", deactivate: "admin.users.deactivate", "mfa-reset": "admin.users.mfaReset" };

/**
 * The users of a list. can(user) says what the caller may do with a row: {role, linkAgain, unlink, deactivate,
 * mfaReset}; nobody acts on their own account (the API refuses that too).
 */
/** The roles an account may change to: provider roles for staff, customer roles for a customer's people. */
function rolesFor(user) {
  return String(user.role || "").startsWith("provider-") ? STAFF_ROLES : CUSTOMER_ROLES;
}

function usersTable(state, ctx, actions, can, captionKey) {
  const { tr } = ctx;
  const rows = state.items.map((user, i) => {
    const allowed = user.userId === ctx.userId ? {} : can(user);
    const confirming = state.confirming && state.confirming.userId === user.userId ? state.confirming.action : null;
    const busy = !!state.busy;
    const buttons = [];
    if (allowed.role || allowed.linkAgain) {
      buttons.push(h("div", { class: "inline" }, labelledControl("user-" + i + ".role", tr("admin.users.roleOf", { name: user.displayName }),
        select(rolesFor(user).map(r => [r, roleLabel(tr, r)]), actions.roleOf(user), e => actions.chooseRole(user, e.target.value)),
        null),
      allowed.role ? h("button", { type: "button", disabled: busy, on: { click: () => actions.changeRole(user) } },
        tr("admin.users.changeRole")) : null,
      allowed.linkAgain ? h("button", { type: "button", disabled: busy, on: { click: () => actions.linkAgain(user) } },
        tr("admin.users.linkAgain")) : null));
    }
    for (const action of ["unlink", "deactivate", "mfa-reset"]) {
      const key = action === "mfa-reset" ? "mfaReset" : action;
      if (allowed[key] && !confirming) {
        buttons.push(h("button", { type: "button", disabled: busy, on: { click: () => actions.ask(user, action) } }, tr(ACTION_KEYS[action])));
      }
    }
    // GDPR and the audit trail: provider admins, on anyone but themselves (docs/privacy.md)
    const privacy = ctx.role === "provider-admin" && user.userId !== ctx.userId && actions.exportData;
    if (privacy && !confirming) {
      buttons.push(h("button", { type: "button", disabled: busy, on: { click: () => actions.exportData(user) } },
        tr("admin.privacy.export")));
      buttons.push(h("button", { type: "button", disabled: busy, on: { click: () => actions.ask(user, "erase") } },
        tr("admin.privacy.erase")));
    }
    if (ctx.role === "provider-admin" && !confirming) {
      buttons.push(h("a", { href: routeHash({ name: "audit", object: "user:" + user.userId }) }, tr("audit.ofUser")));
    }
    return h("tr", { class: user.active ? null : "inactive" },
      h("td", null, user.displayName, user.userId === ctx.userId ? h("span", { class: "hint" }, " " + tr("admin.users.you")) : null),
      h("td", null, user.email),
      h("td", null, roleLabel(tr, user.role)),
      h("td", null, user.active ? tr("admin.users.active") : h("strong", null, tr("admin.users.inactive"))),
      h("td", null, user.mfaEnrolled ? tr("acct.mfa.on") : tr("acct.mfa.off")),
      h("td", null,
        confirming === "erase" ? eraseConfirmation(user, state, ctx, actions) : confirming ? h("div", { class: "confirm", role: "alert" },
          h("p", null, tr(CONFIRM_KEYS[confirming], { name: user.displayName })),
          h("button", { type: "button", class: "primary", disabled: busy, on: { click: () => actions.confirm(user) } },
            tr(ACTION_KEYS[confirming])),
          h("button", { type: "button", disabled: busy, on: { click: actions.cancel } }, tr("sla.cancel"))) : buttons,
        problemBox(state.rowErrors[user.userId], tr)));
  });
  return [
    scrolling(tr, h("table", { class: "users", "aria-busy": state.loading ? "true" : "false" },
      h("caption", { class: "visually-hidden" }, tr(captionKey)),
      h("thead", null, h("tr", null, ["admin.col.name", "email", "acct.role", "admin.col.status", "acct.mfa", "admin.col.actions"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rows))),
    !state.loading && !state.error && state.items.length === 0 ? h("p", null, tr("admin.users.none")) : null
  ];
}

/** The erasure's confirmation: what stays and what goes, the address typed again, then the button. */
function eraseConfirmation(user, state, ctx, actions) {
  const { tr } = ctx;
  const busy = !!state.busy;
  return h("div", { class: "confirm", role: "alert" },
    h("p", null, tr("admin.privacy.confirm", { name: user.displayName })),
    input("erase-" + user.userId, tr("admin.privacy.typeAddress", { email: user.email }), state.eraseTyped || "",
      actions.typeAddress, { type: "email", autocomplete: "off", tr }),
    h("button", { type: "button", class: "primary", disabled: busy, on: { click: () => actions.erase(user) } },
      tr("admin.privacy.eraseNow")),
    h("button", { type: "button", disabled: busy, on: { click: actions.cancel } }, tr("sla.cancel")));
}

function usersState(customerId) {
  return { items: [], nextCursor: null, loading: true, error: null, notice: null, warning: null, busy: null, confirming: null,
    rowErrors: {}, roleDrafts: {}, customerId, eraseTyped: "" };
}

// ---------------------------------------------------------------------------------------------
// #/admin/pending-users: the linking queue

/** "3 h 05 min" from minutes. */
export function waitedText(tr, minutes) {
  const m = Math.max(0, Math.floor(Number(minutes) || 0));
  return tr("admin.pending.waited", { hours: Math.floor(m / 60), minutes: String(m % 60).padStart(2, "0") });
}

function customerName(state, id) {
  const found = state.customers.find(c => c.id === id);
  return found ? found.name : id;
}

export function pendingUsersView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const options = [["", tr("choose")], ...state.customers.map(c => [c.id, c.name + " (" + c.id + ")"])];
  const rows = state.items.map((user, i) => {
    const draft = state.drafts[user.userId];
    const errors = state.rowFieldErrors[user.userId] || {};
    const own = draft.customerId && !state.customers.some(c => c.id === draft.customerId) ? [[draft.customerId, draft.customerId]] : [];
    return h("tr", { class: user.overdue ? "overdue" : null },
      h("td", null, user.displayName, h("br"), h("span", { class: "meta" }, user.email)),
      h("td", null, h("time", { datetime: user.signedUpAt }, formatDate(user.signedUpAt, lang))),
      h("td", null, waitedText(tr, user.waitingMinutes), " ",
        user.overdue ? h("strong", { class: "overdue-flag" }, tr("admin.pending.overdue", { hours: 12 }))
          : h("span", { class: "hint" }, tr("admin.pending.inTime"))),
      h("td", null,
        labelledControl("pending-" + i + ".customerId", tr("admin.pending.customerOf", { name: user.displayName }),
          select([...options, ...own], draft.customerId, e => { draft.customerId = e.target.value; }), errors.customerId),
        user.suggestedCustomerId ? h("p", { class: "hint" }, tr("admin.pending.suggested", { customer: customerName(state, user.suggestedCustomerId) }))
          : h("p", { class: "hint" }, tr("admin.pending.noSuggestion"))),
      h("td", null, labelledControl("pending-" + i + ".role", tr("admin.pending.roleOf", { name: user.displayName }),
        select(CUSTOMER_ROLES.map(r => [r, roleLabel(tr, r)]), draft.role, e => { draft.role = e.target.value; }), errors.role)),
      h("td", null,
        state.confirming === user.userId
          ? h("div", { class: "confirm", role: "alert" }, h("p", null, tr("admin.confirm.refuse", { name: user.displayName })),
            h("button", { type: "button", disabled: !!state.busy, on: { click: () => actions.refuse(user) } }, tr("admin.pending.refuse")),
            h("button", { type: "button", disabled: !!state.busy, on: { click: actions.cancel } }, tr("sla.cancel")))
          : [h("button", { type: "button", class: "primary", disabled: !!state.busy,
            "aria-label": tr("admin.pending.linkOf", { name: user.displayName, email: user.email }),
            on: { click: () => actions.link(user) } }, tr("admin.pending.link")),
          h("button", { type: "button", disabled: !!state.busy,
            "aria-label": tr("admin.pending.refuseOf", { name: user.displayName, email: user.email }),
            on: { click: () => actions.ask(user) } }, tr("admin.pending.refuse"))],
        problemBox(state.rowErrors[user.userId], tr)));
  });
  return page(ctx,
    h("h1", null, tr("admin.pending.heading")),
    h("p", null, tr("admin.pending.intro", { hours: 12 })),
    notice(state.notice),
    notice(state.warning, true),
    problemBox(state.error, tr),
    problemBox(state.customersError, tr),
    scrolling(tr, h("table", { class: "pending-users", "aria-busy": state.loading ? "true" : "false" },
      h("caption", { class: "visually-hidden" }, tr("admin.pending.heading")),
      h("thead", null, h("tr", null, ["admin.col.name", "admin.pending.signedUp", "admin.pending.waiting", "admin.pending.customer",
        "acct.role", "admin.col.actions"].map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rows))),
    !state.loading && !state.error && state.items.length === 0 ? h("p", null, tr("admin.pending.empty")) : null,
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    moreButton(state, tr, actions.more));
}

export async function pendingUsersPage(ctx) {
  const { tr } = ctx;
  if (ctx.role !== "provider-admin") return ctx.show(refusal(ctx));
  const state = { items: [], nextCursor: null, loading: true, error: null, customers: [], customersError: null, drafts: {},
    rowErrors: {}, rowFieldErrors: {}, busy: null, confirming: null, notice: null, warning: null };
  const render = ctx.bind(() => ctx.show(pendingUsersView(state, ctx, actions)));
  const fetchPage = pager(state, ctx, "/admin/pending-users");
  /** The choices per user survive a reload: a new user starts at its suggested customer as customer-user. */
  const keepDrafts = () => {
    for (const user of state.items) {
      state.drafts[user.userId] = state.drafts[user.userId] || { customerId: user.suggestedCustomerId || "", role: "customer-user" };
    }
  };
  const load = async more => { await fetchPage(more); keepDrafts(); };

  async function change(user, work, done) {
    if (state.busy) return;
    state.busy = user.userId;
    state.notice = null;
    state.warning = null;
    state.rowErrors = {};
    state.rowFieldErrors = {};
    state.confirming = null;
    render();
    try {
      await work();
      state.items = state.items.filter(u => u.userId !== user.userId);
      done();
    } catch (e) {
      if (e.code === "version-conflict" || e.code === "illegal-state") {
        state.warning = tr("admin.pending.conflict", { name: user.displayName });
        try {
          await load(false);
        } catch (again) {
          state.error = again;
        }
      } else {
        state.rowErrors[user.userId] = e;
        state.rowFieldErrors[user.userId] = errorsFrom(e, tr);
      }
    }
    state.busy = null;
    render();
  }

  const actions = {
    more: () => loadInto(state, load, true, render),
    link(user) {
      const draft = state.drafts[user.userId];
      if (!draft.customerId) {
        state.rowFieldErrors = { [user.userId]: { customerId: tr("admin.pending.chooseCustomer") } };
        state.rowErrors = {};
        return render();
      }
      const body = { customerId: draft.customerId, role: draft.role, version: user.version };
      return change(user, () => ctx.api.post("/users/" + encodeURIComponent(user.userId) + "/link", body), () => {
        state.notice = tr("admin.pending.linkedDone", { name: user.displayName, customer: customerName(state, body.customerId),
          role: roleLabel(tr, body.role) });
        delete state.drafts[user.userId];
      });
    },
    ask(user) { state.confirming = user.userId; render(); },
    cancel() { state.confirming = null; render(); },
    refuse(user) {
      return change(user, () => ctx.api.post("/users/" + encodeURIComponent(user.userId) + "/deactivate", { version: user.version }),
        () => { state.notice = tr("admin.pending.refused", { name: user.displayName }); });
    }
  };

  render();
  const [queue, customers] = await Promise.allSettled([load(false), loadAll(ctx.api, "/customers")]);
  if (queue.status === "rejected") state.error = queue.reason;
  if (customers.status === "fulfilled") state.customers = customers.value;
  else state.customersError = customers.reason;
  state.loading = false;
  render();
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// Customers: the list, the form (create and change), a customer with its users

export function customerDraft(customer) {
  const c = customer || {};
  return { name: c.name || "", emailDomains: (c.emailDomains || []).join("\n"), slaTier: c.slaTier || "koper",
    language: c.language || "nl", onCallEmail: c.onCallEmail || "" };
}

/** The domains of the text field: one per line (commas and spaces separate too), empty lines left out. */
export function domainsOf(text) {
  return String(text || "").split(/[\s,;]+/).map(d => d.trim()).filter(Boolean);
}

/** POST /customers (no version) and PUT /customers/{id} (with the version read): every field, an empty on-call address left out. */
export function customerBody(draft, version) {
  const body = { name: draft.name, emailDomains: domainsOf(draft.emailDomains), slaTier: draft.slaTier, language: draft.language };
  if (draft.onCallEmail.trim()) body.onCallEmail = draft.onCallEmail.trim();
  if (version !== undefined) body.version = version;
  return body;
}

/** errors[] of a customer form: emailDomains[i] lands at the domains field, saying which domain. */
function customerOptions(draft) {
  const domains = domainsOf(draft.emailDomains);
  return {
    rename: f => (/^emailDomains\[\d+\]$/.test(f) ? "emailDomains" : f),
    prefix: f => {
      const m = /^emailDomains\[(\d+)\]$/.exec(f);
      return m && domains[Number(m[1])] !== undefined ? domains[Number(m[1])] + ": " : "";
    }
  };
}

function customerForm(form, ctx, actions, { headingKey, submitKey, cancel }) {
  const { tr } = ctx;
  const { draft } = form;
  const shown = ["name", "emailDomains", "slaTier", "language", "onCallEmail"];
  const domains = h("textarea", { rows: 3, on: { input: e => { draft.emailDomains = e.target.value; } } }, draft.emailDomains);
  const domainsField = field("emailDomains", tr("admin.customer.domains"), domains, { error: form.errors.emailDomains, tr });
  domains.attrs["aria-describedby"] = [domains.attrs["aria-describedby"], "h-emailDomains"].filter(Boolean).join(" ");
  domainsField.children.splice(2, 0, h("div", { class: "hint", id: "h-emailDomains" }, tr("admin.customer.domainsHint")));
  return h("form", { novalidate: true, class: "admin-form", "aria-labelledby": "customer-form-heading", on: { submit: actions.save } },
    h("h2", { id: "customer-form-heading" }, tr(headingKey)),
    formHead(form, tr, shown),
    input("name", tr("admin.customer.name"), draft.name, v => { draft.name = v; },
      { error: form.errors.name, required: true, tr, maxlength: 200, autocomplete: "organization" }),
    domainsField,
    field("slaTier", tr("admin.customer.tier"), select(TIERS.map(t => [t, tierLabel(tr, t)]), draft.slaTier,
      e => { draft.slaTier = e.target.value; }), { error: form.errors.slaTier, tr }),
    field("language", tr("admin.customer.language"), select(LANGUAGE_NAMES, draft.language, e => { draft.language = e.target.value; }),
      { error: form.errors.language, tr }),
    input("onCallEmail", tr("admin.customer.onCall"), draft.onCallEmail, v => { draft.onCallEmail = v; },
      { type: "email", error: form.errors.onCallEmail, tr, maxlength: 254, hint: tr("admin.customer.onCallHint") }),
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr(submitKey)),
    cancel ? h("button", { type: "button", disabled: form.busy, on: { click: cancel } }, tr("sla.cancel")) : null);
}

export function customersView(state, ctx, actions) {
  const { tr } = ctx;
  return page(ctx,
    h("h1", null, tr("admin.customers.heading")),
    ctx.role === "provider-admin" ? h("p", null, h("a", { href: routeHash({ name: "new-customer" }) }, tr("admin.customers.new"))) : null,
    problemBox(state.error, tr),
    scrolling(tr, h("table", { class: "customers", "aria-busy": state.loading ? "true" : "false" },
      h("caption", { class: "visually-hidden" }, tr("admin.customers.heading")),
      h("thead", null, h("tr", null, ["admin.customer.name", "admin.customer.id", "admin.customer.tier", "admin.customer.language",
        "admin.customer.domains"].map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, state.items.map(c => h("tr", null,
        h("td", null, h("a", { href: routeHash({ name: "customer", id: c.id }) }, c.name)),
        h("td", null, c.id),
        h("td", null, tierLabel(tr, c.slaTier)),
        h("td", null, languageName(c.language)),
        h("td", null, (c.emailDomains || []).join(", "))))))),
    !state.loading && !state.error && state.items.length === 0 ? h("p", null, tr("admin.customers.none")) : null,
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    moreButton(state, tr, actions.more));
}

export async function customersPage(ctx) {
  if (!PROVIDER_STAFF.includes(ctx.role)) return ctx.show(refusal(ctx));
  const state = { items: [], nextCursor: null, loading: true, error: null };
  const render = ctx.bind(() => ctx.show(customersView(state, ctx, actions)));
  const load = pager(state, ctx, "/customers");
  const actions = {
    more: () => loadInto(state, load, true, render)
  };
  await loadInto(state, load, false, render);
  return { state, actions };
}

export function newCustomerView(state, ctx, actions) {
  return page(ctx,
    h("h1", null, ctx.tr("admin.customers.new")),
    customerForm(state.form, ctx, actions, { headingKey: "admin.customer.details", submitKey: "admin.customers.create" }),
    h("p", null, h("a", { href: routeHash({ name: "customers" }) }, ctx.tr("admin.customers.back"))));
}

export async function newCustomerPage(ctx) {
  const { tr } = ctx;
  if (ctx.role !== "provider-admin") return ctx.show(refusal(ctx));
  const state = { form: formState(customerDraft(null)), idempotency: {} };
  const render = ctx.bind(() => ctx.show(newCustomerView(state, ctx, actions)));
  const actions = {
    save(event) {
      if (event) event.preventDefault();
      const body = customerBody(state.form.draft);
      // The same key while the body is the same (a retry after a network failure); a changed form is a new create.
      const key = idempotencyKeyFor(state.idempotency, body, ctx.uuid);
      return run(state.form, render, tr, {
        work: () => ctx.api.post("/customers", body, { idempotencyKey: key }),
        options: customerOptions(state.form.draft),
        done: created => {
          ctx.flash(tr("admin.customers.created", { name: created.name }));
          ctx.navigate(routeHash({ name: "customer", id: created.id }));
        }
      });
    }
  };
  render();
  return { state, actions };
}

export function customerView(state, ctx, actions) {
  const { tr } = ctx;
  const c = state.customer;
  const admin = ctx.role === "provider-admin";
  const row = (label, value) => [h("dt", null, label), h("dd", null, value)];
  const users = state.users;
  return page(ctx,
    h("h1", null, c ? c.name : tr("admin.customers.heading")),
    notice(state.notice),
    problemBox(state.error, tr),
    !c && !state.error ? h("p", { role: "status" }, tr("loading")) : null,
    c ? h("dl", { class: "facts" },
      row(tr("admin.customer.id"), c.id),
      row(tr("admin.customer.tier"), tierLabel(tr, c.slaTier)),
      row(tr("admin.customer.language"), languageName(c.language)),
      row(tr("admin.customer.domains"), (c.emailDomains || []).join(", ") || "—"),
      row(tr("admin.customer.onCall"), c.onCallEmail || "—"),
      row(tr("detail.updated"), formatDate(c.updatedAt, ctx.lang))) : null,
    c ? h("p", { class: "customer-hours-link" }, h("a", { href: routeHash({ name: "customer-hours", id: c.id }) },
      admin ? tr("billing.linkAdmin") : tr("billing.link"))) : null,
    c ? h("p", { class: "customer-subscriptions-link" }, h("a", { href: routeHash({ name: "customer-subscriptions", id: c.id }) },
      admin ? tr("subscriptions.linkAdmin") : tr("subscriptions.link"))) : null,
    c ? h("p", { class: "customer-reports-link" }, h("a", { href: routeHash({ name: "customer-reports", id: c.id }) },
      admin ? tr("reports.linkAdmin") : tr("reports.link"))) : null,
    c ? h("p", { class: "customer-invoices-link" }, h("a", { href: routeHash({ name: "customer-invoices", id: c.id }) },
      admin ? tr("invoices.linkAdmin") : tr("invoices.link"))) : null,
    c && admin ? h("p", { class: "audit-link" }, h("a", { href: routeHash({ name: "audit", object: "customer:" + c.id }) },
      tr("audit.ofCustomer"))) : null,
    c && admin ? (state.form
      ? customerForm(state.form, ctx, actions, { headingKey: "admin.customer.change", submitKey: "sla.save", cancel: actions.cancelEdit })
      : h("button", { type: "button", on: { click: actions.edit } }, tr("admin.customer.change"))) : null,
    c ? h("section", { class: "users", "aria-labelledby": "users-heading" },
      h("h2", { id: "users-heading" }, tr("admin.users.heading")),
      notice(users.notice),
      notice(users.warning, true),
      problemBox(users.error, tr),
      usersTable(users, ctx, actions.users, user => (admin
        ? (user.active ? { role: true, unlink: true, deactivate: true, mfaReset: user.mfaEnrolled } : { linkAgain: true })
        : {}), "admin.users.heading"),
      users.loading ? h("p", { role: "status" }, tr("loading")) : null,
      moreButton(users, tr, actions.moreUsers)) : null,
    h("p", null, h("a", { href: routeHash({ name: "customers" }) }, tr("admin.customers.back"))));
}

export async function customerPage(ctx, route) {
  const { tr } = ctx;
  if (!PROVIDER_STAFF.includes(ctx.role)) return ctx.show(refusal(ctx));
  const path = "/customers/" + encodeURIComponent(route.id);
  const state = { customer: null, error: null, notice: null, form: null, users: usersState(route.id) };
  const render = ctx.bind(() => ctx.show(customerView(state, ctx, actions)));
  const loadCustomer = async () => { state.customer = await ctx.api.get(path); };
  const loadUsers = pager(state.users, ctx, path + "/users");
  const actions = {
    edit() { state.form = formState(customerDraft(state.customer)); state.notice = null; render(); },
    cancelEdit() { state.form = null; render(); },
    save(event) {
      if (event) event.preventDefault();
      const form = state.form;
      return run(form, render, tr, {
        work: () => ctx.api.put(path, customerBody(form.draft, state.customer.version)),
        reload: loadCustomer,
        conflictKey: "admin.customer.conflict",
        options: customerOptions(form.draft),
        done: saved => {
          state.customer = saved;
          state.form = null;
          state.notice = tr("admin.customer.saved");
        }
      });
    },
    users: membershipActions(state.users, ctx, render, () => loadUsers(false)),
    async moreUsers() {
      state.users.loading = true;
      render();
      try { await loadUsers(true); } catch (e) { state.users.error = e; }
      state.users.loading = false;
      render();
    }
  };
  render();
  try {
    await loadCustomer();
  } catch (e) {
    state.error = e;
  }
  if (state.customer) {
    try { await loadUsers(false); } catch (e) { state.users.error = e; }
  }
  state.users.loading = false;
  render();
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/organisation (customer admins): the people of the caller's own organisation

export function organisationView(state, ctx, actions) {
  const { tr } = ctx;
  return page(ctx,
    h("h1", null, tr("admin.organisation.heading")),
    h("p", null, tr("admin.organisation.intro")),
    notice(state.notice),
    notice(state.warning, true),
    problemBox(state.error, tr),
    usersTable(state, ctx, actions, user => (user.active ? { deactivate: true } : {}), "admin.organisation.heading"),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    moreButton(state, tr, actions.more));
}

export async function organisationPage(ctx) {
  if (ctx.role !== "customer-admin") return ctx.show(refusal(ctx));
  const state = usersState(ctx.tenant);
  const render = ctx.bind(() => ctx.show(organisationView(state, ctx, actions)));
  const load = pager(state, ctx, "/customers/" + encodeURIComponent(ctx.tenant || "") + "/users");
  const actions = {
    ...membershipActions(state, ctx, render, () => load(false)),
    more: () => loadInto(state, load, true, render)
  };
  await loadInto(state, load, false, render);
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/staff (provider admins): colleagues, and a new staff account (a temporary password by mail)

export function staffDraft() {
  return { email: "", firstName: "", lastName: "", displayName: "", role: "provider-agent", language: "nl" };
}

/** POST /staff: the display name defaults to first and last name. */
export function staffBody(draft) {
  const display = draft.displayName.trim() || [draft.firstName.trim(), draft.lastName.trim()].filter(Boolean).join(" ");
  return { email: draft.email.trim(), firstName: draft.firstName, lastName: draft.lastName, displayName: display,
    role: draft.role, language: draft.language };
}

function staffForm(form, ctx, actions) {
  const { tr } = ctx;
  const { draft } = form;
  return h("form", { novalidate: true, class: "admin-form", "aria-labelledby": "staff-form-heading", on: { submit: actions.create } },
    h("h2", { id: "staff-form-heading" }, tr("admin.staff.new")),
    h("p", { class: "hint" }, tr("admin.staff.intro")),
    formHead(form, tr, ["email", "firstName", "lastName", "displayName", "role", "language"]),
    input("email", tr("email"), draft.email, v => { draft.email = v; },
      { type: "email", error: form.errors.email, required: true, tr, maxlength: 254 }),
    input("firstName", tr("form.firstName"), draft.firstName, v => { draft.firstName = v; },
      { error: form.errors.firstName, required: true, tr, maxlength: 100 }),
    input("lastName", tr("form.lastName"), draft.lastName, v => { draft.lastName = v; },
      { error: form.errors.lastName, required: true, tr, maxlength: 100 }),
    input("displayName", tr("form.displayName"), draft.displayName, v => { draft.displayName = v; },
      { error: form.errors.displayName, tr, maxlength: 100, hint: tr("auth.signUp.displayNameHint") }),
    field("role", tr("acct.role"), select(STAFF_ROLES.map(r => [r, roleLabel(tr, r)]), draft.role, e => { draft.role = e.target.value; }),
      { error: form.errors.role, tr }),
    field("language", tr("form.language"), select(LANGUAGE_NAMES, draft.language, e => { draft.language = e.target.value; }),
      { error: form.errors.language, tr }),
    h("button", { type: "submit", class: "primary", disabled: form.busy }, tr("admin.staff.create")));
}

export function staffView(state, ctx, actions) {
  const { tr } = ctx;
  const list = state.list;
  return page(ctx,
    h("h1", null, tr("admin.staff.heading")),
    notice(list.notice),
    notice(list.warning, true),
    problemBox(list.error, tr),
    usersTable(list, ctx, actions.users, user => (user.active ? { role: true, deactivate: true, mfaReset: user.mfaEnrolled } : {}),
      "admin.staff.heading"),
    list.loading ? h("p", { role: "status" }, tr("loading")) : null,
    moreButton(list, tr, actions.more),
    staffForm(state.form, ctx, actions));
}

export async function staffPage(ctx) {
  const { tr } = ctx;
  if (ctx.role !== "provider-admin") return ctx.show(refusal(ctx));
  const state = { list: usersState(null), form: formState(staffDraft()), idempotency: {} };
  const render = ctx.bind(() => ctx.show(staffView(state, ctx, actions)));
  const load = pager(state.list, ctx, "/staff");
  const actions = {
    users: membershipActions(state.list, ctx, render, () => load(false)),
    more: () => loadInto(state.list, load, true, render),
    create(event) {
      if (event) event.preventDefault();
      const body = staffBody(state.form.draft);
      const key = idempotencyKeyFor(state.idempotency, body, ctx.uuid);
      return run(state.form, render, tr, {
        work: () => ctx.api.post("/staff", body, { idempotencyKey: key }),
        options: { problemFields: { "already-exists": "email" } },
        done: created => {
          state.list.items = [...state.list.items, created];
          state.form = formState(staffDraft());
          state.form.notice = tr("admin.staff.created", { name: created.displayName, email: created.email });
        }
      });
    }
  };
  await loadInto(state.list, load, false, render);
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/failing-addresses: the addresses mail is not sent to (a permanent bounce or a complaint), provider staff
// read them, provider admins release one (DELETE after a confirmation) so mail to it is sent again.

const FAILING_PATH = "/mail/failing-addresses";

/** The reason in words: the API's reasonLabel while the list was read in the page's language, else the portal's own. */
function failingReason(state, ctx, item) {
  if (state.readIn === ctx.lang && item.reasonLabel) return item.reasonLabel;
  return labelOf(ctx.tr, "mail.failing.reason.", item.reason);
}

export function failingAddressesView(state, ctx, actions) {
  const { tr } = ctx;
  const admin = ctx.role === "provider-admin";
  const busy = !!state.busy;
  const rows = state.items.map(item => {
    const confirming = state.confirming === item.id;
    return h("tr", null,
      h("td", null, item.address),
      h("td", null, failingReason(state, ctx, item)),
      h("td", null, item.detail || ""),
      h("td", null, item.since ? h("time", { datetime: item.since }, formatDate(item.since, ctx.lang)) : ""),
      admin ? h("td", null,
        confirming
          ? h("div", { class: "confirm", role: "alert" },
            h("p", null, tr("mail.failing.confirm", { address: item.address })),
            h("button", { type: "button", class: "primary", disabled: busy, on: { click: () => actions.clear(item) } },
              tr("mail.failing.clear")),
            h("button", { type: "button", disabled: busy, on: { click: actions.cancel } }, tr("sla.cancel")))
          : h("button", { type: "button", disabled: busy, "aria-label": tr("mail.failing.clearOf", { address: item.address }),
            on: { click: () => actions.ask(item) } }, tr("mail.failing.clear")),
        problemBox(state.rowErrors[item.id], tr)) : null);
  });
  const columns = ["mail.failing.col.address", "mail.failing.col.reason", "mail.failing.col.detail", "mail.failing.col.since",
    ...(admin ? ["mail.failing.col.actions"] : [])];
  return page(ctx,
    h("h1", null, tr("mail.failing.heading")),
    h("p", null, tr("mail.failing.intro")),
    admin ? null : h("p", { class: "hint" }, tr("mail.failing.adminsOnly")),
    notice(state.notice),
    problemBox(state.error, tr),
    state.items.length ? scrolling(tr, h("table", { class: "failing-addresses", "aria-busy": state.loading ? "true" : "false" },
      h("caption", { class: "visually-hidden" }, tr("mail.failing.heading")),
      h("thead", null, h("tr", null, columns.map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rows))) : null,
    !state.loading && !state.error && state.items.length === 0 ? h("p", null, tr("mail.failing.none")) : null,
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    moreButton(state, tr, actions.more));
}

export async function failingAddressesPage(ctx) {
  const { tr } = ctx;
  if (!PROVIDER_STAFF.includes(ctx.role)) return ctx.show(refusal(ctx));
  const state = { items: [], nextCursor: null, loading: true, error: null, notice: null, busy: null, confirming: null,
    rowErrors: {}, readIn: ctx.lang };
  const render = ctx.bind(() => ctx.show(failingAddressesView(state, ctx, actions)));
  const readPage = pager(state, ctx, FAILING_PATH);
  const load = async more => {
    const lang = ctx.lang;
    await readPage(more);
    if (!more) state.readIn = lang;
    else if (state.readIn !== lang) state.readIn = null;   // pages read in two languages: the portal's own words
  };
  const actions = {
    more: () => loadInto(state, load, true, render),
    ask(item) { state.confirming = item.id; state.rowErrors = {}; state.notice = null; render(); },
    cancel() { state.confirming = null; render(); },
    /** DELETE …/{id}: the row goes; a 404 (not marked any more) says so and drops the row too. */
    async clear(item) {
      if (state.busy) return;
      state.busy = item.id;
      state.rowErrors = {};
      render();
      try {
        await ctx.api.delete(FAILING_PATH + "/" + encodeURIComponent(item.id));
        state.notice = tr("mail.failing.cleared", { address: item.address });
        state.items = state.items.filter(i => i.id !== item.id);
        state.confirming = null;
      } catch (e) {
        if (e.status === 404) {
          state.notice = tr("mail.failing.gone", { address: item.address });
          state.items = state.items.filter(i => i.id !== item.id);
          state.confirming = null;
        } else {
          state.rowErrors[item.id] = e;
        }
      }
      state.busy = null;
      render();
    }
  };
  await loadInto(state, load, false, render);
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/mail-routes: mail to recipients of a domain sent through another SES configuration set and sender address
// (docs/notifications.md "Per-domain routing"); provider admins list them, add one (PUT /mail-routes/{domain} with
// If-None-Match: *, so a domain another admin gave a route meanwhile is refused, 409 already-exists, never replaced),
// change one (the same PUT with the version read: a stale one, 409 version-conflict, reads the list again, says so and
// keeps what was typed, which the next save sends on the new version) and remove one after a confirmation (DELETE on
// the version listed: a route changed meanwhile, 409, reads the list again and says so instead of going).

const MAIL_ROUTES_PATH = "/mail-routes";
const mailRouteDraft = route => ({ domain: route ? route.domain : "", senderAddress: route ? route.senderAddress : "",
  configurationSet: route ? route.configurationSet : "" });
const mailRoutePath = domain => MAIL_ROUTES_PATH + "/" + encodeURIComponent(domain);
const sameDomain = (a, b) => String(a || "").trim().toLowerCase() === String(b || "").trim().toLowerCase();

/**
 * PUT /mail-routes/{domain}'s body: the configuration set, the sender address (the domain is the path) and, for a change,
 * the version read (a new route, sent with If-None-Match: *, needs none).
 */
export function mailRouteBody(draft, version) {
  const body = { configurationSet: draft.configurationSet.trim(), senderAddress: draft.senderAddress.trim() };
  return version === undefined || version === null ? body : { ...body, version };
}

/** The version of a listed route a change is made on (0: a route stored before routes had versions, or one gone). */
const listedVersion = (items, domain) => {
  const route = items.find(r => sameDomain(r.domain, domain));
  return route && Number.isInteger(route.version) ? route.version : 0;
};

/** The portal's own words for a domain and a configuration set the API refuses (their shapes). */
const mailRouteError = tr => e => {
  if (e.code === "format" && e.field === "domain") return tr("form.error.domain");
  if (e.code === "format" && e.field === "configurationSet") return tr("mailRoutes.error.configurationSet");
  return null;
};

function mailRouteForm(state, ctx, actions) {
  const { tr } = ctx;
  const form = state.form;
  const d = form.draft;
  const changing = state.formFor;
  const heading = changing ? tr("mailRoutes.editHeading", { domain: changing }) : tr("mailRoutes.new");
  return h("form", { novalidate: true, class: "admin-form mail-route-form", "aria-labelledby": "mail-route-form-h",
    on: { submit: actions.save } },
  h("h2", { id: "mail-route-form-h" }, heading),
  formHead(form, tr, ["domain", "senderAddress", "configurationSet"]),
  changing ? null : input("route-domain", tr("mailRoutes.domain"), d.domain, v => { d.domain = v; },
    { error: form.errors.domain, required: true, tr, autocomplete: "off", maxlength: 253, hint: tr("mailRoutes.domainHint") }),
  input("route-senderAddress", tr("mailRoutes.sender"), d.senderAddress, v => { d.senderAddress = v; },
    { type: "email", error: form.errors.senderAddress, required: true, tr, autocomplete: "off", maxlength: 254,
      hint: tr("mailRoutes.senderHint") }),
  input("route-configurationSet", tr("mailRoutes.set"), d.configurationSet, v => { d.configurationSet = v; },
    { error: form.errors.configurationSet, required: true, tr, autocomplete: "off", maxlength: 64, hint: tr("mailRoutes.setHint") }),
  h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save")),
  changing ? h("button", { type: "button", disabled: form.busy, on: { click: actions.cancelEdit } }, tr("sla.cancel")) : null);
}

export function mailRoutesView(state, ctx, actions) {
  const { tr } = ctx;
  const busy = !!state.busy;
  const rows = state.items.map(route => {
    const confirming = state.confirming === route.domain;
    return h("tr", null,
      h("th", { scope: "row", class: "mail-route-domain" }, route.domain),
      h("td", { class: "mail-route-text" }, route.senderAddress),
      h("td", { class: "mail-route-text" }, route.configurationSet),
      h("td", null, route.updatedAt ? h("time", { datetime: route.updatedAt }, formatDate(route.updatedAt, ctx.lang)) : ""),
      h("td", null,
        confirming
          ? h("div", { class: "confirm", role: "alert" },
            h("p", null, tr("mailRoutes.confirm", { domain: route.domain })),
            h("button", { type: "button", class: "primary", disabled: busy, on: { click: () => actions.remove(route) } },
              tr("mailRoutes.remove")),
            h("button", { type: "button", disabled: busy, on: { click: actions.cancel } }, tr("sla.cancel")))
          : [h("button", { type: "button", disabled: busy, "aria-label": tr("mailRoutes.editOf", { domain: route.domain }),
            on: { click: () => actions.edit(route) } }, tr("mailRoutes.edit")),
          h("button", { type: "button", disabled: busy, "aria-label": tr("mailRoutes.removeOf", { domain: route.domain }),
            on: { click: () => actions.ask(route) } }, tr("mailRoutes.remove"))],
        problemBox(state.rowErrors[route.domain], tr)));
  });
  return page(ctx,
    h("h1", null, tr("mailRoutes.heading")),
    h("p", null, tr("mailRoutes.intro")),
    notice(state.notice),
    problemBox(state.error, tr),
    state.items.length ? scrolling(tr, h("table", { class: "mail-routes", "aria-busy": state.loading ? "true" : "false" },
      h("caption", { class: "visually-hidden" }, tr("mailRoutes.heading")),
      h("thead", null, h("tr", null, ["mailRoutes.col.domain", "mailRoutes.col.sender", "mailRoutes.col.set", "mailRoutes.col.updated",
        "mailRoutes.col.actions"].map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rows))) : null,
    !state.loading && !state.error && state.items.length === 0 ? h("p", null, tr("mailRoutes.none")) : null,
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    moreButton(state, tr, actions.more),
    mailRouteForm(state, ctx, actions));
}

export async function mailRoutesPage(ctx) {
  const { tr } = ctx;
  if (ctx.role !== "provider-admin") return ctx.show(refusal(ctx));
  const state = { items: [], nextCursor: null, loading: true, error: null, notice: null, busy: null, confirming: null, rowErrors: {},
    form: formState(mailRouteDraft(null)), formFor: null };
  const render = ctx.bind(() => ctx.show(mailRoutesView(state, ctx, actions)));
  const load = pager(state, ctx, MAIL_ROUTES_PATH);
  const newForm = () => { state.form = formState(mailRouteDraft(null)); state.formFor = null; };
  const actions = {
    more: () => loadInto(state, load, true, render),
    edit(route) { state.form = formState(mailRouteDraft(route)); state.formFor = route.domain; state.notice = null; render(); },
    cancelEdit() { newForm(); render(); },
    ask(route) { state.confirming = route.domain; state.rowErrors = {}; state.notice = null; render(); },
    cancel() { state.confirming = null; render(); },
    /**
     * PUT: a new domain (create only) or the one being changed (on the version read); a new one already listed is said at
     * its field, and one the API finds taken meanwhile (409 already-exists) likewise.
     */
    save(event) {
      if (event && event.preventDefault) event.preventDefault();
      const form = state.form;
      if (form.busy) return null;
      const domain = (state.formFor || form.draft.domain).trim();
      const local = !domain ? tr("fieldRequired")
        : !state.formFor && state.items.some(r => sameDomain(r.domain, domain)) ? tr("mailRoutes.error.exists") : null;
      if (local) {
        form.errors = { domain: local };
        form.error = null;
        render();
        return null;
      }
      const changing = !!state.formFor;
      return run(form, render, tr, {
        // read when sent: after a 409 version-conflict the list read again holds the route's new version
        work: () => ctx.api.put(mailRoutePath(domain),
          mailRouteBody(form.draft, changing ? listedVersion(state.items, domain) : undefined),
          changing ? undefined : { ifNoneMatch: "*" }),
        done: saved => {
          const route = saved && saved.domain ? saved : { domain, ...mailRouteBody(form.draft) };
          const others = state.items.filter(r => !sameDomain(r.domain, route.domain) && !sameDomain(r.domain, domain));
          state.items = [...others, route].sort((a, b) => String(a.domain).localeCompare(String(b.domain)));
          newForm();
          state.notice = tr("mailRoutes.saved", { domain: route.domain });
        },
        // changed (or removed) by someone else meanwhile: read the list again, as far as the route's page, and keep the draft
        reload: async () => {
          await load(false);
          while (state.nextCursor && !state.items.some(r => sameDomain(r.domain, domain))) await load(true);
        },
        conflictKey: "mailRoutes.conflict",
        options: { known: mailRouteError(tr), problemFields: changing ? {} : { "already-exists": "domain" } }
      });
    },
    /**
     * DELETE on the version listed (?version=): the row goes; a 404 (removed meanwhile) says so and drops the row too; a
     * 409 (changed meanwhile) reads the list again and says so, so the admin sees the change before removing it; else
     * the problem at its row.
     */
    async remove(route) {
      if (state.busy) return;
      state.busy = route.domain;
      state.rowErrors = {};
      render();
      try {
        await ctx.api.delete(mailRoutePath(route.domain) + "?version=" + listedVersion(state.items, route.domain));
        state.notice = tr("mailRoutes.removed", { domain: route.domain });
        state.items = state.items.filter(r => r.domain !== route.domain);
        state.confirming = null;
      } catch (e) {
        if (e.status === 404) {
          state.notice = tr("mailRoutes.gone", { domain: route.domain });
          state.items = state.items.filter(r => r.domain !== route.domain);
          state.confirming = null;
        } else if (e.code === "version-conflict") {
          state.confirming = null;
          state.notice = tr("mailRoutes.removeConflict", { domain: route.domain });
          try {
            await load(false);
          } catch (again) {
            state.rowErrors[route.domain] = again;
          }
        } else {
          state.rowErrors[route.domain] = e;
        }
      }
      if (state.formFor && sameDomain(state.formFor, route.domain) && !state.items.some(r => r.domain === route.domain)) newForm();
      state.busy = null;
      render();
    }
  };
  await loadInto(state, load, false, render);
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/held-mail: mail to the support address from an unknown, pending or unverified sender, held for provider
// staff (docs/inbound-mail.md). Each message becomes a ticket of a customer the staff member chooses, reported by one
// of its people (the pickers of the new-ticket form, work.mjs), or is discarded after a confirmation; once.

const HELD_PATH = "/inbound/held";

function heldTicketForm(item, state, ctx, actions) {
  const { tr } = ctx;
  const making = state.making;
  const busy = !!state.busy;
  const legend = tr("mail.held.ticketLegend", { from: item.from });
  return h("form", { novalidate: true, class: "held-ticket", "aria-label": legend, on: { submit: actions.create } },
    h("fieldset", null, h("legend", null, legend),
      problemBox(state.customersError, tr),
      field("held-customerId", tr("work.onBehalf.customer"), select(customerChoices(tr, state.customers || []), making.customerId,
        actions.setCustomer), { error: making.errors.customerId, required: true, tr }),
      problemBox(making.reporters.error, tr),
      field("held-reporterId", tr("work.onBehalf.reporter"), select(reporterChoices(tr, making.reporters), making.reporterId,
        actions.setReporter), { error: making.errors.reporterId, required: true, tr }),
      making.customerId && noReporters(making.reporters) ? h("p", { class: "hint" }, tr("work.onBehalf.noReporters")) : null),
    h("button", { type: "submit", class: "primary", disabled: busy }, tr("mail.held.create")),
    h("button", { type: "button", disabled: busy, on: { click: actions.cancel } }, tr("sla.cancel")));
}

export function heldMailView(state, ctx, actions) {
  const { tr } = ctx;
  const busy = !!state.busy;
  const rows = state.items.map(item => {
    let act;
    if (state.confirming === item.id) {
      act = h("div", { class: "confirm", role: "alert" },
        h("p", null, tr("mail.held.confirm", { from: item.from })),
        h("button", { type: "button", class: "primary", disabled: busy, on: { click: () => actions.discard(item) } },
          tr("mail.held.discard")),
        h("button", { type: "button", disabled: busy, on: { click: actions.cancel } }, tr("sla.cancel")));
    } else if (state.making && state.making.id === item.id) {
      act = heldTicketForm(item, state, ctx, actions);
    } else {
      act = [h("button", { type: "button", disabled: busy, "aria-label": tr("mail.held.makeTicketOf", { from: item.from }),
        on: { click: () => actions.open(item) } }, tr("mail.held.makeTicket")),
      h("button", { type: "button", disabled: busy, "aria-label": tr("mail.held.discardOf", { from: item.from }),
        on: { click: () => actions.ask(item) } }, tr("mail.held.discard"))];
    }
    return h("tr", null,
      h("td", null, item.from),
      h("td", null, item.subject || h("span", { class: "hint" }, tr("mail.held.noSubject"))),
      h("td", null, labelOf(tr, "mail.held.reason.", item.reason)),
      h("td", null, item.receivedAt ? h("time", { datetime: item.receivedAt }, formatDate(item.receivedAt, ctx.lang)) : ""),
      h("td", null, act, problemBox(state.rowErrors[item.id], tr)));
  });
  const created = state.created;
  return page(ctx,
    h("h1", null, tr("mail.held.heading")),
    h("p", null, tr("mail.held.intro")),
    created ? h("p", { class: "notice", role: "status" }, tr("mail.held.created", { title: created.title }), " ",
      h("a", { href: routeHash({ name: "ticket", token: created.ticketId }) }, tr("mail.held.openTicket", { id: created.ticketId })))
      : null,
    notice(state.notice),
    problemBox(state.error, tr),
    state.more ? notice(tr("mail.held.more"), true) : null,
    state.items.length ? scrolling(tr, h("table", { class: "held-mail", "aria-busy": state.loading ? "true" : "false" },
      h("caption", { class: "visually-hidden" }, tr("mail.held.heading")),
      h("thead", null, h("tr", null, ["mail.held.col.from", "mail.held.col.subject", "mail.held.col.reason", "mail.held.col.received",
        "mail.held.col.actions"].map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rows))) : null,
    !state.loading && !state.error && state.items.length === 0 ? h("p", null, tr("mail.held.none")) : null,
    state.loading ? h("p", { role: "status" }, tr("loading")) : null);
}

export async function heldMailPage(ctx) {
  const { tr } = ctx;
  if (!PROVIDER_STAFF.includes(ctx.role)) return ctx.show(refusal(ctx));
  const state = { items: [], more: false, loading: true, error: null, notice: null, created: null, busy: null, confirming: null,
    making: null, rowErrors: {}, customers: null, customersError: null };
  const render = ctx.bind(() => ctx.show(heldMailView(state, ctx, actions)));
  const load = async () => {
    const answer = await ctx.api.get(HELD_PATH);
    state.items = (answer && answer.items) || [];
    state.more = !!(answer && answer.more);
  };
  const itemPath = (item, action) => HELD_PATH + "/" + encodeURIComponent(item.id) + "/" + action;
  const drop = item => { state.items = state.items.filter(i => i.id !== item.id); };
  const fresh = () => { state.rowErrors = {}; state.notice = null; state.created = null; };

  /** One change of a row at a time; the row goes on success, a refusal stays at its row (gone: said, and the row goes). */
  async function change(item, work, done, refused) {
    if (state.busy) return;
    state.busy = item.id;
    fresh();
    render();
    try {
      done(await work());
      drop(item);
      state.confirming = null;
      state.making = null;
    } catch (e) {
      if (!refused(e)) state.rowErrors[item.id] = e;
    }
    state.busy = null;
    render();
  }

  const actions = {
    ask(item) { fresh(); state.making = null; state.confirming = item.id; render(); },
    cancel() { state.confirming = null; state.making = null; render(); },
    /** "Maak ticket": the inline form; the customers are read once, when the first form opens. */
    async open(item) {
      fresh();
      state.confirming = null;
      state.making = { id: item.id, customerId: "", reporterId: "", errors: {},
        reporters: { customerId: "", items: [], loading: false, error: null } };
      render();
      if (state.customers) return;
      try {
        state.customers = await loadAll(ctx.api, "/customers");
        state.customersError = null;
      } catch (e) {
        state.customersError = e;
      }
      render();
    },
    async setCustomer(e) {
      const making = state.making;
      const customerId = e.target.value;
      making.customerId = customerId;
      making.reporterId = "";
      making.reporters = { customerId, items: [], loading: !!customerId, error: null };
      render();
      if (!customerId) return;
      let items = [];
      let error = null;
      try { items = await reportersOf(ctx, customerId); } catch (err) { error = err; }
      if (state.making !== making || making.customerId !== customerId) return;
      making.reporters = { customerId, items, loading: false, error };
      render();
    },
    setReporter(e) { if (state.making) state.making.reporterId = e.target.value; },
    /** POST …/ticket with the chosen ids (one not chosen as null, so the API's field error lands at its field). */
    create(event) {
      if (event) event.preventDefault();
      const making = state.making;
      if (!making) return undefined;
      const item = state.items.find(i => i.id === making.id);
      if (!item) return undefined;
      making.errors = {};
      return change(item,
        () => ctx.api.post(itemPath(item, "ticket"), { customerId: making.customerId || null, reporterId: making.reporterId || null }),
        answer => { state.created = { ticketId: answer.ticketId, title: answer.title || item.subject || "" }; },
        e => { making.errors = errorsFrom(e, tr); return false; });
    },
    /** POST …/discard after the confirmation; a 404 (handled already) says so and drops the row too. */
    discard(item) {
      return change(item, () => ctx.api.post(itemPath(item, "discard")),
        () => { state.notice = tr("mail.held.discarded", { from: item.from }); },
        e => {
          if (e.status !== 404) return false;
          state.notice = tr("mail.held.gone", { from: item.from });
          drop(item);
          state.confirming = null;
          return true;
        });
    }
  };
  await loadInto(state, load, false, render);
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/audit?object=<kind>:<id> | ?actor=<user id>: the audit trail of every context, newest first (provider admins;
// docs/data-model.md "Audit trail"). Entries name people by id only; each id links to that actor's or object's entries.

/** The kinds of object the contexts audit, as the API names them (AuditObject on the server). */
export const AUDIT_KINDS = ["user", "customer", "ticket", "category", "request-type", "sla-tier", "sla-calendar", "mail-route",
  "failing-address", "held-mail", "bundle", "subscription", "invoice", "invoicing", "billing-settings", "time-registration", "report",
  "report-settings", "kb-category", "notice"];

function auditPath(route) {
  return "/audit?" + (route.object ? "object=" + encodeURIComponent(route.object) : "actor=" + encodeURIComponent(route.actor));
}

export function auditView(state, ctx, actions) {
  const { tr } = ctx;
  const draft = state.draft;
  const rows = state.items.map(entry => {
    const object = entry.object.kind + ":" + entry.object.id;
    const objectText = labelOf(tr, "audit.kind.", entry.object.kind) + ": " + entry.object.id;   // an unknown kind: its key
    return h("tr", null,
      h("td", null, h("time", { datetime: entry.at }, formatDate(entry.at, ctx.lang) + " " + String(entry.at).slice(11, 19))),
      h("td", null, h("a", { href: routeHash({ name: "audit", actor: entry.actorId }) }, entry.actorId)),
      h("td", null, entry.action),
      h("td", null, h("a", { href: routeHash({ name: "audit", object }) }, objectText)),
      h("td", null, Object.entries(entry.details || {}).map(([k, v]) => k + ": " + v).join("; ")));
  });
  return page(ctx,
    h("h1", null, tr("audit.heading")),
    h("p", null, tr("audit.intro")),
    h("form", { class: "audit-query", on: { submit: e => { e.preventDefault(); actions.showObject(); } } },
      field("audit-kind", tr("audit.kind"), select(AUDIT_KINDS.map(k => [k, labelOf(tr, "audit.kind.", k)]), draft.kind, e => actions.setDraft("kind", e.target.value)),
        { tr }),
      input("audit-id", tr("audit.objectId"), draft.id, v => actions.setDraft("id", v), { tr, maxlength: 128 }),
      h("button", { type: "submit" }, tr("audit.showObject"))),
    h("form", { class: "audit-query", on: { submit: e => { e.preventDefault(); actions.showActor(); } } },
      input("audit-actor", tr("audit.actor"), draft.actor, v => actions.setDraft("actor", v), { tr, maxlength: 128 }),
      h("button", { type: "submit" }, tr("audit.showActor"))),
    state.route.object || state.route.actor
      ? h("h2", null, state.route.object ? tr("audit.ofObject", { object: state.route.object }) : tr("audit.byActor", { actor: state.route.actor }))
      : null,
    problemBox(state.error, tr),
    state.items.length ? scrolling(tr, h("table", { class: "audit", "aria-busy": state.loading ? "true" : "false" },
      h("caption", { class: "visually-hidden" }, tr("audit.heading")),
      h("thead", null, h("tr", null, ["audit.col.at", "audit.col.actor", "audit.col.action", "audit.col.object", "audit.col.details"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, rows))) : null,
    (state.route.object || state.route.actor) && !state.loading && !state.error && state.items.length === 0
      ? h("p", null, tr("audit.none")) : null,
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    moreButton(state, tr, actions.more));
}

export async function auditPage(ctx, route) {
  if (ctx.role !== "provider-admin") return ctx.show(refusal(ctx));
  const [kind, ...id] = String(route.object || "").split(":");
  const state = { route, items: [], nextCursor: null, loading: false, error: null,
    draft: { kind: AUDIT_KINDS.includes(kind) ? kind : "user", id: id.join(":"), actor: route.actor || "" } };
  const render = ctx.bind(() => ctx.show(auditView(state, ctx, actions)));
  const path = route.object || route.actor ? auditPath(route) : null;
  const load = async more => {
    const answer = await ctx.api.get(path + (more && state.nextCursor ? "&cursor=" + encodeURIComponent(state.nextCursor) : ""));
    state.items = more ? [...state.items, ...(answer.items || [])] : answer.items || [];
    state.nextCursor = answer.nextCursor || null;
  };
  const actions = {
    setDraft(name, value) { state.draft[name] = value; },
    showObject() {
      const id = String(state.draft.id || "").trim();
      if (id) ctx.navigate(routeHash({ name: "audit", object: state.draft.kind + ":" + id }));
    },
    showActor() {
      const actor = String(state.draft.actor || "").trim();
      if (actor) ctx.navigate(routeHash({ name: "audit", actor }));
    },
    more: () => loadInto(state, load, true, render)
  };
  if (path) await loadInto(state, load, false, render);
  else render();
  return { state, actions };
}
