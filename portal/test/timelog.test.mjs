// The staff's time logging. On the ticket page: the form's POST with the ticket's number, field errors of a 400
// problem, the ticket's registrations read when asked for, and "Corrigeren". On a customer's registrations page
// (#/admin/customers/<id>/time-registrations): registering without a ticket or with one as typed, field errors, and
// "Corrigeren" where the API allows it, its refusal at its row. Against the recording fake API.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { translator } from "../i18n.mjs";
import { ticketPage } from "../tickets.mjs";
import { overflowNotice, ticketPeriod } from "../timelog.mjs";
import { registrationsPage } from "../hours.mjs";
import { click, context, detail, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const byId = (desc, id) => {
  const found = findAll(desc, n => n.attrs.id === id);
  assert.equal(found.length, 1, "one element #" + id);
  return found[0];
};
const type = (desc, id, value) => byId(desc, id).attrs.on.input({ target: { value } });
const choose = (desc, id, value) => byId(desc, id).attrs.on.change({ target: { value } });
const formOf = (desc, labelledBy) => {
  const forms = findAll(desc, n => n.tag === "form" && n.attrs["aria-labelledby"] === labelledBy);
  assert.equal(forms.length, 1, "one form " + labelledBy);
  return forms[0];
};
const submit = (desc, labelledBy) => formOf(desc, labelledBy).attrs.on.submit({ preventDefault() {} });
const section = desc => findAll(desc, n => n.tag === "section" && n.attrs.class === "time-logging")[0];

const LINES = [
  // a bundle registration that overflowed: two lines, correctable together
  { id: "2026-11-20.k3j9pq2m.1", registrationId: "2026-11-20.k3j9pq2m", date: "2026-11-20", minutes: 30, registeredMinutes: 80,
    type: "bundle", typeLabel: "Urenbundel", invoiceStatus: "bundle", invoiceStatusLabel: "Urenbundel", bundleId: "20261101-aaaaaa",
    overflow: false, agentName: "Anna Agent", description: "Mailbox hersteld", internalNote: "Via remote " + EVIL, ticketNumber: 7 },
  { id: "2026-11-20.k3j9pq2m.2", registrationId: "2026-11-20.k3j9pq2m", date: "2026-11-20", minutes: 60, registeredMinutes: 80,
    type: "bundle", typeLabel: "Urenbundel", invoiceStatus: "to-invoice", invoiceStatusLabel: "Nog te factureren", overflow: true,
    agentName: "Anna Agent", description: "Mailbox hersteld", internalNote: "Via remote " + EVIL, ticketNumber: 7 },
  // invoiced: a credit invoice corrects it, not the portal
  { id: "2026-11-02.aaaaaaaa.1", registrationId: "2026-11-02.aaaaaaaa", date: "2026-11-02", minutes: 15, registeredMinutes: 10,
    type: "ad-hoc-billable", typeLabel: "Ad-Hoc Facturabel", invoiceStatus: "invoiced", invoiceStatusLabel: "Gefactureerd Factuur #12345",
    invoiceNumber: "12345", overflow: false, agentName: "Bert", description: "Telefoon", ticketNumber: 7 },
  // an earlier correction: the original (corrected), its reversal and its replacement
  { id: "2026-11-03.bbbbbbbb.1", registrationId: "2026-11-03.bbbbbbbb", date: "2026-11-03", minutes: 30, registeredMinutes: 30,
    type: "ad-hoc-service", typeLabel: "Ad-Hoc Service", invoiceStatus: "service", invoiceStatusLabel: "Ad-Hoc Service", overflow: false,
    agentName: "Bert", description: "Uitleg", ticketNumber: 7, correctedBy: "2026-11-03.cccccccc" },
  { id: "2026-11-03.dddddddd.1", registrationId: "2026-11-03.dddddddd", date: "2026-11-03", minutes: -30, registeredMinutes: 30,
    type: "ad-hoc-service", typeLabel: "Ad-Hoc Service", invoiceStatus: "service", invoiceStatusLabel: "Ad-Hoc Service", overflow: false,
    agentName: "Bert", description: "Uitleg", ticketNumber: 7, reverses: "2026-11-03.bbbbbbbb.1" },
  { id: "2026-11-03.cccccccc.1", registrationId: "2026-11-03.cccccccc", date: "2026-11-03", minutes: 45, registeredMinutes: 45,
    type: "ad-hoc-service", typeLabel: "Ad-Hoc Service", invoiceStatus: "service", invoiceStatusLabel: "Ad-Hoc Service", overflow: false,
    agentName: "Bert", description: "Uitleg", ticketNumber: 7 }
];
const LIST = { from: "2025-11-23", to: "2026-11-23", entries: LINES,
  totals: { minutes: 195, byType: {}, byInvoiceStatus: {}, billableValue: "0.00", unpricedMinutes: 0 } };

/** The ticket page's API: the ticket (acme-7, open), the directories, the registrations, and answers to POSTs. */
function timeApi(post = () => ({ lines: [{ ...LINES[0], minutes: 90 }] })) {
  return fakeApi((method, path, body) => {
    if (method === "GET" && path.startsWith("/staff")) return { items: [] };
    if (method === "GET" && path.startsWith("/customers/acme/users")) return { items: [] };
    if (method === "GET" && path === "/tickets/acme-7") return detail({ status: "open" }, []);
    if (method === "GET" && path.startsWith("/customers/acme/time-registrations")) return LIST;
    if (method === "POST") return post(path, body);
    throw new Error("unexpected " + method + " " + path);
  });
}

function staffContext(role, api, shown) {
  return Object.assign(context(role, api, shown), { userId: "agent-1", origin: "https://portal.example.test" });
}

test("logging time: date today by default, h:mm or minutes, the type; POST on the customer's registrations with the ticket's number", async () => {
  const api = timeApi();
  const shown = [];
  const page = await ticketPage(staffContext("provider-agent", api, shown), { name: "ticket", token: "acme-7" });
  assert.ok(!api.calls.some(c => c[1].includes("time-registrations")), "opening the ticket reads no registrations");
  const view = () => last(shown);
  assert.equal(textOf(findAll(section(view()), n => n.tag === "h2")[0]), "Tijdregistratie");
  assert.equal(byId(view(), "f-time.date").attrs.value, "2026-11-23", "today (ctx.today())");
  assert.deepEqual(findAll(byId(view(), "f-time.type"), n => n.tag === "option").map(textOf),
    ["Urenbundel", "Ad-Hoc Facturabel", "Ad-Hoc Service"]);

  type(view(), "f-time.minutes", "1:30");
  choose(view(), "f-time.type", "ad-hoc-billable");
  type(view(), "f-time.description", "Printer opnieuw ingericht");
  type(view(), "f-time.internalNote", "Driver 5.2");
  await submit(view(), "time-form-heading");
  const post = api.calls.find(c => c[0] === "POST");
  assert.deepEqual(post.slice(1, 3), ["/customers/acme/time-registrations", { date: "2026-11-23", minutes: 90, type: "ad-hoc-billable",
    description: "Printer opnieuw ingericht", internalNote: "Driver 5.2", ticketNumber: 7 }]);
  assert.equal(post[3].idempotencyKey, "key-1");
  assert.equal(api.calls.at(-1)[1], "/customers/acme/time-registrations?from=2025-11-23&to=2026-11-23&ticket=7",
    "afterwards the ticket's registrations of the last twelve months");
  assert.equal(page.state.time.form.notice, "De tijd is geregistreerd: 1:30 (na afronding 1:30).");
  assert.equal(byId(view(), "f-time.minutes").attrs.value, "", "the form is empty for the next registration");

  type(view(), "f-time.minutes", "50");
  type(view(), "f-time.description", "Nazorg");
  await submit(view(), "time-form-heading");
  const second = api.calls.filter(c => c[0] === "POST")[1];
  assert.deepEqual(second[2], { date: "2026-11-23", minutes: 50, type: "bundle", description: "Nazorg", ticketNumber: 7 },
    "minutes as typed, the bundle type by default, no empty internal note");
  assert.equal(second[3].idempotencyKey, "key-2");
  assert.deepEqual(ticketPeriod("2027-03-31"), { from: "2026-03-31", to: "2027-03-31" });
});

test("time that is neither minutes nor h:mm is said at its field and nothing is sent", async () => {
  const api = timeApi();
  const shown = [];
  await ticketPage(staffContext("provider-admin", api, shown), { name: "ticket", token: "acme-7" });
  type(last(shown), "f-time.minutes", "1u30");
  type(last(shown), "f-time.description", "Iets");
  await submit(last(shown), "time-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0);
  assert.equal(textOf(byId(last(shown), "e-time.minutes")), "Vul de tijd in minuten (50) of als uren:minuten (1:30) in.");
  assert.equal(byId(last(shown), "f-time.minutes").attrs.value, "1u30", "what was typed stays");
});

test("a 400 problem's field errors appear at the form's fields; the rest in its problem box; the typed text stays", async () => {
  const api = timeApi(() => new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    detail: "The request has invalid fields", errors: [{ field: "description", code: "required", message: "is required" },
      { field: "date", code: "in-future", message: "must not be after today" },
      { field: "ticketNumber", code: "not-found", message: "is not a ticket of this customer" }] }));
  const shown = [];
  await ticketPage(staffContext("provider-agent", api, shown), { name: "ticket", token: "acme-7" });
  type(last(shown), "f-time.date", "2026-12-01");
  type(last(shown), "f-time.minutes", "45");
  type(last(shown), "f-time.description", "Overleg");
  await submit(last(shown), "time-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 1);
  const view = last(shown);
  assert.equal(textOf(byId(view, "e-time.description")), nl("fieldRequired"));
  assert.equal(byId(view, "f-time.description").attrs["aria-invalid"], "true");
  assert.equal(textOf(byId(view, "e-time.date")), "De datum mag niet na vandaag liggen.");
  const form = formOf(view, "time-form-heading");
  assert.match(textOf(findAll(form, n => n.attrs.class === "problem")[0]),
    /Ongeldige invoer.*ticketNumber: Dit is niet gevonden/);
  assert.doesNotMatch(textOf(form), /invalid fields|is not a ticket/, "none of the API's English");
  assert.equal(byId(view, "f-time.minutes").attrs.value, "45");
  assert.equal(byId(view, "f-time.date").attrs.value, "2026-12-01");
  assert.ok(!api.calls.some(c => c[1].includes("time-registrations?")), "nothing is reread after a refusal");
});

test("the ticket's registrations on request; Corrigeren only where the API allows it, posting the replacement", async () => {
  let refuse = false;
  const api = timeApi((path, body) => (refuse
    ? new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Niet toegestaan",
      detail: "This time has been invoiced; a credit invoice corrects it" })
    : { lines: [{ ...LINES[0], minutes: -30 }, { ...LINES[0], minutes: 60, body }] }));
  const shown = [];
  const page = await ticketPage(staffContext("provider-agent", api, shown), { name: "ticket", token: "acme-7" });
  await click(last(shown), "Geregistreerde tijd tonen").attrs.on.click();
  assert.equal(api.calls.at(-1)[1], "/customers/acme/time-registrations?from=2025-11-23&to=2026-11-23&ticket=7");
  const table = () => findAll(section(last(shown)), n => n.tag === "table")[0];
  const rows = findAll(table(), n => n.tag === "tr").slice(1);
  assert.equal(rows.length, 6);
  const correctIn = row => findAll(row, n => n.tag === "button" && /^Corrigeren/.test(textOf(n))).length;
  assert.deepEqual(rows.map(correctIn), [1, 0, 0, 0, 0, 1],
    "once per registration; not invoiced time, not a corrected one, not a reversal; a replacement may be corrected again");
  assert.match(textOf(rows[0]), /Via remote/, "staff see the internal note");
  assert.match(textOf(section(last(shown))), /Totaal op dit ticket: 3:15 uur\./);

  await findAll(rows[0], n => n.tag === "button")[0].attrs.on.click();
  const view = () => last(shown);
  assert.equal(byId(view(), "f-correct.minutes").attrs.value, "1:20", "the time as registered, before rounding");
  assert.equal(byId(view(), "f-correct.date").attrs.value, "2026-11-20");
  assert.equal(textOf(byId(view(), "f-correct.description")), "Mailbox hersteld");
  type(view(), "f-correct.minutes", "1:05");
  choose(view(), "f-correct.type", "ad-hoc-service");
  await submit(view(), "correct-form-heading");
  const post = api.calls.filter(c => c[0] === "POST").at(-1);
  assert.deepEqual(post.slice(1, 3), ["/customers/acme/time-registrations/2026-11-20.k3j9pq2m/correction", { date: "2026-11-20",
    minutes: 65, type: "ad-hoc-service", description: "Mailbox hersteld", internalNote: "Via remote " + EVIL, ticketNumber: 7 }]);
  assert.equal(page.state.time.correcting, null, "the correction form closes");
  assert.match(page.state.time.notice, /^De registratie van 20 nov\.? 2026 is gecorrigeerd/);
  assert.equal(api.calls.at(-1)[0] + " " + api.calls.at(-1)[1], "GET /customers/acme/time-registrations?from=2025-11-23&to=2026-11-23&ticket=7",
    "the list is read again");

  refuse = true;
  await findAll(findAll(table(), n => n.tag === "tr")[6], n => n.tag === "button")[0].attrs.on.click();
  await submit(view(), "correct-form-heading");
  assert.match(textOf(formOf(view(), "correct-form-heading")), /Niet toegestaan.*credit invoice/, "a 409 is shown in the correction form");
  assert.ok(page.state.time.correcting, "and the form stays open with what was typed");
  const root = mount(view(), shimDocument());
  assert.ok(root.textContent.includes(EVIL), "notes mount as text");
});

test("customers get no time section; the staff section names the customer's registrations page", async () => {
  const shown = [];
  const api = fakeApi(() => detail({ status: "open" }, []));
  await ticketPage(context("customer-admin", api, shown), { name: "ticket", token: "acme-7" });
  assert.equal(findAll(last(shown), n => n.attrs.class === "time-logging").length, 0);
  assert.equal(findAll(last(shown), n => String(n.attrs.id || "").startsWith("f-time.")).length, 0);

  const staffShown = [];
  await ticketPage(staffContext("provider-agent", timeApi(), staffShown), { name: "ticket", token: "acme-7" });
  assert.equal(findAll(section(last(staffShown)), n => n.tag === "a")[0].attrs.href, "#/admin/customers/acme/time-registrations");
});

// ---------------------------------------------------------------------------------------------
// The customer's registrations page for staff (#/admin/customers/<id>/time-registrations): "Tijd registreren" on
// the customer, on a ticket or none, and "Corrigeren" in the list

/** The staff registrations page's API: the customer's registrations (LIST, plus time without a ticket), answers to POSTs. */
function customerApi(post = () => ({ lines: [{ ...LINES[0], minutes: 60 }] })) {
  const entries = [...LINES, { id: "2026-11-22.eeeeeeee.1", registrationId: "2026-11-22.eeeeeeee", date: "2026-11-22", minutes: 50,
    registeredMinutes: 50, type: "bundle", typeLabel: "Urenbundel", invoiceStatus: "bundle", invoiceStatusLabel: "Urenbundel",
    overflow: false, agentName: "Anna Agent", description: "Overleg" }];
  return fakeApi((method, path, body) => {
    if (method === "GET" && path.startsWith("/customers/acme/time-registrations?")) return { ...LIST, entries };
    if (method === "POST") return post(path, body);
    throw new Error("unexpected " + method + " " + path);
  });
}

const customerRoute = { name: "customer-time-registrations", id: "acme" };
const rowsOf = desc => findAll(findAll(desc, n => n.tag === "table" && n.attrs.class === "registrations")[0], n => n.tag === "tr").slice(1);

test("a customer's registrations are titled with the customer's name (the shell's list), else its id", async () => {
  const shown = [];
  const ctx = { ...staffContext("provider-agent", customerApi(), shown), customers: async () => [{ id: "acme", name: "Acme Installatietechniek" }] };
  await registrationsPage(ctx, customerRoute);
  assert.equal(textOf(findAll(last(shown), n => n.tag === "h1")[0]), "Urenregistraties · Acme Installatietechniek");
  const unnamed = [];
  await registrationsPage({ ...staffContext("provider-agent", customerApi(), unnamed), customers: async () => { throw new Error("down"); } },
    customerRoute);
  assert.equal(textOf(findAll(last(unnamed), n => n.tag === "h1")[0]), "Urenregistraties · acme", "the customers not read: the id");
});

test("staff register time on a customer without a ticket: no ticketNumber is sent, and the list is read again with its filter", async () => {
  const api = customerApi();
  const shown = [];
  const page = await registrationsPage(staffContext("provider-agent", api, shown), customerRoute);
  const view = () => last(shown);
  assert.equal(textOf(byId(view(), "log-form-heading")), "Tijd registreren");
  assert.equal(byId(view(), "f-log.date").attrs.value, "2026-11-23", "today (ctx.today())");
  assert.equal(byId(view(), "f-log.ticketNumber").attrs.value, "", "no ticket unless one is typed");
  assert.equal(textOf(byId(view(), "h-log.ticketNumber")), "Optioneel, zoals 42; laat leeg voor tijd zonder ticket.");
  choose(view(), "f-filter.type", "bundle");
  await page.actions.apply();

  type(view(), "f-log.minutes", "50");
  type(view(), "f-log.description", "Overleg over de migratie");
  await submit(view(), "log-form-heading");
  const post = api.calls.find(c => c[0] === "POST");
  assert.deepEqual(post.slice(1, 3), ["/customers/acme/time-registrations",
    { date: "2026-11-23", minutes: 50, type: "bundle", description: "Overleg over de migratie" }], "no ticketNumber at all");
  assert.equal(post[3].idempotencyKey, "key-1");
  assert.equal(api.calls.at(-1)[0] + " " + api.calls.at(-1)[1], "GET /customers/acme/time-registrations?from=2026-11-01&to=2026-11-30&type=bundle",
    "the list is read again with the filter it shows");
  assert.equal(page.state.logging.form.notice, "De tijd is geregistreerd: 0:50 (na afronding 1:00).");
  assert.equal(byId(view(), "f-log.minutes").attrs.value, "", "the form is empty for the next registration");
});

test("staff register time on a customer with a ticket number as typed (42 or #42)", async () => {
  const api = customerApi();
  const shown = [];
  await registrationsPage(staffContext("provider-admin", api, shown), customerRoute);
  const view = () => last(shown);
  type(view(), "f-log.date", "2026-11-20");
  type(view(), "f-log.minutes", "1:15");
  choose(view(), "f-log.type", "ad-hoc-billable");
  type(view(), "f-log.ticketNumber", " #42 ");
  type(view(), "f-log.description", "Printer");
  type(view(), "f-log.internalNote", "Driver 5.2");
  await submit(view(), "log-form-heading");
  assert.deepEqual(api.calls.find(c => c[0] === "POST")[2], { date: "2026-11-20", minutes: 75, type: "ad-hoc-billable",
    description: "Printer", internalNote: "Driver 5.2", ticketNumber: 42 });
});

test("the customer's registration form: what is no time or no ticket number is said at its field; the API's field errors too", async () => {
  const api = customerApi(() => new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    detail: "2 velden", errors: [{ field: "ticketNumber", code: "not-found", message: "is not a ticket of this customer" },
      { field: "description", code: "required", message: "is required" }] }));
  const shown = [];
  await registrationsPage(staffContext("provider-agent", api, shown), customerRoute);
  const view = () => last(shown);
  type(view(), "f-log.minutes", "1u30");
  type(view(), "f-log.ticketNumber", "4x2");
  await submit(view(), "log-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "nothing is sent");
  assert.equal(textOf(byId(view(), "e-log.minutes")), "Vul de tijd in minuten (50) of als uren:minuten (1:30) in.");
  assert.equal(textOf(byId(view(), "e-log.ticketNumber")), "Vul een ticketnummer in, zoals 42.");
  assert.equal(byId(view(), "f-log.ticketNumber").attrs["aria-invalid"], "true");
  assert.equal(textOf(byId(view(), "e-log.description")), nl("fieldRequired"), "the empty description said at once, with the time");

  type(view(), "f-log.minutes", "30");
  type(view(), "f-log.description", "Overleg");
  type(view(), "f-log.ticketNumber", "99");
  const reads = api.calls.length;
  await submit(view(), "log-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 1);
  assert.equal(textOf(byId(view(), "e-log.ticketNumber")), nl("form.error.notFound"), "at the ticket field, not in the box");
  assert.equal(textOf(byId(view(), "e-log.description")), nl("fieldRequired"));
  const box = findAll(formOf(view(), "log-form-heading"), n => n.attrs.class === "problem")[0];
  assert.doesNotMatch(textOf(box), /ticketNumber:/);
  assert.equal(byId(view(), "f-log.ticketNumber").attrs.value, "99", "what was typed stays");
  assert.equal(api.calls.length, reads + 1, "nothing is reread after a refusal");
});

test("Corrigeren on the customer's list only where the API allows it; the replacement posted to its URL; a 409 shown at that row", async () => {
  let refuse = false;
  const api = customerApi(() => (refuse ? new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Niet toegestaan",
    detail: "This time has been invoiced; a credit invoice corrects it" }) : { lines: [] }));
  const shown = [];
  const page = await registrationsPage(staffContext("provider-agent", api, shown), customerRoute);
  const view = () => last(shown);
  const correctIn = row => findAll(row, n => n.tag === "button" && /^Corrigeren/.test(textOf(n))).length;
  assert.deepEqual(rowsOf(view()).map(correctIn), [1, 0, 0, 0, 0, 1, 1],
    "once per registration; not invoiced time, not a corrected one, not a reversal; time without a ticket too");

  await findAll(rowsOf(view())[0], n => n.tag === "button")[0].attrs.on.click();
  const rows = rowsOf(view());
  assert.equal(rows.length, 8);
  assert.equal(rows[2].attrs.class, "registration-detail", "the correction's form right under the registration's two lines");
  assert.equal(findAll(rows[2], n => n.tag === "form" && n.attrs["aria-labelledby"] === "correct-form-heading").length, 1);
  assert.equal(rows[2].children[0].attrs.colspan, 9, "over the whole row");
  assert.equal(byId(view(), "f-correct.minutes").attrs.value, "1:20", "the time as registered, before rounding");
  assert.equal(byId(view(), "f-correct.ticketNumber").attrs.value, "7", "the registration's ticket");
  type(view(), "f-correct.ticketNumber", "");
  type(view(), "f-correct.minutes", "1:05");
  await submit(view(), "correct-form-heading");
  const post = api.calls.filter(c => c[0] === "POST").at(-1);
  assert.deepEqual(post.slice(1, 3), ["/customers/acme/time-registrations/2026-11-20.k3j9pq2m/correction", { date: "2026-11-20",
    minutes: 65, type: "bundle", description: "Mailbox hersteld", internalNote: "Via remote " + EVIL }],
  "the replacement, moved off its ticket");
  assert.equal(page.state.logging.correcting, null, "the correction form closes");
  assert.match(textOf(view()), /De registratie van 20 nov\.? 2026 is gecorrigeerd/);
  assert.equal(api.calls.at(-1)[0] + " " + api.calls.at(-1)[1], "GET /customers/acme/time-registrations?from=2026-11-01&to=2026-11-30",
    "the list is read again");

  refuse = true;
  await findAll(rowsOf(view())[6], n => n.tag === "button")[0].attrs.on.click();
  assert.equal(byId(view(), "f-correct.ticketNumber").attrs.value, "", "time without a ticket stays without one");
  await submit(view(), "correct-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").at(-1)[1], "/customers/acme/time-registrations/2026-11-22.eeeeeeee/correction");
  const at = rowsOf(view())[7];
  assert.equal(at.attrs.class, "registration-detail", "under the registration it is about");
  assert.match(textOf(findAll(at, n => n.attrs.class === "problem")[0]), /Niet toegestaan.*credit invoice/);
  assert.ok(page.state.logging.correcting, "and the form stays open with what was typed");
  await click(view(), "Annuleren").attrs.on.click();
  assert.equal(rowsOf(view()).length, 7, "cancelled: the row is gone");
  assert.ok(mount(view(), shimDocument()).textContent.includes(EVIL), "notes mount as text");
});

test("customers get neither the registration form nor Corrigeren on their registrations", async () => {
  const shown = [];
  const ctx = Object.assign(context("customer-admin", customerApi(), shown), { tenant: "acme" });
  await registrationsPage(ctx, { name: "time-registrations" });
  assert.equal(findAll(last(shown), n => String(n.attrs.id || "").startsWith("f-log.")).length, 0);
  assert.equal(findAll(last(shown), n => n.attrs.class === "correct").length, 0);
});

test("bundle time no bundle covered is called out in the notice, in every language", () => {
  const lines = [{ minutes: 30, overflow: false }, { minutes: 45, overflow: true }];
  assert.match(overflowNotice(lines, nl), /^ Let op: 0:45 daarvan viel buiten de bundels .*Ad-Hoc Facturabel\.$/);
  assert.match(overflowNotice(lines, translator("en")), /0:45 of it fell outside the bundles/);
  assert.match(overflowNotice(lines, translator("de")), /0:45 davon lag außerhalb der Kontingente/);
  assert.equal(overflowNotice([{ minutes: 30, overflow: false }], nl), "", "all on a bundle: nothing to say");
  assert.equal(overflowNotice(undefined, nl), "");
});
