// The public identity pages, shown without a session: #/sign-up (account, then the e-mailed code, with
// resend), #/forgot-password (the code by mail, then a new password), and the first sign-in of an account
// a provider admin created (a temporary password is replaced: POST /auth/sign-in/new-password).
// Every /auth call is anonymous (no token). Nothing typed is lost on an error; passwords are never kept
// longer than the page.
//
// ctx (app.mjs publicContext): { api, lang, tr, show, bind, toSignIn(reasonKey, email), signedIn(answer),
//   email, challenge (new password only) }

import { h } from "./dom.mjs";
import { field, select } from "./widgets.mjs";
import { formHead, input, LANGUAGE_NAMES, newPasswordFields, refusedRepeat, repeatError, run, SIX_DIGITS } from "./forms.mjs";

const CODE_PROBLEMS = { "invalid-code": "code", "expired-code": "code" };

function publicPage(ctx, ...children) {
  return h("div", { class: "public" }, ...children,
    h("p", { class: "back" }, h("a", { href: "#/tickets" }, ctx.tr("auth.backToSignIn"))));
}

/** One request of a form (forms.mjs run): busy while it runs, field errors placed on failure; done(answer) on success. */
const submit = (state, render, work, done, tr, options) => run(state, render, tr, { work, done, options });

function codeInput(state, tr) {
  return input("code", tr("auth.code"), state.code, v => { state.code = v.trim(); },
    { error: state.errors.code, required: true, tr, inputmode: "numeric", autocomplete: "one-time-code", maxlength: 6,
      hint: tr("auth.codeHint") });
}

// ---------------------------------------------------------------------------------------------
// #/sign-up

/** POST /auth/sign-up: the names as typed; the display name defaults to first and last name. */
export function signUpBody(draft) {
  const display = draft.displayName.trim() || [draft.firstName.trim(), draft.lastName.trim()].filter(Boolean).join(" ");
  return { email: draft.email.trim(), password: draft.newPassword, firstName: draft.firstName, lastName: draft.lastName,
    displayName: display, language: draft.language };
}

export function signUpView(state, ctx, actions) {
  const { tr } = ctx;
  const { draft } = state;
  if (state.step === "confirm") {
    const shown = ["email", "code"];
    return publicPage(ctx,
      h("h1", null, tr("auth.confirm.heading")),
      h("p", null, tr("auth.confirm.intro", { email: draft.email || "…" })),
      formHead(state, tr, shown),
      h("form", { novalidate: true, on: { submit: actions.confirm } },
        input("email", tr("email"), draft.email, v => { draft.email = v; },
          { type: "email", autocomplete: "username", error: state.errors.email, required: true, tr }),
        codeInput(state, tr),
        h("button", { type: "submit", class: "primary", disabled: state.busy }, tr("auth.confirm.submit")),
        h("button", { type: "button", disabled: state.busy, on: { click: actions.resend } }, tr("auth.resend")),
        h("button", { type: "button", disabled: state.busy, on: { click: actions.back } }, tr("auth.confirm.back"))));
  }
  const shown = ["email", "firstName", "lastName", "displayName", "newPassword", "repeat", "language"];
  if (!draft.languageChosen) draft.language = ctx.lang;   // the portal's language, until the user picks another here
  return publicPage(ctx,
    h("h1", null, tr("auth.signUp.heading")),
    h("p", null, tr("auth.signUp.intro")),
    formHead(state, tr, shown),
    h("form", { novalidate: true, on: { submit: actions.signUp } },
      input("email", tr("email"), draft.email, v => { draft.email = v; },
        { type: "email", autocomplete: "username", error: state.errors.email, required: true, tr, maxlength: 254 }),
      input("firstName", tr("form.firstName"), draft.firstName, v => { draft.firstName = v; },
        { autocomplete: "given-name", error: state.errors.firstName, required: true, tr, maxlength: 100 }),
      input("lastName", tr("form.lastName"), draft.lastName, v => { draft.lastName = v; },
        { autocomplete: "family-name", error: state.errors.lastName, required: true, tr, maxlength: 100 }),
      input("displayName", tr("form.displayName"), draft.displayName, v => { draft.displayName = v; },
        { autocomplete: "name", error: state.errors.displayName, tr, maxlength: 100, hint: tr("auth.signUp.displayNameHint") }),
      newPasswordFields("", draft, state, tr, "password"),
      field("language", tr("form.language"), select(LANGUAGE_NAMES, draft.language, e => {
        draft.language = e.target.value;
        draft.languageChosen = true;
      }),
        { error: state.errors.language, tr }),
      h("button", { type: "submit", class: "primary", disabled: state.busy }, tr("auth.signUp.submit")),
      h("button", { type: "button", disabled: state.busy, on: { click: actions.haveCode } }, tr("auth.signUp.haveCode"))));
}

export async function signUpPage(ctx) {
  const { tr } = ctx;
  const state = { step: "form", draft: { email: ctx.email || "", firstName: "", lastName: "", displayName: "", newPassword: "",
    repeat: "", language: ctx.lang }, code: "", errors: {}, error: null, notice: null, busy: false };
  const render = ctx.bind(() => ctx.show(signUpView(state, ctx, actions)));
  const actions = {
    signUp(event) {
      if (event) event.preventDefault();
      if (refusedRepeat(state, "", tr)) return render();
      return submit(state, render, () => ctx.api.anonymous("POST", "/auth/sign-up", signUpBody(state.draft)), () => {
        state.step = "confirm";
        state.code = "";
        state.draft.newPassword = "";
        state.draft.repeat = "";
      }, tr, { rename: f => (f === "password" ? "newPassword" : f) });
    },
    confirm(event) {
      if (event) event.preventDefault();
      if (!SIX_DIGITS.test(state.code)) {
        state.errors = { code: tr("form.error.code") };
        state.error = null;
        return render();
      }
      const email = state.draft.email.trim();
      return submit(state, render, () => ctx.api.anonymous("POST", "/auth/confirm", { email, code: state.code }),
        () => ctx.toSignIn("auth.confirm.done", email), tr, { problemFields: CODE_PROBLEMS });
    },
    resend() {
      return submit(state, render, () => ctx.api.anonymous("POST", "/auth/resend-code", { email: state.draft.email.trim() }),
        () => { state.notice = tr("auth.resent", { email: state.draft.email.trim() }); }, tr);
    },
    haveCode() { state.step = "confirm"; state.errors = {}; state.error = null; render(); },
    back() { state.step = "form"; state.errors = {}; state.error = null; state.notice = null; render(); }
  };
  render();
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/forgot-password

export function forgotView(state, ctx, actions) {
  const { tr } = ctx;
  const { draft } = state;
  const email = input("email", tr("email"), draft.email, v => { draft.email = v; },
    { type: "email", autocomplete: "username", error: state.errors.email, required: true, tr });
  if (state.step === "reset") {
    const shown = ["email", "code", "newPassword", "repeat"];
    return publicPage(ctx,
      h("h1", null, tr("auth.reset.heading")),
      h("p", null, tr("auth.reset.intro", { email: draft.email || "…" })),
      formHead(state, tr, shown),
      h("form", { novalidate: true, on: { submit: actions.reset } },
        email, codeInput(state, tr), newPasswordFields("", draft, state, tr),
        h("button", { type: "submit", class: "primary", disabled: state.busy }, tr("auth.reset.submit")),
        h("button", { type: "button", disabled: state.busy, on: { click: actions.request } }, tr("auth.resend"))));
  }
  return publicPage(ctx,
    h("h1", null, tr("auth.forgot.heading")),
    h("p", null, tr("auth.forgot.intro")),
    formHead(state, tr, ["email"]),
    h("form", { novalidate: true, on: { submit: actions.request } },
      email,
      h("button", { type: "submit", class: "primary", disabled: state.busy }, tr("auth.forgot.submit")),
      h("button", { type: "button", disabled: state.busy, on: { click: actions.haveCode } }, tr("auth.signUp.haveCode"))));
}

export async function forgotPasswordPage(ctx) {
  const { tr } = ctx;
  const state = { step: "request", draft: { email: ctx.email || "", newPassword: "", repeat: "" }, code: "", errors: {},
    error: null, notice: null, busy: false };
  const render = ctx.bind(() => ctx.show(forgotView(state, ctx, actions)));
  const actions = {
    request(event) {
      if (event && event.preventDefault) event.preventDefault();
      const email = state.draft.email.trim();
      return submit(state, render, () => ctx.api.anonymous("POST", "/auth/forgot-password", { email }), () => {
        if (state.step === "reset") state.notice = tr("auth.resent", { email });
        state.step = "reset";
      }, tr);
    },
    reset(event) {
      if (event) event.preventDefault();
      const errors = { ...(SIX_DIGITS.test(state.code) ? {} : { code: tr("form.error.code") }), ...repeatError(state.draft, "", tr) };
      if (Object.keys(errors).length) {
        state.errors = errors;
        state.error = null;
        return render();
      }
      const email = state.draft.email.trim();
      return submit(state, render,
        () => ctx.api.anonymous("POST", "/auth/reset-password", { email, code: state.code, newPassword: state.draft.newPassword }),
        () => ctx.toSignIn("auth.reset.done", email), tr, { problemFields: CODE_PROBLEMS });
    },
    haveCode() { state.step = "reset"; state.errors = {}; state.error = null; render(); }
  };
  render();
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// The first sign-in of an account created by a provider admin (sign-in answered "new-password-required")

export function newPasswordView(state, ctx, actions) {
  const { tr } = ctx;
  return publicPage(ctx,
    h("h1", null, tr("auth.newPassword.heading")),
    h("p", null, tr("auth.newPassword.intro", { email: ctx.email })),
    formHead(state, tr, ["newPassword", "repeat"]),
    h("form", { novalidate: true, on: { submit: actions.save } },
      newPasswordFields("", state.draft, state, tr),
      h("button", { type: "submit", class: "primary", disabled: state.busy }, tr("auth.newPassword.submit"))));
}

export async function newPasswordPage(ctx) {
  const { tr } = ctx;
  const state = { draft: { newPassword: "", repeat: "" }, errors: {}, error: null, notice: null, busy: false };
  const render = ctx.bind(() => ctx.show(newPasswordView(state, ctx, actions)));
  const actions = {
    save(event) {
      if (event) event.preventDefault();
      if (refusedRepeat(state, "", tr)) return render();
      return submit(state, render, () => ctx.api.anonymous("POST", "/auth/sign-in/new-password",
        { email: ctx.email, session: ctx.challenge, newPassword: state.draft.newPassword }), answer => ctx.signedIn(answer), tr);
    }
  };
  render();
  return { state, actions };
}
