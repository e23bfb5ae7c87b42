// Field errors of the API in the user's language on every form: forms.mjs errorText knows every code the API sends
// (FieldError's codes across functions/), the ticket forms use it, and the problem box never shows the English detail
// of a validation failure.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, translator } from "../i18n.mjs";
import { errorText, errorsFrom } from "../forms.mjs";
import { newTicketPage, ticketPage } from "../tickets.mjs";
import { problemBox } from "../widgets.mjs";
import { context, detail, fakeApi, last } from "./fakes.mjs";

/** Every code the API's validation sends (Validation, FieldError, JsonReader.Refused in functions/), with a message of it. */
const API_ERRORS = [
  ["required", "is required"], ["too-long", "must be at most 200 characters"], ["too-long", "is not a user id"],
  ["control-characters", "must not contain control characters or unpaired UTF-16 surrogates"],
  ["too-many", "must have at most 20 items"], ["format", "must be an e-mail address"],
  ["format", "must be a date such as 2026-12-01"], ["format", "is not a customer id"], ["one-of", "must be one of [a, b]"],
  ["not-allowed", "belongs to service requests only"], ["unknown", "is not an active agent"],
  ["unknown-field", "is not a known field"], ["duplicate-field", "is given more than once"], ["duplicate", "is listed twice"],
  ["type", "must be a number"], ["type", "has the wrong type or format"], ["invalid", "is not valid"],
  ["range", "must be 1 to 60 minutes"], ["range", "must be 1..4000"], ["out-of-range", "is a whole number from 1 to 5"],
  ["positive", "must be at least 1"], ["too-small", "must be at least 1 byte"], ["too-large", "must be at most 26214400 bytes (25 MiB)"],
  ["extension", "must end in [pdf]"], ["before-start", "must be on or after from"], ["after-opens", "must be after opens"],
  ["in-future", "must not be after today"], ["too-old", "must be within the last 400 days"], ["size", "must hold 1 to 30 fields"],
  ["not-found", "is not a ticket of this customer"], ["already-corrected", "was corrected or invoiced meanwhile"],
  ["confirmation", "must be the address of the person to erase"], ["length", "must have 12 to 256 characters"],
  ["uppercase", "needs an upper-case letter"], ["lowercase", "needs a lower-case letter"], ["digit", "needs a digit"],
  ["symbol", "needs a symbol such as ! # % or a space"], ["contains-email", "must not contain your e-mail name"],
  ["unchanged", "must differ from the current password"], ["not-after-resolution", "must not exceed the resolution hours"],
  ["without-rollover", "is only set when hours roll over"], ["shape", "choice fields need options; other fields have none"],
  ["not-suggested", "was not among the articles of this suggestion"], ["mismatch", "must be the portal's redirect URI"],
  ["other-side", "provider staff take a provider role"], ["unreachable", "business hours take more than ten years"],
  ["a-code-of-tomorrow", "something new the portal has no words for"]
];

test("every code the API sends reads in nl, en and de, never as the API's English message", () => {
  for (const lang of LANGUAGES) {
    const tr = translator(lang);
    for (const [code, message] of API_ERRORS) {
      const text = errorText({ field: "title", code, message }, tr);
      assert.ok(text && text !== message, `${lang} ${code}: ${text}`);
      if (lang !== "en") assert.ok(!text.includes(message), `${lang} ${code}: ${text}`);
      assert.doesNotMatch(text, /^form\.error\.|^fieldRequired$/, `${lang} ${code}: a text, not a key`);
    }
  }
  const nl = translator("nl");
  assert.equal(errorText({ code: "too-long", message: "must be at most 200 characters" }, nl), "Gebruik hoogstens 200 tekens.");
  assert.equal(errorText({ code: "too-long", message: "must be at most 20000 characters" }, translator("de")),
    "Verwenden Sie höchstens 20000 Zeichen.");
  assert.equal(errorText({ code: "range", message: "must be 1 to 100,000" }, nl), "Vul een waarde van 1 tot en met 100000 in.");
  assert.equal(errorText({ code: "range", message: "must be 1..4000" }, nl), "Vul een waarde van 1 tot en met 4000 in.");
  assert.equal(errorText({ code: "range", message: "must be more than 0 and at most 100,000, with at most two decimals" }, nl),
    nl("form.error.invalid"), "not a range of whole numbers: said generally, never as 0 to 100000");
  assert.equal(errorText({ code: "range", message: "must be within 13 months of from" }, nl), nl("form.error.invalid"));
  assert.equal(errorText({ code: "a-code-of-tomorrow", message: "x" }, nl), nl("form.error.invalid"), "an unknown code: general words");
  assert.equal(errorText({ field: "x", message: "is required" }, nl), nl("fieldRequired"), "no code, but required");
  assert.equal(errorText({ field: "answers.when", code: "format", message: "must be a date such as 2026-12-01" }, nl),
    nl("form.error.date"));
});

test("errorsFrom takes a page's own words first (known), forms.mjs's for the rest", () => {
  const nl = translator("nl");
  const error = new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", errors: [
    { field: "a", code: "range", message: "must be 1 to 5" }, { field: "b", code: "range", message: "must be 1 to 5" }] });
  assert.deepEqual(errorsFrom(error, nl, { known: e => (e.field === "a" ? "eigen woorden" : null) }),
    { a: "eigen woorden", b: "Vul een waarde van 1 tot en met 5 in." });
});

test("the problem box of a validation failure shows the translated title, never the API's English detail", () => {
  const error = new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Die Eingabe ist ungültig",
    detail: "The request has invalid fields", errors: [] });
  const text = textOf(problemBox(error, translator("de")));
  assert.match(text, /^Die Eingabe ist ungültig/);
  assert.doesNotMatch(text, /invalid fields/);
  const other = new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Ongeldige status", detail: "Al gesloten." });
  assert.match(textOf(problemBox(other, translator("nl"))), /Al gesloten\./, "other problems keep their detail");
});

const invalid = (...errors) => new ApiError(400, { type: "urn:klantportaal:problem:validation-failed",
  title: "De invoer is niet geldig", detail: "The request has invalid fields", errors });

test("new ticket: the API's too-long and control-character errors at their fields in the user's language, no English", async () => {
  for (const [lang, tooLong, control] of [
    ["nl", "Gebruik hoogstens 200 tekens.", "Dit bevat tekens die niet zijn toegestaan."],
    ["de", "Verwenden Sie höchstens 200 Zeichen.", "Dies enthält unzulässige Zeichen."]]) {
    const api = fakeApi(() => invalid(
      { field: "title", code: "too-long", message: "must be at most 200 characters" },
      { field: "description", code: "control-characters", message: "must not contain control characters or unpaired UTF-16 surrogates" }));
    const shown = [];
    const page = await newTicketPage(context("customer-user", api, shown, lang));
    page.state.draft.category = "email";
    await page.actions.submit();
    const view = last(shown);
    const at = id => textOf(findAll(view, n => n.attrs.id === id)[0]);
    assert.equal(at("e-title"), tooLong);
    assert.equal(at("e-description"), control);
    assert.doesNotMatch(textOf(view), /invalid fields|must be|must not/, lang + ": no English");
  }
});

test("new ticket: title and description carry the API's limits (200 and 20000 characters)", async () => {
  const shown = [];
  await newTicketPage(context("customer-user", fakeApi(() => ({})), shown));
  const control = id => findAll(last(shown), n => n.attrs.id === id)[0];
  assert.equal(control("f-title").attrs.maxlength, 200);
  assert.equal(control("f-description").attrs.maxlength, 20000);
  assert.ok(textOf(last(shown)).includes("Eén bestand (een schermafdruk, een logbestand; ten hoogste 25 MB) wordt toegevoegd"),
    "the form says what its file field takes and when the file is added");
});

test("ticket page: a refused reply says the API's too-long in words at the field, and the reply field has the limit", async () => {
  const api = fakeApi((method, path) => {
    if (method === "POST") return invalid({ field: "body", code: "too-long", message: "must be at most 20000 characters" });
    if (path.startsWith("/tickets/")) return detail({ status: "open" });
    return { items: [] };
  });
  const shown = [];
  const page = await ticketPage(context("customer-user", api, shown, "en"), { name: "ticket", token: "acme-7" });
  assert.equal(findAll(last(shown), n => n.attrs.id === "f-body")[0].attrs.maxlength, 20000);
  page.state.drafts.reply = "x";
  await page.actions.reply(false);
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.attrs.id === "e-body")[0]), "Use at most 20000 characters.");
  assert.doesNotMatch(textOf(view), /invalid fields|must be at most/);
});
