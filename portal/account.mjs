// The signed-in user's own identity pages: MFA enrolment with an authenticator app (required before
// anything else: the API answers 403 mfa-required until kp_mfa is true), the page a user sees while it
// waits to be linked to its organisation (role none), and #/account (GET/PATCH /me, the password, the
// e-mail address). Which of these a route shows, router.mjs decides.
//
// ctx: the ticket pages' ctx (tickets.mjs) plus { userId, email, tenant, mfa, accessToken() (memory only),
//   setLanguage(lang), renew(reasonKey) → the renewed session or null (then the sign-in screen shows
//   reasonKey), reroute() (show the route in the hash again) }

import { h } from "./dom.mjs";
import { dashboardDefaultsFor, dashboardWidgetsFor, routeHash, widgetTitleKey } from "./routes.mjs";
import { field, formatDate, notice, page, problemBox, select } from "./widgets.mjs";
import { checkbox, formHead, formState, grouped, input, LANGUAGE_NAMES, newPasswordFields, refusedRepeat, roleLabel,
  run, SIX_DIGITS } from "./forms.mjs";

/** The seed's promise (and ListPendingUsers.PROMISE on the server): linked within 12 hours of signing up. */
export const LINK_PROMISE_HOURS = 12;
export const NOTIFICATIONS = ["tickets", "reports", "hourBundles", "subscriptions", "notices"];

/** The frame of an account page: the ticket pages' navigation once linked; a pending user has only its own two pages. */
export function accountFrame(ctx, ...children) {
  if (ctx.role !== "none") return page(ctx, ...children);
  return h("div", null,
    h("nav", { "aria-label": ctx.tr("nav.main"), class: "main-nav" },
      h("a", { href: "#/tickets" }, ctx.tr("nav.waiting")),
      h("a", { href: "#/account" }, ctx.tr("nav.account"))),
    notice(ctx.flashed), ...children);
}

// ---------------------------------------------------------------------------------------------
// MFA enrolment

/**
 * The QR code of the API's enrolment answer (TotpEnrolment.qrCodeSvg: a viewBox and one path of unit squares
 * "M x,y h1v1h-1z") as rows of booleans, read with a strict pattern of numbers only; anything else: null (the
 * page then offers the key as text only). The SVG itself is never put into the page.
 */
export function qrModules(svg) {
  const text = String(svg || "");
  const box = /viewBox="0 0 (\d{1,3}) (\d{1,3})"/.exec(text);
  const path = /<path d="((?:M\d{1,3},\d{1,3}h1v1h-1z)+)"/.exec(text);
  if (!box || box[1] !== box[2] || !path) return null;
  const size = Number(box[1]);
  if (size < 21 || size > 200) return null;
  const rows = Array.from({ length: size }, () => new Array(size).fill(false));
  for (const m of path[1].matchAll(/M(\d{1,3}),(\d{1,3})h1v1h-1z/g)) {
    const x = Number(m[1]);
    const y = Number(m[2]);
    if (x >= size || y >= size) return null;
    rows[y][x] = true;
  }
  return rows;
}

function qrTable(rows, tr) {
  return h("table", { class: "qr", role: "img", "aria-label": tr("acct.mfa.qrLabel") },
    h("tbody", null, rows.map(row => h("tr", null, row.map(on => h("td", { class: on ? "on" : null }))))));
}

export function mfaView(state, ctx, actions) {
  const { tr } = ctx;
  const { enrolment } = state;
  const rows = enrolment ? qrModules(enrolment.qrCodeSvg) : null;
  return h("div", { class: "mfa" },
    h("h1", null, tr("acct.mfa.heading")),
    notice(ctx.flashed),
    h("p", null, tr("acct.mfa.intro")),
    h("ol", null,
      h("li", null, tr("acct.mfa.step.app")),
      h("li", null, tr("acct.mfa.step.key")),
      h("li", null, tr("acct.mfa.step.code"))),
    problemBox(state.startError, tr),
    !enrolment ? h("button", { type: "button", class: "primary", disabled: state.busy, on: { click: actions.start } },
      tr("acct.mfa.start")) : null,
    enrolment ? h("section", { class: "enrolment", "aria-labelledby": "key-heading" },
      h("h2", { id: "key-heading" }, tr("acct.mfa.keyHeading")),
      h("p", null, tr("acct.mfa.typeKey")),
      h("p", null, h("code", { class: "secret", id: "totp-secret" }, grouped(enrolment.secret))),
      h("p", { class: "hint" }, tr("acct.mfa.keyFacts", { email: ctx.email })),
      rows ? [h("p", null, tr("acct.mfa.scan")), qrTable(rows, tr)] : h("p", { class: "hint" }, tr("acct.mfa.noQr")),
      enrolment.otpauthUri ? h("div", { class: "field" },
        h("label", { for: "otpauth-uri" }, tr("acct.mfa.uri")),
        h("textarea", { id: "otpauth-uri", readonly: true, rows: 3, class: "uri" }, enrolment.otpauthUri)) : null,
      formHead(state.form, tr, ["code"]),
      h("form", { novalidate: true, on: { submit: actions.verify } },
        input("code", tr("acct.mfa.code"), state.form.draft.code, v => { state.form.draft.code = v.trim(); },
          { error: state.form.errors.code, required: true, tr, inputmode: "numeric", autocomplete: "one-time-code", maxlength: 6 }),
        h("button", { type: "submit", class: "primary", disabled: state.form.busy }, tr("acct.mfa.verify")),
        h("button", { type: "button", disabled: state.form.busy, on: { click: actions.start } }, tr("acct.mfa.restart"))))
      : null);
}

export async function mfaPage(ctx) {
  const { tr } = ctx;
  const state = { enrolment: null, startError: null, busy: false, form: formState({ code: "" }) };
  const render = ctx.bind(() => ctx.show(mfaView(state, ctx, actions)));
  const actions = {
    /** POST /me/mfa/totp: a new secret (starting again replaces the earlier one). A button, never the route. */
    async start() {
      if (state.busy) return;
      state.busy = true;
      state.startError = null;
      render();
      try {
        state.enrolment = await ctx.api.post("/me/mfa/totp", { accessToken: ctx.accessToken() });
        state.form = formState({ code: "" });
      } catch (e) {
        state.startError = e;
      }
      state.busy = false;
      render();
    },
    verify(event) {
      if (event) event.preventDefault();
      const form = state.form;
      if (!SIX_DIGITS.test(form.draft.code)) {
        form.errors = { code: tr("form.error.code") };
        form.error = null;
        return render();
      }
      return run(form, render, tr, {
        work: () => ctx.api.post("/me/mfa/totp/verify", { accessToken: ctx.accessToken(), code: form.draft.code }),
        options: { problemFields: { "invalid-code": "code", "expired-code": "code" } },
        // The next token carries kp_mfa=true (EnrolTotp): renew it and go on, or sign in again where that fails.
        done: async () => {
          const next = await ctx.renew("acct.mfa.signInAgain");
          if (!next) return;
          if (next.mfa) {
            ctx.flash(tr("acct.mfa.done"));
            ctx.reroute();
          } else {
            form.notice = tr("acct.mfa.doneSignIn");
          }
        }
      });
    }
  };
  render();
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// Waiting to be linked (role none)

export function pendingView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const since = state.me && state.me.pendingSince;
  const deadline = since ? new Date(new Date(since).getTime() + LINK_PROMISE_HOURS * 3600_000) : null;
  const overdue = deadline && !Number.isNaN(deadline.getTime()) && deadline.getTime() < state.now;
  return accountFrame(ctx,
    h("h1", null, tr("acct.pending.heading")),
    notice(state.notice),
    h("p", null, tr("acct.pending.intro", { hours: LINK_PROMISE_HOURS })),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    problemBox(state.error, tr),
    since ? h("p", null, tr("acct.pending.since", { since: formatDate(since, lang) }), " ",
      h("time", { datetime: deadline.toISOString() }, tr("acct.pending.until", { until: formatDate(deadline.toISOString(), lang) })))
      : null,
    overdue ? notice(tr("acct.pending.overdue", { hours: LINK_PROMISE_HOURS }), true) : null,
    h("p", null, tr("acct.pending.meanwhile")),
    h("button", { type: "button", class: "primary", disabled: state.busy, on: { click: actions.check } }, tr("acct.pending.check")),
    h("p", null, h("a", { href: "#/account" }, tr("acct.pending.toAccount"))));
}

export async function pendingPage(ctx) {
  const { tr } = ctx;
  const state = { me: null, error: null, loading: true, busy: false, notice: null, now: ctx.now ? ctx.now() : Date.now() };
  const render = ctx.bind(() => ctx.show(pendingView(state, ctx, actions)));
  const actions = {
    /** Linking changes the role in the next token: renew it; still none → say so. */
    async check() {
      if (state.busy) return;
      state.busy = true;
      state.error = null;
      state.notice = null;
      render();
      try {
        const next = await ctx.renew("acct.pending.signInAgain");
        if (!next) return;
        if (next.role !== "none") {
          ctx.flash(tr("acct.pending.linked"));
          ctx.reroute();
          return;
        }
        state.notice = tr("acct.pending.still");
      } catch (e) {
        state.error = e;
      }
      state.busy = false;
      render();
    }
  };
  render();
  try {
    state.me = await ctx.api.get("/me");
  } catch (e) {
    state.error = e;
  }
  state.loading = false;
  render();
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/account

export function profileDraft(profile) {
  const p = profile || {};
  const n = p.notifications || {};
  return { firstName: p.firstName || "", lastName: p.lastName || "", displayName: p.displayName || "",
    language: p.language || "nl", notifications: Object.fromEntries(["enabled", ...NOTIFICATIONS].map(k => [k, n[k] === true])) };
}

/** PATCH /me: only what differs from the profile read (an absent field stays as it is), with its version. */
export function profileBody(draft, profile) {
  const body = {};
  for (const key of ["firstName", "lastName", "displayName", "language"]) {
    if (draft[key] !== (profile[key] || "")) body[key] = draft[key];
  }
  const read = profile.notifications || {};
  const changed = ["enabled", ...NOTIFICATIONS].filter(k => draft.notifications[k] !== (read[k] === true));
  if (changed.length) body.notifications = Object.fromEntries(changed.map(k => [k, draft.notifications[k]]));
  body.version = profile.version;
  return body;
}

/**
 * The language of the profile, as the header's language select saves it while signed in: PATCH /me with {language,
 * version} (profileBody on the profile's draft with only the language changed), on the version of profile (a GET /me
 * answer's profile; none: GET /me first). A 409 (a stale version) reads /me again and tries once more. The answer of
 * PATCH /me, or the /me read when the profile says that language already (nothing sent).
 */
export async function saveLanguage(api, language, profile) {
  let me = profile ? { profile } : await api.get("/me");
  for (let attempt = 0; ; attempt++) {
    const read = me && me.profile;
    if (!read) return me;
    const body = profileBody({ ...profileDraft(read), language }, read);
    if (!("language" in body)) return me;
    try {
      return await api.patch("/me", body);
    } catch (e) {
      if (e.status !== 409 || attempt > 0) throw e;
      me = await api.get("/me");
    }
  }
}

/** The dashboard settings' draft: per widget the role can have, whether it is on (GET /me `dashboard`: the choice or the role's default set). */
export function dashboardDraft(profile, role) {
  const on = new Set((profile && Array.isArray(profile.dashboard)) ? profile.dashboard : dashboardDefaultsFor(role));
  return Object.fromEntries(dashboardWidgetsFor(role).map(id => [id, on.has(id)]));
}

/**
 * PATCH /me for the dashboard settings: `dashboard` with the widgets switched on, in the settings' order, then the stored
 * ones the page offers no switch for (another role's, or a context not in the portal yet: kept as they were), and the
 * version read; null when that is the list read (nothing to send).
 */
export function dashboardBody(draft, profile, role) {
  const offered = dashboardWidgetsFor(role);
  const read = Array.isArray(profile.dashboard) ? profile.dashboard : [];
  const next = [...offered.filter(id => draft[id]), ...read.filter(id => !offered.includes(id))];
  if (next.length === read.length && next.every((id, i) => id === read[i])) return null;
  return { dashboard: next, version: profile.version };
}

const NOTIFICATION_KEYS = { tickets: "acct.notify.tickets", reports: "acct.notify.reports",
  hourBundles: "acct.notify.hourBundles", subscriptions: "acct.notify.subscriptions", notices: "acct.notify.notices" };

function profileForm(state, ctx, actions) {
  const { tr } = ctx;
  const form = state.profileForm;
  const { draft } = form;
  const prefix = "profile.";
  const err = name => form.errors[prefix + name];
  const shown = ["firstName", "lastName", "displayName", "language", "notifications"].map(n => prefix + n);
  return h("form", { novalidate: true, class: "account-form", "aria-labelledby": "profile-heading", on: { submit: actions.saveProfile } },
    h("h2", { id: "profile-heading" }, tr("acct.profile.heading")),
    formHead(form, tr, shown),
    input(prefix + "firstName", tr("form.firstName"), draft.firstName, v => { draft.firstName = v; },
      { autocomplete: "given-name", error: err("firstName"), required: true, tr, maxlength: 100 }),
    input(prefix + "lastName", tr("form.lastName"), draft.lastName, v => { draft.lastName = v; },
      { autocomplete: "family-name", error: err("lastName"), required: true, tr, maxlength: 100 }),
    input(prefix + "displayName", tr("form.displayName"), draft.displayName, v => { draft.displayName = v; },
      { autocomplete: "name", error: err("displayName"), required: true, tr, maxlength: 100 }),
    field(prefix + "language", tr("form.language"), select(LANGUAGE_NAMES, draft.language, e => { draft.language = e.target.value; }),
      { error: err("language"), tr }),
    h("p", { class: "hint" }, tr("acct.profile.languageHint")),
    h("fieldset", null, h("legend", null, tr("acct.notify.heading")),
      checkbox(prefix + "notifications.enabled", tr("acct.notify.enabled"), draft.notifications.enabled, v => {
        draft.notifications.enabled = v;
        actions.render();
      }),
      h("div", { class: "sub-checks" }, NOTIFICATIONS.map(kind => checkbox(prefix + "notifications." + kind,
        tr(NOTIFICATION_KEYS[kind]), draft.notifications[kind], v => { draft.notifications[kind] = v; },
        { disabled: !draft.notifications.enabled }))),
      !draft.notifications.enabled ? h("p", { class: "hint" }, tr("acct.notify.allOff")) : null,
      err("notifications") ? h("p", { class: "field-error" }, err("notifications")) : null),
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save")));
}

/** "Dashboardinstellingen" (seed: "Widgets beheren"): a switch per widget the role can have, saved with "Opslaan". */
function dashboardForm(state, ctx, actions) {
  const { tr } = ctx;
  const form = state.dashboardForm;
  const offered = dashboardWidgetsFor(ctx.role);
  if (!form || !offered.length) return null;
  const staff = ctx.role === "provider-agent" || ctx.role === "provider-admin";
  const profile = state.me.profile;
  return h("form", { novalidate: true, class: "account-form dashboard-settings", "aria-labelledby": "dashboard-heading",
    on: { submit: actions.saveDashboard } },
  h("h2", { id: "dashboard-heading" }, tr("acct.dashboard.heading")),
  formHead(form, tr, ["dashboard"]),
  h("fieldset", null, h("legend", null, tr("acct.dashboard.legend")),
    offered.map(id => checkbox("dashboard." + id, tr(widgetTitleKey(id, staff)), form.draft[id], v => { form.draft[id] = v; }))),
  h("p", { class: "hint" }, profile.dashboardChosen === false ? tr("acct.dashboard.default") : tr("acct.dashboard.chosen"), " ",
    h("a", { href: routeHash({ name: "dashboard" }) }, tr("acct.dashboard.toDashboard"))),
  form.errors.dashboard ? h("p", { class: "field-error" }, form.errors.dashboard) : null,
  h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save")));
}

function passwordForm(state, ctx, actions) {
  const { tr } = ctx;
  const form = state.passwordForm;
  const prefix = "password.";
  return h("form", { novalidate: true, class: "account-form", "aria-labelledby": "password-heading", on: { submit: actions.changePassword } },
    h("h2", { id: "password-heading" }, tr("acct.password.heading")),
    formHead(form, tr, ["currentPassword", "newPassword", "repeat"].map(n => prefix + n)),
    input(prefix + "currentPassword", tr("acct.password.current"), form.draft.currentPassword,
      v => { form.draft.currentPassword = v; },
      { type: "password", autocomplete: "current-password", error: form.errors[prefix + "currentPassword"], required: true, tr }),
    newPasswordFields(prefix, form.draft, form, tr),
    h("button", { type: "submit", disabled: form.busy }, tr("acct.password.submit")));
}

function emailForm(state, ctx, actions) {
  const { tr } = ctx;
  const form = state.emailForm;
  const prefix = "email.";
  const verify = form.step === "verify";
  return h("form", { novalidate: true, class: "account-form", "aria-labelledby": "email-heading",
    on: { submit: verify ? actions.verifyEmail : actions.requestEmail } },
  h("h2", { id: "email-heading" }, tr("acct.email.heading")),
  formHead(form, tr, ["newEmail", "code"].map(n => prefix + n)),
  verify
    ? [h("p", null, tr("acct.email.codeSent", { email: form.draft.newEmail })),
      input(prefix + "code", tr("auth.code"), form.draft.code, v => { form.draft.code = v.trim(); },
        { error: form.errors[prefix + "code"], required: true, tr, inputmode: "numeric", autocomplete: "one-time-code", maxlength: 6 }),
      h("button", { type: "submit", class: "primary", disabled: form.busy }, tr("acct.email.verify")),
      h("button", { type: "button", disabled: form.busy, on: { click: actions.requestEmail } }, tr("auth.resend")),
      h("button", { type: "button", disabled: form.busy, on: { click: actions.cancelEmail } }, tr("sla.cancel"))]
    : [h("p", { class: "hint" }, tr("acct.email.intro")),
      input(prefix + "newEmail", tr("acct.email.new"), form.draft.newEmail, v => { form.draft.newEmail = v; },
        { type: "email", autocomplete: "email", error: form.errors[prefix + "newEmail"], required: true, tr, maxlength: 254 }),
      h("button", { type: "submit", disabled: form.busy }, tr("acct.email.submit"))]);
}

export function accountView(state, ctx, actions) {
  const { tr } = ctx;
  const me = state.me;
  const profile = me && me.profile;
  const row = (label, value) => [h("dt", null, label), h("dd", null, value)];
  return accountFrame(ctx,
    h("h1", null, tr("acct.heading")),
    notice(state.notice),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    problemBox(state.error, tr),
    me ? h("dl", { class: "facts" },
      row(tr("email"), profile ? profile.email : me.email || ctx.email),
      row(tr("acct.role"), roleLabel(tr, me.role)),
      me.customerId ? row(tr("acct.customer"), state.customer && state.customer.name
        ? state.customer.name + " (" + me.customerId + ")" : me.customerId) : null,
      row(tr("acct.mfa"), me.mfaEnrolled ? tr("acct.mfa.on") : tr("acct.mfa.off"))) : null,
    me ? h("p", { class: "hint" }, tr("acct.readOnly")) : null,
    profile && state.profileForm ? profileForm(state, ctx, actions) : null,
    profile ? dashboardForm(state, ctx, actions) : null,
    me && !profile && !state.loading ? h("p", null, tr("acct.noProfile")) : null,
    passwordForm(state, ctx, actions),
    emailForm(state, ctx, actions),
    h("section", { "aria-labelledby": "mfa-heading" },
      h("h2", { id: "mfa-heading" }, tr("acct.mfa")),
      h("p", null, tr("acct.mfa.lost"))));
}

export async function accountPage(ctx) {
  const { tr } = ctx;
  const state = { me: null, error: null, loading: true, notice: null, profileForm: null, dashboardForm: null,
    passwordForm: formState({ currentPassword: "", newPassword: "", repeat: "" }),
    emailForm: { ...formState({ newEmail: "", code: "" }), step: "request" } };
  const render = ctx.bind(() => ctx.show(accountView(state, ctx, actions)));
  const load = async () => { state.me = await ctx.api.get("/me"); };
  const prefixed = prefix => ({ rename: f => prefix + f });

  const actions = {
    render,
    saveProfile(event) {
      if (event) event.preventDefault();
      const form = state.profileForm;
      const body = profileBody(form.draft, state.me.profile);
      if (Object.keys(body).length === 1) {
        form.notice = tr("acct.profile.unchanged");
        form.errors = {};
        form.error = null;
        form.warning = null;
        return render();
      }
      const before = state.me.profile.language;
      return run(form, render, tr, {
        work: () => ctx.api.patch("/me", body),
        reload: load,
        options: prefixed("profile."),
        done: answer => {
          state.me = answer;
          if (ctx.profileSaved) ctx.profileSaved(answer.profile);   // the shell's copy: the header's next save on this version
          state.profileForm = formState(profileDraft(answer.profile));
          state.profileForm.notice = tr("acct.profile.saved");
          const language = answer.profile && answer.profile.language;
          if (language && language !== before && ctx.setLanguage) {
            ctx.setLanguage(language);
          }
        }
      });
    },
    /** PATCH /me with the widgets switched on and the version read; the dashboard shows them from its next opening. */
    saveDashboard(event) {
      if (event) event.preventDefault();
      const form = state.dashboardForm;
      const body = dashboardBody(form.draft, state.me.profile, ctx.role);
      if (!body) {
        form.notice = tr("acct.dashboard.unchanged");
        form.errors = {};
        form.error = null;
        form.warning = null;
        return render();
      }
      return run(form, render, tr, {
        work: () => ctx.api.patch("/me", body),
        reload: load,
        // dashboard[i] names the i-th widget sent: said at the switches, with the widget's name where it is one
        options: { rename: f => (/^dashboard(\[\d+\])?$/.test(f) ? "dashboard" : f) },
        done: answer => {
          const kept = state.profileForm ? state.profileForm.draft : null;
          state.me = answer;
          if (ctx.profileSaved) ctx.profileSaved(answer.profile);
          if (answer.profile && kept) state.profileForm = formState(kept);
          state.dashboardForm = formState(dashboardDraft(answer.profile, ctx.role));
          state.dashboardForm.notice = tr("acct.dashboard.saved");
        }
      });
    },
    changePassword(event) {
      if (event) event.preventDefault();
      const form = state.passwordForm;
      if (refusedRepeat(form, "password.", tr)) return render();
      return run(form, render, tr, {
        work: () => ctx.api.post("/me/password", { accessToken: ctx.accessToken(), currentPassword: form.draft.currentPassword,
          newPassword: form.draft.newPassword }),
        options: { rename: f => "password." + f, problemFields: { "invalid-credentials": "password.currentPassword" } },
        done: () => {
          state.passwordForm = formState({ currentPassword: "", newPassword: "", repeat: "" });
          state.passwordForm.notice = tr("acct.password.changed");
        }
      });
    },
    requestEmail(event) {
      if (event && event.preventDefault) event.preventDefault();
      const form = state.emailForm;
      return run(form, render, tr, {
        work: () => ctx.api.post("/me/email", { accessToken: ctx.accessToken(), newEmail: form.draft.newEmail.trim() }),
        options: prefixed("email."),
        done: () => {
          if (form.step === "verify") form.notice = tr("acct.email.resent", { email: form.draft.newEmail.trim() });
          form.step = "verify";
          form.draft.code = "";
        }
      });
    },
    verifyEmail(event) {
      if (event) event.preventDefault();
      const form = state.emailForm;
      if (!SIX_DIGITS.test(form.draft.code)) {
        form.errors = { "email.code": tr("form.error.code") };
        form.error = null;
        return render();
      }
      return run(form, render, tr, {
        work: () => ctx.api.post("/me/email/verify", { accessToken: ctx.accessToken(), code: form.draft.code }),
        options: { rename: f => "email." + f, problemFields: { "invalid-code": "email.code", "expired-code": "email.code" } },
        done: answer => {
          state.me = answer;
          if (ctx.profileSaved) ctx.profileSaved(answer.profile);
          if (answer.profile) {
            const kept = state.profileForm ? state.profileForm.draft : null;
            state.profileForm = formState(kept || profileDraft(answer.profile));
          }
          state.emailForm = { ...formState({ newEmail: "", code: "" }), step: "request" };
          state.emailForm.notice = tr("acct.email.changed", { email: answer.profile ? answer.profile.email : "" });
        }
      });
    },
    cancelEmail() {
      state.emailForm.step = "request";
      state.emailForm.errors = {};
      state.emailForm.error = null;
      render();
    }
  };

  render();
  try {
    await load();
    if (state.me.profile) {
      state.profileForm = formState(profileDraft(state.me.profile));
      state.dashboardForm = formState(dashboardDraft(state.me.profile, ctx.role));
    }
    // the organisation's name: its own people may read their customer (GET /customers/{own id})
    if (state.me.customerId) state.customer = await ctx.api.get("/customers/" + encodeURIComponent(state.me.customerId));
  } catch (e) {
    state.error = e;
  }
  state.loading = false;
  render();
  return { state, actions };
}

