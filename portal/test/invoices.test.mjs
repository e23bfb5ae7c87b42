// The invoices pages: the customer admin's "Facturen" (open and paid/credited in two tables, the PDF through the document
// route and its presigned URL, an invoice with its lines, totals per VAT rate, "Btw verlegd" and the credit reference; a
// customer user's 403 in words), and provider staff's pages (a customer's invoices with drafts, "Nieuwe conceptfactuur"
// with typed lines, the provider admin's buttons per state with the version read, field errors of a 400, 409s, the
// invoicing details); the routes, the menu and the texts. Against the recording fake API and the DOM shim of fakes.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { invoiceLinks, navLinks, parseRoute, routeHash } from "../routes.mjs";
import { openSignedIn } from "../router.mjs";
import { customerInvoicePage, customerInvoiceProfilePage, customerInvoicesPage, draftBody, INVOICE_STATUSES, invoicePage, invoicesPage,
  invoiceErrors, LINE_SOURCES, parseQuantity, PAYMENT_MOVES, splitInvoices, UNITS, VAT_RATES } from "../invoices.mjs";
import { customerPage } from "../admin.mjs";
import { click, context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
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
const heading = desc => textOf(findAll(desc, n => n.tag === "h1")[0]);
const rowsOf = table => findAll(table, n => n.tag === "tr" && String(n.attrs.class || "").split(" ").includes("invoice-row"));
const URL_OF = id => "https://invoices.s3.eu-west-1.amazonaws.com/demo-acme/" + id + ".pdf?X-Amz-Signature=abc";
const problem = (status, code, title, detail, errors) => new ApiError(status, { type: "urn:klantportaal:problem:" + code, title, detail,
  errors });

const LINES = [
  { description: "Support op afroep " + EVIL, quantity: "12.50", unit: "hour", unitLabel: "uur", unitPrice: "95.00", vatRate: "21",
    vatLabel: "21% btw", amount: "1187.50", source: "time" },
  { description: "Microsoft 365 Business Premium", quantity: "12", unit: "month", unitLabel: "mnd", unitPrice: "20.60", vatRate: "21",
    vatLabel: "21% btw", amount: "247.20", source: "subscription" },
  { description: "Installatie laptop", quantity: "1", unit: "piece", unitLabel: "st.", unitPrice: "86.63", vatRate: "21",
    vatLabel: "21% btw", amount: "86.63", source: "manual" }
];
const TOTALS = { perRate: [{ vatRate: "21", vatLabel: "21% btw", base: "1521.33", vat: "319.48" }], net: "1521.33", vat: "319.48",
  total: "1840.81" };
const BILL_TO = { name: "Acme " + EVIL, address: ["Keizersgracht 1", "1015 AA Amsterdam"] };

function invoice(overrides = {}) {
  return { id: "2026-11-01.abc234", kind: "invoice", number: "2026-00012", status: "open", statusLabel: "Openstaand", from: "2026-10-01",
    to: "2026-10-31", invoiceDate: "2026-11-01", dueDate: "2026-11-15", lines: LINES, totals: TOTALS, billTo: BILL_TO,
    reverseCharged: false, registrationLines: 7, complete: true, version: 3, language: "nl", ...overrides };
}

const LIST = [
  invoice(),
  invoice({ id: "2026-10-20.crd234", kind: "credit", number: "2026-00011", status: "open", statusLabel: "Terug te betalen",
    invoiceDate: "2026-10-20", dueDate: "2026-10-20", credits: { id: "2026-10-01.old234", number: "2026-00008" },
    totals: { ...TOTALS, total: "-121.00" } }),
  invoice({ id: "2026-10-05.inc234", number: "2026-00010", status: "in-collection", statusLabel: "Incasso uitgevoerd",
    invoiceDate: "2026-10-05", dueDate: "2026-10-19" }),
  invoice({ id: "2026-10-03.ovd234", number: "2026-00009", status: "overdue", statusLabel: "Vervallen", invoiceDate: "2026-10-03",
    dueDate: "2026-10-17" }),
  invoice({ id: "2026-10-01.old234", number: "2026-00008", status: "credited", statusLabel: "Gecrediteerd", invoiceDate: "2026-10-01",
    dueDate: "2026-10-15", creditedBy: { id: "2026-10-20.crd234", number: "2026-00011" } }),
  invoice({ id: "2026-09-01.pai234", number: "2026-00005", status: "paid", statusLabel: "Betaald", totals: { ...TOTALS, total: "605.00" },
    invoiceDate: "2026-09-01", dueDate: "2026-09-15" }),
  invoice({ id: "2026-08-01.fai234", number: "2026-00002", status: "collection-failed", statusLabel: "Incasso mislukt",
    invoiceDate: "2026-08-01", dueDate: "2026-08-15" })
];

/** A customer's ctx with the shell's tenant and the shell's way of following a download link. */
function customerContext(role, api, shown, extra = {}) {
  const opened = [];
  return Object.assign(context(role, api, shown), { tenant: "acme", origin: "https://portal.example.test", opened,
    openDownload: url => opened.push(url) }, extra);
}

function customerApi({ list = () => ({ invoices: LIST }), one, document } = {}) {
  return fakeApi((method, path) => {
    if (method === "GET" && path === "/invoices") return list();
    const d = /^\/invoices\/([^/]+)\/document$/.exec(path);
    if (method === "GET" && d) return document ? document(d[1]) : { url: URL_OF(d[1]), expiresAt: "2026-11-23T10:05:00Z" };
    const i = /^\/invoices\/([^/]+)$/.exec(path);
    if (method === "GET" && i) return one ? one(i[1]) : LIST.find(inv => inv.id === i[1]) || problem(404, "not-found", "Not found");
    throw new Error("unexpected " + method + " " + path);
  });
}

// ---------------------------------------------------------------------------------------------
// Facturen (customer admins)

test("Facturen: open ones and paid or credited ones in two tables with number, date, due date, total and status; opening only reads", async () => {
  const api = customerApi();
  const shown = [];
  await invoicesPage(customerContext("customer-admin", api, shown), { name: "invoices" });
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]), ["GET /invoices"], "opening only reads");
  const view = last(shown);
  assert.equal(heading(view), "Facturen");
  const [open, settled] = findAll(view, n => n.tag === "table");
  assert.equal(textOf(findAll(open, n => n.tag === "caption")[0]), "Openstaande facturen");
  assert.equal(textOf(findAll(settled, n => n.tag === "caption")[0]), "Betaalde en gecrediteerde facturen");
  assert.deepEqual(findAll(open, n => n.tag === "thead").flatMap(t => findAll(t, n => n.tag === "th")).map(textOf),
    ["Factuurnummer", "Factuurdatum", "Vervaldatum", "Totaal (incl. btw)", "Status", "Document"]);
  const numbers = table => rowsOf(table).map(r => textOf(findAll(r, n => n.tag === "th")[0]));
  assert.deepEqual(numbers(open), ["2026-00012", "2026-00011 creditfactuur", "2026-00010", "2026-00009", "2026-00002"],
    "open, overdue, in collection and collection failed; a credit invoice marked");
  assert.deepEqual(numbers(settled), ["2026-00008", "2026-00005"]);

  const first = findAll(rowsOf(open)[0], n => n.tag === "td").map(textOf);
  assert.match(first[0], /^1 nov\.? 2026$/);
  assert.match(first[1], /^15 nov\.? 2026$/);
  assert.match(first[2], /^€\s1\.840,81$/, "the exact amount in euros");
  assert.equal(first[3], "Openstaand", "the status in the API's words");
  assert.equal(first[4], "PDF van factuur 2026-00012", "the PDF button named by its invoice");
  assert.match(textOf(findAll(rowsOf(open)[1], n => n.tag === "td")[2]), /^€\s-121,00$/);
  assert.equal(withClass(rowsOf(open)[2], "invoice-status-in-collection").length, 1, "the badge carries the state as a class too");
  assert.deepEqual(findAll(rowsOf(open)[0], n => n.tag === "a").map(a => a.attrs.href), ["#/invoices/2026-11-01.abc234"]);
  assert.match(textOf(rowsOf(settled)[0]), /Gecrediteerd/);
  assert.ok(mount(view, shimDocument()).textContent.includes("Facturen"));

  const empty = [];
  await invoicesPage(customerContext("customer-admin", customerApi({ list: () => ({ invoices: [] }) }), empty));
  assert.match(textOf(last(empty)), /Er staan geen facturen open\..*Er zijn nog geen betaalde of gecrediteerde facturen\./);
  assert.deepEqual(splitInvoices([invoice({ status: "draft" })]), { open: [], settled: [] }, "a draft is never listed to customers");
  const sameDay = splitInvoices([invoice({ number: "2026-00001", invoiceDate: "2026-12-06" }), invoice({ number: "2026-00004",
    invoiceDate: "2026-12-06" }), invoice({ number: "2026-00002", invoiceDate: "2026-11-30" })]).open.map(inv => inv.number);
  assert.deepEqual(sameDay, ["2026-00004", "2026-00001", "2026-00002"], "newest first: by date, then by number");
});

test("PDF asks the document route and follows the presigned URL it answers; an untrusted one or a refusal is said at its row", async () => {
  const api = customerApi();
  const shown = [];
  const ctx = customerContext("customer-admin", api, shown);
  await invoicesPage(ctx);
  await click(last(shown), "PDF van factuur 2026-00005").attrs.on.click();
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]), ["GET /invoices", "GET /invoices/2026-09-01.pai234/document"]);
  assert.deepEqual(ctx.opened, [URL_OF("2026-09-01.pai234")], "the browser is sent to the presigned URL at once");
  assert.equal(withClass(last(shown), "problem").length, 0);

  for (const answer of [{ url: "javascript:alert(1)" }, { url: "http://evil.example.test/x.pdf" }, {},
    problem(404, "not-found", "Niet gevonden", "Invoice")]) {
    const refused = [];
    const badCtx = customerContext("customer-admin", customerApi({ document: () => answer }), refused);
    await invoicesPage(badCtx);
    await click(last(refused), "PDF van factuur 2026-00012").attrs.on.click();
    assert.deepEqual(badCtx.opened, [], "not followed: " + JSON.stringify(answer));
    const problems = withClass(last(refused), "invoice-problem");
    assert.equal(problems.length, 1, "in a row under the invoice");
    assert.match(textOf(problems[0]), answer instanceof ApiError ? /Niet gevonden/ : /wordt niet vertrouwd en is niet geopend/);
  }
});

test("an invoice: its lines, the totals per VAT rate, the PDF; Btw verlegd with the customer's VAT ID; the credit reference both ways", async () => {
  const reverse = invoice({ id: "2026-11-02.rev234", number: "2026-00013", reverseCharged: true,
    billTo: { ...BILL_TO, vatId: "BE0123456789" }, totals: { perRate: [{ vatRate: "reverse-charge", vatLabel: "Btw verlegd", base: "1521.33",
      vat: "0.00" }], net: "1521.33", vat: "0.00", total: "1521.33" } });
  const api = customerApi({ one: id => (id === reverse.id ? reverse : LIST.find(inv => inv.id === id)) });
  const shown = [];
  const ctx = customerContext("customer-admin", api, shown);
  await invoicePage(ctx, parseRoute("#/invoices/2026-11-01.abc234"));
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]), ["GET /invoices/2026-11-01.abc234"]);
  let view = last(shown);
  assert.equal(heading(view), "Factuur 2026-00012");
  const lines = withClass(view, "invoice-lines-table")[0];
  const cells = findAll(findAll(lines, n => n.tag === "tbody")[0], n => n.tag === "td").map(textOf);
  assert.equal(cells[0], "Support op afroep " + EVIL);
  assert.equal(cells[1], "12,5 uur", "the quantity in Dutch, the API's unit");
  assert.match(cells[2], /^€\s95,00$/);
  assert.equal(cells[3], "21% btw");
  assert.match(cells[4], /^€\s1\.187,50$/);
  assert.equal(findAll(lines, n => n.tag === "th").map(textOf).includes("Herkomst"), false, "customers see no line sources");
  const rates = withClass(view, "vat-rates")[0];
  assert.equal(textOf(findAll(rates, n => n.tag === "caption")[0]), "Btw per tarief");
  assert.match(textOf(findAll(rates, n => n.tag === "tbody")[0]), /^21% btw€\s1\.521,33€\s319,48$/);
  assert.match(textOf(withClass(view, "net")[1]), /^€\s1\.521,33$/);
  assert.match(textOf(withClass(view, "total")[1]), /^€\s1\.840,81$/);
  assert.equal(withClass(view, "reverse-charge").length, 0);
  assert.match(textOf(withClass(view, "bill-to")[1]), /^Acme .*Keizersgracht 11015 AA Amsterdam$/);
  assert.deepEqual(buttons(view), ["PDF van factuur 2026-00012"]);
  await click(view, "PDF van factuur 2026-00012").attrs.on.click();
  assert.deepEqual(ctx.opened, [URL_OF("2026-11-01.abc234")]);
  assert.ok(mount(view, shimDocument()).textContent.includes(EVIL), "data mounts as text");

  const reverseShown = [];
  await invoicePage(customerContext("customer-admin", api, reverseShown), { name: "invoice", invoiceId: reverse.id });
  const note = withClass(last(reverseShown), "reverse-charge")[0];
  assert.match(textOf(note), /^Btw verlegd.*verlegd naar de afnemer.*Btw-nummer van de afnemer: BE0123456789$/);

  const creditShown = [];
  await invoicePage(customerContext("customer-admin", api, creditShown), { name: "invoice", invoiceId: "2026-10-20.crd234" });
  assert.equal(heading(last(creditShown)), "Creditfactuur 2026-00011");
  const credits = withClass(last(creditShown), "credits");
  assert.equal(textOf(credits[0]), "Creditfactuur bij factuur");
  assert.deepEqual(findAll(credits[1], n => n.tag === "a").map(a => [a.attrs.href, textOf(a)]), [["#/invoices/2026-10-01.old234", "2026-00008"]]);
  const creditedShown = [];
  await invoicePage(customerContext("customer-admin", api, creditedShown), { name: "invoice", invoiceId: "2026-10-01.old234" });
  const by = withClass(last(creditedShown), "credited-by");
  assert.equal(textOf(by[0]), "Gecrediteerd met creditfactuur");
  assert.deepEqual(findAll(by[1], n => n.tag === "a").map(a => a.attrs.href), ["#/invoices/2026-10-20.crd234"]);
});

test("a customer user reads that invoices are for the administrators, not an error; the menu offers Facturen to customer admins only", async () => {
  const forbidden = () => problem(403, "forbidden", "Forbidden", "Invoices are shown to your organisation's administrators");
  for (const open of [ctx => invoicesPage(ctx), ctx => invoicePage(ctx, { name: "invoice", invoiceId: "2026-11-01.abc234" })]) {
    const api = customerApi({ list: forbidden, one: forbidden });
    const shown = [];
    const result = await open(customerContext("customer-user", api, shown));
    const view = last(shown);
    assert.equal(api.calls.length, 1);
    assert.equal(result.state.hidden, true);
    assert.equal(withClass(view, "problem").length, 0, "no problem box");
    assert.equal(findAll(view, n => n.attrs.role === "alert").length, 0, "nothing reads as an error");
    assert.equal(withClass(view, "invoices-hidden")[0].attrs.role, "status");
    assert.equal(textOf(withClass(view, "invoices-hidden")[0]), "Facturen zijn alleen zichtbaar voor de beheerders van uw organisatie."
      + "Hebt u een factuur nodig, vraag het dan aan een beheerder van uw organisatie.");
    assert.equal(findAll(view, n => n.tag === "table").length, 0);
  }
  const navOf = async role => {
    const shown = [];
    await invoicesPage(customerContext(role, customerApi({ list: () => ({ invoices: [] }) }), shown));
    return findAll(findAll(last(shown), n => n.tag === "nav")[0], n => n.tag === "a");
  };
  const admin = await navOf("customer-admin");
  assert.deepEqual(admin.map(a => a.attrs.href).slice(7, 10), ["#/reports", "#/invoices", "#/kb"], "after Rapportages");
  assert.equal(textOf(admin[8]), "Facturen");
  assert.equal((await navOf("customer-user")).filter(a => a.attrs.href === "#/invoices").length, 0, "customer users get no entry");

  const other = [];
  await invoicesPage(customerContext("customer-admin", customerApi({ list: () => problem(500, "internal", "Serverfout") }), other));
  assert.match(textOf(withClass(last(other), "problem")[0]), /Serverfout/);

  for (const role of ["provider-agent", "provider-admin"]) {
    const staff = customerApi();
    const refused = [];
    await invoicesPage(context(role, staff, refused));
    assert.equal(staff.calls.length, 0, "staff have no own invoices");
    assert.match(textOf(last(refused)), /pagina van die klant/);
  }
});

test("the customer's pages re-read after a language change: the API words the status, the unit and the VAT rate", async () => {
  let bound = null;
  const api = customerApi();
  const shown = [];
  const ctx = customerContext("customer-admin", api, shown, { bind: render => { bound = render; return render; } });
  await invoicesPage(ctx);
  bound();
  assert.equal(api.calls.length, 1, "the same language renders again without a request");
  Object.assign(ctx, { lang: "de", tr: translator("de") });
  await bound();
  assert.equal(api.calls.length, 2);
  assert.match(textOf(last(shown)), /Offene Rechnungen/);
});

// ---------------------------------------------------------------------------------------------
// A customer's invoices for provider staff

const CUSTOMER = { id: "acme", name: "Acme " + EVIL, slaTier: "koper", language: "nl", emailDomains: ["acme.example.test"], version: 2 };
const DRAFT = invoice({ id: "2026-11-23.drf234", number: undefined, status: "draft", statusLabel: "Concept", invoiceDate: undefined,
  dueDate: undefined, billTo: undefined, version: 1 });
const PROFILE = { address: ["Keizersgracht 1", "1015 AA Amsterdam"], vatId: "NL123456789B01", vatRate: "21", paymentTermDays: 14,
  billingEmails: ["facturen@acme.example.test"], version: 4 };

function staffApi({ list = () => ({ invoices: [DRAFT, ...LIST] }), one, post, put, profile = () => PROFILE } = {}) {
  return fakeApi((method, path, body) => {
    if (method === "GET" && path === "/customers/acme") return CUSTOMER;
    if (method === "GET" && path === "/customers/acme/invoices") return list();
    if (method === "GET" && path === "/customers/acme/invoice-profile") return profile();
    if (method === "PUT" && path === "/customers/acme/invoice-profile") return put ? put(path, body) : { ...body, version: body.version + 1 };
    const d = /^\/customers\/acme\/invoices\/([^/]+)\/document$/.exec(path);
    if (method === "GET" && d) return { url: URL_OF(d[1]), expiresAt: "2026-11-23T10:05:00Z" };
    const i = /^\/customers\/acme\/invoices\/([^/]+)$/.exec(path);
    if (method === "GET" && i) return one ? one(i[1]) : [DRAFT, ...LIST].find(inv => inv.id === i[1]) || problem(404, "not-found", "Not found");
    if (method === "POST") return post ? post(path, body) : {};
    if (method === "PUT") return put ? put(path, body) : {};
    throw new Error("unexpected " + method + " " + path);
  });
}

function staffContext(role, api, shown) {
  const ctx = Object.assign(context(role, api, shown), { origin: "https://portal.example.test", opened: [] });
  ctx.openDownload = url => ctx.opened.push(url);
  return ctx;
}
const openList = (role, api, shown) => customerInvoicesPage(staffContext(role, api, shown), parseRoute("#/admin/customers/acme/invoices"));
const openInvoice = (role, api, shown, invoiceId) => customerInvoicePage(staffContext(role, api, shown),
  { name: "customer-invoice", id: "acme", invoiceId });

test("staff: a customer's invoices with the drafts; provider admins get the draft form; agents read and download only", async () => {
  const api = staffApi();
  const shown = [];
  const listPage = await openList("provider-admin", api, shown);
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]).sort(), ["GET /customers/acme", "GET /customers/acme/invoices"], "opening only reads");
  const view = last(shown);
  assert.equal(heading(view), "Facturen van Acme " + EVIL);
  const drafts = withClass(view, "drafts").filter(n => n.tag === "table")[0];
  const draftRow = rowsOf(drafts)[0];
  assert.match(textOf(findAll(draftRow, n => n.tag === "th")[0]), /^1 okt\.? 2026 t\/m 31 okt\.? 2026$/, "a draft by its period");
  assert.deepEqual(findAll(draftRow, n => n.tag === "a").map(a => a.attrs.href), ["#/admin/customers/acme/invoices/2026-11-23.drf234"]);
  assert.equal(textOf(findAll(draftRow, n => n.tag === "td")[0]), "3", "its number of lines");
  assert.match(textOf(draftRow), /Concept$/);
  const open = withClass(view, "open-invoices").filter(n => n.tag === "table")[0];
  assert.equal(rowsOf(open).length, 5);
  assert.equal(findAll(rowsOf(open)[0], n => n.tag === "a")[0].attrs.href, "#/admin/customers/acme/invoices/2026-11-01.abc234");
  assert.deepEqual(findAll(view, n => n.tag === "a" && /invoice-profile$/.test(n.attrs.href)).map(a => a.attrs.href),
    ["#/admin/customers/acme/invoice-profile"]);
  assert.equal(byId(view, "f-draft.from").attrs.value, "2026-10-01", "last month by default");
  assert.equal(byId(view, "f-draft.to").attrs.value, "2026-10-31");
  await click(view, "PDF van factuur 2026-00009").attrs.on.click();
  assert.equal(api.calls.at(-1)[1], "/customers/acme/invoices/2026-10-03.ovd234/document");
  assert.ok(mount(last(shown), shimDocument()).textContent.includes(EVIL));
  assert.equal(listPage.state.invoices.length, 8);

  const agentShown = [];
  await openList("provider-agent", staffApi(), agentShown);
  assert.equal(findAll(last(agentShown), n => n.tag === "form").length, 0, "no form for agents");
  assert.ok(buttons(last(agentShown)).every(b => b.startsWith("PDF van factuur")), "agents only download");

  const customerApi2 = staffApi();
  const refused = [];
  await openList("customer-admin", customerApi2, refused);
  assert.equal(customerApi2.calls.length, 0, "customers never read a customer's invoices by id");
  assert.equal(heading(last(refused)), nl("admin.notAllowed"));

  for (const [role, label] of [["provider-admin", "Facturen beheren"], ["provider-agent", "Facturen van deze klant"]]) {
    const customer = [];
    await customerPage(Object.assign(context(role, fakeApi((m, path) => (path.endsWith("/users") ? { items: [] } : CUSTOMER)), customer),
      { userId: "me" }), { name: "customer", id: "acme" });
    const link = findAll(last(customer), n => n.tag === "a" && n.attrs.href === "#/admin/customers/acme/invoices");
    assert.equal(link.length, 1, role);
    assert.equal(textOf(link[0]), label);
    const links = findAll(last(customer), n => n.tag === "p" && /^customer-.*-link$/.test(n.attrs.class || "")).map(p => p.attrs.class);
    assert.deepEqual(links.slice(-3), ["customer-subscriptions-link", "customer-reports-link", "customer-invoices-link"]);
  }
});

test("the provider admin's buttons follow the state; agents get none; the page only reads on opening", async () => {
  const expected = {
    "2026-11-23.drf234": ["Finaliseren", "Regels bewerken", "Verwijderen"],
    "2026-11-01.abc234": ["Incasso uitgevoerd", "Betaald", "Crediteren"],
    "2026-10-03.ovd234": ["Incasso uitgevoerd", "Betaald", "Crediteren"],
    "2026-10-05.inc234": ["Betaald", "Incasso mislukt", "Crediteren"],
    "2026-08-01.fai234": ["Incasso uitgevoerd", "Betaald", "Crediteren"],
    "2026-09-01.pai234": ["Crediteren"],
    "2026-10-01.old234": [],
    "2026-10-20.crd234": ["Incasso uitgevoerd", "Betaald"]
  };
  for (const [invoiceId, labels] of Object.entries(expected)) {
    const api = staffApi();
    const shown = [];
    await openInvoice("provider-admin", api, shown, invoiceId);
    assert.ok(api.calls.every(c => c[0] === "GET"), "opening only reads");
    const actions = withClass(last(shown), "invoice-actions")[0];
    assert.deepEqual(buttons(actions), labels, invoiceId);
    if (!labels.length) assert.match(textOf(actions), /Voor deze factuur is niets meer te doen\./);

    const agentShown = [];
    await openInvoice("provider-agent", staffApi(), agentShown, invoiceId);
    assert.equal(withClass(last(agentShown), "invoice-actions").length, 0, "agents read only: " + invoiceId);
    assert.deepEqual(buttons(last(agentShown)), invoiceId === DRAFT.id ? [] : [buttons(last(shown)).find(b => b.startsWith("PDF"))]);
  }
  for (const [from, moves] of Object.entries(PAYMENT_MOVES)) assert.ok(moves.every(m => INVOICE_STATUSES.includes(m)), from);

  const shown = [];
  await openInvoice("provider-agent", staffApi(), shown, "2026-11-01.abc234");
  const view = last(shown);
  assert.equal(heading(view), "Factuur 2026-00012");
  const sources = findAll(findAll(withClass(view, "invoice-lines-table")[0], n => n.tag === "tbody")[0], n => n.tag === "tr")
    .map(r => textOf(findAll(r, n => n.tag === "td").at(-1)));
  assert.deepEqual(sources, ["Uren", "Abonnement", "Zelf ingevoerd"], "staff see where each line comes from");
  assert.equal(textOf(withClass(view, "registration-lines")[1]), "7");
});

test("Finaliseren asks first (mailed, numbered, not to be undone), then posts the version read and shows the numbered invoice; a 409 shows the problem's detail; a stale version reloads", async () => {
  let answer = () => ({ ...DRAFT, number: "2026-00013", status: "open", statusLabel: "Openstaand", invoiceDate: "2026-11-23",
    dueDate: "2026-12-07", version: 2 });
  const api = staffApi({ post: () => answer() });
  const shown = [];
  const page = await openInvoice("provider-admin", api, shown, DRAFT.id);
  assert.match(heading(last(shown)), /^Conceptfactuur 1 okt\.? 2026 t\/m 31 okt\.? 2026$/);
  assert.equal(buttons(last(shown)).includes("PDF van factuur "), false, "a draft has no PDF");
  await click(last(shown), "Finaliseren").attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "nothing sent before the confirmation");
  const confirm = withClass(last(shown), "confirm")[0];
  assert.equal(confirm.attrs.role, "alert");
  assert.match(textOf(confirm), /^Deze conceptfactuur \(1 okt\.? 2026 t\/m 31 okt\.? 2026\) finaliseren\? .*volgende factuurnummer.*naar de klant gemaild\. Dit kan niet ongedaan worden gemaakt/);
  await click(confirm, "Nee").attrs.on.click();
  assert.equal(withClass(last(shown), "confirm").length, 0, "Nee: the buttons again, nothing sent");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0);
  await click(last(shown), "Finaliseren").attrs.on.click();
  await click(withClass(last(shown), "confirm")[0], "Ja, finaliseren en mailen").attrs.on.click();
  assert.deepEqual(api.calls.at(-1).slice(0, 3), ["POST", "/customers/acme/invoices/2026-11-23.drf234/finalise", { version: 1 }]);
  assert.equal(heading(last(shown)), "Factuur 2026-00013");
  assert.equal(page.state.notice, "De factuur is gefinaliseerd met nummer 2026-00013 en wordt naar de klant gemaild.");
  assert.equal(withClass(last(shown), "notice")[0].attrs.role, "status");
  assert.deepEqual(buttons(withClass(last(shown), "invoice-actions")[0]), ["Incasso uitgevoerd", "Betaald", "Crediteren"]);

  answer = () => problem(409, "illegal-state", "Niet toegestaan", "A reverse-charged invoice needs the customer's VAT ID");
  const refusedShown = [];
  const refused = await openInvoice("provider-admin", staffApi({ post: () => answer() }), refusedShown, DRAFT.id);
  await click(last(refusedShown), "Finaliseren").attrs.on.click();
  await click(last(refusedShown), "Ja, finaliseren en mailen").attrs.on.click();
  const box = withClass(withClass(last(refusedShown), "invoice-actions")[0], "problem")[0];
  assert.equal(box.attrs.role, "alert");
  assert.match(textOf(box), /Niet toegestaan.*needs the customer's VAT ID/);
  assert.equal(refused.state.invoice.status, "draft", "still the draft");

  let version = 1;
  const staleApi = staffApi({ one: () => ({ ...DRAFT, version }),
    post: (path, body) => (body.version === 2 ? answer() : problem(409, "version-conflict", "Versieconflict")) });
  const staleShown = [];
  const stale = await openInvoice("provider-admin", staleApi, staleShown, DRAFT.id);
  version = 2;
  await click(last(staleShown), "Finaliseren").attrs.on.click();
  await click(last(staleShown), "Ja, finaliseren en mailen").attrs.on.click();
  assert.match(textOf(withClass(last(staleShown), "warning")[0]), /Iemand anders heeft deze factuur intussen gewijzigd/);
  assert.equal(stale.state.invoice.version, 2, "read again");
  assert.equal(staleApi.calls.filter(c => c[0] === "GET" && c[1] === "/customers/acme/invoices/2026-11-23.drf234").length, 2);
});

test("payment moves post the status with the version; Verwijderen and Crediteren ask first and say what happens", async () => {
  const api = staffApi({ post: (path, body) => {
    if (path.endsWith("/status")) return invoice({ status: body.status, statusLabel: body.status === "paid" ? "Betaald" : "Incasso uitgevoerd", version: 4 });
    if (path.endsWith("/credit")) return invoice({ id: "2026-11-23.new234", kind: "credit", number: "2026-00014" });
    return {};
  } });
  const shown = [];
  const page = await openInvoice("provider-admin", api, shown, "2026-11-01.abc234");
  await click(last(shown), "Incasso uitgevoerd").attrs.on.click();
  assert.deepEqual(api.calls.at(-1).slice(0, 3), ["POST", "/customers/acme/invoices/2026-11-01.abc234/status",
    { status: "in-collection", version: 3 }]);
  assert.equal(page.state.notice, "Factuur 2026-00012 heeft nu de status Incasso uitgevoerd.");
  assert.deepEqual(buttons(withClass(last(shown), "invoice-actions")[0]), ["Betaald", "Incasso mislukt", "Crediteren"]);
  await click(last(shown), "Betaald").attrs.on.click();
  assert.deepEqual(api.calls.at(-1)[2], { status: "paid", version: 4 }, "the version of the answer");

  const posts = () => api.calls.filter(c => c[0] === "POST").length;
  const before = posts();
  await click(last(shown), "Crediteren").attrs.on.click();
  assert.equal(posts(), before, "crediting asks first");
  const confirm = withClass(last(shown), "confirm")[0];
  assert.equal(confirm.attrs.role, "alert");
  assert.match(textOf(confirm), /Factuur 2026-00012 crediteren\? Er wordt een creditfactuur gemaakt met het volgende factuurnummer/);
  await click(confirm, "Nee").attrs.on.click();
  assert.equal(withClass(last(shown), "confirm").length, 0);
  await click(last(shown), "Crediteren").attrs.on.click();
  await click(last(shown), "Ja, crediteren").attrs.on.click();
  const credit = api.calls.at(-1);
  assert.deepEqual(credit.slice(0, 3), ["POST", "/customers/acme/invoices/2026-11-01.abc234/credit", { version: 4 }]);
  assert.equal(credit[3].idempotencyKey, "key-1");
  assert.deepEqual(shown.filter(s => s.flash || s.navigated), [{ flash: "Creditfactuur 2026-00014 is gemaakt; factuur 2026-00012 is gecrediteerd." },
    { navigated: "#/admin/customers/acme/invoices/2026-11-23.new234" }], "on to the credit invoice");

  const draftApi = staffApi({ post: () => ({}) });
  const draftShown = [];
  await openInvoice("provider-admin", draftApi, draftShown, DRAFT.id);
  await click(last(draftShown), "Verwijderen").attrs.on.click();
  assert.equal(draftApi.calls.filter(c => c[0] === "POST").length, 0, "deleting asks first");
  assert.match(textOf(withClass(last(draftShown), "confirm")[0]), /De conceptfactuur over .* verwijderen\? Wat erop stond/);
  await click(last(draftShown), "Ja, verwijderen").attrs.on.click();
  assert.deepEqual(draftApi.calls.at(-1).slice(0, 3), ["POST", "/customers/acme/invoices/2026-11-23.drf234/discard", { version: 1 }]);
  assert.deepEqual(draftShown.filter(s => s.navigated), [{ navigated: "#/admin/customers/acme/invoices" }]);
  assert.match(draftShown.find(s => s.flash).flash, /^De conceptfactuur over .* is verwijderd\.$/);

  const refusedApi = staffApi({ post: () => problem(409, "illegal-state", "Niet toegestaan", "Move from paid to in-collection") });
  const refusedShown = [];
  await openInvoice("provider-admin", refusedApi, refusedShown, "2026-08-01.fai234");
  await click(last(refusedShown), "Betaald").attrs.on.click();
  assert.match(textOf(withClass(last(refusedShown), "problem")[0]), /Niet toegestaan.*Move from paid to in-collection/);
});

test("Nieuwe conceptfactuur: the period and the typed lines (rows added and removed) are sent once with an idempotency key", async () => {
  const api = staffApi({ post: (path, body) => ({ ...DRAFT, id: "2026-11-23.new234", from: body.from, to: body.to }) });
  const shown = [];
  const ctx = staffContext("provider-admin", api, shown);
  await customerInvoicesPage(ctx, { name: "customer-invoices", id: "acme" });
  const view = () => last(shown);
  type(view(), "f-draft.from", "2026-11-01");
  type(view(), "f-draft.to", "2026-11-30");
  assert.match(textOf(withClass(view(), "typed-lines")[0]), /Geen eigen regels\./);
  for (let i = 0; i < 3; i++) await click(view(), "Regel toevoegen").attrs.on.click();
  assert.equal(findAll(withClass(view(), "typed-lines-table")[0], n => n.tag === "tbody")[0].children.length, 3);
  type(view(), "f-draft.lines.r1.description", "Installatie laptop");
  type(view(), "f-draft.lines.r1.quantity", "2");
  type(view(), "f-draft.lines.r1.unitPrice", "86,63");
  type(view(), "f-draft.lines.r2.description", "weg");
  type(view(), "f-draft.lines.r3.description", "Spoedtoeslag");
  type(view(), "f-draft.lines.r3.quantity", "1,5");
  choose(view(), "f-draft.lines.r3.unit", "hour");
  type(view(), "f-draft.lines.r3.unitPrice", "45");
  choose(view(), "f-draft.lines.r3.vatRate", "reverse-charge");
  const remove = findAll(view(), n => n.tag === "button" && textOf(n) === "Verwijderen regel 2");
  assert.equal(remove.length, 1, "the remove button is named by its row");
  await remove[0].attrs.on.click();
  assert.equal(textOf(findAll(view(), n => n.tag === "label" && n.attrs.for === "f-draft.lines.r3.description")[0]),
    "Omschrijving van regel 2", "the rows are numbered as shown");
  await submit(view(), "draft-form-heading");
  const post = api.calls.find(c => c[0] === "POST");
  assert.deepEqual(post.slice(1, 3), ["/customers/acme/invoices", { from: "2026-11-01", to: "2026-11-30", lines: [
    { description: "Installatie laptop", quantity: 2, unit: "piece", unitPrice: 86.63, vatRate: "21" },
    { description: "Spoedtoeslag", quantity: 1.5, unit: "hour", unitPrice: 45, vatRate: "reverse-charge" }] }]);
  assert.equal(post[3].idempotencyKey, "key-1");
  assert.deepEqual(shown.filter(s => s.navigated), [{ navigated: "#/admin/customers/acme/invoices/2026-11-23.new234" }], "on to the new draft");
  assert.match(shown.find(s => s.flash).flash, /^De conceptfactuur over 1 nov\.? 2026 t\/m 30 nov\.? 2026 is gemaakt\.$/);

  assert.deepEqual(draftBody({ from: "2026-11-01", to: "2026-11-30", lines: [] }, nl).body, { from: "2026-11-01", to: "2026-11-30" },
    "no lines of one's own: none sent");
  assert.equal(parseQuantity("0,25"), 0.25);
  assert.equal(parseQuantity("1,255"), null);
});

test("a 400 puts each field's message at its field (lines[i] at the row sent i-th); what is none is said before sending", async () => {
  const api = staffApi({ post: () => problem(400, "validation-failed", "Ongeldige invoer", "", [
    { field: "to", code: "before-start", message: "must be on or after from" },
    { field: "lines[1].quantity", code: "range", message: "must be more than 0 and at most 100,000, with at most two decimals" },
    { field: "lines[0].vatRate", code: "one-of", message: "must be one of [21, 9, 0, exempt, reverse-charge]" },
    { field: "lines", code: "too-many", message: "has at most 50 lines" }]) });
  const shown = [];
  await openList("provider-admin", api, shown);
  const view = () => last(shown);
  await click(view(), "Regel toevoegen").attrs.on.click();
  await click(view(), "Regel toevoegen").attrs.on.click();
  type(view(), "f-draft.lines.r1.quantity", "nul");
  type(view(), "f-draft.lines.r1.unitPrice", "5,-");
  await submit(view(), "draft-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "nothing is sent");
  assert.equal(textOf(byId(view(), "e-draft.lines.r1.description")), "Dit veld is verplicht.");
  assert.equal(textOf(byId(view(), "e-draft.lines.r1.quantity")), "Vul een aantal groter dan 0 in, met hoogstens twee decimalen, zoals 1 of 2,5.");
  assert.equal(textOf(byId(view(), "e-draft.lines.r1.unitPrice")), "Vul een bedrag in euro's in, zoals 950, 95,50 of 1.234,50.");
  assert.equal(byId(view(), "f-draft.lines.r1.quantity").attrs["aria-invalid"], "true");

  for (const key of ["r1", "r2"]) {
    type(view(), "f-draft.lines." + key + ".description", "Regel " + key);
    type(view(), "f-draft.lines." + key + ".quantity", "1");
    type(view(), "f-draft.lines." + key + ".unitPrice", "10");
  }
  type(view(), "f-draft.to", "2026-09-01");
  await submit(view(), "draft-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 1);
  assert.equal(textOf(byId(view(), "e-draft.to")), "De periode eindigt vóór ze begint.");
  assert.equal(byId(view(), "f-draft.to").attrs["aria-describedby"], "e-draft.to");
  assert.equal(textOf(byId(view(), "e-draft.lines.r2.quantity")), "Vul een aantal groter dan 0 in, met hoogstens twee decimalen, zoals 1 of 2,5.");
  assert.equal(textOf(byId(view(), "e-draft.lines.r1.vatRate")), nl("form.error.oneOf"), "else forms.mjs's words, never the API's English");
  assert.equal(textOf(byId(view(), "e-draft.lines")), "Hoogstens 50 stuks.");
  assert.match(textOf(withClass(view(), "warning")[0]), /Controleer de gemarkeerde velden\./);
  assert.equal(byId(view(), "f-draft.lines.r2.description").attrs.value, "Regel r2", "what was typed stays");
});

test("a draft refused for a missing hourly rate (409 rate-missing) points to the customer's billing settings; the system's message is kept", async () => {
  const detail = "Time of 2026-12-07 (ad-hoc-billable) has no hourly rate in the customer's agreement: add the rate, then draft again";
  let answer = problem(409, "rate-missing", "Er ontbreekt een uurtarief", detail);
  const api = staffApi({ post: () => answer });
  const shown = [];
  await openList("provider-admin", api, shown);
  await submit(last(shown), "draft-form-heading");
  const form = withClass(last(shown), "draft-form")[0];
  assert.match(textOf(withClass(form, "problem")[0]), /Melding van het systeem \(Engels\): Time of 2026-12-07.*Er is nog geen uurtarief afgesproken/);
  const hint = withClass(form, "missing-rate")[0];
  assert.match(textOf(hint), /geen uurtarief.*Facturatie-instellingen/);
  assert.deepEqual(findAll(hint, n => n.tag === "a").map(a => a.attrs.href), ["#/admin/customers/acme/hours"], "where the rates are set");

  answer = problem(409, "illegal-state", "Niet toegestaan", "The period has nothing to invoice");
  await submit(last(shown), "draft-form-heading");
  assert.equal(withClass(last(shown), "missing-rate").length, 0, "another refusal: no pointer to the rates");
});

test("a line's quantity × unit price past the API's limit (too-large at lines[i].unitPrice) is said in words", () => {
  const refused = new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    errors: [{ field: "lines[0].unitPrice", code: "too-large", message: "times the quantity must be below 100,000,000 euros" }] });
  assert.deepEqual(invoiceErrors(refused, nl, { rename: f => f.replace("lines[0]", "lines.r1") }),
    { "lines.r1.unitPrice": "Aantal × prijs per eenheid moet onder € 100.000.000 blijven." });
});

test("Regels bewerken: the draft's own lines in the form, PUT …/lines with the version read; a stale version keeps what was typed", async () => {
  let conflict = true;
  const api = staffApi({ put: (path, body) => (conflict ? problem(409, "version-conflict", "Versieconflict")
    : { ...DRAFT, lines: [...LINES.slice(0, 2), ...body.lines.map(l => ({ ...l, quantity: String(l.quantity), unitPrice: String(l.unitPrice),
      source: "manual" }))], version: body.version + 1 }) });
  const shown = [];
  const page = await openInvoice("provider-admin", api, shown, DRAFT.id);
  await click(last(shown), "Regels bewerken").attrs.on.click();
  const view = () => last(shown);
  assert.match(textOf(withClass(view(), "lines-form")[0]), /Alleen de regels die zelf zijn ingevoerd/);
  assert.equal(byId(view(), "f-edit.lines.r1.description").attrs.value, "Installatie laptop", "only the typed line");
  assert.equal(byId(view(), "f-edit.lines.r1.unitPrice").attrs.value, "86,63", "as Dutch writes it");
  assert.equal(byId(view(), "f-edit.lines.r1.quantity").attrs.value, "1");
  assert.equal(findAll(view(), n => n.attrs.id === "f-edit.lines.r2.description").length, 0);
  type(view(), "f-edit.lines.r1.unitPrice", "99,95");
  await submit(view(), "lines-form-heading");
  assert.deepEqual(api.calls.find(c => c[0] === "PUT").slice(0, 3), ["PUT", "/customers/acme/invoices/2026-11-23.drf234/lines", { version: 1, lines: [
    { description: "Installatie laptop", quantity: 1, unit: "piece", unitPrice: 99.95, vatRate: "21" }] }]);
  assert.match(textOf(withClass(view(), "lines-form")[0]), /Iemand anders heeft deze conceptfactuur intussen gewijzigd/);
  assert.equal(byId(view(), "f-edit.lines.r1.unitPrice").attrs.value, "99,95", "what was typed stays");
  assert.equal(api.calls.at(-1)[0] + " " + api.calls.at(-1)[1], "GET /customers/acme/invoices/2026-11-23.drf234", "the draft is read again");
  conflict = false;
  await submit(view(), "lines-form-heading");
  assert.equal(page.state.editing, null, "the form closes");
  assert.equal(page.state.notice, "De regels zijn opgeslagen.");
  assert.match(textOf(withClass(view(), "invoice-lines-table")[0]), /€\s99,95/);

  await click(view(), "Regels bewerken").attrs.on.click();
  await click(view(), "Annuleren").attrs.on.click();
  assert.equal(page.state.editing, null);
  assert.equal(api.calls.filter(c => c[0] === "PUT").length, 2, "cancelling sends nothing");
});

// ---------------------------------------------------------------------------------------------
// The invoicing details

test("invoicing details: staff read them; a provider admin saves them with the version read; field errors at their fields; 409", async () => {
  const agentShown = [];
  const agentApi = staffApi();
  await customerInvoiceProfilePage(staffContext("provider-agent", agentApi, agentShown), parseRoute("#/admin/customers/acme/invoice-profile"));
  const read = last(agentShown);
  assert.equal(heading(read), "Factuurgegevens van Acme " + EVIL);
  assert.equal(textOf(withClass(read, "address")[1]), "Keizersgracht 11015 AA Amsterdam");
  assert.equal(textOf(withClass(read, "vat-rate")[1]), "21% btw");
  assert.equal(textOf(withClass(read, "payment-term")[1]), "14 dagen");
  assert.equal(findAll(read, n => n.tag === "form").length, 0, "agents read only");
  assert.ok(agentApi.calls.every(c => c[0] === "GET"));

  let refuse = null;
  const api = staffApi({ put: (path, body) => (refuse ? refuse() : { ...body, version: body.version + 1 }) });
  const shown = [];
  const page = await customerInvoiceProfilePage(staffContext("provider-admin", api, shown), { name: "customer-invoice-profile", id: "acme" });
  const view = () => last(shown);
  assert.equal(byId(view(), "f-profile.vatId").attrs.value, "NL123456789B01");
  type(view(), "f-profile.address", "Herengracht 2\n\n1016 BB Amsterdam ");
  type(view(), "f-profile.vatId", "be 0123 456 789");
  choose(view(), "f-profile.vatRate", "reverse-charge");
  type(view(), "f-profile.paymentTermDays", "30");
  type(view(), "f-profile.billingEmails", "facturen@acme.example.test\nboekhouding@acme.example.test");
  await submit(view(), "profile-form-heading");
  assert.deepEqual(api.calls.at(-1).slice(0, 3), ["PUT", "/customers/acme/invoice-profile", { address: ["Herengracht 2", "1016 BB Amsterdam"],
    vatId: "BE0123456789", vatRate: "reverse-charge", paymentTermDays: 30,
    billingEmails: ["facturen@acme.example.test", "boekhouding@acme.example.test"], version: 4 }]);
  assert.equal(page.state.notice, "De factuurgegevens zijn opgeslagen.");
  assert.equal(textOf(withClass(view(), "vat-rate")[1]), "Btw verlegd");

  type(view(), "f-profile.paymentTermDays", "120");
  await submit(view(), "profile-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "PUT").length, 1, "a term that is none is said before sending");
  assert.equal(textOf(byId(view(), "e-profile.paymentTermDays")), "Vul een betaaltermijn van 0 tot en met 90 dagen in.");

  refuse = () => problem(400, "validation-failed", "Ongeldige invoer", "", [
    { field: "address[1]", code: "too-long", message: "must be at most 120 characters" },
    { field: "vatId", code: "format", message: "must be a VAT ID starting with its country code, such as NL123456789B01" },
    { field: "billingEmails[1]", code: "format", message: "must be an e-mail address" }]);
  type(view(), "f-profile.paymentTermDays", "30");
  await submit(view(), "profile-form-heading");
  assert.equal(textOf(byId(view(), "e-profile.address")), "Regel 2: Gebruik hoogstens 120 tekens.");
  assert.equal(textOf(byId(view(), "e-profile.vatId")), "Vul een btw-nummer in dat met de landcode begint, zoals NL123456789B01.");
  assert.equal(textOf(byId(view(), "e-profile.billingEmails")), "Adres 2: Vul een geldig e-mailadres in.");
  assert.equal(byId(view(), "f-profile.billingEmails").attrs["aria-invalid"], "true");

  refuse = () => problem(409, "version-conflict", "Versieconflict");
  await submit(view(), "profile-form-heading");
  const warning = withClass(view(), "warning").find(n => /Iemand anders/.test(textOf(n)));
  assert.equal(warning.attrs.role, "alert");
  await click(warning, "Opnieuw laden").attrs.on.click();
  assert.equal(page.state.notice, "De factuurgegevens zijn opnieuw geladen.");
  assert.equal(byId(view(), "f-profile.vatId").attrs.value, "NL123456789B01", "as it is now");
});

// ---------------------------------------------------------------------------------------------
// routes, menu, texts

test("the invoices routes and their hashes, opened through the route table; the menu per role", async () => {
  for (const [hash, route] of [["#/invoices", { name: "invoices" }],
    ["#/invoices/2026-11-01.abc234", { name: "invoice", invoiceId: "2026-11-01.abc234" }],
    ["#/invoices/2026-10.month", { name: "invoice", invoiceId: "2026-10.month" }],
    ["#/admin/customers/acme/invoices", { name: "customer-invoices", id: "acme" }],
    ["#/admin/customers/acme/invoices/2026-10.month", { name: "customer-invoice", id: "acme", invoiceId: "2026-10.month" }],
    ["#/admin/customers/acme/invoice-profile", { name: "customer-invoice-profile", id: "acme" }]]) {
    assert.deepEqual(parseRoute(hash), route, hash);
    assert.equal(routeHash(route), hash);
  }
  for (const bad of ["#/invoices/x", "#/invoices/2026-11-01.abc234/document", "#/admin/customers/ACME/invoices",
    "#/admin/customers/acme/invoices/new", "#/admin/customers/acme/invoice-profile/x", "#/admin/customers/%E0%A4%A/invoices",
    "#/invoices/%E0%A4%A"]) {
    assert.deepEqual(parseRoute(bad), { name: "not-found" }, bad);
  }
  const hrefs = role => invoiceLinks(role).map(l => l.href);
  assert.deepEqual(hrefs("customer-admin"), ["#/invoices"]);
  for (const role of ["customer-user", "provider-agent", "provider-admin", "none"]) assert.deepEqual(hrefs(role), [], role);
  assert.deepEqual(navLinks("customer-admin").map(l => l.href), ["#/organisation", "#/account"], "the identity entries unchanged");

  const opened = [
    ["customer-admin", "#/invoices", "Facturen"],
    ["customer-admin", "#/invoices/2026-11-01.abc234", "Factuur 2026-00012"],
    ["provider-agent", "#/admin/customers/acme/invoices", "Facturen van Acme " + EVIL],
    ["provider-agent", "#/admin/customers/acme/invoices/2026-11-23.drf234", /^Conceptfactuur /],
    ["provider-agent", "#/admin/customers/acme/invoice-profile", "Factuurgegevens van Acme " + EVIL]];
  for (const [role, hash, title] of opened) {
    const shown = [];
    const api = role.startsWith("customer") ? customerApi() : staffApi();
    await openSignedIn(Object.assign(staffContext(role, api, shown), { mfa: true }), parseRoute(hash));
    if (title instanceof RegExp) assert.match(heading(last(shown)), title, hash);
    else assert.equal(heading(last(shown)), title, hash);
  }
});

test("every text of the invoices pages exists in nl, en and de, including the families filled in by value, and none is unused", () => {
  const used = new Set();
  for (const file of readdirSync(portal).filter(f => f.endsWith(".mjs"))) {
    for (const m of readFileSync(join(portal, file), "utf8").matchAll(/"(invoices\.[A-Za-z0-9.-]*[A-Za-z0-9])"/g)) used.add(m[1]);
  }
  for (const s of INVOICE_STATUSES) used.add("invoices.status." + s);
  for (const u of UNITS) used.add("invoices.unit." + u);
  for (const v of VAT_RATES) used.add("invoices.vat." + v);
  for (const s of LINE_SOURCES) used.add("invoices.source." + s);
  used.add("nav.invoices");
  const defined = Object.keys(texts.nl).filter(k => k.startsWith("invoices."));
  assert.deepEqual(defined.filter(k => !used.has(k)), [], "no invoices text is left unused");
  for (const key of used) {
    for (const l of LANGUAGES) {
      assert.ok(key in texts[l], `${key} missing in ${l}`);
      assert.notEqual(texts[l][key].trim(), "", `${key} empty in ${l}`);
    }
  }
  const seed = ["nav.invoices", "invoices.move.collected", "invoices.new.heading", "invoices.finalise", "invoices.editLines",
    "invoices.discard", "invoices.move.paid", "invoices.move.failed", "invoices.credit", "invoices.reverseCharge.title"].map(k => nl(k));
  assert.deepEqual(seed, ["Facturen", "Incasso uitgevoerd", "Nieuwe conceptfactuur", "Finaliseren", "Regels bewerken", "Verwijderen",
    "Betaald", "Incasso mislukt", "Crediteren", "Btw verlegd"], "the seed's Dutch words");
  assert.equal(translator("en")("invoices.move.collected"), "Direct debit collected");
  assert.equal(translator("de")("invoices.title.credit", { number: "2026-00002" }), "Rechnungskorrektur 2026-00002");
});
