// The reports pages: the customer's "Rapportages" (the months in words, pages, size, made on, the download through the
// download route and its presigned URL, the 403 of a customer user in words, the admin's sharing switch, the e-mail
// preference linked, the empty list's first date), and a customer's reports for provider staff (download; regenerate
// for provider admins only, after a confirmation, with 202, 409 and 400 in words); the routes, the menu and the texts.
// Against the recording fake API and the DOM shim of fakes.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { parseRoute, reportLinks, routeHash } from "../routes.mjs";
import { customerReportsPage, fileSize, monthName, nextReportDay, reportsPage } from "../reports.mjs";
import { customerPage } from "../admin.mjs";
import { click, context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
const nl = translator("nl");
const buttons = desc => findAll(desc, n => n.tag === "button").map(textOf);
const withClass = (desc, name) => findAll(desc, n => String(n.attrs.class || "").split(" ").includes(name));
const forbidden = () => new ApiError(403, { type: "urn:klantportaal:problem:forbidden", title: "Forbidden",
  detail: "Your organisation shows its reports to its administrators only" });
const URL_OF = month => "https://reports.s3.eu-west-1.amazonaws.com/demo-acme/" + month + "/v1.pdf?X-Amz-Signature=abc";

const REPORTS = [
  { month: "2026-10", version: 2, generatedAt: "2026-11-02T09:30:00Z", pages: 3, bytes: 48211, fileName: "rapportage-2026-10.pdf" },
  { month: "2026-09", version: 1, generatedAt: "2026-10-01T04:00:03Z", pages: 5, bytes: 1_250_000, fileName: "rapportage-2026-09.pdf" }
];
const listOf = (usersSee = false, reports = REPORTS) => ({ customerId: "acme", usersSeeReports: usersSee, reports });

/** A customer's ctx with the shell's tenant and the shell's way of following a download link. */
function customerContext(role, api, shown, extra = {}) {
  const opened = [];
  return Object.assign(context(role, api, shown), { tenant: "acme", origin: "https://portal.example.test", opened,
    openDownload: url => opened.push(url) }, extra);
}

function customerApi({ list = () => listOf(), download, put } = {}) {
  return fakeApi((method, path, body) => {
    if (method === "GET" && path === "/reports") return list();
    const m = /^\/reports\/([^/]+)\/download$/.exec(path);
    if (method === "GET" && m) {
      return download ? download(m[1]) : { url: URL_OF(m[1]), expiresAt: "2026-11-23T10:05:00Z", fileName: "rapportage-" + m[1] + ".pdf" };
    }
    if (method === "PUT" && path === "/reports/sharing") return put ? put(body) : listOf(body.usersSee);
    throw new Error("unexpected " + method + " " + path);
  });
}

// ---------------------------------------------------------------------------------------------
// Rapportages (customers)

test("Rapportages: a card per month, newest first, the month in words, pages, size, made on; the page only reads", async () => {
  const api = customerApi();
  const shown = [];
  await reportsPage(customerContext("customer-admin", api, shown), { name: "reports" });
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]), ["GET /reports"], "opening only reads");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Rapportages");
  const cards = withClass(view, "report");
  assert.equal(cards.length, 2);
  const [october, september] = cards;
  assert.equal(textOf(findAll(october, n => n.tag === "h2")[0]), "Rapportage oktober 2026 versie 2");
  assert.equal(textOf(withClass(october, "report-version")[0]), "versie 2", "a version made again is said in words");
  assert.equal(textOf(withClass(october, "pages")[1]), "3");
  assert.equal(textOf(withClass(october, "size")[1]), "48 kB");
  assert.match(textOf(withClass(october, "generated")[1]), /^2 nov\.? 2026,? 10:30 CET$/, "on the Amsterdam clock");
  assert.equal(textOf(findAll(september, n => n.tag === "h2")[0]), "Rapportage september 2026", "no badge for a first version");
  assert.equal(withClass(september, "badge").length, 0);
  assert.equal(textOf(withClass(september, "size")[1]), "1,3 MB");
  assert.deepEqual(buttons(view).filter(b => b.startsWith("Downloaden")),
    ["Downloaden Rapportage oktober 2026", "Downloaden Rapportage september 2026"], "each download named by its month");
  assert.equal(buttons(view).filter(b => /Opnieuw maken/.test(b)).length, 0, "customers regenerate nothing");
  mount(view, shimDocument());

  const en = [];
  await reportsPage(Object.assign(customerContext("customer-user", customerApi({ list: () => listOf(true) }), en),
    { lang: "en", tr: translator("en") }));
  assert.equal(textOf(findAll(withClass(last(en), "report")[0], n => n.tag === "h2")[0]), "Report October 2026 version 2");
  assert.equal(textOf(withClass(withClass(last(en), "report")[1], "size")[1]), "1.3 MB");
  assert.equal(monthName("2026-11", "de"), "November 2026");
  assert.equal(monthName("2026-13", "nl"), "2026-13", "a month the portal cannot read shows as itself");
  assert.equal(fileSize(400, "nl"), "1 kB");
});

test("Downloaden asks the download route and follows the presigned URL it answers; the PDF never goes through the API client", async () => {
  const api = customerApi();
  const shown = [];
  const ctx = customerContext("customer-user", api, shown);
  await reportsPage(ctx);
  await click(withClass(last(shown), "report")[1], "Downloaden Rapportage september 2026").attrs.on.click();
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]), ["GET /reports", "GET /reports/2026-09/download"]);
  assert.deepEqual(ctx.opened, [URL_OF("2026-09")], "the browser is sent to the presigned URL");
  assert.equal(withClass(last(shown), "problem").length, 0);

  // the local cloud's s3proxy from a portal on loopback is followed too; anything else is refused in words
  const local = customerContext("customer-admin", customerApi({ download: () => ({ url: "http://127.0.0.1:4566/reports/x.pdf" }) }), [],
    { origin: "http://127.0.0.1:3000" });
  const localPage = await reportsPage(local);
  await localPage.actions.download(REPORTS[0]);
  assert.deepEqual(local.opened, ["http://127.0.0.1:4566/reports/x.pdf"]);

  for (const url of ["javascript:alert(1)", "http://evil.example.test/x.pdf", "data:application/pdf;base64,AAAA", undefined]) {
    const refused = [];
    const badCtx = customerContext("customer-admin", customerApi({ download: () => ({ url }) }), refused);
    await reportsPage(badCtx);
    await click(withClass(last(refused), "report")[0], "Downloaden Rapportage oktober 2026").attrs.on.click();
    assert.deepEqual(badCtx.opened, [], "not followed: " + url);
    const card = withClass(last(refused), "report")[0];
    assert.match(textOf(withClass(card, "problem")[0]), /wordt niet vertrouwd en is niet geopend/, "said at its card");
  }
});

test("a download refused: 404 says there is no report of that month (at its card); other problems show as they are", async () => {
  const shown = [];
  const ctx = customerContext("customer-admin", customerApi({ download: month => (month === "2026-10"
    ? new ApiError(404, { type: "urn:klantportaal:problem:not-found", title: "Not found", detail: "Report of 2026-10" })
    : new ApiError(500, { title: "Serverfout" })) }), shown);
  await reportsPage(ctx);
  await click(withClass(last(shown), "report")[0], "Downloaden Rapportage oktober 2026").attrs.on.click();
  const [october, september] = withClass(last(shown), "report");
  assert.match(textOf(withClass(october, "problem")[0]), /Er is geen rapportage van oktober 2026 \(meer\)\. Vernieuw de lijst\./);
  assert.equal(withClass(september, "problem").length, 0, "only at the month it concerns");
  await click(september, "Downloaden Rapportage september 2026").attrs.on.click();
  assert.match(textOf(withClass(withClass(last(shown), "report")[1], "problem")[0]), /Serverfout/);
  assert.equal(withClass(withClass(last(shown), "report")[0], "problem").length, 0, "a new download clears the earlier refusal");
  assert.deepEqual(ctx.opened, []);
});

test("a customer user whose organisation shows reports to its admins only reads a sentence, not an error; other refusals show", async () => {
  const api = customerApi({ list: () => forbidden() });
  const shown = [];
  const result = await reportsPage(customerContext("customer-user", api, shown));
  const view = last(shown);
  assert.equal(api.calls.length, 1);
  assert.equal(result.state.hidden, true);
  assert.equal(result.state.error, null);
  assert.equal(withClass(view, "problem").length, 0, "no problem box");
  assert.equal(findAll(view, n => n.attrs.role === "alert").length, 0, "nothing reads as an error");
  assert.match(textOf(withClass(view, "reports-hidden")[0]),
    /^Uw organisatie toont de rapportages alleen aan haar beheerders\.Wilt u ze inzien, vraag het dan aan een beheerder/);
  assert.equal(withClass(view, "report").length, 0);
  assert.equal(findAll(view, n => n.tag === "input").length, 0, "no switch for a user");

  const otherShown = [];
  const other = await reportsPage(customerContext("customer-admin", customerApi({ list: () => new ApiError(500, { title: "Serverfout" }) }),
    otherShown));
  assert.equal(other.state.hidden, false);
  assert.match(textOf(withClass(last(otherShown), "problem")[0]), /Serverfout/);
});

test("an empty list says when the first report comes: the 1st of the next month (today, on the 1st)", async () => {
  const shown = [];
  await reportsPage(customerContext("customer-admin", customerApi({ list: () => listOf(false, []) }), shown));
  assert.equal(textOf(withClass(last(shown), "reports-none")[0]),
    "Er zijn nog geen rapportages. De eerste verschijnt op 1 december 2026: op de 1e van elke maand maken wij de rapportage over de maand ervoor.");
  const de = [];
  await reportsPage(customerContext("customer-user", customerApi({ list: () => listOf(true, []) }), de,
    { lang: "de", tr: translator("de"), today: () => "2026-12-01" }));
  assert.match(textOf(withClass(last(de), "reports-none")[0]), /Der erste erscheint am 1\. Dezember 2026:/);
  assert.equal(nextReportDay("2026-12-31"), "2027-01-01");
  assert.equal(nextReportDay("2027-01-01"), "2027-01-01");
});

test("a customer admin's switch: PUT /reports/sharing with usersSee, the answer's list shown; a refusal leaves the switch as it was", async () => {
  let refuse = false;
  const api = customerApi({ put: body => (refuse ? new ApiError(403, { type: "urn:klantportaal:problem:forbidden", title: "Forbidden",
    detail: "Only your organisation's administrators decide who sees its reports" }) : listOf(body.usersSee)) });
  const shown = [];
  const page = await reportsPage(customerContext("customer-admin", api, shown));
  const toggle = () => findAll(last(shown), n => n.attrs.id === "f-sharing.usersSee")[0];
  assert.equal(toggle().attrs.type, "checkbox");
  assert.equal(toggle().attrs.role, "switch");
  assert.equal(toggle().attrs.checked, false, "off as the list says");
  const label = findAll(last(shown), n => n.tag === "label" && n.attrs.for === "f-sharing.usersSee");
  assert.equal(textOf(label[0]), "Ook gebruikers mogen de rapportages zien", "the switch is named");
  assert.equal(textOf(findAll(last(shown), n => n.attrs.id === toggle().attrs["aria-describedby"])[0]),
    "Uit: alleen de beheerders van uw organisatie zien de rapportages. Aan: ook de gebruikers van uw organisatie.");

  await toggle().attrs.on.change({ target: { checked: true } });
  assert.deepEqual(api.calls.at(-1).slice(0, 3), ["PUT", "/reports/sharing", { usersSee: true }]);
  assert.equal(toggle().attrs.checked, true);
  assert.equal(page.state.sharing.notice, "De gebruikers van uw organisatie zien de rapportages nu ook.");
  await toggle().attrs.on.change({ target: { checked: false } });
  assert.deepEqual(api.calls.at(-1)[2], { usersSee: false });
  assert.equal(toggle().attrs.checked, false);
  assert.match(textOf(withClass(last(shown), "reports-sharing")[0]), /Alleen de beheerders van uw organisatie zien de rapportages nu\./);

  refuse = true;
  await toggle().attrs.on.change({ target: { checked: true } });
  assert.equal(toggle().attrs.checked, false, "the switch shows what holds");
  assert.match(textOf(withClass(withClass(last(shown), "reports-sharing")[0], "problem")[0]), /Only your organisation's administrators/);
  assert.equal(api.calls.filter(c => c[0] === "PUT").length, 3);
});

test("the e-mail preference is linked for customer admins (the report mail goes to them); users get no switch and no link", async () => {
  const shown = [];
  await reportsPage(customerContext("customer-admin", customerApi(), shown));
  const notify = withClass(last(shown), "reports-notify")[0];
  assert.equal(textOf(notify), "Geen mail meer over rapportages? Zet het uit onder Mijn gegevens (E-mailvoorkeuren, „Maandelijkse rapportages”).");
  assert.deepEqual(findAll(notify, n => n.tag === "a").map(a => [a.attrs.href, textOf(a)]), [["#/account", "Mijn gegevens"]]);
  assert.deepEqual(parseRoute("#/account"), { name: "account" });

  const user = [];
  await reportsPage(customerContext("customer-user", customerApi({ list: () => listOf(true) }), user));
  assert.equal(withClass(last(user), "report").length, 2, "a user with the grant sees the reports");
  assert.equal(withClass(last(user), "reports-notify").length, 0);
  assert.equal(withClass(last(user), "reports-sharing").length, 0);
});

test("the page re-reads after a language change (the API names the file); staff are pointed to the customer's page", async () => {
  let bound = null;
  const api = customerApi();
  const shown = [];
  const ctx = customerContext("customer-admin", api, shown, { bind: render => { bound = render; return render; } });
  await reportsPage(ctx);
  bound();
  assert.equal(api.calls.length, 1, "the same language renders again without a request");
  Object.assign(ctx, { lang: "en", tr: translator("en") });
  await bound();
  assert.equal(api.calls.length, 2);
  assert.match(textOf(last(shown)), /Report October 2026/);

  for (const role of ["provider-agent", "provider-admin"]) {
    const staff = customerApi();
    const refused = [];
    await reportsPage(context(role, staff, refused));
    assert.equal(staff.calls.length, 0, "staff have no own reports");
    assert.match(textOf(last(refused)), /pagina van die klant/);
  }
  const none = customerApi();
  const noRole = [];
  await reportsPage(context("none", none, noRole));
  assert.equal(none.calls.length, 0);
  assert.equal(textOf(findAll(last(noRole), n => n.tag === "h1")[0]), nl("admin.notAllowed"));
});

// ---------------------------------------------------------------------------------------------
// A customer's reports for provider staff

const CUSTOMER = { id: "acme", name: "Acme " + EVIL, slaTier: "koper", language: "nl", emailDomains: ["acme.example.test"], version: 2 };

function staffApi({ regenerate, list = () => listOf(), download } = {}) {
  return fakeApi((method, path) => {
    if (method === "GET" && path === "/customers/acme") return CUSTOMER;
    if (method === "GET" && path === "/customers/acme/reports") return list();
    const d = /^\/customers\/acme\/reports\/([^/]+)\/download$/.exec(path);
    if (method === "GET" && d) return download ? download(d[1]) : { url: URL_OF(d[1]), expiresAt: "x", fileName: "rapportage-" + d[1] + ".pdf" };
    const r = /^\/customers\/acme\/reports\/([^/]+)\/regenerate$/.exec(path);
    if (method === "POST" && r) return regenerate ? regenerate(r[1]) : { customerId: "acme", month: r[1], version: 3 };
    throw new Error("unexpected " + method + " " + path);
  });
}

const open = async (role, api, shown, extra = {}) => {
  const ctx = Object.assign(context(role, api, shown), { origin: "https://portal.example.test", opened: [] }, extra);
  ctx.openDownload = url => ctx.opened.push(url);
  const page = await customerReportsPage(ctx, { name: "customer-reports", id: "acme" });
  return { ctx, page };
};

test("staff: a customer's reports with Download (the staff route); agents only read, admins get Opnieuw maken per month", async () => {
  const api = staffApi();
  const shown = [];
  const { ctx } = await open("provider-agent", api, shown);
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]).sort(), ["GET /customers/acme", "GET /customers/acme/reports"], "opening only reads");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Rapportages van Acme " + EVIL);
  assert.equal(findAll(view, n => n.tag === "a" && n.attrs.href === "#/admin/customers/acme").length, 1, "back to the customer");
  assert.equal(textOf(withClass(view, "reports-users-see")[0]), "Alleen de beheerders van deze klant zien de rapportages.");
  const cards = withClass(view, "report");
  assert.equal(cards.length, 2);
  assert.equal(textOf(findAll(cards[0], n => n.tag === "h3")[0]), "Rapportage oktober 2026 versie 2");
  assert.deepEqual(buttons(cards[0]), ["Downloaden Rapportage oktober 2026"], "no regenerate for agents");
  assert.equal(findAll(view, n => n.tag === "input").length, 0, "staff do not switch the customer's sharing");
  assert.ok(mount(view, shimDocument()).textContent.includes(EVIL), "the customer's name mounts as text");

  await click(cards[0], "Downloaden Rapportage oktober 2026").attrs.on.click();
  assert.equal(api.calls.at(-1)[1], "/customers/acme/reports/2026-10/download");
  assert.deepEqual(ctx.opened, [URL_OF("2026-10")]);

  const adminShown = [];
  await open("provider-admin", staffApi({ list: () => listOf(true) }), adminShown);
  assert.deepEqual(buttons(withClass(last(adminShown), "report")[0]),
    ["Downloaden Rapportage oktober 2026", "Opnieuw maken Rapportage oktober 2026"], "each named by its month");
  assert.equal(textOf(withClass(last(adminShown), "reports-users-see")[0]), "De gebruikers van deze klant zien de rapportages ook.");

  const emptyShown = [];
  await open("provider-admin", staffApi({ list: () => listOf(false, []) }), emptyShown);
  assert.match(textOf(withClass(last(emptyShown), "reports-none")[0]), /De volgende wordt gemaakt op 1 december 2026\./);

  for (const role of ["customer-admin", "customer-user"]) {
    const customerApi = staffApi();
    const refused = [];
    await customerReportsPage(context(role, customerApi, refused), { name: "customer-reports", id: "acme" });
    assert.equal(customerApi.calls.length, 0, "customers never read a customer's reports by id");
    assert.equal(textOf(findAll(last(refused), n => n.tag === "h1")[0]), nl("admin.notAllowed"));
  }

  for (const [role, label] of [["provider-admin", "Rapportages bekijken en opnieuw maken"], ["provider-agent", "Rapportages van deze klant"]]) {
    const page = [];
    await customerPage(Object.assign(context(role, fakeApi((m, path) => (path.endsWith("/users") ? { items: [] } : CUSTOMER)), page),
      { userId: "me" }), { name: "customer", id: "acme" });
    const link = findAll(last(page), n => n.tag === "a" && n.attrs.href === "#/admin/customers/acme/reports");
    assert.equal(link.length, 1, role);
    assert.equal(textOf(link[0]), label);
  }
});

test("regenerate asks first; yes posts …/regenerate without a body and shows the 202's version being made; no keeps it", async () => {
  let version = 2;
  const api = staffApi({ list: () => listOf(false, [{ ...REPORTS[0], version }, REPORTS[1]]) });
  const shown = [];
  const { page } = await open("provider-admin", api, shown);
  const card = i => withClass(last(shown), "report")[i];
  await click(card(0), "Opnieuw maken Rapportage oktober 2026").attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "regenerating asks first");
  const confirm = withClass(card(0), "confirm")[0];
  assert.equal(confirm.attrs.role, "alert");
  assert.equal(textOf(findAll(confirm, n => n.tag === "p")[0]),
    "De rapportage van oktober 2026 opnieuw maken? Versie 3 vervangt dan de huidige; de klant krijgt er geen nieuwe mail over.");
  await click(card(0), "Nee").attrs.on.click();
  assert.equal(withClass(card(0), "confirm").length, 0);
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0);

  await click(card(0), "Opnieuw maken Rapportage oktober 2026").attrs.on.click();
  await click(card(0), "Ja, opnieuw maken").attrs.on.click();
  assert.deepEqual(api.calls.filter(c => c[0] === "POST").map(c => c.slice(1, 3)), [["/customers/acme/reports/2026-10/regenerate", undefined]],
    "no body");
  assert.match(textOf(withClass(card(0), "notice")[0]), /^Versie 3 van de rapportage van oktober 2026 wordt gemaakt\./);
  assert.equal(textOf(withClass(card(0), "report-making-badge")[0]), "versie 3 wordt gemaakt", "the card says so in words");
  assert.equal(withClass(card(1), "notice").length, 0, "only at the month it concerns");

  await click(last(shown), "Lijst vernieuwen").attrs.on.click();
  assert.equal(textOf(withClass(card(0), "report-making-badge")[0]), "versie 3 wordt gemaakt", "still being made: the list holds version 2");
  version = 3;
  await click(last(shown), "Lijst vernieuwen").attrs.on.click();
  assert.equal(withClass(card(0), "report-making-badge").length, 0, "made: the list holds version 3");
  assert.equal(textOf(withClass(card(0), "report-version")[0]), "versie 3");
  assert.deepEqual(page.state.making, {});
});

test("regenerate refused: 409 says the version is being made already, 400 that the month has not ended — in words, at its month", async () => {
  const answers = {
    "2026-10": () => new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Conflict",
      detail: "Version 3 of this report is being made already" }),
    "2026-09": () => new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Invalid input",
      errors: [{ field: "month", code: "format", message: "has not ended yet: a report covers a whole month" }] })
  };
  const shown = [];
  await open("provider-admin", staffApi({ regenerate: month => answers[month]() }), shown);
  const card = i => withClass(last(shown), "report")[i];
  await click(card(0), "Opnieuw maken Rapportage oktober 2026").attrs.on.click();
  await click(card(0), "Ja, opnieuw maken").attrs.on.click();
  assert.equal(textOf(withClass(card(0), "problem")[0]), "Versie 3 van de rapportage van oktober 2026 wordt al gemaakt. "
    + "Wacht tot die klaar is en vernieuw de lijst; maak hem daarna zo nodig opnieuw. "
    + "Verschijnt hij niet, vraag hem dan een half uur na uw eerste verzoek opnieuw aan.");
  assert.equal(textOf(withClass(card(0), "report-making-badge")[0]), "versie 3 wordt gemaakt");

  await click(card(1), "Opnieuw maken Rapportage september 2026").attrs.on.click();
  await click(card(1), "Ja, opnieuw maken").attrs.on.click();
  assert.equal(textOf(withClass(card(1), "problem")[0]),
    "september 2026 is nog niet voorbij: een rapportage gaat over een hele maand. U kunt hem maken vanaf 1 oktober 2026.");
  assert.equal(withClass(card(0), "problem").length, 0, "the earlier refusal is cleared");

  const other = [];
  await open("provider-admin", staffApi({ regenerate: () => new ApiError(404, { type: "urn:klantportaal:problem:not-found",
    title: "Niet gevonden", detail: "Customer" }) }), other);
  await click(withClass(last(other), "report")[0], "Opnieuw maken Rapportage oktober 2026").attrs.on.click();
  await click(withClass(last(other), "report")[0], "Ja, opnieuw maken").attrs.on.click();
  assert.match(textOf(withClass(withClass(last(other), "report")[0], "problem")[0]), /Niet gevonden.*Customer/, "others as the API says");
});

test("staff: an unknown customer's 404 shows; the list re-reads after a language change", async () => {
  const shown = [];
  await open("provider-agent", fakeApi(() => new ApiError(404, { type: "urn:klantportaal:problem:not-found", title: "Niet gevonden",
    detail: "Customer" })), shown);
  assert.match(textOf(withClass(last(shown), "problem")[0]), /Niet gevonden/);
  assert.equal(withClass(last(shown), "report").length, 0);

  let bound = null;
  const api = staffApi();
  const langShown = [];
  const { ctx } = await open("provider-agent", api, langShown, { bind: render => { bound = render; return render; } });
  const reads = () => api.calls.filter(c => c[1] === "/customers/acme/reports").length;
  bound();
  assert.equal(reads(), 1);
  Object.assign(ctx, { lang: "de", tr: translator("de") });
  await bound();
  assert.equal(reads(), 2);
  assert.match(textOf(last(langShown)), /Bericht Oktober 2026/);
});

// ---------------------------------------------------------------------------------------------
// routes, menu, texts

test("the reports routes and their hashes; the menu per role", async () => {
  for (const [hash, route] of [["#/reports", { name: "reports" }],
    ["#/admin/customers/acme/reports", { name: "customer-reports", id: "acme" }]]) {
    assert.deepEqual(parseRoute(hash), route, hash);
    assert.equal(routeHash(route), hash);
  }
  for (const bad of ["#/reports/2026-10", "#/admin/customers/ACME/reports", "#/admin/customers/acme/reports/2026-10",
    "#/admin/customers/%E0%A4%A/reports"]) {
    assert.deepEqual(parseRoute(bad), { name: "not-found" }, bad);
  }
  const hrefs = role => reportLinks(role).map(l => l.href);
  assert.deepEqual(hrefs("customer-user"), ["#/reports"]);
  assert.deepEqual(hrefs("customer-admin"), ["#/reports"]);
  for (const role of ["provider-agent", "provider-admin", "none"]) assert.deepEqual(hrefs(role), [], role);

  const shown = [];
  await reportsPage(customerContext("customer-admin", customerApi(), shown));
  const nav = findAll(findAll(last(shown), n => n.tag === "nav")[0], n => n.tag === "a");
  assert.deepEqual(nav.map(a => a.attrs.href).slice(6, 8), ["#/subscriptions", "#/reports"], "after Abonnementen");
  assert.equal(textOf(nav[7]), "Rapportages");
});

test("every text of the reports pages exists in nl, en and de, and none is unused", () => {
  const used = new Set();
  for (const file of readdirSync(portal).filter(f => f.endsWith(".mjs"))) {
    for (const m of readFileSync(join(portal, file), "utf8").matchAll(/"(reports\.[A-Za-z0-9.-]*[A-Za-z0-9])"/g)) used.add(m[1]);
  }
  used.add("nav.reports");
  const defined = Object.keys(texts.nl).filter(k => k.startsWith("reports."));
  assert.deepEqual(defined.filter(k => !used.has(k)), [], "no reports text is left unused");
  for (const key of used) for (const l of LANGUAGES) assert.ok(key in texts[l], `${key} missing in ${l}`);
  assert.equal(translator("en")("reports.sharing.label"), "Users may see the reports too");
  assert.equal(translator("de")("nav.reports"), "Berichte");
});
