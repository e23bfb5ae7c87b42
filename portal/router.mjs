// The portal's one route table: every route routes.mjs parses, and the page that shows it. The shell
// (app.mjs) and the e2e smoke open routes through it; page modules never route to each other.
//
// A signed-in user sees MFA enrolment first (signed in through Entra ID without a second factor there: the page that
// says to sign in again with MFA, sso.mjs), whatever the route (the API answers 403 mfa-required until
// kp_mfa is true), and a user not linked yet (role none) the page that says so, except on #/account; everyone
// linked starts on the dashboard (#/).
// Any other route without a page (not-found; a public route while signed in) shows "not found"; the knowledge base and
// the status page (kb.mjs) are public pages that show signed in too, then with the menu and the signed-in reads.
// A one-click link of a ticket mail (#/mail-link/…) shows signed in or not, before MFA enrolment and the waiting page:
// it needs no session (the signed link is the recipient's authority), and its page refuses a different signed-in user.

import { accountPage, mfaPage, pendingPage } from "./account.mjs";
import { ssoMfaPage } from "./sso.mjs";
import { auditPage, customerPage, customersPage, failingAddressesPage, heldMailPage, mailRoutesPage, newCustomerPage, organisationPage,
  pendingUsersPage, staffPage } from "./admin.mjs";
import { cataloguePage } from "./catalogue.mjs";
import { forgotPasswordPage, signUpPage } from "./auth.mjs";
import { customerHoursPage } from "./billing.mjs";
import { dashboardPage } from "./dashboard.mjs";
import { mailLinkPage, ratingsPage } from "./feedback.mjs";
import { bundlePage, hoursPage, registrationsPage } from "./hours.mjs";
import { customerInvoicePage, customerInvoiceProfilePage, customerInvoicesPage, invoicePage, invoicesPage } from "./invoices.mjs";
import { customerReportsPage, reportsPage } from "./reports.mjs";
import { atRiskPage, compliancePage, slaPage } from "./sla.mjs";
import { customerSubscriptionsPage, subscriptionsPage } from "./subscriptions.mjs";
import { newTicketPage, notFoundPage, resolutionPage, ticketPage, ticketsPage } from "./tickets.mjs";
import { kbArticlePage, kbCategoryPage, kbHomePage, kbSearchPage, statusPage } from "./kb.mjs";
import { kbAdminPage, kbCategoriesPage, kbEditorPage, kbStatsPage, noticeAdminPage, noticesAdminPage } from "./kbadmin.mjs";

/** The pages of a signed-in user by route name, each called with (ctx, route): ctx as app.mjs route() makes it. */
const SIGNED_IN = {
  dashboard: dashboardPage,
  tickets: ticketsPage, new: newTicketPage, ticket: ticketPage, resolution: resolutionPage,
  sla: slaPage, "sla-compliance": compliancePage, "sla-at-risk": atRiskPage,
  account: accountPage,
  organisation: organisationPage, "pending-users": pendingUsersPage, customers: customersPage,
  "new-customer": newCustomerPage, customer: customerPage, staff: staffPage, "failing-addresses": failingAddressesPage,
  "held-mail": heldMailPage, ratings: ratingsPage, audit: auditPage, "catalogue-admin": cataloguePage, "mail-routes": mailRoutesPage,
  hours: hoursPage, "hour-bundle": bundlePage, "time-registrations": registrationsPage,
  "customer-hours": customerHoursPage, "customer-hour-bundle": bundlePage, "customer-time-registrations": registrationsPage,
  subscriptions: subscriptionsPage, "customer-subscriptions": customerSubscriptionsPage,
  reports: reportsPage, "customer-reports": customerReportsPage,
  invoices: invoicesPage, invoice: invoicePage, "customer-invoices": customerInvoicesPage, "customer-invoice": customerInvoicePage,
  "customer-invoice-profile": customerInvoiceProfilePage,
  kb: kbHomePage, "kb-category": kbCategoryPage, "kb-article": kbArticlePage, "kb-search": kbSearchPage, status: statusPage,
  "kb-admin": kbAdminPage, "kb-new": kbEditorPage, "kb-edit": kbEditorPage, "kb-categories": kbCategoriesPage, "kb-stats": kbStatsPage,
  "notices-admin": noticesAdminPage, "notice-admin": noticeAdminPage
};

/**
 * The pages shown without a session, linked from the sign-in screen: ctx as app.mjs publicContext() makes it. The
 * knowledge base and the status page are here and in SIGNED_IN: signed out they read the /public/… routes.
 */
const PUBLIC = { "sign-up": signUpPage, "forgot-password": forgotPasswordPage,
  kb: kbHomePage, "kb-category": kbCategoryPage, "kb-article": kbArticlePage, "kb-search": kbSearchPage, status: statusPage };

/** The pages shown with or without a session, whatever the session's state: the one-click links of ticket mails. */
const ANYONE = { "mail-link": mailLinkPage };

/** Whether a route shows without a session. */
export function isPublic(route) {
  return Object.hasOwn(PUBLIC, route.name) || Object.hasOwn(ANYONE, route.name);
}

/** Opens the page of a public route. */
export function openPublic(ctx, route) {
  return (Object.hasOwn(PUBLIC, route.name) ? PUBLIC : ANYONE)[route.name](ctx, route);
}

/**
 * Opens the page a signed-in user sees on a route: a mail link's page as it is; else MFA enrolment first, then the
 * waiting page, else the route's page.
 */
export function openSignedIn(ctx, route) {
  if (Object.hasOwn(ANYONE, route.name)) return ANYONE[route.name](ctx, route);
  if (!ctx.mfa) return ctx.idp ? ssoMfaPage(ctx) : mfaPage(ctx);
  if (ctx.role === "none" && route.name !== "account") return pendingPage(ctx);
  const page = Object.hasOwn(SIGNED_IN, route.name) ? SIGNED_IN[route.name] : notFoundPage;
  return page(ctx, route);
}
