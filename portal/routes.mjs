// The hash routes of the portal. A route only names what to show; loading it never changes anything.

/** A ticket's token as the API uses it: <customer id>-<number> (TicketRef.parse on the server). */
export const TICKET_TOKEN = /^[a-z0-9][a-z0-9-]{1,39}-[1-9][0-9]{0,7}$/;

export const CUSTOMER_VIEWS = ["mine", "shared"];
export const CUSTOMER_ADMIN_VIEWS = ["mine", "shared", "organisation", "approvals"];
export const STATUSES = ["new", "open", "waiting-for-customer", "resolved", "closed"];

/** A catalogue request type's id (RequestType on the server), as #/tickets/new?requestType= preselects it. */
export const REQUEST_TYPE_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * {name: "dashboard"} (#/, the home page) | {name: "tickets", view, status} | {name: "new", followUpOf?, requestType?} | {name: "ticket", token} | {name: "resolution", token}
 * | {name: "sla"} | {name: "sla-compliance"} | {name: "sla-at-risk", hours, customerId} | {name: "not-found"}, the hour pages (hoursRoute), the subscriptions pages
 * (subscriptionsRoute), the reports pages (reportsRoute), the invoices pages (invoicesRoute) and the identity pages (identityRoute). view and status are null when the hash gives none (the role decides).
 */
export function parseRoute(hash) {
  const raw = String(hash || "").replace(/^#/, "");
  const [path, query = ""] = raw.split("?", 2);
  const params = new URLSearchParams(query);
  const parts = path.split("/").filter(p => p !== "");
  if (parts.length === 0) return { name: "dashboard" };
  if (parts.length === 1 && parts[0] === "tickets") {
    const view = params.get("view");
    const status = params.get("status");
    return { name: "tickets", view: view && /^[a-z-]{1,20}$/.test(view) ? view : null,
      status: status && STATUSES.includes(status) ? status : null };
  }
  if (parts.length === 1 && parts[0] === "sla") return { name: "sla" };
  if (parts.length === 2 && parts[0] === "sla" && parts[1] === "compliance") return { name: "sla-compliance" };
  if (parts.length === 2 && parts[0] === "sla" && parts[1] === "at-risk") return atRiskRoute(params);
  const hours = hoursRoute(parts);
  if (hours) return hours;
  const subscriptions = subscriptionsRoute(parts);
  if (subscriptions) return subscriptions;
  const reports = reportsRoute(parts);
  if (reports) return reports;
  const invoices = invoicesRoute(parts);
  if (invoices) return invoices;
  if (parts.length === 2 && parts[0] === "admin" && parts[1] === "audit") return auditRoute(params);
  const knowledge = knowledgeRoute(parts, params);
  if (knowledge) return knowledge;
  const identity = identityRoute(parts);
  if (identity) return identity;
  if (parts[0] === "mail-link") return mailLinkRoute(parts);
  if (parts[0] !== "tickets") return { name: "not-found" };
  if (parts.length === 2 && parts[1] === "new") {
    const route = { name: "new" };
    const followUpOf = params.get("followUpOf");
    if (followUpOf && TICKET_TOKEN.test(followUpOf)) route.followUpOf = followUpOf;
    const requestType = params.get("requestType");
    if (requestType && REQUEST_TYPE_ID.test(requestType)) route.requestType = requestType;
    return route;
  }
  let token;
  try { token = decodeURIComponent(parts[1]); } catch { return { name: "not-found" }; }
  if (!TICKET_TOKEN.test(token)) return { name: "not-found" };
  if (parts.length === 2) return { name: "ticket", token };
  if (parts.length === 3 && parts[2] === "resolution") return { name: "resolution", token };
  return { name: "not-found" };
}

/** The hash for a route; the inverse of parseRoute. */
export function routeHash(route) {
  const hours = hoursHash(route);
  if (hours) return hours;
  const subscriptions = subscriptionsHash(route);
  if (subscriptions) return subscriptions;
  const reports = reportsHash(route);
  if (reports) return reports;
  const invoices = invoicesHash(route);
  if (invoices) return invoices;
  if (route.name === "audit") return auditHash(route);
  const knowledge = knowledgeHash(route);
  if (knowledge) return knowledge;
  const identity = identityHash(route);
  if (identity) return identity;
  if (route.name === "mail-link") return mailLinkHash(route);
  switch (route.name) {
    case "new": {
      const params = new URLSearchParams();
      if (route.followUpOf) params.set("followUpOf", route.followUpOf);
      if (route.requestType) params.set("requestType", route.requestType);
      const query = params.toString();
      return "#/tickets/new" + (query ? "?" + query : "");
    }
    case "dashboard": return DASHBOARD_PATH;
    case "sla": return "#/sla";
    case "sla-compliance": return "#/sla/compliance";
    case "sla-at-risk": return atRiskHash(route);
    case "ticket": return "#/tickets/" + encodeURIComponent(route.token);
    case "resolution": return "#/tickets/" + encodeURIComponent(route.token) + "/resolution";
    default: {
      const params = new URLSearchParams();
      if (route.view) params.set("view", route.view);
      if (route.status) params.set("status", route.status);
      const query = params.toString();
      return "#/tickets" + (query ? "?" + query : "");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The SLA at risk (sla.mjs, provider staff): #/sla/at-risk?hours=N[&customerId=…], the window and the customer in the
// hash, so the dashboard's card links to the window it shows. GET /sla/at-risk takes 1 to 168 hours.

/** The windows the page offers, in hours; the API takes any whole number from 1 to AT_RISK_MAX_HOURS. */
export const AT_RISK_WINDOWS = [4, 8, 24, 72, 168];
export const AT_RISK_DEFAULT_HOURS = 8;
export const AT_RISK_MAX_HOURS = 168;

/** {name: "sla-at-risk", hours, customerId}: hours 1..168 (else the default 8), customerId a customer's id or "" (all). */
function atRiskRoute(params) {
  const raw = params.get("hours");
  const hours = /^[1-9][0-9]{0,2}$/.test(raw || "") && Number(raw) <= AT_RISK_MAX_HOURS ? Number(raw) : AT_RISK_DEFAULT_HOURS;
  const customer = params.get("customerId");
  return { name: "sla-at-risk", hours, customerId: customer && CUSTOMER_ID.test(customer) ? customer : "" };
}

/** The SLA entries of the menu besides #/sla: provider staff also get the SLA at risk. */
export function slaLinks(role) {
  return role === "provider-agent" || role === "provider-admin"
    ? [{ href: atRiskHash({ hours: AT_RISK_DEFAULT_HOURS }), key: "nav.slaAtRisk" }] : [];
}

function atRiskHash(route) {
  const params = new URLSearchParams({ hours: String(route.hours || AT_RISK_DEFAULT_HOURS) });
  if (route.customerId) params.set("customerId", route.customerId);
  return "#/sla/at-risk?" + params.toString();
}

/** Whether a role is linked to a customer or is provider staff: who may read the SLA page (GET /sla). */
export function linked(role) {
  return ["customer-user", "customer-admin", "provider-agent", "provider-admin"].includes(role);
}

/** The list views a role offers, each {view, status?}; the first is the default. */
export function viewsFor(role) {
  if (role === "customer-user") return CUSTOMER_VIEWS.map(view => ({ view }));
  if (role === "customer-admin") return CUSTOMER_ADMIN_VIEWS.map(view => ({ view }));
  if (role === "provider-agent" || role === "provider-admin") {
    return [...STATUSES.map(status => ({ view: "status", status })), { view: "assignee" }];
  }
  return [];
}

/** The view a tickets route shows for a role: the requested one when the role has it, else the default. */
export function resolveView(route, role) {
  const offered = viewsFor(role);
  const match = offered.find(v => v.view === route.view && (v.view !== "status" || v.status === (route.status || "new")));
  return match || offered[0] || null;
}

/** GET /tickets query for a view and a cursor. */
export function listPath(view, cursor) {
  const params = new URLSearchParams({ view: view.view });
  if (view.status) params.set("status", view.status);
  if (view.view === "assignee") params.set("assignee", "me");
  if (cursor) params.set("cursor", cursor);
  return "/tickets?" + params.toString();
}

// ---------------------------------------------------------------------------------------------
// The identity pages (auth.mjs, account.mjs, admin.mjs): sign-up and password reset (public), the
// account, the provider admin's linking queue, customers and staff, the customer admin's organisation.

/** A customer's id as the API uses it (TenantId on the server). */
export const CUSTOMER_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

const IDENTITY_PATHS = {
  "sign-up": "#/sign-up", "forgot-password": "#/forgot-password", account: "#/account",
  "pending-users": "#/admin/pending-users", customers: "#/admin/customers", "new-customer": "#/admin/customers/new",
  staff: "#/admin/staff", organisation: "#/organisation",
  // mail to an address that bounced permanently or complained is not sent until a provider admin clears it (admin.mjs)
  "failing-addresses": "#/admin/failing-addresses",
  // mail to the support address from an unknown, pending or unverified sender, held for provider staff (admin.mjs)
  "held-mail": "#/admin/held-mail",
  // what customers said about closed tickets, per customer and month (feedback.mjs)
  ratings: "#/admin/ratings",
  // the categories and request types (with their forms) customers choose from; provider admins change them (catalogue.mjs)
  "catalogue-admin": "#/admin/catalogue",
  // mail to a domain through another SES configuration set and sender, provider admins (admin.mjs)
  "mail-routes": "#/admin/mail-routes"
};

/** {name: "sign-up" | "forgot-password" | "account" | "pending-users" | "customers" | "new-customer" | "staff" | "organisation" | "failing-addresses" | "held-mail" | "ratings" | "catalogue-admin" | "mail-routes"} | {name: "customer", id} | null. */
function identityRoute(parts) {
  const path = "#/" + parts.join("/");
  const name = Object.keys(IDENTITY_PATHS).find(n => IDENTITY_PATHS[n] === path);
  if (name) return { name };
  if (parts.length === 3 && parts[0] === "admin" && parts[1] === "customers") {
    let id;
    try { id = decodeURIComponent(parts[2]); } catch { return { name: "not-found" }; }
    return CUSTOMER_ID.test(id) ? { name: "customer", id } : { name: "not-found" };
  }
  return null;
}

function identityHash(route) {
  if (route.name === "customer") return "#/admin/customers/" + encodeURIComponent(route.id);
  return IDENTITY_PATHS[route.name] || null;
}

// The audit trail (admin.mjs, provider admins): #/admin/audit?object=<kind>:<id> or ?actor=<user id>.

/** An audited object as the API names it (AuditObject on the server): <kind>:<id>. */
export const AUDIT_OBJECT = /^[a-z][a-z0-9-]{0,31}:[A-Za-z0-9._:@+-]{1,128}$/;
/** A user id or "system" (an audit entry's actor). */
export const AUDIT_ACTOR = /^[A-Za-z0-9._:@+-]{1,128}$/;

/** {name: "audit", object, actor}: each null when the query gives none the API would take (then the page asks). */
function auditRoute(params) {
  const object = params.get("object");
  const actor = params.get("actor");
  if (object && AUDIT_OBJECT.test(object)) return { name: "audit", object, actor: null };
  return { name: "audit", object: null, actor: actor && AUDIT_ACTOR.test(actor) ? actor : null };
}

function auditHash(route) {
  if (route.object) return "#/admin/audit?object=" + encodeURIComponent(route.object);
  if (route.actor) return "#/admin/audit?actor=" + encodeURIComponent(route.actor);
  return "#/admin/audit";
}

/** The identity pages in the main navigation of a role, each {href, key}: keys of i18n.mjs. */
export function navLinks(role) {
  const links = [];
  if (role === "customer-admin") links.push({ href: IDENTITY_PATHS.organisation, key: "nav.organisation" });
  if (role === "provider-admin") links.push({ href: IDENTITY_PATHS["pending-users"], key: "nav.pendingUsers" });
  if (role === "provider-agent" || role === "provider-admin") links.push({ href: IDENTITY_PATHS.customers, key: "nav.customers" });
  if (role === "provider-admin") links.push({ href: IDENTITY_PATHS.staff, key: "nav.staff" });
  if (role === "provider-admin") links.push({ href: "#/admin/audit", key: "nav.audit" });
  if (role === "provider-agent" || role === "provider-admin") {
    links.push({ href: IDENTITY_PATHS["failing-addresses"], key: "nav.failingAddresses" });
    links.push({ href: IDENTITY_PATHS["held-mail"], key: "nav.heldMail" });
    links.push({ href: IDENTITY_PATHS.ratings, key: "nav.ratings" });
    links.push({ href: IDENTITY_PATHS["catalogue-admin"], key: "nav.catalogue" });
  }
  if (role === "provider-admin") links.push({ href: IDENTITY_PATHS["mail-routes"], key: "nav.mailRoutes" });
  links.push({ href: IDENTITY_PATHS.account, key: "nav.account" });
  return links;
}

// ---------------------------------------------------------------------------------------------
// The one-click links of ticket mails (feedback.mjs): #/mail-link/<token> (accept or reject a solution, or rate a
// closed ticket) and #/mail-link/<token>/<score> (the rating link of one score, which the page preselects). Shown
// with or without a session; opening one only reads (POST /mail-links/preview), the page's button acts.

/** A mail link's token as the API makes it (MailLinkSigner: base64url, a dot, base64url; at most 512 characters). */
export const MAIL_LINK_TOKEN = /^[A-Za-z0-9_.-]{1,512}$/;
/** The scores of a rating, worst first (RateTicket on the server: 1 to 5). */
export const SCORES = [1, 2, 3, 4, 5];

/**
 * {name: "mail-link", token, score}: token null when the path holds none the API could have made (the page then says the
 * link is damaged, without asking the API); score 1..5 from the path, else null.
 */
function mailLinkRoute(parts) {
  let token = null;
  if (parts.length === 2 || parts.length === 3) {
    try { token = decodeURIComponent(parts[1]); } catch { token = null; }
    if (token !== null && !MAIL_LINK_TOKEN.test(token)) token = null;
  }
  const score = parts.length === 3 && /^[1-5]$/.test(parts[2]) ? Number(parts[2]) : null;
  return { name: "mail-link", token, score };
}

function mailLinkHash(route) {
  return "#/mail-link/" + encodeURIComponent(route.token || "") + (SCORES.includes(route.score) ? "/" + route.score : "");
}

// ---------------------------------------------------------------------------------------------
// The hour pages (hours.mjs, billing.mjs): a customer's own bundles and registrations, and provider
// staff's view of a customer's (with the provider admin's bundle management and billing settings).

/** A bundle's id as the API makes it (ManageBundles on the server: yyyymmdd-xxxxxx). */
export const BUNDLE_ID = /^[0-9]{8}-[a-z0-9]{6}$/;

const HOURS_PATHS = { hours: "#/hours", "time-registrations": "#/time-registrations" };

/**
 * {name: "hours"} | {name: "hour-bundle", bundleId} | {name: "time-registrations"} (the customer's own), and for
 * staff {name: "customer-hours", id} | {name: "customer-hour-bundle", id, bundleId} | {name: "customer-time-registrations", id};
 * null when the path is none of them.
 */
function hoursRoute(parts) {
  const decoded = [];
  for (const part of parts) {
    try { decoded.push(decodeURIComponent(part)); } catch { return parts[0] === "hours" ? { name: "not-found" } : null; }
  }
  const [first, second, third, fourth, fifth] = decoded;
  if (first === "hours") {
    if (decoded.length === 1) return { name: "hours" };
    if (decoded.length === 2 && BUNDLE_ID.test(second)) return { name: "hour-bundle", bundleId: second };
    return { name: "not-found" };
  }
  if (first === "time-registrations") return decoded.length === 1 ? { name: "time-registrations" } : { name: "not-found" };
  if (first !== "admin" || second !== "customers" || decoded.length < 4 || !["hours", "time-registrations"].includes(fourth)) {
    return null;
  }
  if (!CUSTOMER_ID.test(third)) return { name: "not-found" };
  if (fourth === "time-registrations") {
    return decoded.length === 4 ? { name: "customer-time-registrations", id: third } : { name: "not-found" };
  }
  if (decoded.length === 4) return { name: "customer-hours", id: third };
  if (decoded.length === 5 && BUNDLE_ID.test(fifth)) return { name: "customer-hour-bundle", id: third, bundleId: fifth };
  return { name: "not-found" };
}

function hoursHash(route) {
  const customer = () => "#/admin/customers/" + encodeURIComponent(route.id);
  switch (route.name) {
    case "hour-bundle": return "#/hours/" + encodeURIComponent(route.bundleId);
    case "customer-hours": return customer() + "/hours";
    case "customer-hour-bundle": return customer() + "/hours/" + encodeURIComponent(route.bundleId);
    case "customer-time-registrations": return customer() + "/time-registrations";
    default: return HOURS_PATHS[route.name] || null;
  }
}

/**
 * The hour pages in the main navigation of a role, each {href, key}: "Mijn Urenbundels" and "Urenregistraties"
 * for a customer's people (a customer user whose organisation shows hours to admins only is told so there);
 * provider staff reach a customer's hours from the customer's page.
 */
export function hoursLinks(role) {
  if (role !== "customer-user" && role !== "customer-admin") return [];
  return [{ href: HOURS_PATHS.hours, key: "nav.hours" }, { href: HOURS_PATHS["time-registrations"], key: "nav.timeRegistrations" }];
}

// ---------------------------------------------------------------------------------------------
// The subscriptions pages (subscriptions.mjs): a customer's own subscriptions, and provider staff's view of
// a customer's (with the provider admin's create, change and cancel).

/** A subscription's id as the API makes it (ManageSubscriptions on the server: yyyymmdd-xxxxxx). */
export const SUBSCRIPTION_ID = BUNDLE_ID;

const SUBSCRIPTIONS_PATH = "#/subscriptions";

/**
 * {name: "subscriptions"} (the customer's own) | {name: "customer-subscriptions", id} (staff); {name: "not-found"} for a
 * path below them that is none; null when the path is neither.
 */
function subscriptionsRoute(parts) {
  if (parts[0] === "subscriptions") return parts.length === 1 ? { name: "subscriptions" } : { name: "not-found" };
  if (parts[0] !== "admin" || parts[1] !== "customers" || parts[3] !== "subscriptions") return null;
  let id;
  try { id = decodeURIComponent(parts[2]); } catch { return { name: "not-found" }; }
  return parts.length === 4 && CUSTOMER_ID.test(id) ? { name: "customer-subscriptions", id } : { name: "not-found" };
}

function subscriptionsHash(route) {
  if (route.name === "subscriptions") return SUBSCRIPTIONS_PATH;
  if (route.name === "customer-subscriptions") return "#/admin/customers/" + encodeURIComponent(route.id) + "/subscriptions";
  return null;
}

/**
 * The subscriptions page in the main navigation of a role, after the hour pages: "Abonnementen" for a customer's
 * people (a customer user whose organisation shows them to admins only is told so there); provider staff reach a
 * customer's subscriptions from the customer's page.
 */
export function subscriptionLinks(role) {
  if (role !== "customer-user" && role !== "customer-admin") return [];
  return [{ href: SUBSCRIPTIONS_PATH, key: "nav.subscriptions" }];
}

// ---------------------------------------------------------------------------------------------
// The reports pages (reports.mjs): a customer's own monthly reports, and provider staff's view of a
// customer's (with the provider admin's "regenerate").

/** A report's month as the API names it (ReportMonth on the server: yyyy-mm). */
export const REPORT_MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

const REPORTS_PATH = "#/reports";

/**
 * {name: "reports"} (the customer's own) | {name: "customer-reports", id} (staff); {name: "not-found"} for a path
 * below them that is none; null when the path is neither.
 */
function reportsRoute(parts) {
  if (parts[0] === "reports") return parts.length === 1 ? { name: "reports" } : { name: "not-found" };
  if (parts[0] !== "admin" || parts[1] !== "customers" || parts[3] !== "reports") return null;
  let id;
  try { id = decodeURIComponent(parts[2]); } catch { return { name: "not-found" }; }
  return parts.length === 4 && CUSTOMER_ID.test(id) ? { name: "customer-reports", id } : { name: "not-found" };
}

function reportsHash(route) {
  if (route.name === "reports") return REPORTS_PATH;
  if (route.name === "customer-reports") return "#/admin/customers/" + encodeURIComponent(route.id) + "/reports";
  return null;
}

/**
 * The reports page in the main navigation of a role, after the subscriptions: "Rapportages" for a customer's
 * people (a customer user whose organisation shows them to admins only is told so there); provider staff reach a
 * customer's reports from the customer's page.
 */
export function reportLinks(role) {
  if (role !== "customer-user" && role !== "customer-admin") return [];
  return [{ href: REPORTS_PATH, key: "nav.reports" }];
}

// ---------------------------------------------------------------------------------------------
// The invoices pages (invoices.mjs): a customer's own final invoices (customer admins), and provider staff's
// view of a customer's, drafts included (with the provider admin's drafting, finalising, payment states and
// credit invoices), and the customer's invoicing details.

/**
 * An invoice's id as the API makes it (Invoice.ID on the server): yyyy-mm-dd.xxxxxx for a draft a provider admin made
 * (and a credit invoice), yyyy-mm.month for the monthly schedule's.
 */
export const INVOICE_ID = /^[0-9]{4}-[0-9]{2}(?:-[0-9]{2}\.[a-z0-9]{6}|\.month)$/;

const INVOICES_PATH = "#/invoices";

/**
 * {name: "invoices"} | {name: "invoice", invoiceId} (the customer's own), and for staff {name: "customer-invoices", id}
 * | {name: "customer-invoice", id, invoiceId} | {name: "customer-invoice-profile", id}; {name: "not-found"} for a path
 * below them that is none; null when the path is none of them.
 */
function invoicesRoute(parts) {
  const decoded = [];
  for (const part of parts) {
    try { decoded.push(decodeURIComponent(part)); } catch { decoded.push(null); }
  }
  const [first, second, third, fourth, fifth] = decoded;
  if (parts[0] === "invoices") {
    if (parts.length === 1) return { name: "invoices" };
    return parts.length === 2 && INVOICE_ID.test(second || "") ? { name: "invoice", invoiceId: second } : { name: "not-found" };
  }
  if (first !== "admin" || second !== "customers" || !["invoices", "invoice-profile"].includes(parts[3])) return null;
  if (third === null || !CUSTOMER_ID.test(third)) return { name: "not-found" };
  if (fourth === "invoice-profile") return parts.length === 4 ? { name: "customer-invoice-profile", id: third } : { name: "not-found" };
  if (parts.length === 4) return { name: "customer-invoices", id: third };
  if (parts.length === 5 && INVOICE_ID.test(fifth || "")) return { name: "customer-invoice", id: third, invoiceId: fifth };
  return { name: "not-found" };
}

function invoicesHash(route) {
  const customer = () => "#/admin/customers/" + encodeURIComponent(route.id);
  switch (route.name) {
    case "invoices": return INVOICES_PATH;
    case "invoice": return INVOICES_PATH + "/" + encodeURIComponent(route.invoiceId);
    case "customer-invoices": return customer() + "/invoices";
    case "customer-invoice": return customer() + "/invoices/" + encodeURIComponent(route.invoiceId);
    case "customer-invoice-profile": return customer() + "/invoice-profile";
    default: return null;
  }
}

/**
 * The invoices page in the main navigation of a role, after the reports: "Facturen" for customer admins only (the
 * API shows a customer's invoices to its administrators; a customer user who opens the page is told so); provider
 * staff reach a customer's invoices from the customer's page.
 */
export function invoiceLinks(role) {
  return role === "customer-admin" ? [{ href: INVOICES_PATH, key: "nav.invoices" }] : [];
}

// ---------------------------------------------------------------------------------------------
// The dashboard (dashboard.mjs), the home page #/ of everyone linked, and its widgets, which the account page's
// "Dashboardinstellingen" switches on and off (PATCH /me `dashboard`).

const DASHBOARD_PATH = "#/";

/**
 * The widgets the portal shows, in the order of the settings and of a newcomer's dashboard, each with the roles
 * that can have it (AccountSettings.DashboardWidget on the server; `sla` is a stored value the portal shows no card
 * for: it never had one). `notices` and `knowledge` (issue 19) are offered to everyone linked but are no part of a
 * newcomer's set (`optIn`: DashboardWidget.defaultsFor leaves them out): a user switches them on in Dashboardinstellingen.
 */
export const DASHBOARD_WIDGETS = [
  { id: "open-tickets", roles: ["customer-user", "customer-admin", "provider-agent", "provider-admin"] },
  { id: "approvals", roles: ["customer-admin"] },
  { id: "waiting", roles: ["customer-user", "customer-admin", "provider-agent", "provider-admin"] },
  { id: "sla-at-risk", roles: ["provider-agent", "provider-admin"] },
  { id: "hour-bundles", roles: ["customer-user", "customer-admin"] },
  { id: "subscriptions", roles: ["customer-user", "customer-admin"] },
  { id: "invoices", roles: ["customer-admin"] },
  { id: "reports", roles: ["customer-user", "customer-admin"] },
  { id: "notices", roles: ["customer-user", "customer-admin", "provider-agent", "provider-admin"], optIn: true },
  { id: "knowledge", roles: ["customer-user", "customer-admin", "provider-agent", "provider-admin"], optIn: true }
];

/** The widgets a role can have, in the settings' order: the switches of Dashboardinstellingen. */
export function dashboardWidgetsFor(role) {
  return DASHBOARD_WIDGETS.filter(w => w.roles.includes(role)).map(w => w.id);
}

/** A newcomer's widgets (DashboardWidget.defaultsFor on the server): those of the role that are not opt-in. */
export function dashboardDefaultsFor(role) {
  return DASHBOARD_WIDGETS.filter(w => w.roles.includes(role) && !w.optIn).map(w => w.id);
}

/**
 * The widgets a user sees, in its order: GET /me's `dashboard` (the user's choice, or the role's default set while it
 * never chose) less those its role cannot have or the portal has no card for; without a profile, the role's default set.
 */
export function dashboardShown(role, profile) {
  const offered = dashboardWidgetsFor(role);
  if (!profile || !Array.isArray(profile.dashboard)) return dashboardDefaultsFor(role);
  return [...new Set(profile.dashboard)].filter(id => offered.includes(id));
}

const WIDGET_TITLES = {
  "open-tickets": "dash.openTickets.heading", approvals: "dash.approvals.heading", waiting: "dash.waiting.heading",
  "sla-at-risk": "dash.sla.heading", "hour-bundles": "dash.hours.heading", subscriptions: "dash.subscriptions.heading",
  invoices: "dash.invoices.heading", reports: "dash.reports.heading", notices: "dash.notices.heading",
  knowledge: "dash.knowledge.heading"
};
const STAFF_WIDGET_TITLES = { "open-tickets": "dash.openTickets.staffHeading", waiting: "dash.waiting.staffHeading" };

/** The text key of a widget's name: its card's heading and its switch in the settings (staff's own tickets are named apart). */
export function widgetTitleKey(id, staff) {
  return (staff && STAFF_WIDGET_TITLES[id]) || WIDGET_TITLES[id] || "dash.unknown";
}

/** Every text key widgetTitleKey gives. */
export const WIDGET_TITLE_KEYS = [...Object.values(WIDGET_TITLES), ...Object.values(STAFF_WIDGET_TITLES)];

// ---------------------------------------------------------------------------------------------
// The knowledge base and the status page (kb.mjs), public and signed in: #/kb (the categories and the search box),
// #/kb/c/<categoryId>, #/kb/a/<slug> (an article's share link; the portal's own links add ?id=<articleId>, which the
// signed-in read takes), #/kb/search?q=…, #/status; and provider staff's management pages (kbadmin.mjs): #/admin/kb (the
// articles), #/admin/kb/new, #/admin/kb/<articleId> (the editor), #/admin/kb/categories, #/admin/kb/stats,
// #/admin/notices and #/admin/notices/<noticeId>.

/** An article's id, a category's id and a notice's id as the knowledge context makes them (kb-…, cat-…, ntc-…). */
export const ARTICLE_ID = /^kb-[A-Za-z0-9_-]{1,80}$/;
export const CATEGORY_ID = /^cat-[A-Za-z0-9_-]{1,80}$/;
export const NOTICE_ID = /^ntc-[A-Za-z0-9_-]{1,80}$/;
/** An article's slug, the stable part of its share link. */
export const ARTICLE_SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;
/** The longest search the pages send (the API's q). */
export const KB_QUERY_MAX = 200;

const KB_PATHS = { kb: "#/kb", status: "#/status", "kb-admin": "#/admin/kb", "kb-new": "#/admin/kb/new",
  "kb-categories": "#/admin/kb/categories", "kb-stats": "#/admin/kb/stats", "notices-admin": "#/admin/notices" };

const decodedOf = part => {
  try { return decodeURIComponent(part); } catch { return null; }
};

/**
 * {name: "kb"} | {name: "kb-category", categoryId} | {name: "kb-article", slug, articleId} (articleId null on a share
 * link) | {name: "kb-search", q} | {name: "status"} | the staff pages {name: "kb-admin" | "kb-new" | "kb-categories" |
 * "kb-stats" | "notices-admin"} | {name: "kb-edit", articleId} | {name: "notice-admin", noticeId}; {name: "not-found"}
 * for a path below them that is none; null when the path is none of them.
 */
function knowledgeRoute(parts, params) {
  const path = "#/" + parts.join("/");
  const fixed = Object.keys(KB_PATHS).find(n => KB_PATHS[n] === path);
  if (fixed) return { name: fixed };
  const [first, second, third] = parts.map(decodedOf);
  if (first === "kb") {
    if (parts.length === 2 && second === "search") {
      return { name: "kb-search", q: String(params.get("q") || "").trim().slice(0, KB_QUERY_MAX) };
    }
    if (parts.length === 3 && second === "c" && CATEGORY_ID.test(third || "")) return { name: "kb-category", categoryId: third };
    if (parts.length === 3 && second === "a" && ARTICLE_SLUG.test(third || "")) {
      const id = params.get("id");
      return { name: "kb-article", slug: third, articleId: id && ARTICLE_ID.test(id) ? id : null };
    }
    return { name: "not-found" };
  }
  if (first === "status") return { name: "not-found" };
  if (first !== "admin" || !["kb", "notices"].includes(second)) return null;
  if (parts.length !== 3) return { name: "not-found" };
  if (second === "kb") return ARTICLE_ID.test(third || "") ? { name: "kb-edit", articleId: third } : { name: "not-found" };
  return NOTICE_ID.test(third || "") ? { name: "notice-admin", noticeId: third } : { name: "not-found" };
}

function knowledgeHash(route) {
  switch (route.name) {
    case "kb-category": return "#/kb/c/" + encodeURIComponent(route.categoryId);
    case "kb-article": return "#/kb/a/" + encodeURIComponent(route.slug) + (route.articleId ? "?id=" + encodeURIComponent(route.articleId) : "");
    case "kb-search": return "#/kb/search" + (route.q ? "?" + new URLSearchParams({ q: route.q }).toString() : "");
    case "kb-edit": return "#/admin/kb/" + encodeURIComponent(route.articleId);
    case "notice-admin": return "#/admin/notices/" + encodeURIComponent(route.noticeId);
    default: return KB_PATHS[route.name] || null;
  }
}

/**
 * The knowledge base and the status page in the main navigation of everyone linked; provider staff also manage the
 * articles and the notices (the categories are the provider admin's, from the articles' page).
 */
export function knowledgeLinks(role) {
  if (!linked(role)) return [];
  const links = [{ href: KB_PATHS.kb, key: "nav.kb" }, { href: KB_PATHS.status, key: "nav.status" }];
  if (role === "provider-agent" || role === "provider-admin") {
    links.push({ href: KB_PATHS["kb-admin"], key: "nav.kbAdmin" }, { href: KB_PATHS["notices-admin"], key: "nav.noticesAdmin" });
  }
  return links;
}
