// The customer's hour pages: "Mijn Urenbundels" (the meter, over-budget, the forecast, "Extra uren aanvragen"),
// a bundle's registrations, "Urenregistraties" (filters, list, totals, the exports through the API client), the
// 403 of a customer user whose organisation shows hours to admins only; the routes, the menu and the texts.
// Against the recording fake API and the DOM shim of fakes.mjs (the download itself: download.test.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError, createApi } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { hoursLinks, parseRoute, routeHash } from "../routes.mjs";
import { bundlePage, EXTRA_HOURS, hoursPage, registrationsPage } from "../hours.mjs";
import { hm, monthsBefore, parseDuration, parseEuros, parseHours, registrationBody, registrationsQuery } from "../ledger.mjs";
import { newTicketPage } from "../tickets.mjs";
import { catalogue, click, context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
const nl = translator("nl");
const byId = (desc, id) => {
  const found = findAll(desc, n => n.attrs.id === id);
  assert.equal(found.length, 1, "one element #" + id);
  return found[0];
};
const withClass = (desc, name) => findAll(desc, n => String(n.attrs.class || "").split(" ").includes(name));
const forbidden = () => new ApiError(403, { type: "urn:klantportaal:problem:forbidden", title: "Forbidden",
  detail: "Your organisation shows hours to its administrators only" });

/** A customer's ctx: the shell's tenant (ticket links) and a recorder for saved files. */
function hoursContext(role, api, shown, extra = {}) {
  const ctx = context(role, api, shown);
  const saved = [];
  return Object.assign(ctx, { tenant: "acme", saved, saveFile: file => saved.push(file) }, extra);
}

const OVERVIEW = {
  bundles: [
    { id: "20261101-aaaaaa", status: "active", statusLabel: "Actief", minutesRemaining: 540, minutesUsed: 60, minutesBought: 600,
      percentUsed: 10, validFrom: "2026-11-01", validUntil: "2027-04-30", price: "950.00", requestTicket: 12,
      forecastUsedUpOn: "2027-02-14" },
    { id: "20261002-bbbbbb", status: "active", statusLabel: "Actief", minutesRemaining: 30, minutesUsed: 270, minutesBought: 300,
      percentUsed: 90, validFrom: "2026-10-01", validUntil: "2026-12-31", price: "475.00", forecastMinutesLeftAtEnd: 15 },
    { id: "20261122-cccccc", status: "pending", statusLabel: "Besteld", minutesRemaining: 1200, minutesUsed: 0, minutesBought: 1200,
      percentUsed: 0, validFrom: "2026-12-01", validUntil: "2027-11-30", price: "1800.00" },
    { id: "20250101-dddddd", status: "used-up", statusLabel: "Verbruikt", minutesRemaining: 0, minutesUsed: 600, minutesBought: 600,
      percentUsed: 100, validFrom: "2025-01-01", validUntil: "2025-12-31", price: "900.00" }
  ],
  activeMinutesRemaining: 570, overBudgetMinutes: 0,
  forecast: { kind: "runs-out", minutesPerWeek: 210, runsOutOn: "2027-03-14", text: "In dit tempo zijn uw uren rond 14 maart 2027 op." }
};

const ENTRIES = {
  from: "2026-11-01", to: "2026-11-30",
  entries: [
    { id: "2026-11-20.k3j9pq2m.1", registrationId: "2026-11-20.k3j9pq2m", date: "2026-11-20", minutes: 60, registeredMinutes: 50,
      type: "ad-hoc-billable", typeLabel: "Ad-Hoc Facturabel", invoiceStatus: "invoiced", invoiceStatusLabel: "Gefactureerd Factuur #12345",
      invoiceNumber: "12345", overflow: false, agentName: "Agent Smit", description: "Printer " + EVIL, ticketNumber: 42 },
    { id: "2026-11-21.aaaaaaaa.1", registrationId: "2026-11-21.aaaaaaaa", date: "2026-11-21", minutes: -30, registeredMinutes: 30,
      type: "ad-hoc-service", typeLabel: "Ad-Hoc Service", invoiceStatus: "service", invoiceStatusLabel: "Ad-Hoc Service",
      overflow: false, agentName: "Agent Smit", description: "Uitleg", reverses: "2026-11-02.bbbbbbbb.1" }
  ],
  totals: { minutes: 30, byType: { bundle: 0, "ad-hoc-billable": 60, "ad-hoc-service": -30 },
    byInvoiceStatus: { "to-invoice": 0, invoiced: 60, bundle: 0, service: -30 }, billableValue: "79.17", unpricedMinutes: 0 }
};

// ---------------------------------------------------------------------------------------------
// values

test("euros as the user's language writes them: thousands and decimals of nl and de (1.234,50) and en (1,234.50), the euro sign; the ambiguous and malformed refused", () => {
  const nbsp = "\u00a0";
  for (const lang of ["nl", "de"]) {
    const read = t => parseEuros(t, lang);
    assert.deepEqual(["1234,50", "1.234,50", "€ 1.234,50", "€1.234,50", "1.234,50 €", "1.234,50" + nbsp + "€", "€" + nbsp + "1.234,50",
      "1.234", "1.234.567,8", "123.456.789", "950", "95,5", "95.50", " 0,99 "].map(read),
    [1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 1234, 1234567.8, 123456789, 950, 95.5, 95.5, 0.99], lang);
    assert.deepEqual(["1,234.50", "1,234", "1.23,4", "12.34.567", "1.234,567", "1.2345", ".50", "1.", "1.234,", "€ 1.234,50 €",
      "-5", "1 234,50", "1.234.567.890", "1234567890", "EUR 5", "5,-"].map(read), new Array(16).fill(null), lang + ": refused");
  }
  const en = t => parseEuros(t, "en");
  assert.deepEqual(["1234.50", "1,234.50", "€1,234.50", "€ 1,234.50", "1,234", "1,234,567.8", "950", "95.5", "95,50"].map(en),
    [1234.5, 1234.5, 1234.5, 1234.5, 1234, 1234567.8, 950, 95.5, 95.5]);
  assert.deepEqual(["1.234,50", "1.234", "1.250", "1,23.4", "1,234.567"].map(en), [null, null, null, null, null], "en: refused");
  assert.equal(parseEuros("1.250", "nl"), 1250, "a group of three in Dutch");
  assert.equal(parseEuros("1,250", "nl"), null, "three decimals: neither a Dutch amount nor a Dutch group");
});

test("Tijd registreren: an empty time and an empty description are said together, before sending", () => {
  const tr = translator("nl");
  assert.deepEqual(registrationBody({ date: "2026-11-20", duration: "", type: "bundle", description: " " }, null, tr).errors,
    { minutes: tr("fieldRequired"), description: tr("fieldRequired") });
  assert.deepEqual(registrationBody({ date: "", duration: "1u", type: "bundle", description: "" }, null, tr).errors,
    { minutes: tr("hours.error.duration"), description: tr("fieldRequired"), date: tr("fieldRequired") });
  assert.deepEqual(registrationBody({ date: "2026-11-20", duration: "1:30", type: "bundle", description: "Overleg" }, 12, tr).body,
    { date: "2026-11-20", minutes: 90, type: "bundle", description: "Overleg", ticketNumber: 12 });
});

test("minutes as h:mm and back: minutes or h:mm for agents, decimal hours for admins, euros as typed", () => {
  assert.deepEqual([0, 5, 50, 60, 90, 600, -45, 1441].map(hm), ["0:00", "0:05", "0:50", "1:00", "1:30", "10:00", "-0:45", "24:01"]);
  assert.deepEqual(["50", " 1:30 ", "0:05", "1:60", "1u30", "", "-5", "1.5"].map(parseDuration), [50, 90, 5, null, null, null, null, null]);
  assert.deepEqual(["10", "7,5", "7.25", "7:30", "0,1", "ten", "-1"].map(parseHours), [600, 450, 435, 450, 6, null, null]);
  assert.deepEqual(["950", "950,00", "95.5", "1.250,00", "€5", ""].map(t => parseEuros(t)), [950, 950, 95.5, 1250, 5, null]);
  assert.equal(monthsBefore("2027-03-31", 12), "2026-03-31");
  assert.equal(monthsBefore("2026-03-31", 1), "2026-02-28", "clamped to the month's length");
  assert.equal(registrationsQuery({ from: "2026-11-01", to: "", type: "bundle", ticket: " " }), "from=2026-11-01&type=bundle");
});

// ---------------------------------------------------------------------------------------------
// Mijn Urenbundels

test("Mijn Urenbundels: every bundle a meter, remaining first, then used and bought; status, validity, price, forecast", async () => {
  const api = fakeApi(() => OVERVIEW);
  const shown = [];
  await hoursPage(hoursContext("customer-admin", api, shown), { name: "hours" });
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]), ["GET /hour-bundles"], "the page only reads");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Mijn Urenbundels");
  const bundles = withClass(view, "bundle");
  assert.equal(bundles.length, 4);

  const first = textOf(withClass(bundles[0], "meter-figures")[0]);
  assert.equal(first, "Nog 9:00 uur over · 1:00 gebruikt · 10:00 gekocht");
  assert.ok(first.indexOf("9:00") < first.indexOf("1:00") && first.indexOf("1:00") < first.indexOf("10:00"), "remaining, used, bought");
  const meter = findAll(bundles[0], n => n.tag === "meter")[0];
  assert.deepEqual([meter.attrs.min, meter.attrs.max, meter.attrs.value], [0, 600, 540], "the meter shows what is left of what was bought");
  assert.equal(meter.attrs["aria-label"], "9:00 van 10:00 uur over");
  const facts = textOf(bundles[0]);
  assert.match(facts, /Actief/, "the server's status label");
  assert.match(facts, /Geldig1 nov\.? 2026 t\/m 30 apr\.? 2027/);
  assert.match(facts, /Prijs€\s950,00/);
  assert.match(facts, /In dit tempo is deze bundel rond 14 feb\.? 2027 op\./, "per bundle: used up on");
  assert.equal(findAll(bundles[0], n => n.tag === "a" && n.attrs.href === "#/tickets/acme-12").length, 1, "the request it was ordered with");
  assert.match(textOf(bundles[1]), /op de einddatum \(31 dec\.? 2026\) nog 0:15 uur over/, "per bundle: hours left at its end");

  const pending = bundles[2];
  assert.match(textOf(pending), /Besteld/);
  assert.match(textOf(withClass(pending, "bundle-ordered")[0]), /^Besteld: 20:00 uur, gaat in op 1 dec\.? 2026/);
  assert.equal(findAll(pending, n => n.tag === "meter").length, 0, "an ordered bundle has no meter yet");
  assert.match(textOf(bundles[3]), /Verbruikt.*Nog 0:00 uur over · 10:00 gebruikt · 10:00 gekocht/);

  assert.match(textOf(view), /In uw actieve bundels is nog 9:30 uur over\./);
  assert.equal(textOf(withClass(view, "forecast-text")[0]), OVERVIEW.forecast.text, "the forecast as the server words it");
  assert.match(textOf(withClass(view, "forecast")[0]), /gemiddeld 3:30 uur per week/);
  assert.equal(withClass(view, "over-budget").length, 0, "no over-budget state without over-budget minutes");
  assert.deepEqual(findAll(bundles[0], n => n.tag === "a").map(a => a.attrs.href)[0], "#/hours/20261101-aaaaaa", "the bundle's detail");

  const order = withClass(view, "order-hours");
  assert.equal(order.length, 1);
  assert.equal(textOf(order[0]), "Extra uren aanvragen");
  assert.equal(order[0].attrs.href, "#/tickets/new?requestType=extra-hours");
  assert.deepEqual(parseRoute(order[0].attrs.href), { name: "new", requestType: EXTRA_HOURS });
});

test("the meter shows hours rolled in from the previous bundle, and what lapsed or rolled on at expiry", async () => {
  const rolled = structuredClone(OVERVIEW);
  Object.assign(rolled.bundles[0], { minutesRolledIn: 60, minutesRemaining: 660, minutesUsed: 0, minutesBought: 600 });
  Object.assign(rolled.bundles[1], { status: "expired", minutesRemaining: 0, minutesLapsed: 30, minutesRolledOut: 60 });
  const shown = [];
  await hoursPage(hoursContext("customer-admin", fakeApi(() => rolled), shown), { name: "hours" });
  const bundles = withClass(last(shown), "bundle");
  assert.match(textOf(withClass(bundles[0], "meter-figures")[0]), /\+1:00 overgeheveld uit de vorige bundel$/);
  assert.equal(findAll(bundles[0], n => n.tag === "meter")[0].attrs.max, 660, "the meter's scale includes what rolled in");
  assert.equal(textOf(withClass(bundles[1], "bundle-carry")[0]),
    "0:30 vervallen bij het verlopen · 1:00 doorgeschoven naar de volgende bundel");
});

test("the meter never shows a negative number; over-budget time is its own state", async () => {
  const odd = structuredClone(OVERVIEW);
  Object.assign(odd.bundles[0], { minutesRemaining: -45, minutesUsed: 645, forecastUsedUpOn: undefined, forecastMinutesLeftAtEnd: -10 });
  Object.assign(odd, { activeMinutesRemaining: -45, overBudgetMinutes: 90 });
  const shown = [];
  await hoursPage(hoursContext("customer-user", fakeApi(() => odd), shown), { name: "hours" });
  const view = last(shown);
  const bundle = withClass(view, "bundle")[0];
  assert.equal(textOf(withClass(bundle, "meter-figures")[0]), "Nog 0:00 uur over · 10:45 gebruikt · 10:00 gekocht");
  assert.equal(findAll(bundle, n => n.tag === "meter")[0].attrs.value, 0);
  assert.doesNotMatch(textOf(bundle), /-\d/, "no negative figure anywhere on the meter");
  assert.match(textOf(view), /nog 0:00 uur over\./);
  const over = withClass(view, "over-budget");
  assert.equal(over.length, 1);
  assert.equal(over[0].attrs.role, "alert");
  assert.match(textOf(over[0]), /^Over budget: 1:30 uur niet gedekt door een bundel/);
  const root = mount(view, shimDocument());
  assert.match(root.textContent, /Over budget/, "the page mounts");
});

test("a customer user whose organisation shows hours to admins only reads a clear message, not an error", async () => {
  for (const open of [hoursPage, registrationsPage]) {
    const api = fakeApi(() => forbidden());
    const shown = [];
    const result = await open(hoursContext("customer-user", api, shown), { name: open === hoursPage ? "hours" : "time-registrations" });
    const view = last(shown);
    assert.equal(api.calls.length, 1);
    assert.equal(result.state.hidden, true);
    assert.equal(result.state.error, null);
    assert.equal(withClass(view, "problem").length, 0, "no problem box");
    assert.equal(findAll(view, n => n.attrs.role === "alert").length, 0, "nothing reads as an error");
    assert.match(textOf(withClass(view, "hours-hidden")[0]),
      /De uren zijn alleen zichtbaar voor de beheerders van uw organisatie\..*vraag het dan aan een beheerder/);
    assert.equal(findAll(view, n => n.tag === "form").length, 0, "no filters for a list that cannot be read");
  }
  const bundleShown = [];
  await bundlePage(hoursContext("customer-user", fakeApi(() => forbidden()), bundleShown),
    { name: "hour-bundle", bundleId: "20261101-aaaaaa" });
  assert.equal(withClass(last(bundleShown), "hours-hidden").length, 1, "a bundle's page says so too");

  const otherShown = [];
  const other = await hoursPage(hoursContext("customer-admin", fakeApi(() => new ApiError(500, { title: "Serverfout" })), otherShown),
    { name: "hours" });
  assert.equal(other.state.hidden, false);
  assert.match(textOf(withClass(last(otherShown), "problem")[0]), /Serverfout/, "other refusals are shown as they are");
});

test("the hour pages re-read after a language change: the API words statuses and the forecast itself", async () => {
  let bound = null;
  const api = fakeApi(() => OVERVIEW);
  const shown = [];
  const ctx = hoursContext("customer-admin", api, shown, { bind: render => { bound = render; return render; } });
  await hoursPage(ctx, { name: "hours" });
  bound();
  assert.equal(api.calls.length, 1, "the same language renders again without a request");
  ctx.lang = "en";
  ctx.tr = translator("en");
  await bound();
  assert.equal(api.calls.length, 2);
  assert.match(textOf(last(shown)), /9:00 hours left · 1:00 used · 10:00 bought/);
});

test("a bundle's page: its meter and the lines booked on it; staff read a customer's with the internal notes", async () => {
  const detail = { bundle: OVERVIEW.bundles[0], entries: [{ ...ENTRIES.entries[0], type: "bundle", typeLabel: "Urenbundel",
    invoiceStatus: "bundle", invoiceStatusLabel: "Urenbundel", bundleId: "20261101-aaaaaa", internalNote: "Toner " + EVIL }] };
  const api = fakeApi(() => detail);
  const shown = [];
  await bundlePage(hoursContext("customer-admin", api, shown), { name: "hour-bundle", bundleId: "20261101-aaaaaa" });
  assert.deepEqual(api.calls.map(c => c[1]), ["/hour-bundles/20261101-aaaaaa"]);
  const view = last(shown);
  assert.equal(findAll(view, n => n.tag === "meter").length, 1);
  const rows = findAll(withClass(view, "registrations")[0], n => n.tag === "tr").slice(1);
  assert.equal(rows.length, 1);
  assert.doesNotMatch(textOf(view), /Toner/, "customers get no internal note column");

  const staffApi = fakeApi(() => detail);
  const staffShown = [];
  await bundlePage(hoursContext("provider-agent", staffApi, staffShown,
    { customers: async () => [{ id: "acme", name: "Acme Installatietechniek B.V." }] }),
    { name: "customer-hour-bundle", id: "acme", bundleId: "20261101-aaaaaa" });
  assert.deepEqual(staffApi.calls.map(c => c[1]), ["/customers/acme/hour-bundles/20261101-aaaaaa"]);
  assert.match(textOf(findAll(last(staffShown), n => n.tag === "h1")[0]), /Acme Installatietechniek B\.V\./,
    "staff read the customer's name in the heading, not its id");
  assert.match(textOf(last(staffShown)), /Toner/, "staff see the internal note");
  const root = mount(last(staffShown), shimDocument());
  assert.ok(root.textContent.includes(EVIL), "data mounts as text");

  const refused = [];
  const none = fakeApi(() => detail);
  await bundlePage(hoursContext("provider-agent", none, refused), { name: "hour-bundle", bundleId: "20261101-aaaaaa" });
  assert.equal(none.calls.length, 0, "staff have no own hours");
  assert.match(textOf(last(refused)), /pagina van die klant/);
  const customerOnStaffRoute = fakeApi(() => detail);
  await bundlePage(hoursContext("customer-admin", customerOnStaffRoute, refused), { name: "customer-hour-bundle", id: "acme",
    bundleId: "20261101-aaaaaa" });
  assert.equal(customerOnStaffRoute.calls.length, 0, "customers never read a customer's hours by id");
  assert.equal(textOf(findAll(last(refused), n => n.tag === "h1")[0]), nl("admin.notAllowed"));
});

// ---------------------------------------------------------------------------------------------
// Urenregistraties

test("the filters build the query: this month by default, then type, period and ticket number as chosen", async () => {
  const api = fakeApi(() => ENTRIES);
  const shown = [];
  const page = await registrationsPage(hoursContext("customer-admin", api, shown), { name: "time-registrations" });
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]), ["GET /time-registrations?from=2026-11-01&to=2026-11-30"],
    "this month (ctx.today() is 2026-11-23)");
  const view = () => last(shown);
  assert.deepEqual(findAll(byId(view(), "f-filter.type"), n => n.tag === "option").map(textOf),
    ["Alle types", "Urenbundel", "Ad-Hoc Facturabel", "Ad-Hoc Service"]);
  assert.equal(textOf(findAll(view(), n => n.tag === "label" && n.attrs.for === "f-filter.type")[0]), "Type registratie");

  byId(view(), "f-filter.type").attrs.on.change({ target: { value: "ad-hoc-billable" } });
  byId(view(), "f-filter.from").attrs.on.input({ target: { value: "2026-10-01" } });
  byId(view(), "f-filter.to").attrs.on.input({ target: { value: "2026-10-31" } });
  byId(view(), "f-filter.ticket").attrs.on.input({ target: { value: "#42" } });
  await findAll(view(), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.equal(api.calls[1][1], "/time-registrations?from=2026-10-01&to=2026-10-31&type=ad-hoc-billable&ticket=42");
  assert.deepEqual(page.state.applied, { from: "2026-10-01", to: "2026-10-31", type: "ad-hoc-billable", ticket: "42" });

  byId(view(), "f-filter.type").attrs.on.change({ target: { value: "" } });
  byId(view(), "f-filter.ticket").attrs.on.input({ target: { value: "" } });
  await click(view(), "Deze maand").attrs.on.click();
  assert.equal(api.calls[2][1], "/time-registrations?from=2026-11-01&to=2026-11-30", "'this month' and no other filter");

  byId(view(), "f-filter.ticket").attrs.on.input({ target: { value: "printer" } });
  await findAll(view(), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.equal(api.calls.length, 3, "a ticket that is no number sends nothing");
  assert.equal(textOf(byId(view(), "e-filter.ticket")), "Vul een ticketnummer in, zoals 42.");
  assert.equal(byId(view(), "f-filter.ticket").attrs["aria-invalid"], "true");
});

test("the filters' refusal lands at its field; staff read a customer's registrations with the notes", async () => {
  let refuse = false;
  const api = fakeApi(() => (refuse ? new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    errors: [{ field: "to", code: "before-start", message: "must be on or after from" }] }) : ENTRIES));
  const shown = [];
  const page = await registrationsPage(hoursContext("customer-admin", api, shown), { name: "time-registrations" });
  refuse = true;
  byId(last(shown), "f-filter.to").attrs.on.input({ target: { value: "2026-10-01" } });
  await page.actions.apply();
  assert.equal(textOf(byId(last(shown), "e-filter.to")), nl("form.error.beforeStart"));
  assert.equal(byId(last(shown), "f-filter.to").attrs.value, "2026-10-01", "what was typed stays");

  const staffApi = fakeApi(() => ({ ...ENTRIES, entries: [{ ...ENTRIES.entries[0], internalNote: "Toner besteld" }] }));
  const staffShown = [];
  await registrationsPage(hoursContext("provider-admin", staffApi, staffShown), { name: "customer-time-registrations", id: "acme" });
  assert.equal(staffApi.calls[0][1], "/customers/acme/time-registrations?from=2026-11-01&to=2026-11-30");
  assert.match(textOf(withClass(last(staffShown), "registrations")[0]), /Toner besteld/);
});

test("the list: date, h:mm, type, the invoice status exactly as the server labels it, agent, description, ticket; the totals", async () => {
  const shown = [];
  await registrationsPage(hoursContext("customer-admin", fakeApi(() => ENTRIES), shown), { name: "time-registrations" });
  const view = last(shown);
  const table = withClass(view, "registrations")[0];
  assert.deepEqual(findAll(table, n => n.tag === "th").map(textOf),
    ["Datum", "Uren", "Type registratie", "Factuurstatus", "Medewerker", "Omschrijving", "Ticket"]);
  const [first, second] = findAll(table, n => n.tag === "tr").slice(1).map(tr => tr.children.map(textOf));
  assert.match(first[0], /^20 nov\.? 2026$/);
  assert.deepEqual(first.slice(1), ["1:00 (geregistreerd: 0:50)", "Ad-Hoc Facturabel", "Gefactureerd Factuur #12345", "Agent Smit",
    "Printer " + EVIL, "#42"]);
  assert.equal(findAll(table, n => n.tag === "a")[0].attrs.href, "#/tickets/acme-42");
  assert.equal(second[1], "-0:30", "a reversal line keeps its sign");
  assert.match(second[5], /tegenboeking/);

  assert.match(textOf(findAll(view, n => n.tag === "h2" && n.attrs.id === "list-heading")[0]), /1 nov\.? 2026 t\/m 30 nov\.? 2026/);
  const totals = withClass(view, "totals")[0];
  assert.deepEqual(findAll(withClass(totals, "totals-by-type")[0], n => n.tag === "tr").map(textOf),
    ["Urenbundel0:00", "Ad-Hoc Facturabel1:00", "Ad-Hoc Service-0:30"]);
  assert.deepEqual(findAll(withClass(totals, "totals-by-status")[0], n => n.tag === "tr").map(textOf),
    ["Nog te factureren0:00", "Gefactureerd1:00", "Urenbundel0:00", "Ad-Hoc Service-0:30"]);
  assert.equal(textOf(withClass(totals, "total-minutes")[0]), "0:30");
  assert.match(textOf(withClass(totals, "billable-value")[0]), /^€\s79,17$/);
  const doc = shimDocument();
  const root = mount(view, doc);
  assert.ok(!doc.created.some(n => n.tagName === "img" || n.tagName === "script"), "no element made from data");
  assert.ok(root.textContent.includes(EVIL));
});

// ---------------------------------------------------------------------------------------------
// the exports

function fileResponse(body, headers) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { ok: true, status: 200, statusText: "OK", headers: { get: name => lower[name.toLowerCase()] ?? null },
    blob: async () => new Blob([body], { type: lower["content-type"] }), text: async () => { throw new Error("a file is no text"); } };
}

test("the export fetches exactly the list shown, with the token, and saves the blob under the server's file name", async () => {
  const requests = [];
  const session = { idToken: "id-token-1", refreshToken: "r", userId: "u1", expiresAt: Date.now() + 3_600_000 };
  const api = createApi({
    language: () => "nl", session: () => session, setSession: () => {},
    fetch: async (path, init) => {
      requests.push([path, init]);
      if (path.startsWith("/time-registrations/export")) {
        const pdf = path.includes("format=pdf");
        return fileResponse(pdf ? "%PDF-1.7" : "PK", {
          "Content-Type": pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "Content-Disposition": "attachment; filename=\"urenregistraties-2026-10-01-2026-10-31." + (pdf ? "pdf" : "xlsx") + "\"" });
      }
      return { ok: true, status: 200, statusText: "OK", text: async () => JSON.stringify(ENTRIES) };
    }
  });
  const shown = [];
  const ctx = hoursContext("customer-admin", api, shown);
  const page = await registrationsPage(ctx, { name: "time-registrations" });
  byId(last(shown), "f-filter.from").attrs.on.input({ target: { value: "2026-10-01" } });
  byId(last(shown), "f-filter.to").attrs.on.input({ target: { value: "2026-10-31" } });
  byId(last(shown), "f-filter.type").attrs.on.change({ target: { value: "bundle" } });
  await page.actions.apply();
  byId(last(shown), "f-filter.ticket").attrs.on.input({ target: { value: "99" } });

  await click(last(shown), "Exporteren als PDF").attrs.on.click();
  const [path, init] = requests.at(-1);
  assert.equal(path, "/time-registrations/export?format=pdf&from=2026-10-01&to=2026-10-31&type=bundle",
    "the filter of the list shown; the ticket typed but not applied is not in it");
  assert.equal(init.method, "GET");
  assert.equal(init.headers.authorization, "Bearer id-token-1");
  assert.match(init.headers.accept, /application\/pdf/);
  assert.equal(ctx.saved.length, 1);
  assert.equal(ctx.saved[0].fileName, "urenregistraties-2026-10-01-2026-10-31.pdf");
  assert.equal(await ctx.saved[0].blob.text(), "%PDF-1.7");
  assert.equal(ctx.saved[0].type, "application/pdf");
  assert.match(textOf(last(shown)), /urenregistraties-2026-10-01-2026-10-31\.pdf is gedownload\./);

  await click(last(shown), "Exporteren als Excel").attrs.on.click();
  assert.equal(requests.at(-1)[0], "/time-registrations/export?format=xlsx&from=2026-10-01&to=2026-10-31&type=bundle");
  assert.equal(ctx.saved[1].fileName, "urenregistraties-2026-10-01-2026-10-31.xlsx");
});

test("a refused export is shown and nothing is saved; staff export a customer's list", async () => {
  const api = fakeApi(() => ENTRIES);
  api.download = async path => {
    api.calls.push(["DOWNLOAD", path]);
    throw new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
      detail: "The request has invalid fields",
      errors: [{ field: "to", code: "too-large", message: "the export is too large for one download; choose a shorter period" }] });
  };
  const shown = [];
  const ctx = hoursContext("provider-agent", api, shown);
  await registrationsPage(ctx, { name: "customer-time-registrations", id: "acme" });
  await click(last(shown), "Exporteren als Excel").attrs.on.click();
  assert.deepEqual(api.calls.at(-1), ["DOWNLOAD", "/customers/acme/time-registrations/export?format=xlsx&from=2026-11-01&to=2026-11-30"]);
  assert.equal(ctx.saved.length, 0);
  const box = textOf(withClass(last(shown), "problem")[0]);
  assert.match(box, /Exporteren: De export is te groot voor één download; kies een kortere periode\./, "the API's reason, in words");
  assert.doesNotMatch(box, /invalid fields|too large/, "none of the API's English");
});

// ---------------------------------------------------------------------------------------------
// "Extra uren aanvragen" on the new-ticket page

test("Extra uren aanvragen opens the new-ticket page with the catalogue's service request extra-hours chosen", async () => {
  const withHours = catalogue();
  withHours.categories.push({ id: "hours", name: { nl: "Uren", en: "Hours", de: "Stunden" }, active: true });
  withHours.requestTypes.push({ id: "extra-hours", name: { nl: "Extra uren aanvragen", en: "Order extra hours", de: "Stunden" },
    description: { nl: "Een extra urenbundel", en: "x", de: "x" }, category: "hours", active: true, approvalRequired: true,
    form: { fields: [{ name: "hours", kind: "number", label: { nl: "Aantal uren", en: "Hours", de: "Stunden" }, required: true,
      options: [], maxLength: 254 }] } });
  const shown = [];
  const ctx = hoursContext("customer-admin", fakeApi(() => ({})), shown, { catalogue: async () => withHours });
  const route = parseRoute(routeHash({ name: "new", requestType: EXTRA_HOURS }));
  const page = await newTicketPage(ctx, route);
  assert.equal(page.state.draft.type, "service-request");
  assert.equal(page.state.draft.requestType, "extra-hours");
  assert.equal(page.state.draft.category, "hours");
  const view = last(shown);
  const selected = id => textOf(findAll(byId(view, id), n => n.tag === "option" && n.attrs.selected)[0]);
  assert.equal(selected("f-type"), "Serviceverzoek");
  assert.equal(selected("f-requestType"), "Extra uren aanvragen");
  assert.equal(selected("f-category"), "Uren");
  assert.equal(findAll(view, n => n.attrs.id === "f-answers.hours").length, 1, "the request type's own form is shown");

  const missing = [];
  const without = await newTicketPage(hoursContext("customer-admin", fakeApi(() => ({})), missing), route);
  assert.equal(without.state.draft.type, "incident", "a request type the catalogue does not offer chooses nothing");
  assert.match(textOf(last(missing)), /wordt op dit moment niet aangeboden/);
});

// ---------------------------------------------------------------------------------------------
// routes, menu, texts

test("the hour routes and their hashes; the menu per role", () => {
  for (const [hash, route] of [["#/hours", { name: "hours" }], ["#/hours/20261123-k3j9pq", { name: "hour-bundle", bundleId: "20261123-k3j9pq" }],
    ["#/time-registrations", { name: "time-registrations" }], ["#/admin/customers/acme/hours", { name: "customer-hours", id: "acme" }],
    ["#/admin/customers/acme/hours/20261123-k3j9pq", { name: "customer-hour-bundle", id: "acme", bundleId: "20261123-k3j9pq" }],
    ["#/admin/customers/acme/time-registrations", { name: "customer-time-registrations", id: "acme" }],
    ["#/tickets/new?requestType=extra-hours", { name: "new", requestType: "extra-hours" }]]) {
    assert.deepEqual(parseRoute(hash), route, hash);
    assert.equal(routeHash(route), hash);
  }
  for (const bad of ["#/hours/x", "#/hours/20261123-k3j9pq/more", "#/time-registrations/x", "#/admin/customers/ACME/hours",
    "#/admin/customers/acme/hours/<img>", "#/hours/%E0%A4%A", "#/admin/customers/acme/time-registrations/1"]) {
    assert.deepEqual(parseRoute(bad), { name: "not-found" }, bad);
  }
  assert.deepEqual(parseRoute("#/tickets/new?requestType=<x>"), { name: "new" }, "an id that is none is left out");
  const hrefs = role => hoursLinks(role).map(l => l.href);
  assert.deepEqual(hrefs("customer-user"), ["#/hours", "#/time-registrations"]);
  assert.deepEqual(hrefs("customer-admin"), ["#/hours", "#/time-registrations"]);
  for (const role of ["provider-agent", "provider-admin", "none"]) assert.deepEqual(hrefs(role), [], role);
  assert.deepEqual(hoursLinks("customer-user").map(l => translator("nl")(l.key)), ["Mijn Urenbundels", "Urenregistraties"]);
});

test("every text of the hour pages exists in nl, en and de, including the families filled in by value, and none unused", () => {
  const files = readdirSync(portal).filter(f => f.endsWith(".mjs"));
  const used = new Set();
  for (const file of files) {
    for (const m of readFileSync(join(portal, file), "utf8").matchAll(/"((?:hours|billing|timelog)\.[A-Za-z0-9.-]*[A-Za-z0-9])"/g)) {
      used.add(m[1]);
    }
  }
  for (const t of ["bundle", "ad-hoc-billable", "ad-hoc-service"]) used.add("hours.type." + t);
  for (const s of ["to-invoice", "invoiced", "bundle", "service"]) used.add("hours.invoice." + s);
  for (const s of ["active", "pending", "used-up", "expired", "cancelled"]) used.add("hours.status." + s);
  for (const key of ["nav.hours", "nav.timeRegistrations", "new.requestTypeMissing"]) used.add(key);
  const defined = Object.keys(texts.nl).filter(k => /^(hours|billing|timelog)\./.test(k));
  assert.deepEqual(defined.filter(k => !used.has(k)), [], "no hour text is left unused");
  for (const key of used) for (const l of LANGUAGES) assert.ok(key in texts[l], `${key} missing in ${l}`);
  assert.equal(translator("de")("hours.meter.remaining", { hours: "9:00" }), "Noch 9:00 Stunden übrig");
  assert.equal(translator("en")("hours.orderMore"), "Order extra hours");
});
