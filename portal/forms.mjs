// Pieces shared by the identity pages (auth.mjs, account.mjs, admin.mjs): field errors of a problem in the
// user's language, labelled inputs, the password rules, the language names and the role labels.
// Like widgets.mjs: node descriptions only (dom.mjs); data is only ever text.

import { h } from "./dom.mjs";
import { field, labelOf, notice, problemBox } from "./widgets.mjs";

export const LANGUAGE_NAMES = [["nl", "Nederlands"], ["en", "English"], ["de", "Deutsch"]];
export const ROLES = ["none", "customer-user", "customer-admin", "provider-agent", "provider-admin"];
export const CUSTOMER_ROLES = ["customer-user", "customer-admin"];
/** A code the portal mails or an authenticator app shows: six digits. */
export const SIX_DIGITS = /^[0-9]{6}$/;
export const STAFF_ROLES = ["provider-agent", "provider-admin"];
export const TIERS = ["koper", "brons", "zilver", "goud"];

export const roleLabel = (tr, role) => labelOf(tr, "acct.role.", role || "none");

/** A number as an API message writes it, without its thousands commas ("100,000" → "100000"). */
const plainNumber = written => written.replace(/,/g, "");

/** The whole numbers of an API message, in order ("must be at most 200 characters" → ["200"]). */
function numbersOf(message) {
  return (String(message || "").match(/\d[\d,]*/g) || []).map(plainNumber);
}

/** A format error in words by its field or message (a code, a domain, an e-mail address, a date); else the general one. */
function formatText(name, message, tr) {
  if (/code$/i.test(name)) return tr("form.error.code");
  if (/^emailDomains/.test(name)) return tr("form.error.domain");
  if (/mail$/i.test(name) || /e-mail address/.test(message)) return tr("form.error.email");
  if (/\bdate\b/.test(message)) return tr("form.error.date");
  return tr("form.error.format");
}

/** A limit with its number ("at most 200 characters"), or the same limit without one when the message names none. */
function limitText(key, plainKey, max, tr) {
  return max ? tr(key, { max }) : tr(plainKey);
}

/**
 * One field error ({field, code, message}) of the API in the user's language: every code the API sends (FieldError's
 * codes across the functions) has its words here; a code the portal does not know reads as "this value is not valid",
 * never as the API's English message.
 */
export function errorText(e, tr) {
  const name = String(e.field || "");
  const message = String(e.message || "");
  const numbers = numbersOf(message);
  switch (e.code || (/^is required\b/.test(message) ? "required" : "")) {
    case "required": return tr("fieldRequired");
    case "length": return tr("form.error.passwordLength");
    case "uppercase": return tr("form.error.uppercase");
    case "lowercase": return tr("form.error.lowercase");
    case "digit": return tr("form.error.digit");
    case "symbol": return tr("form.error.symbol");
    case "contains-email": return tr("form.error.containsEmail");
    case "unchanged": return tr("form.error.unchanged");
    case "too-long": return limitText("form.error.tooLong", "form.error.tooLongAny", numbers[0], tr);
    case "too-many": return limitText("form.error.tooMany", "form.error.tooManyAny", numbers[0], tr);
    case "duplicate": case "duplicate-field": return tr("form.error.duplicate");
    case "control-characters": return tr("form.error.controlCharacters");
    case "format": return formatText(name, message, tr);
    case "one-of": return tr("form.error.oneOf");
    case "not-allowed": return tr("form.error.notAllowed");
    case "unknown": return tr("form.error.unknown");
    case "not-found": return tr("form.error.notFound");
    case "unknown-field": return tr("form.error.unknownField");
    case "type": return /number/.test(message) ? tr("form.error.number") : tr("form.error.type");
    case "range": case "out-of-range": {
      // Only "A to B" and "A..B" are a range of whole numbers; any other message ("more than 0 and at most 100,000, with
      // at most two decimals", "within 13 months of from") is said generally rather than wrongly.
      const bounds = message.match(/(\d[\d,]*)\s*(?:to|\.\.)\s*(\d[\d,]*)/);
      return bounds ? tr("form.error.range", { min: plainNumber(bounds[1]), max: plainNumber(bounds[2]) }) : tr("form.error.invalid");
    }
    case "positive": return tr("form.error.positive");
    case "too-small": return tr("form.error.tooSmall");
    case "too-large": return tr("form.error.tooLarge");
    case "extension": return tr("form.error.extension");
    case "before-start": case "after-opens": return tr("form.error.beforeStart");
    case "in-future": return tr("form.error.inFuture");
    case "too-old": return tr("form.error.tooOld");
    case "size": return tr("form.error.size");
    case "already-corrected": return tr("form.error.alreadyCorrected");
    case "confirmation": return tr("form.error.confirmation");
    default: return tr("form.error.invalid");
  }
}

/**
 * {field: text} from a problem: every errors[] message of a field joined, the field renamed by rename(field);
 * and the refusals that belong to one field (a wrong code, a wrong current password, an existing account)
 * placed at it with the problem's own title: problemFields = {"invalid-code": "code", ...}. prefix(field) puts
 * words before a message (which of several domains in one field it is about); known(e) is a page's own words for an
 * error (null: errorText's).
 */
export function errorsFrom(error, tr, { rename = f => f, problemFields = {}, prefix = () => "", known = () => null } = {}) {
  const out = {};
  if (!error) return out;
  if (problemFields[error.code]) {
    out[problemFields[error.code]] = error.title || error.code;
    return out;
  }
  const texts = {};
  for (const e of error.errors || []) {
    if (!e || typeof e.field !== "string") continue;
    const name = rename(e.field);
    const text = (prefix(e.field) || "") + (known(e) || errorText(e, tr));
    texts[name] = texts[name] || [];
    if (!texts[name].includes(text)) texts[name].push(text);
  }
  for (const [name, list] of Object.entries(texts)) out[name] = list.join(" ");
  return out;
}

/**
 * A refused request on a form's state: its field errors (errorsFrom), and the problem itself unless it was
 * placed at a field entirely (a wrong code says so next to the code, not twice).
 */
export function refused(state, error, tr, options = {}) {
  state.errors = errorsFrom(error, tr, options);
  state.error = options.problemFields && options.problemFields[error.code] ? null : error;
}

/**
 * A labelled input (widgets.mjs field(): id f-<name>, error e-<name> next to it), with an optional hint
 * (id h-<name>) that the input names as its description too.
 */
export function input(name, label, value, onInput, { type = "text", error, required, tr, hint, autocomplete, maxlength,
  inputmode, readonly } = {}) {
  const attrs = { type, value: value === undefined || value === null ? "" : value, on: { input: e => onInput(e.target.value) } };
  if (autocomplete) attrs.autocomplete = autocomplete;
  if (maxlength) attrs.maxlength = maxlength;
  if (inputmode) attrs.inputmode = inputmode;
  if (readonly) attrs.readonly = true;
  const control = h("input", attrs);
  const desc = field(name, label, control, { error, required, tr });
  if (hint) {
    control.attrs["aria-describedby"] = [control.attrs["aria-describedby"], "h-" + name].filter(Boolean).join(" ");
    desc.children.splice(2, 0, h("div", { class: "hint", id: "h-" + name }, hint));
  }
  return desc;
}

/** A checkbox with its label after it. */
export function checkbox(name, label, checked, onChange, { disabled } = {}) {
  return h("div", { class: "check" },
    h("input", { type: "checkbox", id: "f-" + name, name, checked: !!checked, disabled: !!disabled,
      on: { change: e => onChange(e.target.checked) } }),
    h("label", { for: "f-" + name }, label));
}

/** The password rules of the API (PasswordPolicy on the server), as a hint under a new-password field. */
export function passwordRules(tr) {
  return [
    h("span", null, tr("form.passwordRules")),
    h("ul", { class: "rules" },
      h("li", null, tr("form.rule.length")),
      h("li", null, tr("form.rule.letters")),
      h("li", null, tr("form.rule.digit")),
      h("li", null, tr("form.rule.symbol")),
      h("li", null, tr("form.rule.email")))
  ];
}

/** A new password twice: the first with the rules, the second must match (checked here, before any request). */
export function newPasswordFields(prefix, draft, state, tr, labelKey = "form.newPassword") {
  return [
    input(prefix + "newPassword", tr(labelKey), draft.newPassword, v => { draft.newPassword = v; },
      { type: "password", autocomplete: "new-password", error: state.errors[prefix + "newPassword"], required: true, tr,
        hint: passwordRules(tr) }),
    input(prefix + "repeat", tr("form.repeatPassword"), draft.repeat, v => { draft.repeat = v; },
      { type: "password", autocomplete: "new-password", error: state.errors[prefix + "repeat"], required: true, tr })
  ];
}

/** The check before sending a new password: both typed the same. */
export function repeatError(draft, prefix, tr) {
  return draft.newPassword !== draft.repeat ? { [prefix + "repeat"]: tr("form.error.repeat") } : null;
}

/**
 * True after putting the repeat mismatch on the form (nothing is sent then): the password fields'
 * repeat must match before a request goes out.
 */
export function refusedRepeat(form, prefix, tr) {
  const mismatch = repeatError(form.draft, prefix, tr);
  if (!mismatch) return false;
  form.errors = mismatch;
  form.error = null;
  return true;
}

/** "ABCD EFGH IJKL …": a secret in groups of four for typing. */
export function grouped(secret) {
  return String(secret || "").replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");
}

/** The entries of errors that no field of the form showed, for the problem box. */
export function unshownOf(errors, shown) {
  return Object.entries(errors).filter(([name]) => !shown.includes(name));
}

// ---------------------------------------------------------------------------------------------
// A form on a page

/** A form's state and one request of it: busy, errors placed, a stale version reloads (reload) and keeps the draft. */
export function formState(draft) {
  return { draft, errors: {}, error: null, notice: null, warning: null, busy: false };
}

/** One request of a form; done(answer) on success; a 409 version-conflict runs reload() and keeps the draft. */
export async function run(form, render, tr, { work, done, reload, options, conflictKey = "acct.versionConflict" }) {
  if (form.busy) return;
  form.busy = true;
  form.error = null;
  form.errors = {};
  form.notice = null;
  form.warning = null;
  render();
  try {
    const answer = await work();
    form.busy = false;
    await done(answer);
  } catch (e) {
    form.busy = false;
    if (e.code === "version-conflict" && reload) {
      form.warning = tr(conflictKey);
      try {
        await reload();
      } catch (again) {
        form.error = again;
      }
    } else {
      refused(form, e, tr, options);
    }
  }
  render();
}

/** The top of a form: its notice, warning, "check the marked fields" and the problem with what no field showed. */
export function formHead(form, tr, shown) {
  return [
    notice(form.notice),
    notice(form.warning, true),
    Object.keys(form.errors).length ? notice(tr("formHasErrors"), true) : null,
    problemBox(form.error, tr, unshownOf(form.errors, shown))
  ];
}

