// The subscriptions pages: the customer's "Abonnementen" (price per period, status text, ending soon, the request
// buttons, the 403 of a customer user), and a customer's subscriptions for provider staff (create with the euros
// typed as a number, change with the version read, 409 reload, cancel after a confirmation, field errors); the
// routes, the menu and the texts. Against the recording fake API and the DOM shim of fakes.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { parseRoute, routeHash, subscriptionLinks } from "../routes.mjs";
import { CHANGE_SUBSCRIPTION, customerSubscriptionsPage, NEW_SUBSCRIPTION, PERIODS, SUBSCRIPTION_STATUSES, subscriptionBody, subscriptionErrors,
  subscriptionsPage } from "../subscriptions.mjs";
import { customerPage } from "../admin.mjs";
import { newTicketPage } from "../tickets.mjs";
import { catalogue, click, context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
const nl = translator("nl");
const byId = (desc, id) => {
  const found = findAll(desc, n => n.attrs.id === id);
  assert.equal(found.length, 1, "one element #" + id);
  return found[0];
};
const type = (desc, id, value) => byId(desc, id).attrs.on.input({ target: { value } });
const submit = (desc, labelledBy) => {
  const forms = findAll(desc, n => n.tag === "form" && n.attrs["aria-labelledby"] === labelledBy);
  assert.equal(forms.length, 1, "one form " + labelledBy);
  return forms[0].attrs.on.submit({ preventDefault() {} });
};
const buttons = desc => findAll(desc, n => n.tag === "button").map(textOf);
const withClass = (desc, name) => findAll(desc, n => String(n.attrs.class || "").split(" ").includes(name));
const forbidden = () => new ApiError(403, { type: "urn:klantportaal:problem:forbidden", title: "Forbidden",
  detail: "Your organisation shows hours to its administrators only" });

const SUBSCRIPTIONS = [
  { id: "20261123-abcdef", service: "Microsoft 365 Business Premium", quantity: 12, unitPrice: "20.60", periodPrice: "247.20",
    period: "monthly", periodLabel: "per maand", startDate: "2026-01-11", endDate: "2027-01-10", currentEnd: "2027-01-10",
    autoRenew: false, status: "ending", statusLabel: "Loopt binnenkort af", version: 1 },
  { id: "20260101-bbbbbb", service: "Back-up " + EVIL, quantity: 1, unitPrice: "1200.00", periodPrice: "1200.00", period: "yearly",
    periodLabel: "per jaar", startDate: "2024-03-01", endDate: "2025-02-28", currentEnd: "2027-02-28", autoRenew: true,
    status: "active", statusLabel: "Actief", version: 4 },
  { id: "20250101-cccccc", service: "Firewall", quantity: 2, unitPrice: "15.00", periodPrice: "30.00", period: "monthly",
    periodLabel: "per maand", startDate: "2025-01-01", endDate: "2026-12-31", currentEnd: "2026-12-31", autoRenew: false,
    status: "cancelled", statusLabel: "Opgezegd", version: 3 }
];

/** A customer's ctx with the shell's tenant. */
const customerContext = (role, api, shown, extra = {}) => Object.assign(context(role, api, shown), { tenant: "acme" }, extra);

// ---------------------------------------------------------------------------------------------
// Abonnementen (customers)

test("Abonnementen: service, quantity × unit price, price per period, start and end, the status as text; ending soon stands out", async () => {
  const api = fakeApi(() => ({ subscriptions: SUBSCRIPTIONS }));
  const shown = [];
  await subscriptionsPage(customerContext("customer-admin", api, shown), { name: "subscriptions" });
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]), ["GET /subscriptions"], "the page only reads");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Abonnementen");
  const cards = withClass(view, "subscription");
  assert.equal(cards.length, 3);

  const [ending, renewing, cancelled] = cards;
  assert.match(textOf(findAll(ending, n => n.tag === "h2")[0]), /^Microsoft 365 Business Premium Status: Loopt binnenkort af$/);
  const badge = withClass(ending, "badge")[0];
  assert.match(textOf(badge), /Loopt binnenkort af$/, "the badge carries the status in words");
  assert.ok(String(ending.attrs.class).split(" ").includes("subscription-ending"), "an ending subscription is marked");
  assert.match(textOf(withClass(ending, "ending-notice")[0]), /loopt af op 10 jan\.? 2027 en wordt niet automatisch verlengd/);
  assert.match(textOf(withClass(ending, "quantity")[1]), /^12 × €\s20,60$/);
  assert.match(textOf(withClass(ending, "period-price")[1]), /^€\s247,20 per maand$/);
  assert.match(textOf(withClass(ending, "start")[1]), /^11 jan\.? 2026$/);
  assert.equal(textOf(withClass(ending, "end")[0]), "Einddatum");
  assert.match(textOf(withClass(ending, "end")[1]), /^10 jan\.? 2027$/);

  assert.equal(withClass(renewing, "ending-notice").length, 0);
  assert.ok(!String(renewing.attrs.class).split(" ").includes("subscription-ending"));
  assert.match(textOf(withClass(renewing, "period-price")[1]), /^€\s1\.200,00 per jaar$/);
  assert.equal(textOf(withClass(renewing, "end")[0]), "Loopt tot");
  assert.match(textOf(withClass(renewing, "end")[1]), /^28 feb\.? 2027 — wordt automatisch verlengd$/, "the current end, not the first");
  assert.match(textOf(cancelled), /Opgezegd/);

  const root = mount(view, shimDocument());
  assert.ok(root.textContent.includes(EVIL), "data mounts as text");
});

test("the request buttons open the new-ticket page with new-subscription or change-subscription chosen", async () => {
  const shown = [];
  await subscriptionsPage(customerContext("customer-user", fakeApi(() => ({ subscriptions: SUBSCRIPTIONS })), shown));
  const view = last(shown);
  const requestNew = withClass(view, "request-subscription");
  assert.equal(requestNew.length, 1);
  assert.equal(textOf(requestNew[0]), "Nieuw abonnement aanvragen");
  assert.equal(requestNew[0].attrs.href, "#/tickets/new?requestType=new-subscription");
  assert.deepEqual(parseRoute(requestNew[0].attrs.href), { name: "new", requestType: NEW_SUBSCRIPTION });

  const cards = withClass(view, "subscription");
  const change = card => findAll(card, n => n.tag === "a" && n.attrs.href === "#/tickets/new?requestType=change-subscription");
  assert.equal(change(cards[0]).length, 1);
  assert.equal(textOf(change(cards[0])[0]), "Wijzigen Microsoft 365 Business Premium", "named by its subscription for screen readers");
  assert.deepEqual(parseRoute(change(cards[0])[0].attrs.href), { name: "new", requestType: CHANGE_SUBSCRIPTION });
  assert.equal(change(cards[1]).length, 1);
  assert.equal(change(cards[2]).length, 0, "a cancelled subscription is not changed");
  assert.deepEqual(buttons(view), [], "customers change nothing themselves");

  const withTypes = catalogue();
  withTypes.categories.push({ id: "subscriptions", name: { nl: "Abonnementen", en: "Subscriptions", de: "Abonnements" }, active: true });
  for (const [id, name] of [[NEW_SUBSCRIPTION, "Nieuw abonnement"], [CHANGE_SUBSCRIPTION, "Abonnement wijzigen"]]) {
    withTypes.requestTypes.push({ id, name: { nl: name, en: name, de: name }, description: { nl: "x", en: "x", de: "x" },
      category: "subscriptions", active: true, approvalRequired: true, form: { fields: [] } });
  }
  const ticketShown = [];
  const page = await newTicketPage(customerContext("customer-admin", fakeApi(() => ({})), ticketShown, { catalogue: async () => withTypes }),
    parseRoute(change(cards[0])[0].attrs.href));
  assert.equal(page.state.draft.requestType, "change-subscription");
  assert.equal(page.state.draft.category, "subscriptions");
});

test("a customer user whose organisation shows them to admins only reads a sentence, not an error; other refusals show", async () => {
  const api = fakeApi(() => forbidden());
  const shown = [];
  const result = await subscriptionsPage(customerContext("customer-user", api, shown));
  const view = last(shown);
  assert.equal(api.calls.length, 1);
  assert.equal(result.state.hidden, true);
  assert.equal(result.state.error, null);
  assert.equal(withClass(view, "problem").length, 0, "no problem box");
  assert.equal(findAll(view, n => n.attrs.role === "alert").length, 0, "nothing reads as an error");
  assert.match(textOf(withClass(view, "subscriptions-hidden")[0]),
    /De abonnementen zijn alleen zichtbaar voor de beheerders van uw organisatie\..*vraag het dan aan een beheerder/);
  assert.equal(withClass(view, "subscription").length, 0);

  const otherShown = [];
  const other = await subscriptionsPage(customerContext("customer-admin", fakeApi(() => new ApiError(500, { title: "Serverfout" })),
    otherShown));
  assert.equal(other.state.hidden, false);
  assert.match(textOf(withClass(last(otherShown), "problem")[0]), /Serverfout/);

  const none = [];
  await subscriptionsPage(customerContext("customer-admin", fakeApi(() => ({ subscriptions: [] })), none));
  assert.match(textOf(last(none)), /Uw organisatie heeft \(nog\) geen abonnementen\./);
});

test("the page re-reads after a language change (the API words status and period); staff are pointed to the customer's page", async () => {
  let bound = null;
  const api = fakeApi(() => ({ subscriptions: SUBSCRIPTIONS }));
  const shown = [];
  const ctx = customerContext("customer-admin", api, shown, { bind: render => { bound = render; return render; } });
  await subscriptionsPage(ctx);
  bound();
  assert.equal(api.calls.length, 1, "the same language renders again without a request");
  Object.assign(ctx, { lang: "de", tr: translator("de") });
  await bound();
  assert.equal(api.calls.length, 2);
  assert.match(textOf(last(shown)), /Neues Abonnement anfragen/);

  const staff = fakeApi(() => ({ subscriptions: [] }));
  const refused = [];
  await subscriptionsPage(context("provider-agent", staff, refused));
  assert.equal(staff.calls.length, 0, "staff have no own subscriptions");
  assert.match(textOf(last(refused)), /pagina van die klant/);
});

// ---------------------------------------------------------------------------------------------
// A customer's subscriptions for provider staff

const CUSTOMER = { id: "acme", name: "Acme " + EVIL, slaTier: "koper", language: "nl", emailDomains: ["acme.example.test"], version: 2 };

function staffApi({ post, put, list = () => ({ subscriptions: SUBSCRIPTIONS }) } = {}) {
  return fakeApi((method, path, body) => {
    if (method === "GET" && path === "/customers/acme") return CUSTOMER;
    if (method === "GET" && path === "/customers/acme/subscriptions") return list();
    if (method === "POST") return post ? post(path, body) : { ...SUBSCRIPTIONS[0], ...body, unitPrice: String(body && body.unitPrice) };
    if (method === "PUT") return put ? put(path, body) : { ...SUBSCRIPTIONS[0], ...body, version: body.version + 1 };
    throw new Error("unexpected " + method + " " + path);
  });
}

const open = async (role, api, shown) => customerSubscriptionsPage(context(role, api, shown),
  { name: "customer-subscriptions", id: "acme" });

test("staff: a customer's subscriptions; admins get change and cancel per running one and the form; agents only read", async () => {
  const api = staffApi();
  const shown = [];
  await open("provider-admin", api, shown);
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]).sort(), ["GET /customers/acme", "GET /customers/acme/subscriptions"],
    "opening only reads");
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.tag === "h1")[0]), "Abonnementen van Acme " + EVIL);
  const cards = withClass(view, "subscription");
  assert.equal(cards.length, 3);
  assert.match(textOf(withClass(cards[0], "period-price")[1]), /^€\s247,20 per maand$/);
  assert.deepEqual(buttons(cards[0]), ["Wijzigen", "Opzeggen"]);
  assert.deepEqual(buttons(cards[2]), [], "a cancelled one is neither changed nor cancelled");
  assert.equal(findAll(view, n => n.tag === "a" && n.attrs.href === "#/admin/customers/acme").length, 1);
  assert.equal(findAll(view, n => n.tag === "a" && n.attrs.href === "#/admin/customers/acme/hours").length, 1);
  assert.equal(findAll(view, n => n.tag === "form" && n.attrs["aria-labelledby"] === "subscription-form-heading").length, 1);
  assert.ok(mount(view, shimDocument()).textContent.includes(EVIL));

  const agentShown = [];
  await open("provider-agent", staffApi(), agentShown);
  assert.deepEqual(buttons(last(agentShown)), [], "no actions for agents");
  assert.equal(findAll(last(agentShown), n => n.tag === "form").length, 0);
  assert.equal(withClass(last(agentShown), "subscription").length, 3);

  const customerApi = staffApi();
  const refused = [];
  await open("customer-admin", customerApi, refused);
  assert.equal(customerApi.calls.length, 0, "customers never read a customer's subscriptions by id");
  assert.equal(textOf(findAll(last(refused), n => n.tag === "h1")[0]), nl("admin.notAllowed"));

  for (const [role, label] of [["provider-admin", "Abonnementen beheren"], ["provider-agent", "Abonnementen van deze klant"]]) {
    const page = [];
    await customerPage(Object.assign(context(role, fakeApi((m, path) => (path.endsWith("/users") ? { items: [] } : CUSTOMER)), page),
      { userId: "me" }), { name: "customer", id: "acme" });
    const link = findAll(last(page), n => n.tag === "a" && n.attrs.href === "#/admin/customers/acme/subscriptions");
    assert.equal(link.length, 1, role);
    assert.equal(textOf(link[0]), label);
  }
});

test("a new subscription: the euros typed become a number, quantity a whole number; sent once with an idempotency key", async () => {
  const api = staffApi();
  const shown = [];
  const page = await open("provider-admin", api, shown);
  const view = () => last(shown);
  assert.equal(byId(view(), "f-sub.startDate").attrs.value, "2026-11-23", "starting today by default");
  type(view(), "f-sub.service", "Microsoft 365 Business Premium");
  type(view(), "f-sub.quantity", "12");
  type(view(), "f-sub.unitPrice", "20,60");
  byId(view(), "f-sub.period").attrs.on.change({ target: { value: "yearly" } });
  type(view(), "f-sub.startDate", "2026-01-11");
  type(view(), "f-sub.endDate", "2027-01-10");
  byId(view(), "f-sub.autoRenew").attrs.on.change({ target: { checked: true } });
  await submit(view(), "subscription-form-heading");
  const post = api.calls.find(c => c[0] === "POST");
  assert.deepEqual(post.slice(1, 3), ["/customers/acme/subscriptions", { service: "Microsoft 365 Business Premium", quantity: 12,
    unitPrice: 20.6, period: "yearly", startDate: "2026-01-11", endDate: "2027-01-10", autoRenew: true }]);
  assert.equal(post[3].idempotencyKey, "key-1");
  assert.equal(api.calls.at(-1)[1], "/customers/acme/subscriptions", "the list is read again");
  assert.equal(page.state.newForm.notice, "Het abonnement Microsoft 365 Business Premium is aangemaakt.");
  assert.equal(byId(view(), "f-sub.service").attrs.value, "", "an empty form for the next one");

  assert.deepEqual(subscriptionBody({ service: " Back-up ", quantity: "1", unitPrice: "1200", period: "monthly", startDate: "2026-12-01",
    endDate: "2027-11-30", autoRenew: false }, nl).body, { service: "Back-up", quantity: 1, unitPrice: 1200, period: "monthly",
    startDate: "2026-12-01", endDate: "2027-11-30", autoRenew: false });
  assert.equal(subscriptionBody({ quantity: "3", unitPrice: "7.5" }, nl).body.unitPrice, 7.5);
});

test("a new subscription: a quantity or price that is none is said at its field; the API's field errors land next to theirs", async () => {
  const api = staffApi({ post: () => new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    errors: [{ field: "endDate", code: "before-start", message: "must be on or after startDate" },
      { field: "service", code: "required", message: "is required" }] }) });
  const shown = [];
  await open("provider-admin", api, shown);
  type(last(shown), "f-sub.quantity", "twaalf");
  type(last(shown), "f-sub.unitPrice", "20.60,5");
  await submit(last(shown), "subscription-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "nothing is sent");
  assert.equal(textOf(byId(last(shown), "e-sub.quantity")), "Vul een geheel aantal van 1 tot en met 100.000 in.");
  assert.equal(textOf(byId(last(shown), "e-sub.unitPrice")), "Vul een bedrag in euro's in, zoals 950, 95,50 of 1.234,50.");
  assert.equal(byId(last(shown), "f-sub.quantity").attrs["aria-invalid"], "true");

  type(last(shown), "f-sub.quantity", "12");
  type(last(shown), "f-sub.unitPrice", "20,60");
  type(last(shown), "f-sub.endDate", "2025-01-01");
  await submit(last(shown), "subscription-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 1);
  assert.equal(textOf(byId(last(shown), "e-sub.endDate")), nl("form.error.beforeStart"));
  assert.equal(textOf(byId(last(shown), "e-sub.service")), "Dit veld is verplicht.", "a known code in the user's language");
  assert.equal(byId(last(shown), "f-sub.endDate").attrs["aria-describedby"], "e-sub.endDate");
  assert.equal(byId(last(shown), "f-sub.unitPrice").attrs.value, "20,60", "what was typed stays");

  type(last(shown), "f-sub.quantity", "10000");
  type(last(shown), "f-sub.unitPrice", "1.000");
  await submit(last(shown), "subscription-form-heading");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 1, "10,000,000 euros a period: refused before sending");
  assert.equal(textOf(byId(last(shown), "e-sub.unitPrice")), "Aantal × prijs per stuk moet per periode onder € 10.000.000 blijven.");
  assert.equal(subscriptionErrors(new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
    errors: [{ field: "unitPrice", code: "too-large", message: "times the quantity must be below 10,000,000 euros" }] }),
  translator("de")).unitPrice, "Menge × Stückpreis muss pro Zeitraum unter 10.000.000 € bleiben.", "the API's too-large at the unit price, in words");
});

test("change: the form holds the subscription, the PUT sends the version read; a 409 says someone else changed it and reloads", async () => {
  let version = 1;
  let conflict = true;
  const api = staffApi({
    list: () => ({ subscriptions: [{ ...SUBSCRIPTIONS[0], quantity: version === 1 ? 12 : 15, version }, SUBSCRIPTIONS[1]] }),
    put: (path, body) => (conflict ? new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Versieconflict" })
      : { ...SUBSCRIPTIONS[0], ...body, version: body.version + 1 })
  });
  const shown = [];
  const page = await open("provider-admin", api, shown);
  const card = i => withClass(last(shown), "subscription")[i];
  await click(card(0), "Wijzigen").attrs.on.click();
  assert.equal(byId(last(shown), "f-edit.service").attrs.value, "Microsoft 365 Business Premium");
  assert.equal(byId(last(shown), "f-edit.quantity").attrs.value, "12");
  assert.equal(byId(last(shown), "f-edit.unitPrice").attrs.value, "20,60", "the price as Dutch writes it");
  assert.equal(byId(last(shown), "f-edit.endDate").attrs.value, "2027-01-10");
  type(last(shown), "f-edit.quantity", "14");
  version = 2;
  await submit(last(shown), "edit-heading");
  const put = api.calls.find(c => c[0] === "PUT");
  assert.deepEqual(put.slice(1, 3), ["/customers/acme/subscriptions/20261123-abcdef", { service: "Microsoft 365 Business Premium",
    quantity: 14, unitPrice: 20.6, period: "monthly", startDate: "2026-01-11", endDate: "2027-01-10", autoRenew: false, version: 1 }]);

  const warning = withClass(card(0), "warning")[0];
  assert.equal(warning.attrs.role, "alert");
  assert.match(textOf(warning), /Iemand anders heeft dit abonnement intussen gewijzigd\. Laad het opnieuw/);
  assert.equal(byId(last(shown), "f-edit.quantity").attrs.value, "14", "what was typed stays until the reload");
  const reads = () => api.calls.filter(c => c[1] === "/customers/acme/subscriptions" && c[0] === "GET").length;
  assert.equal(reads(), 1, "nothing is read without asking");

  await click(warning, "Opnieuw laden").attrs.on.click();
  assert.equal(reads(), 2);
  assert.equal(byId(last(shown), "f-edit.quantity").attrs.value, "15", "the subscription as it is now");
  assert.equal(withClass(last(shown), "warning").length, 0);
  assert.match(textOf(card(0)), /Het abonnement is opnieuw geladen\./);
  conflict = false;
  await submit(last(shown), "edit-heading");
  assert.equal(api.calls.filter(c => c[0] === "PUT").at(-1)[2].version, 2, "saved on the version reloaded");
  assert.equal(page.state.editing, null, "the form closes");
  assert.equal(page.state.notice, "Het abonnement Microsoft 365 Business Premium is opgeslagen.");

  await click(card(1), "Wijzigen").attrs.on.click();
  await click(card(1), "Annuleren").attrs.on.click();
  assert.equal(page.state.editing, null, "cancelling the form changes nothing");
  assert.equal(api.calls.filter(c => c[0] === "PUT").length, 2);
});

test("change refused: a cancelled subscription's 409 illegal-state and field errors show in the form", async () => {
  const api = staffApi({ put: () => new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Niet toegestaan",
    detail: "A cancelled subscription cannot be changed" }) });
  const shown = [];
  await open("provider-admin", api, shown);
  await click(withClass(last(shown), "subscription")[1], "Wijzigen").attrs.on.click();
  await submit(last(shown), "edit-heading");
  const form = withClass(withClass(last(shown), "subscription")[1], "subscription-form")[0];
  assert.match(textOf(withClass(form, "problem")[0]), /Niet toegestaan.*cannot be changed/);
  assert.equal(withClass(form, "warning").filter(n => /Iemand anders/.test(textOf(n))).length, 0, "no conflict offer");
  assert.equal(api.calls.filter(c => c[0] === "PUT")[0][2].unitPrice, 1200, "the price read, sent as a number");
});

test("cancel asks first; yes posts …/cancel without a body; no keeps it; a refusal stays at its subscription", async () => {
  let refuse = false;
  const api = staffApi({ post: () => (refuse ? new ApiError(409, { type: "urn:klantportaal:problem:illegal-state",
    title: "Niet toegestaan", detail: "This subscription is already cancelled" }) : { ...SUBSCRIPTIONS[0], status: "cancelled" }) });
  const shown = [];
  const page = await open("provider-admin", api, shown);
  const card = i => withClass(last(shown), "subscription")[i];
  await click(card(0), "Opzeggen").attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0, "cancelling asks first");
  const confirm = withClass(card(0), "confirm")[0];
  assert.equal(confirm.attrs.role, "alert");
  assert.match(textOf(confirm), /Het abonnement Microsoft 365 Business Premium opzeggen\?/);
  await click(card(0), "Nee").attrs.on.click();
  assert.deepEqual(buttons(card(0)), ["Wijzigen", "Opzeggen"]);
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0);

  await click(card(0), "Opzeggen").attrs.on.click();
  await click(card(0), "Ja, opzeggen").attrs.on.click();
  assert.deepEqual(api.calls.filter(c => c[0] === "POST").map(c => c.slice(1, 3)),
    [["/customers/acme/subscriptions/20261123-abcdef/cancel", undefined]], "no body");
  assert.equal(page.state.notice, "Het abonnement Microsoft 365 Business Premium is opgezegd.");
  assert.equal(api.calls.at(-1)[1], "/customers/acme/subscriptions", "the list is read again");

  refuse = true;
  await click(card(1), "Opzeggen").attrs.on.click();
  await click(card(1), "Ja, opzeggen").attrs.on.click();
  assert.match(textOf(withClass(card(1), "problem")[0]), /Niet toegestaan.*already cancelled/);
  assert.equal(withClass(card(0), "problem").length, 0, "only at the subscription it concerns");
});

// ---------------------------------------------------------------------------------------------
// routes, menu, texts

test("the subscriptions routes and their hashes; the menu per role", async () => {
  for (const [hash, route] of [["#/subscriptions", { name: "subscriptions" }],
    ["#/admin/customers/acme/subscriptions", { name: "customer-subscriptions", id: "acme" }],
    ["#/tickets/new?requestType=new-subscription", { name: "new", requestType: "new-subscription" }]]) {
    assert.deepEqual(parseRoute(hash), route, hash);
    assert.equal(routeHash(route), hash);
  }
  for (const bad of ["#/subscriptions/x", "#/admin/customers/ACME/subscriptions", "#/admin/customers/acme/subscriptions/20261123-abcdef",
    "#/admin/customers/%E0%A4%A/subscriptions"]) {
    assert.deepEqual(parseRoute(bad), { name: "not-found" }, bad);
  }
  const hrefs = role => subscriptionLinks(role).map(l => l.href);
  assert.deepEqual(hrefs("customer-user"), ["#/subscriptions"]);
  assert.deepEqual(hrefs("customer-admin"), ["#/subscriptions"]);
  for (const role of ["provider-agent", "provider-admin", "none"]) assert.deepEqual(hrefs(role), [], role);

  const shown = [];
  await subscriptionsPage(customerContext("customer-admin", fakeApi(() => ({ subscriptions: [] })), shown));
  const nav = findAll(findAll(last(shown), n => n.tag === "nav")[0], n => n.tag === "a");
  assert.deepEqual(nav.map(a => a.attrs.href).slice(4, 7), ["#/hours", "#/time-registrations", "#/subscriptions"],
    "after Urenregistraties");
  assert.equal(textOf(nav[6]), "Abonnementen");
});

test("every text of the subscriptions pages exists in nl, en and de, including the families filled in by value, and none unused", () => {
  const used = new Set();
  for (const file of readdirSync(portal).filter(f => f.endsWith(".mjs"))) {
    for (const m of readFileSync(join(portal, file), "utf8").matchAll(/"(subscriptions\.[A-Za-z0-9.-]*[A-Za-z0-9])"/g)) used.add(m[1]);
  }
  for (const s of SUBSCRIPTION_STATUSES) used.add("subscriptions.status." + s);
  for (const p of PERIODS) {
    used.add("subscriptions.per." + p);
    used.add("subscriptions.period." + p);
  }
  used.add("nav.subscriptions");
  const defined = Object.keys(texts.nl).filter(k => k.startsWith("subscriptions."));
  assert.deepEqual(defined.filter(k => !used.has(k)), [], "no subscriptions text is left unused");
  for (const key of used) for (const l of LANGUAGES) assert.ok(key in texts[l], `${key} missing in ${l}`);
  assert.equal(translator("en")("subscriptions.requestNew"), "Request a new subscription");
  assert.equal(translator("de")("subscriptions.status.ending"), "Läuft bald ab");
});
