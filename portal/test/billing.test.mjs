// A customer's hours for provider staff (#/admin/customers/<id>/hours): bundles with their meters, a new bundle
// (hours → minutes), activate and cancel, and the billing settings saved with the version read (409: reload).
// Against the recording fake API and the DOM shim of fakes.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, h, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { translator } from "../i18n.mjs";
import { bundleBody, customerHoursPage } from "../billing.mjs";
import { overviewHead } from "../ledger.mjs";
import { customerPage } from "../admin.mjs";
import { click, context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const byId = (desc, id) => {
  const found = findAll(desc, n => n.attrs.id === id);
  assert.equal(found.length, 1, "one element #" + id);
  return found[0];
};
const type = (desc, id, value) => byId(desc, id).attrs.on.input({ target: { value } });
const choose = (desc, id, value) => byId(desc, id).attrs.on.change({ target: { value } });
const submit = (desc, labelledBy) => {
  const forms = findAll(desc, n => n.tag === "form" && n.attrs["aria-labelledby"] === labelledBy);
  assert.equal(forms.length, 1, "one form " + labelledBy);
  return forms[0].attrs.on.submit({ preventDefault() {} });
};
const buttons = desc => findAll(desc, n => n.tag === "button").map(textOf);
const withClass = (desc, name) => findAll(desc, n => String(n.attrs.class || "").split(" ").includes(name));

const CUSTOMER = { id: "acme", name: "Acme " + EVIL, slaTier: "koper", language: "nl", emailDomains: ["acme.example.test"], version: 2 };
const BUNDLES = {
  bundles: [
    { id: "20261101-aaaaaa", status: "active", statusLabel: "Actief", minutesRemaining: 540, minutesUsed: 60, minutesBought: 600,
      percentUsed: 10, validFrom: "2026-11-01", validUntil: "2027-04-30", price: "950.00" },
    { id: "20261110-eeeeee", status: "active", statusLabel: "Actief", minutesRemaining: 300, minutesUsed: 0, minutesBought: 300,
      percentUsed: 0, validFrom: "2026-11-10", validUntil: "2027-05-31", price: "475.00" },
    { id: "20261122-cccccc", status: "pending", statusLabel: "Besteld", minutesRemaining: 1200, minutesUsed: 0, minutesBought: 1200,
      percentUsed: 0, validFrom: "2026-12-01", validUntil: "2027-11-30", price: "1800.00", requestTicket: 12 }
  ],
  activeMinutesRemaining: 840, overBudgetMinutes: 0, forecast: { kind: "not-enough-history", text: "Nog te weinig verbruik voor een voorspelling." }
};
const SETTINGS = { roundingIncrement: 15, roundingMinimum: 15, usersSeeHours: false,
  rates: [{ type: "ad-hoc-billable", effectiveFrom: "2026-01-01", hourly: "95.00" }, { type: "ad-hoc-billable", effectiveFrom: "2027-01-01",
    hourly: "99.50" }], version: 3 };

/** The page's API; post/put answer the changes (default: a bundle or the settings saved). */
function billingApi({ post, put, settings = () => SETTINGS } = {}) {
  return fakeApi((method, path, body) => {
    if (method === "GET" && path === "/customers/acme") return CUSTOMER;
    if (method === "GET" && path === "/customers/acme/hour-bundles") return BUNDLES;
    if (method === "GET" && path === "/customers/acme/billing-settings") return settings();
    if (method === "POST") return post ? post(path, body) : { bundle: BUNDLES.bundles[2], entries: [] };
    if (method === "PUT") return put ? put(path, body) : { ...body, rates: body.rates.map(r => ({ ...r, hourly: r.hourly.toFixed(2) })),
      version: body.version + 1 };
    throw new Error("unexpected " + method + " " + path);
  });
}

const open = async (role, api, shown) => customerHoursPage(context(role, api, shown), { name: "customer-hours", id: "acme" });

test("staff read a customer's hours about that customer, not as the customer ('uw', 'your', 'Ihre'); customers keep theirs", async () => {
  const overview = { ...BUNDLES, overBudgetMinutes: 90, forecast: { kind: "runs-out", runsOutOn: "2027-02-01", minutesPerWeek: 120,
    text: "In dit tempo zijn uw uren rond 1 februari 2027 op." } };
  const api = fakeApi((method, path) => {
    if (path === "/customers/acme") return { ...CUSTOMER, name: "Acme" };
    if (path === "/customers/acme/hour-bundles") return overview;
    if (path === "/customers/acme/billing-settings") return SETTINGS;
    throw new Error("unexpected " + path);
  });
  for (const [lang, words, customerWords] of [
    ["nl", /In de actieve bundels van Acme is nog 14:00 uur over\..*tegen het uurtarief van de klant\..*In dit tempo zijn de uren van Acme rond 1 feb 2027 op\..*Verbruik van de afgelopen weken/, /\b[Uu]w\b/],
    ["en", /The active bundles of Acme have 14:00 hours left\..*at the customer's hourly rate\..*the hours of Acme run out around Feb 1, 2027/, /\b[Yy]our\b/],
    ["de", /In den aktiven Kontingenten von Acme sind noch 14:00 Stunden übrig\..*zum Stundensatz des Kunden/, /\b(Ihre[nm]?|Ihr)\b/]]) {
    const shown = [];
    await customerHoursPage({ ...context("provider-agent", api, shown), lang, tr: translator(lang) }, { name: "customer-hours", id: "acme" });
    const head = withClass(last(shown), "hours-total").concat(withClass(last(shown), "over-budget"), withClass(last(shown), "forecast"))
      .map(textOf).join(" ");
    assert.match(head, words, lang);
    assert.doesNotMatch(head, customerWords, lang + ": not spoken to as the customer");
  }
  const customerView = textOf(h("div", null, overviewHead(overview, context("customer-admin", api, []))));
  assert.match(customerView, /In uw actieve bundels is nog 14:00 uur over\..*In dit tempo zijn uw uren/, "the customer's own page as before");
});

test("a customer's hours for staff: the bundles as meters with the admin's actions per status, the settings", async () => {
  const api = billingApi();
  const shown = [];
  await open("provider-admin", api, shown);
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]).sort(),
    ["GET /customers/acme", "GET /customers/acme/billing-settings", "GET /customers/acme/hour-bundles"], "opening only reads");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Uren van Acme " + EVIL);
  const bundles = withClass(view, "bundle");
  assert.equal(bundles.length, 3);
  assert.equal(textOf(withClass(bundles[0], "meter-figures")[0]), "Nog 9:00 uur over · 1:00 gebruikt · 10:00 gekocht");
  assert.deepEqual(buttons(bundles[0]), [], "time was used: neither activate nor cancel");
  assert.deepEqual(buttons(bundles[1]), ["Annuleren"], "active and unused: cancel");
  assert.deepEqual(buttons(bundles[2]), ["Activeren", "Annuleren"], "ordered: activate or cancel");
  assert.equal(findAll(bundles[0], n => n.tag === "a")[0].attrs.href, "#/admin/customers/acme/hours/20261101-aaaaaa");
  assert.match(textOf(view), /Nog te weinig verbruik voor een voorspelling\./);
  assert.match(textOf(withClass(view, "billing-settings")[0]), /Per 15 minuten naar boven, minimaal 15 minuten per registratie\./);
  assert.equal(findAll(view, n => n.tag === "a" && n.attrs.href === "#/admin/customers/acme/time-registrations").length, 1);
  const root = mount(view, shimDocument());
  assert.ok(root.textContent.includes(EVIL), "the customer's name mounts as text");
});

test("a language change reads the bundles again (the API words their status and the forecast), and only then", async () => {
  let bound = null;
  const api = billingApi();
  const shown = [];
  const ctx = Object.assign(context("provider-agent", api, shown), { bind: render => { bound = render; return render; } });
  await customerHoursPage(ctx, { name: "customer-hours", id: "acme" });
  const reads = () => api.calls.filter(c => c[1] === "/customers/acme/hour-bundles").length;
  bound();
  assert.equal(reads(), 1);
  Object.assign(ctx, { lang: "de", tr: translator("de") });
  await bound();
  assert.equal(reads(), 2);
  assert.match(textOf(last(shown)), /Stunden von Acme/);
});

test("a new bundle: the hours typed become minutes; price, validity and the request ticket are sent as typed", async () => {
  const api = billingApi();
  const shown = [];
  const page = await open("provider-admin", api, shown);
  const view = () => last(shown);
  assert.equal(byId(view(), "f-bundle.validFrom").attrs.value, "2026-11-23", "valid from today by default");
  type(view(), "f-bundle.minutes", "7,5");
  type(view(), "f-bundle.validUntil", "2027-05-31");
  type(view(), "f-bundle.price", "712,50");
  type(view(), "f-bundle.requestTicket", "#12");
  await submit(view(), "bundle-form-heading");
  const post = api.calls.find(c => c[0] === "POST");
  assert.deepEqual(post.slice(1, 3), ["/customers/acme/hour-bundles",
    { minutes: 450, validFrom: "2026-11-23", validUntil: "2027-05-31", price: 712.5, requestTicket: 12 }]);
  assert.equal(post[3].idempotencyKey, "key-1");
  assert.equal(api.calls.at(-1)[1], "/customers/acme/hour-bundles", "the overview is read again");
  assert.equal(page.state.bundleForm.notice, "Een bundel van 7:30 uur is aangemaakt; hij staat op besteld.");
  assert.equal(byId(view(), "f-bundle.minutes").attrs.value, "", "an empty form for the next one");
  await click(withClass(view(), "bundle")[2], "Activeren").attrs.on.click();
  assert.equal(page.state.bundleForm.notice, null, "activated: '…hij staat op besteld' no longer stands under the form");
  assert.doesNotMatch(textOf(view()), /hij staat op besteld/);
  assert.match(textOf(withClass(view(), "bundle")[2]), /De bundel van 20:00 uur is actief\./);

  assert.deepEqual(bundleBody({ hours: "10", validFrom: "2026-11-01", validUntil: "2027-04-30", price: "950", requestTicket: "" }, nl).body,
    { minutes: 600, validFrom: "2026-11-01", validUntil: "2027-04-30", price: 950 }, "no request ticket when none is given");
  assert.equal(bundleBody({ hours: "7:45", validFrom: "2026-11-01", validUntil: "2026-11-30", price: "0", requestTicket: "" }, nl).body.minutes, 465);
  assert.deepEqual(bundleBody({ hours: "", validFrom: "", validUntil: "", price: "", requestTicket: "" }, nl).errors,
    { minutes: nl("fieldRequired"), validFrom: nl("fieldRequired"), validUntil: nl("fieldRequired"), price: nl("fieldRequired") },
    "every required field said at once");
  const priced = (price, lang) => bundleBody({ hours: "10", validFrom: "2026-11-01", validUntil: "2027-04-30", price, requestTicket: "" },
    translator(lang)).body;
  assert.equal(priced("€ 1.234,50", "nl").price, 1234.5, "typed as the portal shows it");
  assert.equal(priced("1.234,50 €", "de").price, 1234.5);
  assert.equal(priced("€1,234.50", "en").price, 1234.5);
  assert.equal(priced("1,234.50", "nl"), undefined, "English separators in Dutch: refused");
});

test("a new bundle: hours or a price that are none are said at their fields; the API's field errors too", async () => {
  const api = billingApi({ post: () => new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    errors: [{ field: "validUntil", code: "before-start", message: "must be on or after validFrom" },
      { field: "minutes", code: "range", message: "must be 1 to 600000" }] }) });
  const shown = [];
  await open("provider-admin", api, shown);
  type(last(shown), "f-bundle.minutes", "tien");
  type(last(shown), "f-bundle.price", "950 euro");
  await submit(last(shown), "bundle-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "nothing is sent");
  assert.equal(textOf(byId(last(shown), "e-bundle.minutes")), "Vul een aantal uren in, zoals 10, 7,5 of 7:30.");
  assert.equal(textOf(byId(last(shown), "e-bundle.price")), "Vul een bedrag in euro's in, zoals 950, 95,50 of 1.234,50.");

  type(last(shown), "f-bundle.minutes", "99999");
  type(last(shown), "f-bundle.price", "950");
  type(last(shown), "f-bundle.validUntil", "2026-01-01");
  await submit(last(shown), "bundle-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 1);
  assert.equal(textOf(byId(last(shown), "e-bundle.validUntil")), nl("form.error.beforeStart"), "in words, not the API's English");
  assert.equal(textOf(byId(last(shown), "e-bundle.minutes")), "Vul een aantal uren in van meer dan 0 tot hoogstens 10000:00.", "minutes are the hours field's, said in hours");
  assert.equal(byId(last(shown), "f-bundle.minutes").attrs.value, "99999", "what was typed stays");
});

test("activate a pending bundle; cancel one after a confirmation; a refusal (409) stays at its bundle", async () => {
  let refuse = false;
  const api = billingApi({ post: path => (refuse ? new ApiError(409, { type: "urn:klantportaal:problem:illegal-state",
    title: "Niet toegestaan", detail: "Time has been booked on this bundle; correct those registrations first" })
    : { bundle: BUNDLES.bundles[2], entries: [] }) });
  const shown = [];
  const page = await open("provider-admin", api, shown);
  const bundle = i => withClass(last(shown), "bundle")[i];
  await click(bundle(2), "Activeren").attrs.on.click();
  assert.deepEqual(api.calls.filter(c => c[0] === "POST").map(c => c.slice(1, 3)),
    [["/customers/acme/hour-bundles/20261122-cccccc/activate", undefined]], "no body");
  assert.deepEqual(page.state.rowNotice, { id: "20261122-cccccc", text: "De bundel van 20:00 uur is actief." });
  const said = withClass(bundle(2), "notice")[0];
  assert.equal(textOf(said), "De bundel van 20:00 uur is actief.", "said at the bundle activated");
  assert.equal(said.attrs.role, "status");

  await click(bundle(1), "Annuleren").attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 1, "cancelling asks first");
  assert.match(textOf(bundle(1)), /De bundel van 5:00 uur annuleren\?/);
  await click(bundle(1), "Nee").attrs.on.click();
  assert.deepEqual(buttons(bundle(1)), ["Annuleren"]);
  await click(bundle(1), "Annuleren").attrs.on.click();
  await click(bundle(1), "Ja, annuleren").attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "POST").at(-1)[1], "/customers/acme/hour-bundles/20261110-eeeeee/cancel");
  assert.equal(textOf(withClass(bundle(1), "notice")[0]), "De bundel van 5:00 uur is geannuleerd.");
  assert.equal(withClass(bundle(2), "notice").length, 0, "the earlier notice went");

  refuse = true;
  await click(bundle(1), "Annuleren").attrs.on.click();
  await click(bundle(1), "Ja, annuleren").attrs.on.click();
  assert.match(textOf(withClass(bundle(1), "problem")[0]), /Niet toegestaan.*correct those registrations first/);
  assert.equal(withClass(bundle(0), "problem").length, 0, "only at the bundle it concerns");
});

test("the billing settings are saved with the version read; rate rows added, removed and their errors at the right row", async () => {
  let answer = null;
  const api = billingApi({ put: (path, body) => answer || { ...body, rates: body.rates.map(r => ({ ...r, hourly: r.hourly.toFixed(2) })),
    version: 4 } });
  const shown = [];
  const page = await open("provider-admin", api, shown);
  const view = () => last(shown);
  assert.equal(byId(view(), "f-roundingIncrement").attrs.value, "15");
  assert.equal(findAll(view(), n => n.attrs.id === "f-usersSeeHours")[0].attrs.checked, false);
  type(view(), "f-roundingIncrement", "5");
  type(view(), "f-roundingMinimum", "10");
  findAll(view(), n => n.attrs.id === "f-usersSeeHours")[0].attrs.on.change({ target: { checked: true } });
  findAll(view(), n => n.attrs.id === "f-rollover")[0].attrs.on.change({ target: { checked: true } });
  type(view(), "f-rolloverCapMinutes", "7:30");
  await click(view(), "Tarief toevoegen").attrs.on.click();
  const rows = () => findAll(withClass(view(), "settings-form")[0], n => n.tag === "tr").slice(1);
  assert.equal(rows().length, 3);
  const idsOf = row => findAll(row, n => /^f-rates\./.test(n.attrs.id || "")).map(n => n.attrs.id);
  const [typeId, fromId, hourlyId] = idsOf(rows()[2]);
  choose(view(), typeId, "ad-hoc-service");
  type(view(), fromId, "2027-02-01");
  type(view(), hourlyId, "60");
  await click(rows()[0], "Verwijderen tarief 1").attrs.on.click();
  await submit(view(), "settings-form-heading");
  const put = api.calls.find(c => c[0] === "PUT");
  assert.deepEqual(put.slice(1, 3), ["/customers/acme/billing-settings", { roundingIncrement: 5, roundingMinimum: 10, usersSeeHours: true,
    rates: [{ type: "ad-hoc-billable", effectiveFrom: "2027-01-01", hourly: 99.5 }, { type: "ad-hoc-service", effectiveFrom: "2027-02-01",
      hourly: 60 }], rollover: true, rolloverCapMinutes: 450, version: 3 }]);
  assert.equal(page.state.settings.notice, "De facturatie-instellingen zijn opgeslagen.");
  assert.equal(page.state.settings.current.version, 4, "the next save sends the new version");

  answer = new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    errors: [{ field: "rates[1]", code: "duplicate", message: "has the same type and date as another rate" },
      { field: "roundingIncrement", code: "range", message: "must be 1 to 60 minutes" }] });
  await submit(view(), "settings-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "PUT").at(-1)[2].version, 4);
  const [, second] = rows();
  assert.match(textOf(second), /Dit staat er twee keer in\./, "rates[1] lands at the second row, in words");
  assert.doesNotMatch(textOf(rows()[0]), /twee keer/);
  assert.equal(textOf(byId(view(), "e-roundingIncrement")), "Vul een waarde van 1 tot en met 60 in.");

  type(view(), idsOf(rows()[0])[2], "negentig");
  await submit(view(), "settings-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "PUT").length, 2, "an hourly rate that is no amount sends nothing");
  assert.match(textOf(rows()[0]), /Vul een bedrag in euro's in/);

  type(view(), idsOf(rows()[0])[2], "1.000");
  await submit(view(), "settings-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "PUT").length, 2, "1,000 euros an hour or more is refused before sending");
  assert.match(textOf(rows()[0]), /Een uurtarief moet lager zijn dan € 1\.000\./);

  answer = new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    errors: [{ field: "rates[1].hourly", code: "too-large", message: "must be below 1,000 euros an hour" }] });
  type(view(), idsOf(rows()[0])[2], "999,99");
  await submit(view(), "settings-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "PUT").length, 3);
  const hourly = byId(view(), idsOf(rows()[1])[2]);
  assert.equal(hourly.attrs["aria-invalid"], "true", "the API's too-large on rates[1].hourly lands at the second row's rate");
  assert.equal(textOf(byId(view(), hourly.attrs["aria-describedby"].split(" ")[0])), "Een uurtarief moet lager zijn dan € 1.000.");
  assert.doesNotMatch(textOf(rows()[0]), /lager dan/);
  assert.match(textOf(withClass(view(), "settings-form")[0]), /Een uurtarief is lager dan € 1\.000\./, "the limit said as a hint");
});

test("a 409 on the settings says someone else changed them and reloads them on request; the next save sends the new version", async () => {
  let version = 3;
  let conflict = true;
  const api = billingApi({
    settings: () => ({ ...SETTINGS, roundingIncrement: version === 3 ? 15 : 30, version }),
    put: (path, body) => (conflict ? new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Versieconflict" })
      : { ...body, rates: [], version: body.version + 1 })
  });
  const shown = [];
  const page = await open("provider-admin", api, shown);
  type(last(shown), "f-roundingIncrement", "10");
  version = 7;
  await submit(last(shown), "settings-form-heading");
  const warning = withClass(withClass(last(shown), "settings-form")[0], "warning")[0];
  assert.equal(warning.attrs.role, "alert");
  assert.match(textOf(warning), /Iemand anders heeft deze instellingen intussen gewijzigd\. Laad ze opnieuw/);
  assert.equal(byId(last(shown), "f-roundingIncrement").attrs.value, "10", "the form still shows what was typed until the reload");
  const gets = () => api.calls.filter(c => c[1] === "/customers/acme/billing-settings" && c[0] === "GET").length;
  assert.equal(gets(), 1, "nothing is read without asking");

  await click(warning, "Opnieuw laden").attrs.on.click();
  assert.equal(gets(), 2);
  assert.equal(byId(last(shown), "f-roundingIncrement").attrs.value, "30", "the settings as they are now");
  assert.equal(withClass(last(shown), "warning").length, 0);
  conflict = false;
  await submit(last(shown), "settings-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "PUT").at(-1)[2].version, 7, "saved on the version reloaded");
  assert.equal(page.state.settings.current.version, 8);
});

test("agents read a customer's hours and settings without forms or actions; customers get no such page; the customer page links it", async () => {
  const api = billingApi();
  const shown = [];
  await open("provider-agent", api, shown);
  assert.deepEqual(buttons(last(shown)), [], "no actions for agents");
  assert.equal(findAll(last(shown), n => n.tag === "form").length, 0);
  assert.match(textOf(withClass(last(shown), "billing-settings")[0]), /Gebruikers zien de urenNee/);
  assert.match(textOf(withClass(last(shown), "rates")[0]), /Ad-Hoc Facturabel.*1 jan\.? 2026.*€\s95,00/);

  const customerApi = billingApi();
  const refused = [];
  await open("customer-admin", customerApi, refused);
  assert.equal(customerApi.calls.length, 0);
  assert.equal(textOf(findAll(last(refused), n => n.tag === "h1")[0]), nl("admin.notAllowed"));

  for (const [role, label] of [["provider-admin", "Urenbundels en facturatie-instellingen beheren"],
    ["provider-agent", "Uren en urenbundels van deze klant"]]) {
    const page = [];
    await customerPage(Object.assign(context(role, fakeApi((m, path) => (path.endsWith("/users") ? { items: [] } : CUSTOMER)), page),
      { userId: "me" }), { name: "customer", id: "acme" });
    const link = findAll(last(page), n => n.tag === "a" && n.attrs.href === "#/admin/customers/acme/hours");
    assert.equal(link.length, 1, role);
    assert.equal(textOf(link[0]), label);
  }
});
