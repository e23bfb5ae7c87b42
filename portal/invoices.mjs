// The invoices pages (seeds: the PC Patrol help centre's paid and open invoices, "incasso uitgevoerd"; docs/billing.md
// "Invoices"):
//   customer admins — "Facturen" #/invoices: the final invoices in two tables, open ones (open, overdue, in collection,
//     collection failed) and paid or credited ones: number, date, due date, total, status as a labelled badge, and
//     "PDF"; an invoice #/invoices/<id>: its lines, the totals per VAT rate, "Btw verlegd" where VAT is reverse-charged,
//     and the credit invoice it is or that corrected it. A customer user gets 403 from the API (invoices are for the
//     administrators): the page says so in words instead of showing an error;
//   provider staff — a customer's invoices #/admin/customers/<id>/invoices (drafts too), reached from the customer's
//     page, an invoice #/admin/customers/<id>/invoices/<invoiceId>, and the customer's invoicing details
//     #/admin/customers/<id>/invoice-profile. Provider admins also make a draft ("Nieuwe conceptfactuur": the period and
//     lines of their own), and per state: a draft is finalised (after a confirmation: it is mailed and numbered), its own lines edited, or deleted (after a confirmation);
//     a final invoice moves between the payment states the API allows, and is credited (after a confirmation that
//     says a credit invoice with the next number is made). Agents read everything.
// Every change sends the version read; a 409 version-conflict reads the invoice again and says so, any other 409
// shows the problem's detail (an empty or incomplete draft, reverse charge without the customer's VAT ID, a move the
// state does not allow). A 400's field errors land at their fields.
//
// "PDF" asks the API for a fresh presigned link (valid five minutes) and hands it to ctx.openDownload only after
// transferUrlAllowed() said yes, as the reports and the ticket attachments do; the PDF never passes through the API
// client. The labels the API words (status, unit, VAT rate) are read again when the language changes.
//
// Like subscriptions.mjs: state in a plain object, pure view functions into node descriptions, ctx.show() mounts.

import { h } from "./dom.mjs";
import { idempotencyKeyFor } from "./api.mjs";
import { errorsFrom, formHead, formState } from "./forms.mjs";
import { INVOICE_ID, routeHash } from "./routes.mjs";
import { badge, field, labelledControl, labelOf, loadWithCustomer, notice, page, problemBox, scrolling, select, valueOf } from "./widgets.mjs";
import { euros, formatDay, hoursBase, monthOf, monthsBefore, parseEuros, todayOf } from "./ledger.mjs";
import { localProblem, transferUrlAllowed } from "./attachments.mjs";

/** An invoice's status (InvoiceState on the server). */
export const INVOICE_STATUSES = ["draft", "open", "overdue", "in-collection", "collection-failed", "paid", "credited"];
/** The statuses of the customer's first table: still to be paid, or being collected. */
export const OPEN_STATUSES = ["open", "overdue", "in-collection", "collection-failed"];
/** The statuses of the second table. */
export const SETTLED_STATUSES = ["paid", "credited"];
/** A typed line's unit and VAT rate (InvoiceLine.Unit and VatRate on the server), in the order of the selects. */
export const UNITS = ["piece", "hour", "month", "year"];
export const VAT_RATES = ["21", "9", "0", "exempt", "reverse-charge"];
/** Where a line comes from (InvoiceView.Line.source). */
export const LINE_SOURCES = ["time", "subscription", "bundle", "manual"];
/** The payment moves a provider admin may make from each state (InvoiceState.payments() on the server), in button order. */
export const PAYMENT_MOVES = {
  open: ["in-collection", "paid"],
  overdue: ["in-collection", "paid"],
  "in-collection": ["paid", "collection-failed"],
  "collection-failed": ["in-collection", "paid"]
};
const MOVE_KEYS = { "in-collection": "invoices.move.collected", paid: "invoices.move.paid", "collection-failed": "invoices.move.failed" };

const CUSTOMER_ROLES = ["customer-user", "customer-admin"];
const STAFF_ROLES = ["provider-agent", "provider-admin"];

const blank = value => String(value === undefined || value === null ? "" : value).trim() === "";
const text = value => (value === undefined || value === null ? "" : String(value));
const statusLabel = (tr, inv) => inv.statusLabel || labelOf(tr, "invoices.status.", inv.status);
const statusBadge = (tr, inv) => badge("invoice-status", inv.status || "unknown", statusLabel(tr, inv));
const isDraft = inv => inv.status === "draft";
/** A final invoice (not a credit invoice) that is not credited yet: what a credit invoice may correct. */
const creditable = inv => inv.kind !== "credit" && [...OPEN_STATUSES, "paid"].includes(inv.status);

/** "1 nov 2026 t/m 30 nov 2026": an invoice's supply period. */
export function periodText(tr, inv, lang) {
  return tr("invoices.period", { from: formatDay(inv.from, lang), to: formatDay(inv.to, lang) });
}

/** A quantity the API gives as text ("1.50") in the user's language ("1,5"). */
export function quantityText(quantity, lang) {
  const n = Number(quantity);
  if (blank(quantity) || !Number.isFinite(n)) return text(quantity);
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n);
}

/** "Factuur 2026-00012", "Creditfactuur 2026-00013", or a draft's "Conceptfactuur 1 nov 2026 t/m 30 nov 2026". */
export function invoiceTitle(tr, inv, lang) {
  if (isDraft(inv) || blank(inv.number)) return tr("invoices.title.draft", { period: periodText(tr, inv, lang) });
  return tr(inv.kind === "credit" ? "invoices.title.credit" : "invoices.title.invoice", { number: text(inv.number) });
}

/**
 * Splits a list into the customer's two tables: {open, settled}, each newest first (by invoice date, then by number: the
 * series is gapless per year, so on one day the higher number is the later); a status the portal does not know counts as open.
 */
export function splitInvoices(list) {
  const key = inv => text(inv.invoiceDate) + " " + text(inv.number);
  const final = (list || []).filter(inv => !isDraft(inv)).sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
  return { open: final.filter(inv => !SETTLED_STATUSES.includes(inv.status)), settled: final.filter(inv => SETTLED_STATUSES.includes(inv.status)) };
}

function refusal(ctx, staffOnOwn) {
  const { tr } = ctx;
  return page(ctx, h("h1", null, staffOnOwn ? tr("invoices.heading") : tr("admin.notAllowed")),
    staffOnOwn ? h("p", null, tr("invoices.staffHint"), " ", h("a", { href: routeHash({ name: "customers" }) }, tr("nav.customers")))
      : h("p", null, tr("admin.notAllowedText")),
    h("p", null, h("a", { href: "#/tickets" }, tr("backToList"))));
}

/** The sentence a customer user reads instead of the invoices (the API shows them to the organisation's administrators). */
function hiddenNotice(ctx) {
  return h("div", { class: "hours-hidden invoices-hidden", role: "status" },
    h("p", null, h("strong", null, ctx.tr("invoices.hidden.title"))),
    h("p", null, ctx.tr("invoices.hidden.text")));
}

// ---------------------------------------------------------------------------------------------
// Field errors

/** A field error of the invoice routes in the user's language where its code is known here; else as forms.mjs says it. */
function knownText(e, tr) {
  const name = String(e.field || "");
  if (/\.quantity$/.test(name) && e.code === "range") return tr("invoices.error.quantity");
  if (/\.unitPrice$/.test(name) && e.code === "format") return tr("billing.error.euros");
  if (/\.unitPrice$/.test(name) && e.code === "too-large") return tr("invoices.error.lineTooLarge");
  if (name === "to" && e.code === "before-start") return tr("invoices.error.toBeforeFrom");
  if (name === "to" && e.code === "range") return tr("invoices.error.periodTooLong");
  if (name === "vatId" && e.code === "format") return tr("invoices.error.vatId");
  if (name === "paymentTermDays" && e.code === "range") return tr("invoices.error.paymentTerm");
  if (/^billingEmails\[\d+\]$/.test(name) && e.code === "format") return tr("form.error.email");
  return null;
}

/** {field: text} of a refused request (forms.mjs errorsFrom, with the invoice routes' own codes in words). */
export function invoiceErrors(error, tr, options = {}) {
  if (!error) return {};
  return errorsFrom(error, tr, { ...options, known: e => knownText(e, tr) });
}

// ---------------------------------------------------------------------------------------------
// The PDF

/** "PDF": a fresh presigned link from the API's document route, followed only when it may be (attachments.mjs's rule). */
function downloader(ctx, state, render, base) {
  return async function download(inv) {
    if (state.downloading || !INVOICE_ID.test(String(inv.id))) return;
    state.downloading = inv.id;
    state.downloadError = null;
    render();
    try {
      const answer = await ctx.api.get(base + "/invoices/" + encodeURIComponent(inv.id) + "/document");
      if (!answer || typeof answer.url !== "string" || !transferUrlAllowed(answer.url, ctx.origin)) {
        throw localProblem("untrusted-link", ctx.tr("invoices.download.untrusted"));
      }
      ctx.openDownload(String(answer.url));
    } catch (e) {
      state.downloadError = { id: inv.id, error: e };
    }
    state.downloading = null;
    render();
  };
}

function pdfButton(inv, state, ctx, actions) {
  const { tr } = ctx;
  if (isDraft(inv) || !INVOICE_ID.test(String(inv.id))) return null;
  const busy = state.downloading === inv.id;
  return h("button", { type: "button", class: "download", disabled: !!state.downloading, on: { click: () => actions.download(inv) } },
    busy ? tr("invoices.downloading") : tr("invoices.pdf"),
    h("span", { class: "visually-hidden" }, " " + tr("invoices.pdfOf", { number: text(inv.number) })));
}

const downloadProblem = (inv, state, ctx) =>
  (state.downloadError && state.downloadError.id === inv.id ? problemBox(state.downloadError.error, ctx.tr) : null);

// ---------------------------------------------------------------------------------------------
// The tables

const INVOICE_COLUMNS = ["invoices.col.number", "invoices.col.date", "invoices.col.due", "invoices.col.total", "invoices.col.status",
  "invoices.col.document"];

/** Final invoices: number (linked to the invoice), date, due date, total, status, and "PDF"; a refused PDF in a row under it. */
function invoiceTable(list, ctx, state, actions, { caption, hrefOf, cls }) {
  const { tr, lang } = ctx;
  const rows = list.flatMap(inv => {
    const href = INVOICE_ID.test(String(inv.id)) ? hrefOf(inv.id) : null;
    const number = text(inv.number);
    const row = h("tr", { class: "invoice-row invoice-" + String(inv.status || "unknown").replace(/[^a-z-]/g, "") },
      h("th", { scope: "row" }, href ? h("a", { href }, number) : number,
        inv.kind === "credit" ? [" ", h("span", { class: "line-mark credit-mark" }, tr("invoices.creditMark"))] : null),
      h("td", null, formatDay(inv.invoiceDate, lang)),
      h("td", null, formatDay(inv.dueDate, lang)),
      h("td", { class: "amount" }, euros(inv.totals && inv.totals.total, lang)),
      h("td", null, statusBadge(tr, inv)),
      h("td", null, pdfButton(inv, state, ctx, actions)));
    const problem = downloadProblem(inv, state, ctx);
    return problem ? [row, h("tr", { class: "invoice-problem" }, h("td", { colspan: INVOICE_COLUMNS.length }, problem))] : [row];
  });
  return scrolling(tr, h("table", { class: "invoices " + cls },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", null, h("tr", null, INVOICE_COLUMNS.map(key => h("th", { scope: "col" }, tr(key))))),
    h("tbody", null, rows)));
}

/** The two tables of final invoices, each under its heading; an empty one says so. */
function finalSections(list, ctx, state, actions, hrefOf) {
  const { tr } = ctx;
  const { open, settled } = splitInvoices(list);
  const section = (id, heading, items, none, cls) => h("section", { class: "invoice-group " + cls, "aria-labelledby": id },
    h("h2", { id }, heading),
    items.length ? invoiceTable(items, ctx, state, actions, { caption: heading, hrefOf, cls })
      : h("p", { class: "invoices-none" }, none));
  return [
    section("open-invoices-heading", tr("invoices.open"), open, tr("invoices.openNone"), "open-invoices"),
    section("settled-invoices-heading", tr("invoices.settled"), settled, tr("invoices.settledNone"), "settled-invoices")
  ];
}

// ---------------------------------------------------------------------------------------------
// An invoice

function billToText(billTo) {
  if (!billTo) return "";
  return [billTo.name, ...(Array.isArray(billTo.address) ? billTo.address : [])].filter(line => !blank(line))
    .map((line, i) => h("span", { class: i === 0 ? "bill-to-name" : "bill-to-line" }, text(line)));
}

/**
 * The invoice itself: its facts (status, kind, number, dates, the period, whom it is billed to, the invoice it credits or
 * that credited it), "Btw verlegd" where VAT is reverse-charged, the lines, and the totals per VAT rate. staff: where each
 * line comes from, and how many time registrations it holds.
 */
export function invoiceDetail(inv, ctx, { staff = false, hrefOf }) {
  const { tr, lang } = ctx;
  const row = (name, label, value) => [h("dt", { class: name }, label), h("dd", { class: name }, value)];
  const ref = r => (r && INVOICE_ID.test(String(r.id)) ? h("a", { href: hrefOf(r.id) }, text(r.number)) : text(r && r.number));
  const billTo = inv.billTo || null;
  const lines = Array.isArray(inv.lines) ? inv.lines : [];
  const totals = inv.totals || {};
  const perRate = Array.isArray(totals.perRate) ? totals.perRate : [];
  const heads = ["invoices.line.description", "invoices.line.quantity", "invoices.line.unitPrice", "invoices.line.vat",
    "invoices.line.amount"];
  if (staff) heads.push("invoices.line.source");
  return [
    h("dl", { class: "facts invoice-facts" },
      row("status", tr("invoices.fact.status"), statusBadge(tr, inv)),
      row("kind", tr("invoices.fact.kind"), tr(inv.kind === "credit" ? "invoices.kind.credit" : "invoices.kind.invoice")),
      blank(inv.number) ? null : row("number", tr("invoices.fact.number"), text(inv.number)),
      inv.invoiceDate ? row("invoice-date", tr("invoices.fact.date"), formatDay(inv.invoiceDate, lang)) : null,
      inv.dueDate ? row("due-date", tr("invoices.fact.due"), formatDay(inv.dueDate, lang)) : null,
      row("period", tr("invoices.fact.period"), periodText(tr, inv, lang)),
      billTo ? row("bill-to", tr("invoices.fact.billTo"), billToText(billTo)) : null,
      billTo && !blank(billTo.vatId) ? row("vat-id", tr("invoices.fact.vatId"), text(billTo.vatId)) : null,
      inv.credits ? row("credits", tr("invoices.fact.credits"), ref(inv.credits)) : null,
      inv.creditedBy ? row("credited-by", tr("invoices.fact.creditedBy"), ref(inv.creditedBy)) : null,
      staff ? row("registration-lines", tr("invoices.fact.registrationLines"), String(Number(inv.registrationLines) || 0)) : null),
    inv.reverseCharged ? h("div", { class: "reverse-charge" },
      h("p", null, h("strong", null, tr("invoices.reverseCharge.title"))),
      h("p", null, tr("invoices.reverseCharge.text")),
      billTo && !blank(billTo.vatId) ? h("p", null, tr("invoices.reverseCharge.vatId", { vatId: text(billTo.vatId) })) : null) : null,
    h("section", { class: "invoice-lines", "aria-labelledby": "lines-heading" },
      h("h2", { id: "lines-heading" }, tr("invoices.lines.heading")),
      lines.length ? scrolling(tr, h("table", { class: "invoice-lines-table" },
        h("caption", { class: "visually-hidden" }, tr("invoices.lines.heading")),
        h("thead", null, h("tr", null, heads.map(key => h("th", { scope: "col", class: /amount|unitPrice/.test(key) ? "amount" : null },
          tr(key))))),
        h("tbody", null, lines.map(l => h("tr", { class: "line-" + String(l.source || "unknown").replace(/[^a-z-]/g, "") },
          h("td", { class: "text" }, text(l.description)),
          h("td", { class: "quantity" }, quantityText(l.quantity, lang), " ", l.unitLabel || labelOf(tr, "invoices.unit.", l.unit)),
          h("td", { class: "amount" }, euros(l.unitPrice, lang)),
          h("td", null, l.vatLabel || labelOf(tr, "invoices.vat.", l.vatRate)),
          h("td", { class: "amount" }, euros(l.amount, lang)),
          staff ? h("td", null, labelOf(tr, "invoices.source.", l.source)) : null)))))
        : h("p", { class: "invoices-none" }, tr("invoices.lines.none"))),
    h("section", { class: "invoice-totals", "aria-labelledby": "totals-heading" },
      h("h2", { id: "totals-heading" }, tr("invoices.totals.heading")),
      perRate.length ? scrolling(tr, h("table", { class: "vat-rates" },
        h("caption", null, tr("invoices.totals.perRate")),
        h("thead", null, h("tr", null, ["invoices.totals.rate", "invoices.totals.base", "invoices.totals.vat"]
          .map(key => h("th", { scope: "col", class: key === "invoices.totals.rate" ? null : "amount" }, tr(key))))),
        h("tbody", null, perRate.map(p => h("tr", null,
          h("th", { scope: "row" }, p.vatLabel || labelOf(tr, "invoices.vat.", p.vatRate)),
          h("td", { class: "amount" }, euros(p.base, lang)),
          h("td", { class: "amount" }, euros(p.vat, lang))))))) : null,
      h("dl", { class: "facts invoice-sums" },
        row("net", tr("invoices.totals.net"), euros(totals.net, lang)),
        row("vat", tr("invoices.totals.vatTotal"), euros(totals.vat, lang)),
        row("total", tr("invoices.totals.total"), h("strong", null, euros(totals.total, lang)))))
  ];
}

/** The re-read when the language changes (the API words status, unit and VAT rate in the caller's language). */
function rereadOnLanguage(ctx, state, render, reload) {
  ctx.bind(() => {
    render();
    if (!state.lang || state.lang === ctx.lang || state.loading) return undefined;
    return reload().then(render);
  });
}

// ---------------------------------------------------------------------------------------------
// #/invoices: Facturen (customer admins)

const ownHref = invoiceId => routeHash({ name: "invoice", invoiceId });

export function invoicesView(state, ctx, actions) {
  const { tr } = ctx;
  return page(ctx,
    h("h1", null, tr("invoices.heading")),
    h("p", { class: "invoices-intro" }, tr("invoices.intro")),
    state.hidden ? hiddenNotice(ctx) : problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    state.invoices ? finalSections(state.invoices, ctx, state, actions, ownHref) : null);
}

function customerReader(ctx, state, render, read) {
  return async function load() {
    state.loading = true;
    state.error = null;
    state.hidden = false;
    render();
    try {
      await read();
      state.lang = ctx.lang;
    } catch (e) {
      if (e && e.status === 403) state.hidden = true;
      else state.error = e;
    }
    state.loading = false;
    render();
  };
}

export async function invoicesPage(ctx) {
  if (!CUSTOMER_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx, STAFF_ROLES.includes(ctx.role)));
  const state = { invoices: null, loading: false, error: null, hidden: false, lang: null, downloading: null, downloadError: null };
  const render = () => ctx.show(invoicesView(state, ctx, actions));
  const load = customerReader(ctx, state, render, async () => {
    state.invoices = (await ctx.api.get("/invoices")).invoices || [];
  });
  const actions = { download: downloader(ctx, state, render, "") };
  ctx.bind(() => (state.lang && state.lang !== ctx.lang && !state.loading ? load() : render()));
  await load();
  return { state, actions, reload: load };
}

// ---------------------------------------------------------------------------------------------
// #/invoices/<id>: an invoice (customer admins)

export function invoiceView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const inv = state.invoice;
  return page(ctx,
    h("h1", null, inv ? invoiceTitle(tr, inv, lang) : tr("invoices.heading")),
    h("p", { class: "links" }, h("a", { href: routeHash({ name: "invoices" }) }, tr("invoices.back"))),
    state.hidden ? hiddenNotice(ctx) : problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    inv ? [
      h("div", { class: "invoice-document" }, pdfButton(inv, state, ctx, actions), downloadProblem(inv, state, ctx)),
      invoiceDetail(inv, ctx, { hrefOf: ownHref })
    ] : null);
}

export async function invoicePage(ctx, route) {
  if (!CUSTOMER_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx, STAFF_ROLES.includes(ctx.role)));
  const state = { invoice: null, loading: false, error: null, hidden: false, lang: null, downloading: null, downloadError: null };
  const render = () => ctx.show(invoiceView(state, ctx, actions));
  const load = customerReader(ctx, state, render, async () => {
    state.invoice = await ctx.api.get("/invoices/" + encodeURIComponent(route.invoiceId));
  });
  const actions = { download: downloader(ctx, state, render, "") };
  ctx.bind(() => (state.lang && state.lang !== ctx.lang && !state.loading ? load() : render()));
  await load();
  return { state, actions, reload: load };
}

// ---------------------------------------------------------------------------------------------
// Typed lines: the rows of the new draft's form and of "Regels bewerken"

/** A row of the lines editor; from: a line of the invoice view (its amounts as the user's language writes them). */
export function lineRow(key, from, lang = "nl") {
  const l = from || {};
  const decimal = value => (lang === "en" ? text(value) : text(value).replace(".", ","));
  return { key, description: text(l.description), quantity: from ? decimal(quantityPlain(l.quantity)) : "1",
    unit: UNITS.includes(l.unit) ? l.unit : "piece", unitPrice: decimal(l.unitPrice),
    vatRate: VAT_RATES.includes(l.vatRate) ? l.vatRate : "21" };
}

/** "1.50" → "1.5", "2.00" → "2": a quantity as typed again. */
function quantityPlain(value) {
  const n = Number(value);
  return blank(value) || !Number.isFinite(n) ? text(value) : String(n);
}

/** A quantity as typed: "2", "1,5", "0.25" → a number with at most two decimals; anything else → null. */
export function parseQuantity(value) {
  const t = text(value).trim();
  const m = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(t);
  return m ? Number(m[1] + "." + (m[2] || "0")) : null;
}

/**
 * The typed lines of a form as the API takes them ({description, quantity, unit, unitPrice, vatRate}, quantity and price
 * as numbers), the errors found before sending (by row key), and which row each indexed path of the answer's errors[]
 * means (lines[i] → the row sent i-th).
 */
export function typedLines(rows, tr) {
  const errors = {};
  const lines = rows.map(r => {
    const at = "lines." + r.key;
    if (blank(r.description)) errors[at + ".description"] = tr("fieldRequired");
    const quantity = parseQuantity(r.quantity);
    if (quantity === null || quantity <= 0) errors[at + ".quantity"] = blank(r.quantity) ? tr("fieldRequired") : tr("invoices.error.quantity");
    const unitPrice = parseEuros(r.unitPrice, tr.lang);
    if (unitPrice === null) errors[at + ".unitPrice"] = blank(r.unitPrice) ? tr("fieldRequired") : tr("billing.error.euros");
    return { description: text(r.description).trim(), quantity, unit: r.unit, unitPrice, vatRate: r.vatRate };
  });
  const keys = rows.map(r => r.key);
  const rename = path => {
    const m = /^lines\[(\d+)\](.*)$/.exec(path);
    return m && keys[Number(m[1])] !== undefined ? "lines." + keys[Number(m[1])] + (m[2] || "") : path;
  };
  return { lines, errors, rename };
}

const LINE_FIELDS = ["description", "quantity", "unit", "unitPrice", "vatRate"];

/** The field names a lines editor shows (for formHead: what no field shows goes to the problem box). */
function lineFieldNames(rows) {
  return ["lines", ...rows.flatMap(r => ["lines." + r.key, ...LINE_FIELDS.map(f => "lines." + r.key + "." + f)])];
}

/** The rows of typed lines with add and remove; ids f-<prefix>.lines.<key>.<field>. */
function linesEditor(form, ctx, { prefix, onAdd, onRemove }) {
  const { tr } = ctx;
  const rows = form.draft.lines;
  const errors = form.errors;
  const control = (r, name, labelKey, n, input) => {
    const at = "lines." + r.key + "." + name;
    const error = name === "description" ? [errors[at], errors["lines." + r.key]].filter(Boolean).join(" ") || undefined : errors[at];
    return labelledControl(prefix + "." + at, tr(labelKey, { n }), input, error);
  };
  const textInput = (r, name, attrs) => h("input", { type: "text", value: r[name], ...attrs, on: { input: e => { r[name] = valueOf(e); } } });
  const body = rows.map((r, i) => {
    const n = i + 1;
    return h("tr", null,
      h("td", { class: "line-description" }, ...control(r, "description", "invoices.line.descriptionOf", n,
        textInput(r, "description", { maxlength: 300 }))),
      h("td", { class: "line-quantity" }, ...control(r, "quantity", "invoices.line.quantityOf", n,
        textInput(r, "quantity", { inputmode: "decimal", maxlength: 9 }))),
      h("td", null, ...control(r, "unit", "invoices.line.unitOf", n,
        select(UNITS.map(u => [u, labelOf(tr, "invoices.unit.", u)]), r.unit, e => { r.unit = valueOf(e); }))),
      h("td", { class: "line-price" }, ...control(r, "unitPrice", "invoices.line.unitPriceOf", n,
        textInput(r, "unitPrice", { inputmode: "decimal", maxlength: 13 }))),
      h("td", null, ...control(r, "vatRate", "invoices.line.vatRateOf", n,
        select(VAT_RATES.map(v => [v, labelOf(tr, "invoices.vat.", v)]), r.vatRate, e => { r.vatRate = valueOf(e); }))),
      h("td", null, h("button", { type: "button", class: "remove", disabled: form.busy, on: { click: () => onRemove(r.key) } },
        tr("invoices.line.remove"), h("span", { class: "visually-hidden" }, " " + tr("invoices.line.n", { n })))));
  });
  return h("fieldset", { class: "typed-lines" },
    h("legend", null, tr("invoices.lines.typed")),
    h("p", { class: "hint" }, tr("invoices.lines.typedHint")),
    rows.length ? scrolling(tr, h("table", { class: "typed-lines-table" },
      h("thead", null, h("tr", null, ["invoices.line.description", "invoices.line.quantity", "invoices.line.unit", "invoices.line.unitPrice",
        "invoices.line.vatRate", "admin.col.actions"].map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, body))) : h("p", null, tr("invoices.lines.noneTyped")),
    errors.lines ? h("p", { class: "field-error", id: "e-" + prefix + ".lines" }, errors.lines) : null,
    h("button", { type: "button", disabled: form.busy, on: { click: onAdd } }, tr("invoices.line.add")));
}

// ---------------------------------------------------------------------------------------------
// #/admin/customers/<id>/invoices: a customer's invoices for provider staff

/** The new draft's form: last month (what the monthly schedule drafts too), no lines of one's own. */
export function draftDraft(today) {
  const { from, to } = monthOf(monthsBefore(today, 1));
  return { from, to, lines: [] };
}

/** POST /customers/{id}/invoices for a draft: {body, rename} | {errors} found before sending. */
export function draftBody(draft, tr) {
  const errors = {};
  if (blank(draft.from)) errors.from = tr("fieldRequired");
  if (blank(draft.to)) errors.to = tr("fieldRequired");
  const typed = typedLines(draft.lines, tr);
  Object.assign(errors, typed.errors);
  if (Object.keys(errors).length) return { errors };
  const body = { from: draft.from, to: draft.to };
  if (typed.lines.length) body.lines = typed.lines;
  return { body, rename: typed.rename };
}

/** A draft refused because time in the period has no hourly rate (409 rate-missing): rates are set in the customer's billing settings. */
export function missingRate(error) {
  return !!error && error.status === 409 && error.code === "rate-missing";
}

function draftForm(form, ctx, actions, customer) {
  const { tr } = ctx;
  const { draft } = form;
  const date = (name, label) => field("draft." + name, label, h("input", { type: "date", value: draft[name],
    on: { input: e => { draft[name] = valueOf(e); } } }), { error: form.errors[name], required: true, tr });
  return h("form", { novalidate: true, class: "admin-form draft-form", "aria-labelledby": "draft-form-heading",
    on: { submit: actions.createDraft } },
  h("h2", { id: "draft-form-heading" }, tr("invoices.new.heading")),
  h("p", { class: "hint" }, tr("invoices.new.intro")),
  formHead(form, tr, ["from", "to", ...lineFieldNames(draft.lines)]),
  missingRate(form.error) ? h("p", { class: "notice warning missing-rate" }, tr("invoices.new.missingRate", { name: customer.name }), " ",
    h("a", { href: routeHash({ name: "customer-hours", id: customer.id }) }, tr("invoices.new.toRates", { name: customer.name }))) : null,
  h("div", { class: "period" }, date("from", tr("invoices.field.from")), date("to", tr("invoices.field.to"))),
  linesEditor(form, ctx, { prefix: "draft", onAdd: () => actions.addLine(form), onRemove: key => actions.removeLine(form, key) }),
  h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("submitting") : tr("invoices.new.create")));
}

function draftsTable(drafts, ctx, customerId) {
  const { tr, lang } = ctx;
  return scrolling(tr, h("table", { class: "invoices drafts" },
    h("caption", { class: "visually-hidden" }, tr("invoices.drafts")),
    h("thead", null, h("tr", null, ["invoices.col.period", "invoices.col.lines", "invoices.col.total", "invoices.col.status"]
      .map(key => h("th", { scope: "col" }, tr(key))))),
    h("tbody", null, drafts.map(inv => h("tr", { class: "invoice-row invoice-draft" },
      h("th", { scope: "row" }, INVOICE_ID.test(String(inv.id))
        ? h("a", { href: routeHash({ name: "customer-invoice", id: customerId, invoiceId: inv.id }) }, periodText(tr, inv, lang))
        : periodText(tr, inv, lang)),
      h("td", null, String(Array.isArray(inv.lines) ? inv.lines.length : 0)),
      h("td", { class: "amount" }, euros(inv.totals && inv.totals.total, lang)),
      h("td", null, statusBadge(tr, inv),
        inv.complete === false ? [" ", h("span", { class: "line-mark incomplete" }, tr("invoices.incompleteMark"))] : null))))));
}

export function customerInvoicesView(state, ctx, actions) {
  const { tr } = ctx;
  const id = state.customerId;
  const name = state.customer ? state.customer.name : id;
  const list = state.invoices || [];
  const drafts = list.filter(isDraft);
  const hrefOf = invoiceId => routeHash({ name: "customer-invoice", id, invoiceId });
  return page(ctx,
    h("h1", null, tr("invoices.customerHeading", { name })),
    h("p", { class: "links" },
      h("a", { href: routeHash({ name: "customer", id }) }, tr("billing.toCustomer")), " · ",
      h("a", { href: routeHash({ name: "customer-invoice-profile", id }) }, tr("invoices.toProfile"))),
    notice(state.notice),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    state.invoices ? [
      h("section", { class: "invoice-group drafts", "aria-labelledby": "drafts-heading" },
        h("h2", { id: "drafts-heading" }, tr("invoices.drafts")),
        drafts.length ? draftsTable(drafts, ctx, id) : h("p", { class: "invoices-none" }, tr("invoices.draftsNone"))),
      finalSections(list, ctx, state, actions, hrefOf)
    ] : null,
    ctx.role === "provider-admin" && state.invoices ? draftForm(state.newForm, ctx, actions, { id, name }) : null);
}

/** A form's add and remove of a typed line; row keys stay unique on the page. */
function lineActions(render) {
  let keys = 0;
  return {
    newKey: () => "r" + ++keys,
    addLine(form) {
      form.draft.lines.push(lineRow("r" + ++keys));
      render();
    },
    removeLine(form, key) {
      form.draft.lines = form.draft.lines.filter(r => r.key !== key);
      render();
    }
  };
}

export async function customerInvoicesPage(ctx, route) {
  const { tr } = ctx;
  if (!STAFF_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx, false));
  const base = hoursBase(route.id);
  const state = { customerId: route.id, customer: null, invoices: null, loading: true, error: null, notice: null, downloading: null,
    downloadError: null, newForm: formState(draftDraft(todayOf(ctx))), idempotency: {}, lang: null };
  const render = () => ctx.show(customerInvoicesView(state, ctx, actions));
  const loadList = async () => {
    state.invoices = (await ctx.api.get(base + "/invoices")).invoices || [];
    state.lang = ctx.lang;
  };
  const reloadList = async () => {
    state.error = null;
    try { await loadList(); } catch (e) { state.error = e; }
  };
  rereadOnLanguage(ctx, state, render, reloadList);
  const lines = lineActions(render);

  const actions = {
    download: downloader(ctx, state, render, base),
    addLine: lines.addLine,
    removeLine: lines.removeLine,
    /** POST …/invoices with the period and the typed lines; the new draft's page opens. */
    async createDraft(event) {
      if (event) event.preventDefault();
      const form = state.newForm;
      if (form.busy) return;
      const checked = draftBody(form.draft, tr);
      form.notice = null;
      if (checked.errors) {
        form.errors = checked.errors;
        form.error = null;
        render();
        return;
      }
      const key = idempotencyKeyFor(state.idempotency, checked.body, ctx.uuid);
      form.busy = true;
      form.errors = {};
      form.error = null;
      render();
      let draft;
      try {
        draft = await ctx.api.post(base + "/invoices", checked.body, { idempotencyKey: key });
      } catch (e) {
        form.busy = false;
        form.error = e;
        form.errors = invoiceErrors(e, tr, { rename: checked.rename });
        render();
        return;
      }
      const made = tr("invoices.new.created", { period: periodText(tr, draft && draft.from ? draft : checked.body, ctx.lang) });
      if (draft && INVOICE_ID.test(String(draft.id))) {
        ctx.flash(made);
        ctx.navigate(routeHash({ name: "customer-invoice", id: route.id, invoiceId: draft.id }));
        return;
      }
      state.newForm = formState(draftDraft(todayOf(ctx)));
      state.notice = made;
      await reloadList();
      render();
    }
  };

  render();
  await loadWithCustomer(ctx, route.id, state, loadList, render);
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/customers/<id>/invoices/<invoiceId>: an invoice for provider staff, with the provider admin's actions

function linesForm(form, ctx, actions) {
  const { tr } = ctx;
  return h("form", { novalidate: true, class: "admin-form lines-form", "aria-labelledby": "lines-form-heading",
    on: { submit: actions.saveLines } },
  h("h3", { id: "lines-form-heading" }, tr("invoices.edit.heading")),
  h("p", { class: "hint" }, tr("invoices.edit.hint")),
  formHead(form, tr, lineFieldNames(form.draft.lines)),
  linesEditor(form, ctx, { prefix: "edit", onAdd: () => actions.addLine(form), onRemove: key => actions.removeLine(form, key) }),
  h("div", { class: "buttons" },
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save")),
    h("button", { type: "button", disabled: form.busy, on: { click: actions.stopEdit } }, tr("sla.cancel"))));
}

function confirmBox(state, ctx, actions, inv) {
  const { tr } = ctx;
  const busy = !!state.busy;
  const number = text(inv.number);
  if (state.confirming === "discard") {
    return h("div", { class: "confirm", role: "alert" },
      h("p", null, tr("invoices.discard.confirm", { period: periodText(tr, inv, ctx.lang) })),
      h("button", { type: "button", class: "primary", disabled: busy, on: { click: actions.discard } }, tr("invoices.discard.yes")),
      h("button", { type: "button", disabled: busy, on: { click: actions.keep } }, tr("invoices.discard.no")));
  }
  if (state.confirming === "finalise") {
    return h("div", { class: "confirm", role: "alert" },
      h("p", null, tr("invoices.finalise.confirm", { period: periodText(tr, inv, ctx.lang) })),
      h("button", { type: "button", class: "primary", disabled: busy, on: { click: actions.finalise } }, tr("invoices.finalise.yes")),
      h("button", { type: "button", disabled: busy, on: { click: actions.keep } }, tr("invoices.finalise.no")));
  }
  if (state.confirming === "credit") {
    return h("div", { class: "confirm", role: "alert" },
      h("p", null, tr("invoices.credit.confirm", { number })),
      h("button", { type: "button", class: "primary", disabled: busy, on: { click: actions.credit } }, tr("invoices.credit.yes")),
      h("button", { type: "button", disabled: busy, on: { click: actions.keep } }, tr("invoices.credit.no")));
  }
  return null;
}

/** The provider admin's buttons for the invoice's state; none for agents, and none while a confirmation asks. */
export function adminButtons(inv, state, ctx, actions) {
  const { tr } = ctx;
  if (ctx.role !== "provider-admin" || !INVOICE_ID.test(String(inv.id))) return [];
  const busy = !!state.busy;
  const button = (label, onClick, cls) => h("button", { type: "button", class: cls || null, disabled: busy, on: { click: onClick } }, label);
  if (isDraft(inv)) {
    return [button(state.busy === "finalise" ? tr("invoices.finalising") : tr("invoices.finalise"), actions.askFinalise, "primary"),
      button(tr("invoices.editLines"), actions.editLines), button(tr("invoices.discard"), actions.askDiscard)];
  }
  const buttons = (PAYMENT_MOVES[inv.status] || []).map(status => button(tr(MOVE_KEYS[status]), () => actions.move(status)));
  if (creditable(inv)) buttons.push(button(tr("invoices.credit"), actions.askCredit));
  return buttons;
}

function adminSection(inv, state, ctx, actions) {
  const { tr } = ctx;
  if (ctx.role !== "provider-admin" || !INVOICE_ID.test(String(inv.id))) return null;
  const buttons = adminButtons(inv, state, ctx, actions);
  return h("section", { class: "invoice-actions admin-form", "aria-labelledby": "actions-heading" },
    h("h2", { id: "actions-heading" }, tr("invoices.actions")),
    isDraft(inv) ? h("p", { class: "hint" }, tr("invoices.finaliseHint")) : null,
    isDraft(inv) && inv.complete === false ? notice(tr("invoices.incomplete"), true) : null,
    state.editing ? linesForm(state.editing, ctx, actions)
      : [state.confirming ? confirmBox(state, ctx, actions, inv) : (buttons.length ? h("div", { class: "buttons" }, buttons)
        : h("p", null, tr("invoices.noActions"))),
      problemBox(state.actionError, tr)]);
}

export function customerInvoiceView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const id = state.customerId;
  const name = state.customer ? state.customer.name : id;
  const inv = state.invoice;
  return page(ctx,
    h("h1", null, inv ? invoiceTitle(tr, inv, lang) : tr("invoices.customerHeading", { name })),
    h("p", { class: "links" },
      h("a", { href: routeHash({ name: "customer-invoices", id }) }, tr("invoices.customerHeading", { name })), " · ",
      h("a", { href: routeHash({ name: "customer-invoice-profile", id }) }, tr("invoices.toProfile"))),
    notice(state.notice),
    notice(state.warning, true),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    inv ? [
      isDraft(inv) ? null : h("div", { class: "invoice-document" }, pdfButton(inv, state, ctx, actions), downloadProblem(inv, state, ctx)),
      adminSection(inv, state, ctx, actions),
      invoiceDetail(inv, ctx, { staff: true, hrefOf: invoiceId => routeHash({ name: "customer-invoice", id, invoiceId }) })
    ] : null);
}

export async function customerInvoicePage(ctx, route) {
  const { tr } = ctx;
  if (!STAFF_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx, false));
  const base = hoursBase(route.id);
  const path = base + "/invoices/" + encodeURIComponent(route.invoiceId);
  const state = { customerId: route.id, customer: null, invoice: null, loading: true, error: null, notice: null, warning: null,
    busy: null, confirming: null, actionError: null, editing: null, downloading: null, downloadError: null, idempotency: {}, lang: null };
  const render = () => ctx.show(customerInvoiceView(state, ctx, actions));
  const loadInvoice = async () => {
    state.invoice = await ctx.api.get(path);
    state.lang = ctx.lang;
  };
  const reloadInvoice = async () => {
    try { await loadInvoice(); } catch (e) { state.error = e; }
  };
  rereadOnLanguage(ctx, state, render, reloadInvoice);
  const lines = lineActions(render);
  const version = () => state.invoice.version;

  /** One change of the invoice: a 409 version-conflict reads it again and says so; other refusals show as the API says. */
  async function change(kind, work, done) {
    if (state.busy || !state.invoice) return;
    state.busy = kind;
    state.notice = null;
    state.warning = null;
    state.actionError = null;
    state.confirming = null;
    render();
    try {
      const answer = await work();
      state.busy = null;
      await done(answer);
    } catch (e) {
      state.busy = null;
      if (e && e.code === "version-conflict") {
        state.warning = tr("invoices.conflict");
        await reloadInvoice();
      } else {
        state.actionError = e;
      }
    }
    render();
  }

  const actions = {
    download: downloader(ctx, state, render, base),
    addLine: lines.addLine,
    removeLine: lines.removeLine,
    finalise: () => change("finalise", () => ctx.api.post(path + "/finalise", { version: version() }), answer => {
      state.invoice = answer;
      state.notice = tr("invoices.finalised", { number: text(answer && answer.number) });
    }),
    move: status => change(status, () => ctx.api.post(path + "/status", { status, version: version() }), answer => {
      state.invoice = answer;
      state.notice = tr("invoices.moved", { number: text(answer.number), status: statusLabel(tr, answer) });
    }),
    askFinalise() { state.confirming = "finalise"; state.actionError = null; state.notice = null; render(); },
    askDiscard() { state.confirming = "discard"; state.actionError = null; state.notice = null; render(); },
    askCredit() { state.confirming = "credit"; state.actionError = null; state.notice = null; render(); },
    keep() { state.confirming = null; render(); },
    discard: () => change("discard", () => ctx.api.post(path + "/discard", { version: version() }), () => {
      ctx.flash(tr("invoices.discarded", { period: periodText(tr, state.invoice, ctx.lang) }));
      ctx.navigate(routeHash({ name: "customer-invoices", id: route.id }));
    }),
    credit: () => {
      const body = { version: version() };
      const key = idempotencyKeyFor(state.idempotency, { path, ...body }, ctx.uuid);
      return change("credit", () => ctx.api.post(path + "/credit", body, { idempotencyKey: key }), async credit => {
        const made = tr("invoices.credited", { number: text(credit && credit.number), of: text(state.invoice.number) });
        if (credit && INVOICE_ID.test(String(credit.id))) {
          ctx.flash(made);
          ctx.navigate(routeHash({ name: "customer-invoice", id: route.id, invoiceId: credit.id }));
          return;
        }
        state.notice = made;
        await reloadInvoice();
      });
    },
    editLines() {
      const own = (state.invoice.lines || []).filter(l => l.source === "manual");
      state.editing = formState({ lines: own.map(l => lineRow(lines.newKey(), l, ctx.lang)) });
      state.confirming = null;
      state.notice = null;
      state.actionError = null;
      render();
    },
    stopEdit() { state.editing = null; render(); },
    /** PUT …/lines with the version read; a 409 version-conflict reads the draft again and keeps what was typed. */
    async saveLines(event) {
      if (event) event.preventDefault();
      const form = state.editing;
      if (!form || form.busy) return;
      const typed = typedLines(form.draft.lines, tr);
      form.notice = null;
      form.warning = null;
      if (Object.keys(typed.errors).length) {
        form.errors = typed.errors;
        form.error = null;
        render();
        return;
      }
      form.busy = true;
      form.errors = {};
      form.error = null;
      render();
      try {
        state.invoice = await ctx.api.put(path + "/lines", { version: version(), lines: typed.lines });
        state.editing = null;
        state.notice = tr("invoices.edit.saved");
      } catch (e) {
        form.busy = false;
        if (e && e.code === "version-conflict") {
          form.warning = tr("invoices.edit.conflict");
          await reloadInvoice();
        } else {
          form.error = e;
          form.errors = invoiceErrors(e, tr, { rename: typed.rename });
        }
      }
      render();
    }
  };

  render();
  await loadWithCustomer(ctx, route.id, state, loadInvoice, render);
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/customers/<id>/invoice-profile: the customer's invoicing details

const PROFILE_FIELDS = ["address", "vatId", "vatRate", "paymentTermDays", "billingEmails"];

/** The form's draft of a profile: the address and the e-mail addresses one per line. */
export function profileDraft(profile) {
  const p = profile || {};
  return { address: (p.address || []).join("\n"), vatId: text(p.vatId), vatRate: VAT_RATES.includes(p.vatRate) ? p.vatRate : "21",
    paymentTermDays: p.paymentTermDays === undefined || p.paymentTermDays === null ? "14" : String(p.paymentTermDays),
    billingEmails: (p.billingEmails || []).join("\n") };
}

const linesOf = value => text(value).split(/\r?\n/).map(l => l.trim()).filter(Boolean);

/** PUT /customers/{id}/invoice-profile for a draft, with the version read (0 when there is none yet); or {errors}. */
export function profileBody(draft, version, tr) {
  const term = text(draft.paymentTermDays).trim();
  if (!/^\d{1,2}$/.test(term) || Number(term) > 90) return { errors: { paymentTermDays: tr("invoices.error.paymentTerm") } };
  const vatId = text(draft.vatId).replace(/\s+/g, "").toUpperCase();
  return { body: { address: linesOf(draft.address), vatId, vatRate: draft.vatRate, paymentTermDays: Number(term),
    billingEmails: linesOf(draft.billingEmails).flatMap(l => l.split(/[,;]/)).map(l => l.trim()).filter(Boolean),
    version: Number(version) || 0 } };
}

/** address[i] and billingEmails[i] at their field, each message saying which line it is about. */
function profileErrors(error, tr) {
  return invoiceErrors(error, tr, {
    rename: f => f.replace(/\[\d+\]$/, ""),
    prefix: f => {
      const m = /^(address|billingEmails)\[(\d+)\]$/.exec(f);
      if (!m) return "";
      return tr(m[1] === "address" ? "invoices.profile.lineN" : "invoices.profile.emailN", { n: Number(m[2]) + 1 }) + " ";
    }
  });
}

function profileFacts(profile, ctx) {
  const { tr } = ctx;
  const row = (name, label, value) => [h("dt", { class: name }, label), h("dd", { class: name }, value)];
  const address = profile.address || [];
  const emails = profile.billingEmails || [];
  return h("dl", { class: "facts profile-facts" },
    row("address", tr("invoices.profile.address"), address.length ? address.map(l => h("span", { class: "bill-to-line" }, text(l)))
      : tr("invoices.profile.empty")),
    row("vat-id", tr("invoices.profile.vatId"), blank(profile.vatId) ? tr("invoices.profile.empty") : text(profile.vatId)),
    row("vat-rate", tr("invoices.profile.vatRate"), labelOf(tr, "invoices.vat.", profile.vatRate)),
    row("payment-term", tr("invoices.profile.paymentTerm"), tr("invoices.profile.days", { days: Number(profile.paymentTermDays) || 0 })),
    row("billing-emails", tr("invoices.profile.billingEmails"), emails.length ? emails.map(e => h("span", { class: "bill-to-line" }, text(e)))
      : tr("invoices.profile.adminsGet")));
}

function profileForm(state, ctx, actions) {
  const { tr } = ctx;
  const form = state.form;
  const { draft } = form;
  const hinted = (name, label, control, hint, required) => {
    const desc = field("profile." + name, label, control, { error: form.errors[name], required, tr });
    if (hint) {
      control.attrs["aria-describedby"] = [control.attrs["aria-describedby"], "h-profile." + name].filter(Boolean).join(" ");
      desc.children.splice(2, 0, h("div", { class: "hint", id: "h-profile." + name }, hint));
    }
    return desc;
  };
  const set = name => e => { draft[name] = valueOf(e); };
  return h("form", { novalidate: true, class: "admin-form profile-form", "aria-labelledby": "profile-form-heading",
    on: { submit: actions.save } },
  h("h2", { id: "profile-form-heading" }, tr("invoices.profile.change")),
  state.conflict ? h("div", { class: "notice warning", role: "alert" },
    h("p", null, tr("invoices.profile.conflict")),
    h("button", { type: "button", class: "primary", on: { click: actions.reload } }, tr("invoices.profile.reload"))) : null,
  formHead(form, tr, PROFILE_FIELDS),
  hinted("address", tr("invoices.profile.address"), h("textarea", { rows: 5, maxlength: 640, on: { input: set("address") } }, draft.address),
    tr("invoices.profile.addressHint")),
  hinted("vatId", tr("invoices.profile.vatId"), h("input", { type: "text", value: draft.vatId, maxlength: 24, autocomplete: "off",
    on: { input: set("vatId") } }), tr("invoices.profile.vatIdHint")),
  hinted("vatRate", tr("invoices.profile.vatRate"), select(VAT_RATES.map(v => [v, labelOf(tr, "invoices.vat.", v)]), draft.vatRate,
    e => { draft.vatRate = valueOf(e); }), tr("invoices.profile.vatRateHint"), true),
  hinted("paymentTermDays", tr("invoices.profile.paymentTerm"), h("input", { type: "number", min: 0, max: 90, step: 1, inputmode: "numeric",
    value: draft.paymentTermDays, on: { input: set("paymentTermDays") } }), null, true),
  hinted("billingEmails", tr("invoices.profile.billingEmails"), h("textarea", { rows: 3, maxlength: 1300,
    on: { input: set("billingEmails") } }, draft.billingEmails), tr("invoices.profile.billingEmailsHint")),
  h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save")));
}

export function customerInvoiceProfileView(state, ctx, actions) {
  const { tr } = ctx;
  const id = state.customerId;
  const name = state.customer ? state.customer.name : id;
  return page(ctx,
    h("h1", null, tr("invoices.profile.heading", { name })),
    h("p", { class: "links" },
      h("a", { href: routeHash({ name: "customer", id }) }, tr("billing.toCustomer")), " · ",
      h("a", { href: routeHash({ name: "customer-invoices", id }) }, tr("invoices.customerHeading", { name }))),
    h("p", { class: "invoices-intro" }, tr("invoices.profile.intro")),
    notice(state.notice),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    state.profile ? profileFacts(state.profile, ctx) : null,
    state.profile && ctx.role === "provider-admin" && state.form ? profileForm(state, ctx, actions) : null);
}

export async function customerInvoiceProfilePage(ctx, route) {
  const { tr } = ctx;
  if (!STAFF_ROLES.includes(ctx.role)) return ctx.show(refusal(ctx, false));
  const path = hoursBase(route.id) + "/invoice-profile";
  const state = { customerId: route.id, customer: null, profile: null, form: null, loading: true, error: null, notice: null, conflict: false };
  const render = () => ctx.show(customerInvoiceProfileView(state, ctx, actions));
  const loadProfile = async () => {
    state.profile = await ctx.api.get(path);
    state.form = formState(profileDraft(state.profile));
    state.conflict = false;
  };
  ctx.bind(render);

  const actions = {
    async save(event) {
      if (event) event.preventDefault();
      const form = state.form;
      if (!form || form.busy) return;
      const checked = profileBody(form.draft, state.profile.version, tr);
      state.notice = null;
      if (checked.errors) {
        form.errors = checked.errors;
        form.error = null;
        render();
        return;
      }
      form.busy = true;
      form.errors = {};
      form.error = null;
      render();
      try {
        state.profile = await ctx.api.put(path, checked.body);
        state.form = formState(profileDraft(state.profile));
        state.conflict = false;
        state.notice = tr("invoices.profile.saved");
      } catch (e) {
        form.busy = false;
        if (e && e.code === "version-conflict") {
          state.conflict = true;
        } else {
          form.error = e;
          form.errors = profileErrors(e, tr);
        }
      }
      render();
    },
    /** After a 409: the details as they are now, in the form (what was typed is dropped: it was typed on the old ones). */
    async reload() {
      state.error = null;
      state.notice = null;
      try {
        await loadProfile();
        state.notice = tr("invoices.profile.reloaded");
      } catch (e) {
        state.error = e;
      }
      render();
    }
  };

  render();
  await loadWithCustomer(ctx, route.id, state, loadProfile, render);
  return { state, actions };
}
