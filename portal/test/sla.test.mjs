// The SLA in the portal: the ticket page's two targets, #/sla (the table per tier, the calendar) and the
// provider admin's edit forms, against the recording fake API and the DOM shim of fakes.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { ApiError } from "../api.mjs";
import { linked, parseRoute, routeHash } from "../routes.mjs";
import { ticketPage } from "../tickets.mjs";
import { atRiskPage, compliancePage, slaPage } from "../sla.mjs";
import { click, context, detail, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const byId = (desc, id) => {
  const found = findAll(desc, n => n.attrs.id === id);
  assert.equal(found.length, 1, "one element #" + id);
  return found[0];
};
const type = (desc, id, value) => byId(desc, id).attrs.on.input({ target: { value } });
const choose = (desc, id, value) => byId(desc, id).attrs.on.change({ target: { value } });
const tick = (desc, id, checked) => byId(desc, id).attrs.on.change({ target: { checked } });
const submit = (desc, labelledBy) => {
  const forms = findAll(desc, n => n.tag === "form" && n.attrs["aria-labelledby"] === labelledBy);
  assert.equal(forms.length, 1, "one form " + labelledBy);
  return forms[0].attrs.on.submit({ preventDefault() {} });
};
const rowsOf = table => findAll(table, n => n.tag === "tr").slice(1).map(textOf);
const withClass = (desc, name) => findAll(desc, n => String(n.attrs.class || "").split(" ").includes(name));

function validation(errors) {
  return new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    detail: errors.length + " velden", errors });
}
const conflict = () => new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Versieconflict" });

// ---------------------------------------------------------------------------------------------
// the ticket page

const SLA = {
  tier: "koper",
  response: { state: "met", priority: "high", hours: 36, calendar: "24x7", dueAt: "2026-11-24T21:30:01Z",
    warningAt: "2026-11-24T14:18:01Z", metAt: "2026-11-23T09:30:02Z" },
  resolution: { state: "breached", priority: "high", hours: 96, calendar: "business", dueAt: "2026-07-01T10:00:00Z",
    warningAt: "2026-06-28T10:00:00Z" }
};

test("the ticket page shows both SLA targets to customers and staff: state, deadline in Amsterdam time, met time, breach marked", async () => {
  for (const role of ["customer-user", "provider-agent"]) {
    const shown = [];
    await ticketPage(context(role, fakeApi(() => ({ ...detail({ status: "open" }, []), sla: SLA })), shown),
      { name: "ticket", token: "acme-7" });
    const section = findAll(last(shown), n => n.tag === "section" && n.attrs.class === "sla")[0];
    assert.ok(section, role + " sees the SLA");
    const [response, resolution] = findAll(section, n => n.tag === "tr" && /sla-target/.test(n.attrs.class || ""));
    assert.match(textOf(section), /SLA-niveau: Koper/);
    assert.equal(textOf(response.children[0]), "Reactietijd");
    assert.equal(textOf(response.children[1]), "Gehaald");
    assert.equal(textOf(response.children[2]), "Hoog · 36 uur · 24×7 (dag en nacht)");
    assert.match(textOf(response.children[3]), /24 nov\.? 2026.*22:30/, "21:30Z is 22:30 in Amsterdam (CET)");
    assert.equal(findAll(response.children[3], n => n.tag === "time")[0].attrs.datetime, "2026-11-24T21:30:01Z");
    assert.match(textOf(response.children[4]), /23 nov\.? 2026.*10:30/, "met at 09:30Z");
    assert.equal(textOf(resolution.children[0]), "Oplostijd");
    assert.match(textOf(resolution.children[3]), /1 jul\.? 2026.*12:00/, "10:00Z is 12:00 in Amsterdam (CEST)");
    assert.equal(textOf(resolution.children[4]), "—", "not reached yet");
    const breached = withClass(section, "sla-breached");
    assert.equal(breached.length, 1, "the breach is marked by a class");
    assert.equal(textOf(breached[0]), "Overschreden", "and says so in words");
    assert.match(resolution.attrs.class, /sla-row-breached/);
    assert.ok(findAll(section, n => n.tag === "a" && n.attrs.href === "#/sla").length, "links to the SLA page");
  }

  const shown = [];
  await ticketPage(context("customer-user", fakeApi(() => ({ ...detail({ status: "open" }, []), sla: SLA })), shown, "de"),
    { name: "ticket", token: "acme-7" });
  const text = textOf(last(shown));
  assert.match(text, /Reaktionszeit.*Eingehalten.*Hoch · 36 Stunden · 24×7/);
  assert.match(text, /Lösungszeit.*Überschritten.*Nur zu Geschäftszeiten/);
  assert.match(text, /SLA-Stufe: Kupfer/);
});

test("the ticket page without an SLA (an old ticket) says so; a paused target without a deadline says the clock stopped", async () => {
  const shown = [];
  await ticketPage(context("customer-user", fakeApi(() => detail({ status: "open" }, [])), shown), { name: "ticket", token: "acme-7" });
  const section = findAll(last(shown), n => n.tag === "section" && n.attrs.class === "sla")[0];
  assert.equal(textOf(section), nl("sla.ticket.heading") + nl("sla.ticket.none"));
  assert.equal(findAll(section, n => n.tag === "table").length, 0);
  mount(last(shown), shimDocument());

  const paused = { tier: "brons", response: { state: "paused", priority: "normal", hours: 16, calendar: "business" },
    resolution: { state: "running", priority: "normal", hours: 40, calendar: "business", dueAt: "2026-11-27T12:00:00Z",
      warningAt: "2026-11-26T12:00:00Z" } };
  const again = [];
  await ticketPage(context("provider-admin", fakeApi(() => ({ ...detail({ status: "waiting-for-customer" }, []), sla: paused })), again),
    { name: "ticket", token: "acme-7" });
  const text = textOf(last(again));
  assert.match(text, /ReactietijdGepauzeerdNormaal · 16 uur · Binnen kantoortijdenNog geen deadline: de klok staat stil\.—/);
  assert.match(text, /OplostijdLoopt/);
  assert.equal(withClass(last(again), "sla-breached").length, 0);
});

// ---------------------------------------------------------------------------------------------
// #/sla

const target = (priority, responseHours, resolutionHours, calendar) => ({ priority, responseHours, resolutionHours, calendar });
const KOPER = { tier: "koper", version: 3, targets: [target("critical", 24, 72, "24x7"), target("high", 36, 96, "24x7"),
  target("normal", 48, 120, "business"), target("low", 72, 168, "business")],
waiting: { enabled: true, reminderAfterBusinessDays: 2, remindersBeforeDrop: 2 } };
const BRONS = { tier: "brons", version: 0, targets: [target("critical", 8, 24, "24x7"), target("high", 16, 40, "business"),
  target("normal", 24, 80, "business"), target("low", 40, 120, "business")],
waiting: { enabled: false, reminderAfterBusinessDays: 2, remindersBeforeDrop: 2 } };
const ZILVER = { tier: "zilver", version: 1, targets: [target("low", 24, 80, "business"), target("critical", 4, 16, "24x7"),
  target("high", 8, 24, "24x7"), target("normal", 16, 40, "business")],
waiting: { enabled: true, reminderAfterBusinessDays: 1, remindersBeforeDrop: 1 } };
const GOUD = { tier: "goud", version: 0, targets: [target("critical", 1, 4, "24x7"), target("high", 2, 8, "24x7"),
  target("normal", 4, 16, "24x7"), target("low", 8, 24, "24x7")],
waiting: { enabled: true, reminderAfterBusinessDays: 3, remindersBeforeDrop: 2 } };
const ALL = [KOPER, BRONS, ZILVER, GOUD];

const WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday"].map(day => ({ day, opens: "08:30", closes: "17:30" }));
const CALENDAR = {
  version: 7, zone: "Europe/Amsterdam", hours: WEEK, holidays: { goodFriday: true, liberationDay: "lustrum-years" },
  closures: [
    { date: "2026-06-01", reason: { nl: "Voorbij", en: "Past", de: "Vorbei" } },
    { date: "2026-12-31", reason: { nl: "Oudjaarsdag", en: "New Year's Eve", de: "Silvester" } },
    { date: "2026-12-24", reason: { nl: "Kerstborrel " + EVIL, en: "Christmas drinks " + EVIL, de: "Weihnachtsfeier " + EVIL } }
  ],
  upcomingHolidays: ["2026-12-25", "2026-12-26", "2027-01-01", "2027-03-26", "2027-03-28", "2027-03-29", "2027-04-27"]
};

function slaApi(tiers, calendar = CALENDAR, put = () => new Error("no PUT expected")) {
  return fakeApi((method, path, body, calls) => {
    if (method === "GET" && path === "/sla") return { tiers: typeof tiers === "function" ? tiers(calls) : tiers };
    if (method === "GET" && path === "/sla/calendar") return typeof calendar === "function" ? calendar(calls) : calendar;
    if (method === "PUT") return put(path, body, calls);
    return new ApiError(404, { title: "Niet gevonden" });
  });
}

test("#/sla is a route, linked from the navigation for everyone linked to a customer or staff", async () => {
  assert.deepEqual(parseRoute("#/sla"), { name: "sla" });
  assert.equal(routeHash({ name: "sla" }), "#/sla");
  for (const bad of ["#/sla/koper", "#/slas"]) assert.deepEqual(parseRoute(bad), { name: "not-found" }, bad);
  assert.deepEqual(["customer-user", "customer-admin", "provider-agent", "provider-admin", "none", undefined].map(linked),
    [true, true, true, true, false, false]);
  const shown = [];
  await slaPage(context("customer-user", slaApi([KOPER]), shown));
  const nav = findAll(last(shown), n => n.tag === "nav")[0];
  assert.deepEqual(findAll(nav, n => n.tag === "a").map(a => a.attrs.href),
    ["#/", "#/tickets", "#/tickets/new", "#/sla", "#/hours", "#/time-registrations", "#/subscriptions", "#/reports", "#/kb", "#/status",
      "#/account"]);
  const ticketShown = [];
  await ticketPage(context("provider-agent", fakeApi(() => detail({ status: "open" }, [])), ticketShown), { name: "ticket", token: "acme-7" });
  assert.deepEqual(findAll(findAll(last(ticketShown), n => n.tag === "nav")[0], n => n.tag === "a").map(a => a.attrs.href),
    ["#/", "#/tickets", "#/tickets/new", "#/sla", "#/sla/at-risk?hours=8", "#/kb", "#/status", "#/admin/kb", "#/admin/notices",
      "#/admin/customers", "#/admin/failing-addresses", "#/admin/held-mail", "#/admin/ratings", "#/admin/catalogue", "#/account"],
    "staff raise tickets on a customer's behalf, and reach the SLA at risk, the knowledge base, the status page and their management, "
    + "the customers, the undeliverable addresses, the held mail, the ratings, the catalogue and their own account");
});

test("a customer's SLA page: its own tier as the seed's table, the around-the-clock sentence from the data, the waiting policy", async () => {
  const api = slaApi([KOPER]);
  const shown = [];
  await slaPage(context("customer-user", api, shown));
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]).sort(), ["GET /sla", "GET /sla/calendar"], "the page only reads");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Service Level Agreement (SLA)");
  assert.deepEqual(findAll(view, n => n.tag === "h2").map(textOf).slice(0, 1), ["Uw SLA-niveau: Koper"]);
  const tables = withClass(view, "sla-table");
  assert.equal(tables.length, 1);
  assert.deepEqual(rowsOf(tables[0]), [
    "Kritiek24 uur72 uur24×7 (dag en nacht)", "Hoog36 uur96 uur24×7 (dag en nacht)",
    "Normaal48 uur120 uur" + "Binnen kantoortijden", "Laag72 uur168 uur" + "Binnen kantoortijden"]);
  assert.equal(textOf(withClass(view, "sla-around-the-clock")[0]),
    "Meldingen met prioriteit Kritiek en Hoog worden dag en nacht opgepakt, ook buiten kantoortijden (storingsdienst): "
    + "hun tijd telt 24×7. Bij Normaal en Laag telt alleen de tijd binnen kantoortijden.");
  assert.equal(textOf(withClass(view, "sla-waiting")[0]), "Wachten op de klant: Wacht een ticket op een reactie van de klant, "
    + "dan volgt na 2 werkdagen een herinnering. Na 2 onbeantwoorde herinneringen gaat de prioriteit één stap omlaag.");
  assert.match(textOf(view), /Reactietijd.*De maximale tijd waarin wij op een melding reageren/);
  assert.match(textOf(view), /upgraden/, "the seed's upgrade hint for customers");
  assert.equal(findAll(view, n => n.tag === "form" || n.tag === "button" || n.tag === "input").length, 0, "nothing to edit");

  const english = [];
  await slaPage(context("customer-admin", slaApi([KOPER]), english, "en"));
  assert.match(textOf(last(english)), /Your SLA level: Copper.*Critical24 hours72 hours24×7 \(around the clock\)/);
  assert.match(textOf(last(english)), /Requests with priority Critical and High are handled around the clock.*For Normal and Low only/);
  assert.match(textOf(last(english)), /a reminder follows after 2 business days\. After 2 unanswered reminders the priority goes down/);
});

test("staff read all four tiers; the around-the-clock sentence and the waiting policy follow each tier's data", async () => {
  const shown = [];
  await slaPage(context("provider-agent", slaApi(ALL), shown));
  const view = last(shown);
  assert.deepEqual(withClass(view, "sla-tier").map(s => textOf(s.children[0])),
    ["SLA-niveau Koper", "SLA-niveau Brons", "SLA-niveau Zilver", "SLA-niveau Goud"]);
  assert.equal(withClass(view, "sla-table").length, 4);
  assert.deepEqual(rowsOf(withClass(view, "sla-table")[2]).map(r => r.split(/\d/)[0]), ["Kritiek", "Hoog", "Normaal", "Laag"],
    "rows in priority order whatever order the API gives");
  const sentences = withClass(view, "sla-around-the-clock").map(textOf);
  assert.match(sentences[1], /^Meldingen met prioriteit Kritiek worden dag en nacht .* Bij Hoog, Normaal en Laag telt/);
  assert.equal(sentences[3], "Alle meldingen worden dag en nacht opgepakt, ook buiten kantoortijden (storingsdienst): de tijd telt 24×7.");
  const waiting = withClass(view, "sla-waiting").map(textOf);
  assert.equal(waiting[1], "Wachten op de klant: Uit: er volgen geen herinneringen en de prioriteit wordt niet verlaagd.");
  assert.match(waiting[2], /na 1 werkdag een herinnering\. Na 1 onbeantwoorde herinnering gaat/);
  assert.match(waiting[3], /na 3 werkdagen/);
  assert.doesNotMatch(textOf(view), /upgraden/, "no upgrade hint for staff");
  assert.equal(findAll(view, n => n.tag === "form" || n.tag === "button").length, 0, "an agent edits nothing");
});

test("the calendar: office hours per weekday, holidays, upcoming closures with their reason in the user's language, as text", async () => {
  const shown = [];
  await slaPage(context("customer-user", slaApi([KOPER]), shown));
  const calendar = withClass(last(shown), "sla-calendar")[0];
  assert.deepEqual(rowsOf(withClass(calendar, "sla-hours")[0]), ["Maandag08:30–17:30", "Dinsdag08:30–17:30",
    "Woensdag08:30–17:30", "Donderdag08:30–17:30", "Vrijdag08:30–17:30", "ZaterdagGesloten", "ZondagGesloten"]);
  assert.match(textOf(calendar), /Kantoortijden \(Europe\/Amsterdam\)/);
  assert.match(textOf(calendar), /Op Goede Vrijdag zijn wij gesloten\. Op Bevrijdingsdag \(5 mei\) zijn wij eens in de vijf jaar/);
  assert.deepEqual(findAll(withClass(calendar, "sla-holidays")[0], n => n.tag === "li").map(textOf).slice(0, 3),
    ["vrijdag 25 december 2026", "zaterdag 26 december 2026", "vrijdag 1 januari 2027"]);
  assert.deepEqual(findAll(withClass(calendar, "sla-closures")[0], n => n.tag === "li").map(textOf),
    ["donderdag 24 december 2026 — Kerstborrel " + EVIL, "donderdag 31 december 2026 — Oudjaarsdag"],
    "sorted, from today on (the closure in June is past)");

  const doc = shimDocument();
  const root = mount(last(shown), doc);
  const tags = new Set(doc.created.map(n => n.tagName));
  assert.ok(!tags.has("img") && !tags.has("script"), "no element made from a closure's reason: " + [...tags]);
  for (const node of doc.created) {
    for (const [name, value] of Object.entries(node.attributes)) {
      assert.ok(!name.startsWith("on") && !String(value).includes("<"), `attribute ${name}=${value}`);
    }
  }
  assert.ok(root.textContent.includes("Kerstborrel " + EVIL), "the reason is shown as text");

  const german = [];
  await slaPage(context("customer-user", slaApi([KOPER]), german, "de"));
  const text = textOf(withClass(last(german), "sla-calendar")[0]);
  assert.match(text, /Montag08:30–17:30 Uhr/);
  assert.match(text, /SamstagGeschlossen/);
  assert.ok(text.includes("Weihnachtsfeier " + EVIL));
  assert.match(text, /Freitag, 25\. Dezember 2026/);
});

test("a failing GET is shown in its own part of the page; the other part still renders", async () => {
  const shown = [];
  await slaPage(context("customer-user", slaApi([KOPER], () => new ApiError(503, { title: "Even niet beschikbaar" })), shown));
  const view = last(shown);
  assert.equal(withClass(view, "sla-table").length, 1);
  assert.match(textOf(withClass(view, "sla-calendar")[0]), /Even niet beschikbaar/);
});

// ---------------------------------------------------------------------------------------------
// provider admins: the edit forms

test("only provider admins get edit forms; customers, customer admins and agents see none", async () => {
  for (const role of ["customer-user", "customer-admin", "provider-agent"]) {
    const shown = [];
    await slaPage(context(role, slaApi(role.startsWith("provider") ? ALL : [KOPER]), shown));
    const view = last(shown);
    assert.equal(findAll(view, n => ["form", "button", "input", "select"].includes(n.tag)).length, 0, role);
  }
  const shown = [];
  await slaPage(context("provider-admin", slaApi(ALL), shown));
  assert.deepEqual(findAll(last(shown), n => n.tag === "button").map(textOf), ["SLA-niveau Koper wijzigen",
    "SLA-niveau Brons wijzigen", "SLA-niveau Zilver wijzigen", "SLA-niveau Goud wijzigen", "Kalender wijzigen"]);
});

test("a tier edit PUTs the four targets and the waiting policy with the version read; the answer replaces the row", async () => {
  const api = slaApi(ALL, CALENDAR, (path, body) => ({ ...KOPER, version: 4, targets: body.targets, waiting: body.waiting }));
  const shown = [];
  const page = await slaPage(context("provider-admin", api, shown));
  await click(last(shown), "SLA-niveau Koper wijzigen").attrs.on.click();
  let view = last(shown);
  assert.equal(byId(view, "f-tier-koper.targets[1].responseHours").attrs.value, "36", "the form starts from what was read");
  type(view, "f-tier-koper.targets[1].responseHours", "30");
  choose(view, "f-tier-koper.targets[2].calendar", "24x7");
  tick(view, "f-tier-koper.waiting.enabled", false);
  type(view, "f-tier-koper.waiting.remindersBeforeDrop", "3");
  await submit(view, "edit-koper");

  const puts = api.calls.filter(c => c[0] === "PUT");
  assert.equal(puts.length, 1);
  assert.equal(puts[0][1], "/sla/tiers/koper");
  assert.deepEqual(puts[0][2], { version: 3, targets: [target("critical", 24, 72, "24x7"), target("high", 30, 96, "24x7"),
    target("normal", 48, 120, "24x7"), target("low", 72, 168, "business")],
  waiting: { enabled: false, reminderAfterBusinessDays: 2, remindersBeforeDrop: 3 } });
  view = last(shown);
  assert.equal(findAll(view, n => n.tag === "form").length, 0, "the form closes");
  assert.equal(page.state.table.tiers[0].version, 4);
  assert.match(textOf(withClass(view, "sla-table")[0]), /Hoog30 uur96 uur/);
  assert.match(textOf(view), /SLA-niveau Koper is opgeslagen\. Het geldt voor tickets die vanaf nu worden aangemaakt\./);
  assert.match(textOf(withClass(view, "sla-waiting")[0]), /Uit:/);
});

test("tier field errors appear next to their inputs, what was typed stays, errors without a field go to the problem box", async () => {
  const api = slaApi(ALL, CALENDAR, () => validation([
    { field: "targets[1].responseHours", code: "not-after-resolution", message: "must not exceed the resolution hours" },
    { field: "targets[3].resolutionHours", code: "range", message: "must be 1..8760 hours" },
    { field: "waiting.reminderAfterBusinessDays", code: "range", message: "must be 1..30 business days" },
    { field: "targets", code: "duplicate", message: "names a priority twice" }]));
  const shown = [];
  await slaPage(context("provider-admin", api, shown));
  await click(last(shown), "SLA-niveau Brons wijzigen").attrs.on.click();
  let view = last(shown);
  type(view, "f-tier-brons.targets[1].responseHours", "200");
  type(view, "f-tier-brons.targets[3].resolutionHours", "veel");
  type(view, "f-tier-brons.waiting.reminderAfterBusinessDays", "0");
  await submit(view, "edit-brons");

  const body = api.calls.find(c => c[0] === "PUT")[2];
  assert.equal(body.targets[1].responseHours, 200);
  assert.equal(body.targets[3].resolutionHours, null, "not a number: the API names the field");
  assert.equal(body.waiting.reminderAfterBusinessDays, 0);
  view = last(shown);
  const input = byId(view, "f-tier-brons.targets[1].responseHours");
  assert.equal(input.attrs["aria-invalid"], "true");
  assert.equal(input.attrs["aria-describedby"], "e-tier-brons.targets[1].responseHours");
  assert.equal(input.attrs.value, "200", "what was typed stays");
  assert.equal(textOf(byId(view, "e-tier-brons.targets[1].responseHours")), "De reactietijd mag niet langer zijn dan de oplostijd.");
  assert.equal(textOf(byId(view, "e-tier-brons.targets[3].resolutionHours")), "Vul een geheel getal van 1 tot en met 8760 in.");
  assert.equal(byId(view, "f-tier-brons.targets[3].resolutionHours").attrs.value, "veel");
  assert.equal(textOf(byId(view, "e-tier-brons.waiting.reminderAfterBusinessDays")), "Vul een geheel getal van 1 tot en met 30 in.");
  assert.equal(findAll(view, n => n.attrs.id === "e-tier-brons.targets[0].responseHours").length, 0);
  const problem = withClass(view, "problem")[0];
  assert.match(textOf(problem), /Ongeldige invoer.*targets: Dit staat er twee keer in\./);
  assert.equal(findAll(view, n => n.tag === "form").length, 1, "the form stays open");
});

test("a tier saved meanwhile by someone else (409): the table reloads, the admin is told, the draft stays and goes out on the new version", async () => {
  let gets = 0;
  const changed = { ...KOPER, version: 5, targets: [target("critical", 12, 72, "24x7"), ...KOPER.targets.slice(1)] };
  let puts = 0;
  const api = slaApi(() => (++gets === 1 ? ALL : [changed, BRONS, ZILVER, GOUD]), CALENDAR,
    (path, body) => (++puts === 1 ? conflict() : { ...changed, version: 6, targets: body.targets }));
  const shown = [];
  await slaPage(context("provider-admin", api, shown));
  await click(last(shown), "SLA-niveau Koper wijzigen").attrs.on.click();
  type(last(shown), "f-tier-koper.targets[1].responseHours", "30");
  await submit(last(shown), "edit-koper");

  assert.equal(api.calls.filter(c => c[0] === "GET" && c[1] === "/sla").length, 2, "reloaded");
  let view = last(shown);
  const form = findAll(view, n => n.tag === "form")[0];
  assert.equal(textOf(withClass(form, "warning")[0]), nl("sla.versionConflict"));
  assert.equal(byId(view, "f-tier-koper.targets[1].responseHours").attrs.value, "30", "the draft is kept");
  assert.match(textOf(withClass(view, "sla-table")[0]), /Kritiek12 uur/, "the table shows what is stored now");
  await submit(view, "edit-koper");
  const second = api.calls.filter(c => c[0] === "PUT")[1][2];
  assert.equal(second.version, 5, "the next save names the version just read");
  assert.equal(second.targets[1].responseHours, 30);
  view = last(shown);
  assert.equal(findAll(view, n => n.tag === "form").length, 0);
  assert.match(textOf(view), /opgeslagen/);
});

test("the calendar edit: weekday hours with closed days, Good Friday, Liberation Day, closures added and removed → PUT with version", async () => {
  let saved = null;
  const api = slaApi(ALL, CALENDAR, (path, body) => (saved = { ...CALENDAR, ...body, version: 8 }));
  const shown = [];
  const page = await slaPage(context("provider-admin", api, shown));
  await click(last(shown), "Kalender wijzigen").attrs.on.click();
  let view = last(shown);
  assert.equal(byId(view, "f-cal.hours.saturday.closed").attrs.checked, true, "a day missing from hours is closed");
  assert.equal(byId(view, "f-cal.hours.saturday.opens").attrs.disabled, true);
  assert.equal(byId(view, "f-cal.holidays.goodFriday").attrs.checked, true);
  assert.equal(findAll(byId(view, "f-cal.holidays.liberationDay"), n => n.attrs.selected)[0].attrs.value, "lustrum-years");
  assert.equal(byId(view, "f-cal.closures.c3.reason.nl").attrs.value, "Kerstborrel " + EVIL, "typed text shown as a value");

  await click(view, "SLA-niveau Koper wijzigen").attrs.on.click();
  const doc = shimDocument();
  mount(last(shown), doc);
  assert.ok(!doc.created.some(n => n.tagName === "img" || n.tagName === "script"), "both forms open: no element from data");
  assert.ok(doc.created.every(n => Object.keys(n.attributes).every(name => !name.startsWith("on"))), "no handler attribute");
  view = last(shown);
  tick(view, "f-cal.hours.friday.closed", true);
  tick(view, "f-cal.hours.saturday.closed", false);
  view = last(shown);
  assert.equal(byId(view, "f-cal.hours.friday.opens").attrs.disabled, true);
  type(view, "f-cal.hours.saturday.opens", "10:00");
  type(view, "f-cal.hours.saturday.closes", "14:00");
  tick(view, "f-cal.holidays.goodFriday", false);
  choose(view, "f-cal.holidays.liberationDay", "every-year");
  await click(view, "Sluitingsdag 1 verwijderen").attrs.on.click();
  await click(last(shown), "Sluitingsdag toevoegen").attrs.on.click();
  view = last(shown);
  type(view, "f-cal.closures.c4.date", "2027-01-02");
  type(view, "f-cal.closures.c4.reason.nl", "Inventaris");
  type(view, "f-cal.closures.c4.reason.en", "Stocktaking");
  type(view, "f-cal.closures.c4.reason.de", "Inventur");
  await submit(view, "edit-calendar");

  const put = api.calls.find(c => c[0] === "PUT");
  assert.equal(put[1], "/sla/calendar");
  assert.deepEqual(put[2], {
    version: 7,
    hours: [...WEEK.slice(0, 4), { day: "saturday", opens: "10:00", closes: "14:00" }],
    holidays: { goodFriday: false, liberationDay: "every-year" },
    closures: [CALENDAR.closures[1], CALENDAR.closures[2],
      { date: "2027-01-02", reason: { nl: "Inventaris", en: "Stocktaking", de: "Inventur" } }]
  });
  view = last(shown);
  assert.deepEqual(findAll(view, n => n.tag === "form").map(f => f.attrs["aria-labelledby"]), ["edit-koper"],
    "the calendar form closes; the tier form opened meanwhile stays as it is");
  assert.deepEqual(page.state.calendar, saved);
  assert.match(textOf(view), /De kalender is opgeslagen/);
  assert.match(textOf(withClass(view, "sla-hours")[0]), /VrijdagGesloten.*Zaterdag10:00–14:00/);
});

test("calendar field errors land at the weekday and closure row they name; a 409 reloads, warns and keeps the draft", async () => {
  let gets = 0;
  let puts = 0;
  const api = slaApi(ALL, () => (++gets === 1 ? CALENDAR : { ...CALENDAR, version: 9 }), (path, body) => {
    puts++;
    if (puts === 1) {
      return validation([
        { field: "hours[5].closes", code: "after-opens", message: "must be after opens" },
        { field: "closures[3].date", code: "duplicate", message: "is closed twice" },
        { field: "closures[3].reason.de", code: "required", message: "is required" },
        { field: "closures[0].date", code: "format", message: "must be a date yyyy-mm-dd" }]);
    }
    if (puts === 2) return conflict();
    return { ...CALENDAR, ...body, version: 10 };
  });
  const shown = [];
  await slaPage(context("provider-admin", api, shown));
  await click(last(shown), "Kalender wijzigen").attrs.on.click();
  let view = last(shown);
  tick(view, "f-cal.hours.saturday.closed", false);
  type(view, "f-cal.hours.saturday.opens", "10:00");
  type(view, "f-cal.hours.saturday.closes", "09:00");
  type(view, "f-cal.closures.c1.date", "1 juni");
  await click(last(shown), "Sluitingsdag toevoegen").attrs.on.click();
  type(last(shown), "f-cal.closures.c4.date", "2026-12-24");
  type(last(shown), "f-cal.closures.c4.reason.nl", "Nogmaals");
  type(last(shown), "f-cal.closures.c4.reason.en", "Again");
  await submit(last(shown), "edit-calendar");

  view = last(shown);
  assert.equal(api.calls.filter(c => c[0] === "PUT")[0][2].hours[5].day, "saturday", "hours[5] is the sixth open day sent");
  assert.equal(textOf(byId(view, "e-cal.hours.saturday.closes")), "De sluitingstijd moet na de openingstijd liggen.");
  assert.equal(byId(view, "f-cal.hours.saturday.closes").attrs["aria-invalid"], "true");
  assert.equal(byId(view, "f-cal.hours.saturday.closes").attrs.value, "09:00");
  assert.equal(textOf(byId(view, "e-cal.closures.c4.date")), "Dit staat er twee keer in.");
  assert.equal(textOf(byId(view, "e-cal.closures.c4.reason.de")), nl("fieldRequired"));
  assert.equal(textOf(byId(view, "e-cal.closures.c1.date")), "Vul een datum in (jjjj-mm-dd).");
  assert.equal(byId(view, "f-cal.closures.c1.date").attrs.value, "1 juni");
  assert.equal(byId(view, "f-cal.closures.c4.reason.en").attrs.value, "Again");

  await click(view, "Sluitingsdag 1 verwijderen").attrs.on.click();
  view = last(shown);
  assert.equal(findAll(view, n => n.attrs.id === "e-cal.closures.c1.date").length, 0, "a removed row takes its errors along");
  assert.equal(textOf(byId(view, "e-cal.closures.c4.date")), "Dit staat er twee keer in.", "the others stay at their rows");

  type(view, "f-cal.hours.saturday.closes", "14:00");
  type(view, "f-cal.closures.c4.date", "2027-01-02");
  type(view, "f-cal.closures.c4.reason.de", "Nochmals");
  await submit(view, "edit-calendar");
  assert.equal(api.calls.filter(c => c[0] === "GET" && c[1] === "/sla/calendar").length, 2, "reloaded after the conflict");
  view = last(shown);
  assert.equal(textOf(withClass(findAll(view, n => n.tag === "form")[0], "warning")[0]), nl("sla.versionConflict"));
  assert.equal(byId(view, "f-cal.hours.saturday.closes").attrs.value, "14:00", "the draft is kept");
  assert.equal(byId(view, "f-cal.closures.c4.reason.de").attrs.value, "Nochmals");

  await submit(view, "edit-calendar");
  const third = api.calls.filter(c => c[0] === "PUT")[2][2];
  assert.equal(third.version, 9, "sent on the version just read");
  assert.deepEqual(third.closures.map(c => c.date), ["2026-12-31", "2026-12-24", "2027-01-02"]);
  assert.equal(findAll(last(shown), n => n.tag === "form").length, 0);
});

test("compliance: a customer admin asks for a month and reads met, breached and the share in time; a customer user gets none", async () => {
  const api = fakeApi((method, path) => ({ customerId: "acme", month: "2026-11",
    response: { met: 3, breached: 1 }, resolution: { met: 0, breached: 0 } }));
  const shown = [];
  const page = await compliancePage(context("customer-admin", api, shown));
  assert.equal(api.calls.length, 0, "opening the page reads nothing");
  assert.match(page.state.month, /^\d{4}-\d{2}$/, "this month by default");
  type(last(shown), "f-compliance.month", "2026-11");
  await findAll(last(shown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls.map(c => c.slice(0, 2)), [["GET", "/sla/compliance?month=2026-11"]]);
  const table = withClass(last(shown), "compliance")[0];
  assert.deepEqual(rowsOf(table), ["Reactietijd313 van 4 op tijd (75 %)", "Oplostijd00Nog niets geteld"]);

  type(last(shown), "f-compliance.month", "november");
  await findAll(last(shown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.equal(api.calls.length, 1, "a bad month is not sent");
  assert.match(textOf(last(shown)), /Kies een maand/);

  const user = [];
  const quiet = fakeApi(() => { throw new Error("no call expected"); });
  await compliancePage(context("customer-user", quiet, user));
  assert.match(textOf(last(user)), /beheerders van uw organisatie/);
  assert.equal(findAll(last(user), n => n.tag === "form").length, 0);
});

test("compliance: staff choose a customer from the list first; the request names it", async () => {
  const api = fakeApi((method, path) => (path.startsWith("/customers") ? { items: [{ id: "acme", name: "Acme <B.V.>" }] }
    : { customerId: "acme", month: "2026-10", response: { met: 1, breached: 0 }, resolution: { met: 1, breached: 1 } }));
  const shown = [];
  await compliancePage(context("provider-agent", api, shown));
  type(last(shown), "f-compliance.month", "2026-10");
  await findAll(last(shown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.equal(api.calls.length, 0, "no customer chosen: nothing sent");
  assert.match(textOf(last(shown)), /Kies een klant/);
  await click(last(shown), nl("sla.compliance.loadCustomers")).attrs.on.click();
  assert.match(textOf(last(shown)), /Acme <B\.V\.>/, "customer names as text");
  choose(last(shown), "f-compliance.customer", "acme");
  await findAll(last(shown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls.at(-1).slice(0, 2), ["GET", "/sla/compliance?month=2026-10&customerId=acme"]);
  assert.deepEqual(rowsOf(withClass(last(shown), "compliance")[0]),
    ["Reactietijd101 van 1 op tijd (100 %)", "Oplostijd111 van 2 op tijd (50 %)"]);
  assert.equal(routeHash(parseRoute("#/sla/compliance")), "#/sla/compliance");
});

// ---------------------------------------------------------------------------------------------
// #/sla/at-risk (provider staff)

const AT_RISK = {
  hours: 8, until: "2026-11-24T18:00:00Z", complete: true, itemsRead: 5, tickets: [
    { ticketId: "acme-12", number: 12, customerId: "acme", title: "Server " + EVIL, priority: "critical", status: "open",
      assigneeId: "s1", target: "response", dueAt: "2026-11-24T09:00:00Z", state: "breached" },
    { ticketId: "globex-3", number: 3, customerId: "globex", title: "Printer", priority: "high", status: "new",
      target: "resolution", dueAt: "2026-11-24T15:30:00Z", warningAt: "2026-11-24T11:00:00Z", state: "at-risk" },
    { ticketId: "acme-14", number: 14, customerId: "acme", title: "VPN", priority: "normal", status: "open", assigneeId: "gone",
      target: "response", dueAt: "2026-11-24T17:00:00Z", state: "at-risk" }] };

function riskApi(answer = () => AT_RISK, queue = () => ({ items: [] })) {
  return fakeApi((method, path) => {
    if (path.startsWith("/customers")) return { items: [{ id: "acme", name: "Acme <B.V.>" }, { id: "globex", name: "Globex" }] };
    if (path.startsWith("/staff")) return { items: [{ userId: "s1", displayName: "Sem" }] };
    if (path.startsWith("/sla/at-risk")) return answer(path);
    if (path.startsWith("/tickets?view=status&status=")) return queue(/status=(\w+)/.exec(path)[1]);
    return new Error("unexpected " + path);
  });
}

test("#/sla/at-risk is a route with the window and the customer in the hash; linked from #/sla for staff only", async () => {
  assert.deepEqual(parseRoute("#/sla/at-risk"), { name: "sla-at-risk", hours: 8, customerId: "" });
  assert.deepEqual(parseRoute("#/sla/at-risk?hours=72&customerId=acme"), { name: "sla-at-risk", hours: 72, customerId: "acme" });
  for (const bad of ["0", "169", "8.5", "-4", "x"]) assert.equal(parseRoute("#/sla/at-risk?hours=" + bad).hours, 8, bad);
  assert.equal(parseRoute("#/sla/at-risk?customerId=" + encodeURIComponent(EVIL)).customerId, "");
  assert.equal(routeHash({ name: "sla-at-risk", hours: 24, customerId: "acme" }), "#/sla/at-risk?hours=24&customerId=acme");
  assert.equal(routeHash({ name: "sla-at-risk", hours: 8, customerId: "" }), "#/sla/at-risk?hours=8");
  const links = async role => {
    const shown = [];
    await slaPage(context(role, slaApi([KOPER]), shown));
    return findAll(findAll(last(shown), n => n.tag === "main" || n.tag === "div")[0], n => n.tag === "a" && /at-risk/.test(n.attrs.href))
      .map(a => a.attrs.href);
  };
  assert.deepEqual(await links("provider-agent"), ["#/sla/at-risk?hours=8", "#/sla/at-risk?hours=8"], "the menu and the page");
  assert.deepEqual(await links("customer-admin"), []);
});

test("SLA at risk: soonest breach first as the API orders it, with customer, priority, target, due, warning, state and assignee in words", async () => {
  const api = riskApi();
  const shown = [];
  const { state } = await atRiskPage(context("provider-agent", api, shown), parseRoute("#/sla/at-risk"));
  assert.deepEqual(api.calls.map(c => c[1]).filter(p => !p.startsWith("/customers") && !p.startsWith("/staff")), ["/sla/at-risk?hours=8",
    "/tickets?view=status&status=new&sort=created&limit=50", "/tickets?view=status&status=open&sort=created&limit=50"]);
  assert.ok(api.calls.every(c => c[0] === "GET"), "opening the page only reads");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "SLA in gevaar");
  const table = withClass(view, "risk-table")[0];
  assert.deepEqual(findAll(table, n => n.tag === "th" && n.attrs.scope === "col").map(textOf),
    ["Ticket", "Klant", "Prioriteit", "Termijn", "Verloopt", "Waarschuwing (80 %)", "Staat", "Behandelaar"]);
  const rows = findAll(table, n => n.tag === "tr").slice(1);
  assert.deepEqual(rows.map(r => findAll(r, n => n.tag === "a")[0].attrs.href), ["#/tickets/acme-12", "#/tickets/globex-3", "#/tickets/acme-14"],
    "the API's order: the soonest breach first");
  const cells = rows.map(r => r.children.filter(Boolean).map(textOf));
  assert.equal(cells[0][0], "#12 Server " + EVIL, "a title is text, never markup");
  assert.deepEqual(cells[0].slice(1, 5), ["Acme <B.V.>", "Kritiek", "Reactietijd", cells[0][4]]);
  assert.match(cells[0][4], /24 nov\.? 2026.*10:00/, "the due time on the Amsterdam clock");
  assert.deepEqual([cells[0][5], cells[0][6], cells[0][7]], ["—", "Overschreden", "Sem"]);
  assert.match(rows[0].attrs.class, /sla-row-breached/);
  assert.deepEqual(withClass(rows[0], "sla-breached").map(textOf), ["Overschreden"], "the state is a badge with its word");
  assert.deepEqual([cells[1][1], cells[1][2], cells[1][3], cells[1][6], cells[1][7]], ["Globex", "Hoog", "Oplostijd", "Dreigt te verlopen",
    nl("work.triage.nobody")]);
  assert.equal(findAll(rows[1], n => n.tag === "time").map(t => t.attrs.datetime).join(), "2026-11-24T15:30:00Z,2026-11-24T11:00:00Z",
    "the warning time while it is still to come");
  assert.deepEqual([cells[2][5], cells[2][7]], ["al verstreken", nl("work.triage.unknownColleague")]);
  assert.match(textOf(withClass(view, "risk-summary")[0]), /^3 termijnen van alle klanten verlopen vóór .* \(de komende 8 uur\)\.$/);
  assert.equal(withClass(view, "warning").length, 0, "complete: nothing to warn about");
  assert.equal(state.shown.hours, 8);
});

test("SLA at risk also lists the open tickets already breached (from the queues, as the dashboard's card): of the customer shown, once", async () => {
  const queued = (id, number, customerId, state, dueAt) => ({ id, number, customerId, title: "T" + number, priority: "critical",
    status: "open", assigneeId: "s1", nextDeadline: { target: "resolution", dueAt, state } });
  const queues = { new: { items: [queued("acme-6", 6, "acme", "breached", "2026-11-20T08:00:00Z"),
    queued("acme-7", 7, "acme", "running", "2026-11-30T08:00:00Z")] },
  open: { items: [queued("globex-2", 2, "globex", "breached", "2026-11-19T08:00:00Z"),
    queued("acme-12", 12, "acme", "breached", "2026-11-24T09:00:00Z")] } };
  const shown = [];
  await atRiskPage(context("provider-agent", riskApi(() => ({ ...AT_RISK, tickets: [] }), status => queues[status]), shown),
    parseRoute("#/sla/at-risk"));
  let section = withClass(last(shown), "risk-breached")[0];
  assert.equal(textOf(findAll(section, n => n.tag === "h2")[0]), "Al overschreden");
  assert.match(textOf(withClass(last(shown), "risk-summary")[0]), /^Geen open ticket/, "nothing within the window");
  const hrefs = sec => findAll(sec, n => n.tag === "a").map(a => a.attrs.href);
  assert.deepEqual(hrefs(section), ["#/tickets/globex-2", "#/tickets/acme-6", "#/tickets/acme-12"], "breached ones, oldest deadline first");
  assert.deepEqual(withClass(section, "sla-breached").map(textOf), ["Overschreden", "Overschreden", "Overschreden"]);

  const one = [];
  await atRiskPage(context("provider-agent", riskApi(() => AT_RISK, status => queues[status]), one), parseRoute("#/sla/at-risk?customerId=acme"));
  section = withClass(last(one), "risk-breached")[0];
  assert.deepEqual(hrefs(section), ["#/tickets/acme-6"], "the customer shown only, and not twice (acme-12 is in the at-risk rows)");

  const failing = [];
  await atRiskPage(context("provider-agent", riskApi(() => AT_RISK, status => (status === "open" ? new ApiError(500, { title: "Fout" })
    : { items: [] })), failing), parseRoute("#/sla/at-risk"));
  section = withClass(last(failing), "risk-breached")[0];
  assert.match(textOf(withClass(section, "warning")[0]), /Niet gelezen: In behandeling\./);
  assert.match(textOf(section), /Geen van deze tickets heeft een overschreden termijn\./);
  for (const lang of LANGUAGES) for (const key of ["risk.breached.heading", "risk.breached.intro", "risk.breached.none", "risk.breached.unread"]) {
    assert.ok(texts[lang][key], lang + " " + key);
  }
});

test("SLA at risk: the user picks the window and one customer; Tonen reads that and keeps it in the hash", async () => {
  const api = riskApi(path => ({ ...AT_RISK, hours: Number(/hours=(\d+)/.exec(path)[1]), tickets: [AT_RISK.tickets[0]] }));
  const shown = [];
  const hashes = [];
  const ctx = { ...context("provider-admin", api, shown), replaceHash: hash => hashes.push(hash) };
  const page = await atRiskPage(ctx, parseRoute("#/sla/at-risk?hours=24"));
  assert.equal(byId(last(shown), "f-risk.hours").children.filter(o => o.attrs.selected).map(textOf).join(), "komende 24 uur");
  assert.deepEqual(byId(last(shown), "f-risk.hours").children.map(o => o.attrs.value), ["4", "8", "24", "72", "168"]);
  assert.deepEqual(byId(last(shown), "f-risk.customer").children.map(textOf), ["Alle klanten", "Acme <B.V.> (acme)", "Globex (globex)"]);
  choose(last(shown), "f-risk.hours", "168");
  choose(last(shown), "f-risk.customer", "acme");
  await findAll(last(shown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls.filter(c => c[1].startsWith("/sla")).map(c => c[1]), ["/sla/at-risk?hours=24", "/sla/at-risk?hours=168&customerId=acme"]);
  assert.deepEqual(hashes, ["#/sla/at-risk?hours=168&customerId=acme"]);
  assert.match(textOf(withClass(last(shown), "risk-summary")[0]), /^1 termijnen van Acme <B\.V\.> verlopen vóór .* \(de komende 168 uur\)\.$/);
  assert.deepEqual(page.state.shown, { hours: 168, customerId: "acme" });
});

test("SLA at risk: complete false is said; nothing due says so; a refusal in the problem box; customers and agents' names may fail", async () => {
  const incomplete = [];
  await atRiskPage(context("provider-agent", riskApi(() => ({ ...AT_RISK, complete: false })), incomplete), parseRoute("#/sla/at-risk"));
  assert.match(textOf(withClass(last(incomplete), "warning")[0]), /niet volledig.*kortere periode of één klant/);

  const none = [];
  await atRiskPage(context("provider-agent", riskApi(() => ({ ...AT_RISK, hours: 4, tickets: [] })), none), parseRoute("#/sla/at-risk?hours=4"));
  assert.match(textOf(withClass(last(none), "risk-summary")[0]), /^Geen open ticket van alle klanten heeft een termijn die vóór .* verloopt \(de komende 4 uur\)\.$/);
  assert.equal(withClass(last(none), "risk-table").length, 0);

  const refused = [];
  await atRiskPage(context("provider-agent", fakeApi((method, path) => (path.startsWith("/sla")
    ? validation([{ field: "hours", code: "out-of-range", message: "is a whole number of hours from 1 to 168" }])
    : new ApiError(500, { title: "Interne fout" }))), refused), parseRoute("#/sla/at-risk"));
  const view = last(refused);
  assert.equal(withClass(view, "problem").length, 1, "the read's refusal is shown");
  assert.match(textOf(withClass(view, "hint")[0]), /klanten konden niet worden geladen/);
  assert.deepEqual(byId(view, "f-risk.customer").children.map(textOf), ["Alle klanten"]);

  const customer = [];
  const quiet = fakeApi(() => { throw new Error("no call expected"); });
  await atRiskPage(context("customer-admin", quiet, customer), parseRoute("#/sla/at-risk"));
  assert.match(textOf(last(customer)), /voor de servicedesk/);
  assert.equal(quiet.calls.length, 0, "a customer reads nothing (the API refuses them too)");
});
