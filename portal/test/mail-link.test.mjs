// #/mail-link/<token>[/<score>] (feedback.mjs): the one-click links of ticket mails, with or without a session; only the
// page's button acts. #/admin/ratings (feedback.mjs): a customer's ratings of a month for provider staff. The rating of a
// closed ticket on the ticket page (rating.mjs): customers rate, staff read it.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { navLinks, parseRoute, routeHash } from "../routes.mjs";
import { LINK_ACTIONS, LINK_REFUSALS, mailLinkPage, ratingsPage, useBody } from "../feedback.mjs";
import { SCORES, VIAS } from "../rating.mjs";
import { ticketPage } from "../tickets.mjs";
import { isPublic, openPublic, openSignedIn } from "../router.mjs";
import { click, context, detail, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const TOKEN = "eyJhYmMiOiIxIn0.c2lnbmF0dXJl_-";
const PREVIEW = { action: "accept", ticketId: "acme-12", ticketNumber: 12, title: "Printer " + EVIL, status: "resolved",
  recipientId: "u-jan", recipientName: "Jan " + EVIL, expiresAt: "2026-11-30T10:00:00Z" };

/** fakes.mjs fakeApi, plus the anonymous calls the page makes (recorded with "anonymous" as their options). */
function linkApi(preview, use = body => ({ action: preview.action, ticketId: preview.ticketId, ticketNumber: preview.ticketNumber,
  status: body.score ? "closed" : "closed" })) {
  const answer = (method, path, body) => {
    if (path === "/mail-links/preview") return typeof preview === "function" ? preview(body) : preview;
    if (path === "/mail-links/use") return use(body);
    return new ApiError(404, { title: "Niet gevonden" });
  };
  const api = fakeApi(answer);
  api.anonymous = async (method, path, body) => {
    api.calls.push([method, path, body, "anonymous"]);
    const a = answer(method, path, body);
    if (a instanceof Error) throw a;
    return structuredClone(a);
  };
  return api;
}

/** The ctx of a page without a session (app.mjs publicContext): no userId, role or navigation. */
function signedOut(api, shown, lang = "nl") {
  return { api, lang, tr: translator(lang), show: desc => shown.push(desc), bind: render => render };
}

function signedIn(role, api, shown, userId, email) {
  return { ...context(role, api, shown), userId, email, mfa: true };
}

const uses = api => api.calls.filter(c => c[1] === "/mail-links/use");
const buttons = view => findAll(view, n => n.tag === "button");
const form = view => findAll(view, n => n.tag === "form")[0];
const submit = view => form(view).attrs.on.submit({ preventDefault() {} });
const heading = view => textOf(findAll(view, n => n.tag === "h1")[0]);

test("the route: a token, a score 1..5 from the path, a damaged token as none; public and shown whatever the session", async () => {
  assert.deepEqual(parseRoute("#/mail-link/" + TOKEN), { name: "mail-link", token: TOKEN, score: null });
  assert.deepEqual(parseRoute("#/mail-link/" + TOKEN + "/4"), { name: "mail-link", token: TOKEN, score: 4 });
  assert.deepEqual(parseRoute("#/mail-link/" + TOKEN + "/9"), { name: "mail-link", token: TOKEN, score: null });
  assert.deepEqual(parseRoute("#/mail-link/kapot!"), { name: "mail-link", token: null, score: null });
  assert.deepEqual(parseRoute("#/mail-link/%E0%A4%A"), { name: "mail-link", token: null, score: null });
  assert.deepEqual(parseRoute("#/mail-link"), { name: "mail-link", token: null, score: null });
  assert.deepEqual(parseRoute("#/mail-link/" + "a".repeat(513)), { name: "mail-link", token: null, score: null });
  assert.equal(routeHash({ name: "mail-link", token: TOKEN, score: 3 }), "#/mail-link/" + TOKEN + "/3");
  assert.equal(routeHash({ name: "mail-link", token: TOKEN, score: null }), "#/mail-link/" + TOKEN);
  assert.ok(isPublic(parseRoute("#/mail-link/" + TOKEN)), "signed-out users may open it: no redirect to sign-in");

  // signed out
  let shown = [];
  await openPublic(signedOut(linkApi(PREVIEW), shown), parseRoute("#/mail-link/" + TOKEN));
  assert.equal(heading(last(shown)), nl("link.heading.accept"));
  assert.equal(findAll(last(shown), n => n.tag === "nav").length, 0, "no portal navigation without a session");
  // signed in before MFA enrolment, or waiting to be linked: still the link's page, not enrolment or the waiting page
  for (const ctx of [{ ...signedIn("customer-user", linkApi(PREVIEW), shown = [], "u-jan", "jan@acme.example.test"), mfa: false },
    signedIn("none", linkApi(PREVIEW), shown = [], "u-jan", "jan@acme.example.test")]) {
    shown.length = 0;
    await openSignedIn({ ...ctx, show: desc => shown.push(desc) }, parseRoute("#/mail-link/" + TOKEN));
    assert.equal(heading(last(shown)), nl("link.heading.accept"));
  }
});

test("opening a link only previews: what will happen, on which ticket, for whom and until when; nothing is used", async () => {
  const api = linkApi(PREVIEW);
  const shown = [];
  await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: null });
  assert.deepEqual(api.calls, [["POST", "/mail-links/preview", { token: TOKEN }, "anonymous"]], "one preview, no token sent");
  const view = last(shown);
  const text = textOf(view);
  assert.ok(text.includes(nl("link.intro.accept", { id: "#12", title: "Printer " + EVIL })), text);
  assert.ok(text.includes("U staat op het punt de oplossing van ticket #12 'Printer "));
  assert.ok(text.includes("Jan " + EVIL), "for whom");
  assert.equal(findAll(view, n => n.tag === "time")[0].attrs.datetime, "2026-11-30T10:00:00Z", "until when");
  assert.ok(text.includes(nl("link.onlyButton")));
  assert.deepEqual(buttons(view).map(textOf), [nl("link.button.accept")], "accept: one button");
  const dom = shimDocument();
  mount(view, dom);
  assert.ok(!dom.created.some(n => n.tagName === "img" || n.tagName === "script"), "title and name are text only");
});

test("accept: the button posts once, then the confirmation links the ticket", async () => {
  const api = linkApi(PREVIEW);
  const shown = [];
  const { actions } = await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: null });
  await Promise.all([submit(last(shown)), actions.perform()]);
  assert.deepEqual(uses(api), [["POST", "/mail-links/use", { token: TOKEN }, "anonymous"]], "once, even pressed twice");
  const view = last(shown);
  assert.equal(heading(view), nl("link.done.heading.accept"));
  assert.ok(textOf(view).includes(nl("link.done.accept", { id: "#12" })));
  const status = findAll(view, n => n.attrs.role === "status")[0];
  assert.ok(textOf(status).includes("#12"), "the confirmation is announced");
  const link = findAll(view, n => n.tag === "a")[0];
  assert.equal(link.attrs.href, "#/tickets/acme-12");
  assert.equal(textOf(link), nl("link.toTicket", { id: "#12" }));
  assert.ok(textOf(view).includes(nl("link.signInFirst")), "signed out: the portal asks to sign in first");
  assert.equal(buttons(view).length, 0);
});

test("accept: the answer's rating link asks at once how satisfied the person is (no closed mail reaches them)", async () => {
  const api = linkApi(PREVIEW, () => ({ action: "accept", ticketId: "acme-12", ticketNumber: 12, status: "closed",
    rateToken: "rate.token-1" }));
  const shown = [];
  const { actions } = await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: null });
  await actions.perform();
  const view = last(shown);
  assert.ok(textOf(view).includes(nl("link.done.rateNext")), textOf(view));
  const rate = findAll(view, n => n.tag === "a").find(a => textOf(a) === nl("link.done.rateButton"));
  assert.equal(rate.attrs.href, "#/mail-link/rate.token-1");
});

test("reject needs a reason: nothing is sent without one; then the reason is sent", async () => {
  const api = linkApi({ ...PREVIEW, action: "reject" });
  const shown = [];
  const { actions } = await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: null });
  let view = last(shown);
  assert.equal(heading(view), nl("link.heading.reject"));
  assert.ok(textOf(view).includes(nl("link.intro.reject", { id: "#12", title: "Printer " + EVIL })));
  const textarea = findAll(view, n => n.tag === "textarea")[0];
  assert.equal(textarea.attrs.id, "f-message");
  assert.equal(textarea.attrs["aria-required"], "true");
  assert.equal(textOf(findAll(view, n => n.tag === "label" && n.attrs.for === "f-message")[0]).startsWith(nl("rejectReason")), true);
  await submit(view);
  assert.equal(uses(api).length, 0, "no reason: nothing sent");
  view = last(shown);
  assert.equal(textOf(findAll(view, n => n.attrs.id === "e-message")[0]), nl("rejectNeedsReason"));
  assert.equal(findAll(view, n => n.tag === "textarea")[0].attrs["aria-invalid"], "true");
  actions.typeMessage({ target: { value: "De printer doet het nog steeds niet" } });
  await submit(last(shown));
  assert.deepEqual(uses(api), [["POST", "/mail-links/use", { token: TOKEN, message: "De printer doet het nog steeds niet" }, "anonymous"]]);
  assert.ok(textOf(last(shown)).includes(nl("link.done.reject", { id: "#12" })));
});

test("a field error of the API lands at its field and the form stays", async () => {
  const api = linkApi({ ...PREVIEW, action: "reject" }, () => new ApiError(400, { type: "urn:klantportaal:problem:validation-failed",
    title: "Ongeldige invoer", errors: [{ field: "message", message: "must not be blank" }] }));
  const shown = [];
  const { actions } = await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: null });
  actions.typeMessage({ target: { value: " x" } });
  await actions.perform();
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.attrs.id === "e-message")[0]), nl("form.error.invalid"), "a message without a code: the general words");
  assert.ok(textOf(view).includes("Ongeldige invoer"));
  assert.deepEqual(buttons(view).map(textOf), [nl("link.button.reject")], "the button stays for another try");
});

test("rating: the score of the path is preselected in a fieldset of five labelled radio buttons; comment optional", async () => {
  const api = linkApi({ ...PREVIEW, action: "rate", status: "closed" });
  const shown = [];
  const { actions } = await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: 4 });
  let view = last(shown);
  assert.equal(heading(view), nl("link.heading.rate"));
  assert.ok(textOf(view).includes(nl("link.intro.rate", { id: "#12", title: "Printer " + EVIL })));
  const fieldset = findAll(view, n => n.tag === "fieldset")[0];
  assert.ok(textOf(findAll(fieldset, n => n.tag === "legend")[0]).startsWith(nl("rating.question")));
  const radios = findAll(fieldset, n => n.tag === "input" && n.attrs.type === "radio");
  assert.deepEqual(radios.map(r => [r.attrs.value, r.attrs.checked]), [["1", false], ["2", false], ["3", false], ["4", true], ["5", false]]);
  assert.deepEqual(radios.map(r => textOf(findAll(fieldset, n => n.tag === "label" && n.attrs.for === r.attrs.id)[0])),
    ["1 — zeer ontevreden", "2 — ontevreden", "3 — neutraal", "4 — tevreden", "5 — zeer tevreden"]);
  assert.equal(new Set(radios.map(r => r.attrs.name)).size, 1, "one group");
  assert.equal(findAll(view, n => n.tag === "textarea")[0].attrs.maxlength, 2000);
  assert.deepEqual(useBody(TOKEN, { preview: { action: "rate" }, score: 4, comment: "  " }), { token: TOKEN, score: 4 }, "no empty comment");

  radios[1].attrs.on.change();
  actions.typeComment({ target: { value: "Snel opgelost, maar " + EVIL } });
  await submit(last(shown));
  assert.deepEqual(uses(api), [["POST", "/mail-links/use", { token: TOKEN, score: 2, comment: "Snel opgelost, maar " + EVIL }, "anonymous"]]);
  view = last(shown);
  assert.equal(heading(view), nl("link.done.heading.rate"));
  assert.ok(textOf(view).includes(nl("link.done.rate", { id: "#12", score: "2 — ontevreden" })));
});

test("rating without a score in the path: nothing is preselected, and nothing is sent until one is chosen", async () => {
  const api = linkApi({ ...PREVIEW, action: "rate", status: "closed" });
  const shown = [];
  await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: null });
  const radios = () => findAll(last(shown), n => n.tag === "input" && n.attrs.type === "radio");
  assert.ok(radios().every(r => !r.attrs.checked));
  await submit(last(shown));
  assert.equal(uses(api).length, 0);
  const view = last(shown);
  assert.equal(textOf(findAll(view, n => n.attrs.id === "e-score")[0]), nl("rating.chooseScore"));
  assert.equal(findAll(view, n => n.tag === "fieldset")[0].attrs["aria-describedby"], "e-score");
});

test("each refusal of the preview has its own page saying what to do next, and no button", async () => {
  const cases = [
    [new ApiError(400, { type: "urn:klantportaal:problem:link-invalid", title: "Deze link is ongeldig" }), "link-invalid"],
    [new ApiError(410, { type: "urn:klantportaal:problem:link-expired", title: "Deze link is verlopen" }), "link-expired"],
    [new ApiError(409, { type: "urn:klantportaal:problem:link-used", title: "Deze link is al gebruikt" }), "link-used"],
    [new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Kan niet" }), "illegal-state"],
    [new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldig" }), "link-invalid"]
  ];
  for (const [error, code] of cases) {
    const api = linkApi(() => error);
    const shown = [];
    await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: null });
    const view = last(shown);
    assert.equal(heading(view), nl("link.refused.heading." + code), code);
    assert.ok(textOf(view).includes(nl("link.refused.text." + code)), code);
    assert.ok(textOf(view).includes(nl("link.refused.next." + code)), code);
    assert.equal(findAll(view, n => n.attrs.role === "alert").length, 1, code);
    assert.equal(buttons(view).length, 0, code);
    assert.equal(findAll(view, n => n.tag === "a")[0].attrs.href, "#/tickets", code + ": on to the portal");
    assert.equal(uses(api).length, 0);
  }
  assert.notEqual(nl("link.refused.text.link-expired"), nl("link.refused.text.link-used"));
  assert.match(nl("link.refused.next.link-expired"), /Log in op het portaal en open het ticket/);
  assert.match(nl("link.refused.text.link-used"), /al gedaan/);
  assert.match(nl("link.refused.text.link-invalid"), /beschadigd/);
  assert.match(nl("link.refused.heading.illegal-state"), /status van het ticket is veranderd/);

  // a damaged token is said without asking the API
  const api = linkApi(PREVIEW);
  const shown = [];
  await mailLinkPage(signedOut(api, shown), parseRoute("#/mail-link/kapot!"));
  assert.equal(api.calls.length, 0);
  assert.equal(heading(last(shown)), nl("link.refused.heading.link-invalid"));
});

test("a refusal when the button is pressed: used meanwhile, or rated already; the page links the ticket", async () => {
  for (const [error, code] of [
    [new ApiError(409, { type: "urn:klantportaal:problem:link-used", title: "Al gebruikt" }), "link-used"],
    [new ApiError(409, { type: "urn:klantportaal:problem:already-exists", title: "Bestaat al" }), "already-exists"],
    [new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Kan niet" }), "illegal-state"]]) {
    const api = linkApi({ ...PREVIEW, action: "rate", status: "closed" }, () => error);
    const shown = [];
    await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: 5 });
    await submit(last(shown));
    const view = last(shown);
    assert.equal(heading(view), nl("link.refused.heading." + code));
    assert.ok(textOf(view).includes(nl("link.refused.text." + code)));
    assert.equal(findAll(view, n => n.tag === "a")[0].attrs.href, "#/tickets/acme-12");
    assert.equal(buttons(view).length, 0);
  }
  assert.match(nl("link.refused.heading.already-exists"), /Al beoordeeld/);
});

test("a network failure: said, with a button that previews again (nothing else)", async () => {
  let fail = true;
  const api = linkApi(() => (fail ? new ApiError(0, { title: "network" }) : PREVIEW));
  const shown = [];
  await mailLinkPage(signedOut(api, shown), { name: "mail-link", token: TOKEN, score: null });
  assert.ok(textOf(last(shown)).includes(nl("networkError")));
  fail = false;
  await click(last(shown), nl("link.retry")).attrs.on.click();
  assert.deepEqual(api.calls.map(c => c[1]), ["/mail-links/preview", "/mail-links/preview"]);
  assert.equal(heading(last(shown)), nl("link.heading.accept"));
});

test("someone else signed in: refused with both names, no button; the recipient signed in gets the page with the portal's menu", async () => {
  const api = linkApi(PREVIEW);
  const shown = [];
  const { actions } = await mailLinkPage(signedIn("customer-admin", api, shown, "u-ilse", "ilse@acme.example.test"),
    { name: "mail-link", token: TOKEN, score: null });
  const view = last(shown);
  assert.equal(heading(view), nl("link.otherUser.heading"));
  assert.ok(textOf(view).includes(nl("link.otherUser.text", { recipient: "Jan " + EVIL, me: "ilse@acme.example.test" })));
  assert.ok(textOf(view).includes(nl("link.otherUser.next")));
  assert.match(nl("link.otherUser.next"), /Log eerst uit, of open de link in een privévenster/);
  assert.equal(buttons(view).length, 0);
  assert.equal(findAll(view, n => n.tag === "form").length, 0);
  await actions.perform();
  assert.equal(uses(api).length, 0, "nothing acts for another user");

  const own = linkApi(PREVIEW);
  const ownShown = [];
  await mailLinkPage(signedIn("customer-user", own, ownShown, "u-jan", "jan@acme.example.test"), { name: "mail-link", token: TOKEN, score: null });
  assert.equal(heading(last(ownShown)), nl("link.heading.accept"));
  assert.equal(findAll(last(ownShown), n => n.tag === "nav").length, 1, "signed in: the menu");
  await submit(last(ownShown));
  assert.equal(uses(own).length, 1);
  assert.ok(!textOf(last(ownShown)).includes(nl("link.signInFirst")), "signed in: no sign-in needed");
});

// ---------------------------------------------------------------------------------------------
// #/admin/ratings

const CUSTOMERS = [{ id: "bakkerij", name: "Bakkerij" }, { id: "acme", name: "Acme " + EVIL }];
const MONTH = { customerId: "acme", month: "2026-11", count: 4, average: "4.25", perScore: [0, 0, 1, 1, 2], more: false,
  ratings: [
    { ticketId: "acme-12", ticketNumber: 12, by: "u-jan", score: 5, comment: "Top " + EVIL, at: "2026-11-20T10:00:00Z", via: "mail-link" },
    { ticketId: "acme-9", ticketNumber: 9, by: "u-ilse", score: 3, comment: null, at: "2026-11-18T10:00:00Z", via: "portal" }] };

function ratingsApi(answer = () => MONTH) {
  return fakeApi((method, path) => {
    if (path.startsWith("/customers?")) return { items: CUSTOMERS };
    if (path.startsWith("/ratings?")) return answer(path);
    return new ApiError(404, { title: "Niet gevonden" });
  });
}

test("#/admin/ratings: the route, staff's navigation after the held mail (not customers'), the router's page", async () => {
  assert.deepEqual(parseRoute("#/admin/ratings"), { name: "ratings" });
  assert.equal(routeHash({ name: "ratings" }), "#/admin/ratings");
  for (const role of ["provider-agent", "provider-admin"]) {
    const hrefs = navLinks(role).map(l => l.href);
    assert.equal(hrefs.indexOf("#/admin/ratings"), hrefs.indexOf("#/admin/held-mail") + 1, role);
  }
  for (const role of ["customer-user", "customer-admin", "none"]) assert.ok(!navLinks(role).some(l => l.href === "#/admin/ratings"));
  const shown = [];
  await openSignedIn({ ...context("provider-agent", ratingsApi(), shown), mfa: true }, parseRoute("#/admin/ratings"));
  assert.equal(heading(last(shown)), nl("ratings.heading"));
});

test("the ratings page: customers and this month to choose; the totals, the distribution and the list of the month", async () => {
  const api = ratingsApi();
  const shown = [];
  const { state, actions } = await ratingsPage(context("provider-admin", api, shown));
  assert.deepEqual(api.calls, [["GET", "/customers?limit=100"]], "opening reads the customers only");
  assert.equal(state.month, "2026-11", "this month by default");
  let view = last(shown);
  assert.equal(findAll(view, n => n.tag === "input" && n.attrs.type === "month")[0].attrs.value, "2026-11");
  assert.deepEqual(findAll(findAll(view, n => n.tag === "select")[0], n => n.tag === "option").map(o => o.attrs.value), ["", "acme", "bakkerij"]);

  await submit(view);
  assert.equal(api.calls.length, 1, "no customer: nothing sent");
  assert.equal(textOf(findAll(last(shown), n => n.attrs.id === "e-ratings-customer")[0]), nl("ratings.chooseCustomer"));

  actions.setCustomer({ target: { value: "acme" } });
  await submit(last(shown));
  assert.deepEqual(api.calls.at(-1), ["GET", "/ratings?customerId=acme&month=2026-11"]);
  view = last(shown);
  const text = textOf(view);
  assert.ok(text.includes(nl("ratings.of", { customer: "Acme " + EVIL, month: "november 2026" })), text);
  assert.ok(text.includes(nl("ratings.averageOf", { average: "4,25" })), "the average in the user's language");
  const facts = findAll(view, n => n.tag === "dd").map(textOf);
  assert.equal(facts[0], "4");
  const distribution = findAll(view, n => n.tag === "table" && n.attrs.class === "rating-distribution")[0];
  assert.equal(textOf(findAll(distribution, n => n.tag === "caption")[0]), nl("ratings.distribution"));
  const rows = findAll(findAll(distribution, n => n.tag === "tbody")[0], n => n.tag === "tr");
  assert.deepEqual(rows.map(r => [textOf(findAll(r, n => n.tag === "th")[0]), ...findAll(r, n => n.tag === "td").map(textOf)]),
    [["5 — zeer tevreden", "2", " 50 %"], ["4 — tevreden", "1", " 25 %"], ["3 — neutraal", "1", " 25 %"], ["2 — ontevreden", "0", " 0 %"],
      ["1 — zeer ontevreden", "0", " 0 %"]]);
  const meters = findAll(distribution, n => n.tag === "meter");
  assert.deepEqual(meters.map(m => [m.attrs.value, m.attrs.max, m.attrs["aria-label"]])[0], [2, 4, "2 van 4 (50 %)"]);

  const list = findAll(view, n => n.tag === "table" && n.attrs.class === "ratings")[0];
  const listRows = findAll(findAll(list, n => n.tag === "tbody")[0], n => n.tag === "tr").map(r => findAll(r, n => n.tag === "td").map(textOf));
  assert.deepEqual(listRows.map(r => [r[0], r[1], r[2], r[4]]), [
    ["#12", "5 — zeer tevreden", "Top " + EVIL, nl("rating.via.mail-link")],
    ["#9", "3 — neutraal", nl("rating.noComment"), nl("rating.via.portal")]]);
  assert.equal(findAll(list, n => n.tag === "a")[0].attrs.href, "#/tickets/acme-12");
  assert.equal(findAll(list, n => n.tag === "time")[0].attrs.datetime, "2026-11-20T10:00:00Z");
  const dom = shimDocument();
  mount(view, dom);
  assert.ok(!dom.created.some(n => n.tagName === "img" || n.tagName === "script"), "names and comments are text only");
});

test("the ratings page: a month without ratings, a bad month, more than listed; customers refused without a call", async () => {
  const api = ratingsApi(path => (path.includes("2026-10") ? { customerId: "acme", month: "2026-10", count: 0, average: null,
    perScore: [0, 0, 0, 0, 0], ratings: [], more: false } : { ...MONTH, more: true }));
  const shown = [];
  const { actions } = await ratingsPage(context("provider-agent", api, shown));
  actions.setCustomer({ target: { value: "acme" } });
  actions.setMonth({ target: { value: "2026-13" } });
  await actions.show();
  assert.ok(!api.calls.some(c => c[1].startsWith("/ratings")), "a bad month: nothing sent");
  assert.equal(textOf(findAll(last(shown), n => n.attrs.id === "e-ratings-month")[0]), nl("ratings.badMonth"));
  actions.setMonth({ target: { value: "2026-10" } });
  await actions.show();
  let text = textOf(last(shown));
  assert.ok(text.includes(nl("ratings.none")));
  assert.ok(text.includes(nl("ratings.noAverage")));
  actions.setMonth({ target: { value: "2026-11" } });
  await actions.show();
  text = textOf(last(shown));
  assert.ok(text.includes(nl("ratings.more")));

  const refused = ratingsApi();
  const refusedShown = [];
  await ratingsPage(context("customer-admin", refused, refusedShown));
  assert.equal(refused.calls.length, 0);
  assert.ok(textOf(last(refusedShown)).includes(nl("admin.notAllowed")));
});

// ---------------------------------------------------------------------------------------------
// The ticket page: a customer rates a closed ticket; staff read the rating

function ticketApi(status, { rating = null, rate = body => ({ ticketId: "acme-7", ticketNumber: 7, by: "u1", score: body.score,
  comment: body.comment || null, at: "2026-11-24T09:00:00Z", via: "portal" }) } = {}) {
  return fakeApi((method, path, body) => {
    if (method === "GET" && path === "/tickets/acme-7") return { ...detail({ status }), rating };
    if (method === "POST" && path === "/tickets/acme-7/rating") return rate(body);
    if (method === "GET") return { items: [] };
    return new ApiError(404, { title: "Niet gevonden" });
  });
}
const ratingSectionOf = view => findAll(view, n => n.tag === "section" && n.attrs.class === "rating")[0];

test("a customer rates a closed ticket: a score is needed, then POST …/rating, and the rating given is shown", async () => {
  const api = ticketApi("closed");
  const shown = [];
  const { actions } = await ticketPage(context("customer-user", api, shown), { name: "ticket", token: "acme-7" });
  let section = ratingSectionOf(last(shown));
  assert.ok(section, "the form on a closed ticket");
  assert.equal(textOf(findAll(section, n => n.tag === "h2")[0]), nl("rating.heading"));
  assert.equal(findAll(section, n => n.tag === "input" && n.attrs.type === "radio").length, 5);
  assert.ok(textOf(findAll(section, n => n.tag === "legend")[0]).startsWith(nl("rating.question")));

  await findAll(section, n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.ok(!api.calls.some(c => c[0] === "POST"), "no score: nothing sent");
  section = ratingSectionOf(last(shown));
  assert.equal(textOf(findAll(section, n => n.attrs.id === "e-score")[0]), nl("rating.chooseScore"));

  actions.chooseScore(4);
  actions.typeComment({ target: { value: "Prima " + EVIL } });
  await findAll(ratingSectionOf(last(shown)), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls.filter(c => c[0] === "POST").map(c => [c[1], c[2]]), [["/tickets/acme-7/rating", { score: 4, comment: "Prima " + EVIL }]]);
  section = ratingSectionOf(last(shown));
  assert.equal(findAll(section, n => n.tag === "form").length, 0, "rated: no form");
  assert.ok(textOf(section).includes(nl("rating.thanks")));
  assert.ok(textOf(section).includes("4 — tevreden"));
  assert.ok(textOf(section).includes("Prima " + EVIL));
  const dom = shimDocument();
  mount(last(shown), dom);
  assert.ok(!dom.created.some(n => n.tagName === "img" || n.tagName === "script"));
});

test("rated already (409 already-exists) is said; other refusals in the section; no form on an open ticket", async () => {
  const api = ticketApi("closed", { rate: () => new ApiError(409, { type: "urn:klantportaal:problem:already-exists", title: "Bestaat al" }) });
  const shown = [];
  const { actions } = await ticketPage(context("customer-user", api, shown), { name: "ticket", token: "acme-7" });
  actions.chooseScore(2);
  await actions.rate();
  let section = ratingSectionOf(last(shown));
  assert.ok(textOf(section).includes(nl("rating.already")));
  assert.equal(findAll(section, n => n.tag === "form").length, 0);

  const failing = ticketApi("closed", { rate: () => new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Niet gesloten" }) });
  const failingShown = [];
  const failingPage = await ticketPage(context("customer-user", failing, failingShown), { name: "ticket", token: "acme-7" });
  failingPage.actions.chooseScore(5);
  await failingPage.actions.rate();
  section = ratingSectionOf(last(failingShown));
  assert.ok(textOf(section).includes("Niet gesloten"));
  assert.equal(findAll(section, n => n.tag === "form").length, 1, "the form stays");

  const open = [];
  await ticketPage(context("customer-user", ticketApi("resolved"), open), { name: "ticket", token: "acme-7" });
  assert.equal(ratingSectionOf(last(open)), undefined);
});

test("staff see the customer's rating on the ticket page when there is one, and no form", async () => {
  const rating = { ticketId: "acme-7", ticketNumber: 7, by: "u1", score: 1, comment: "Te traag " + EVIL, at: "2026-11-24T09:00:00Z",
    via: "mail-link" };
  const shown = [];
  await ticketPage(context("provider-agent", ticketApi("closed", { rating }), shown), { name: "ticket", token: "acme-7" });
  const section = ratingSectionOf(last(shown));
  assert.equal(textOf(findAll(section, n => n.tag === "h2")[0]), nl("rating.staffHeading"));
  const text = textOf(section);
  assert.ok(text.includes("1 — zeer ontevreden"));
  assert.ok(text.includes("Te traag " + EVIL));
  assert.ok(text.includes(nl("rating.via.mail-link")));
  assert.ok(text.includes(EVIL), "by the reporter's name (the ticket names u1)");
  assert.equal(findAll(section, n => n.tag === "form").length, 0);

  const none = [];
  await ticketPage(context("provider-agent", ticketApi("closed"), none), { name: "ticket", token: "acme-7" });
  assert.equal(ratingSectionOf(last(none)), undefined, "no rating: nothing");
});

test("every text of the mail links and the ratings exists in nl, en and de, the families filled in by value too", () => {
  const keys = new Set(["nav.ratings"]);
  for (const s of SCORES) keys.add("rating.score." + s);
  for (const v of VIAS) keys.add("rating.via." + v);
  for (const code of LINK_REFUSALS) for (const part of ["heading", "text", "next"]) keys.add("link.refused." + part + "." + code);
  for (const a of LINK_ACTIONS) {
    keys.add("link.heading." + a);
    keys.add("link.button." + a);
    keys.add("link.done.heading." + a);
    keys.add("link.done." + a);
    keys.add("link.intro." + a);
  }
  for (const l of LANGUAGES) for (const k of Object.keys(texts[l])) if (/^(link|rating|ratings)\./.test(k)) keys.add(k);
  for (const key of keys) for (const l of LANGUAGES) assert.ok(key in texts[l], key + " in " + l);
  assert.equal(translator("en")("link.intro.accept", { id: "#12", title: "Printer" }),
    "You are about to accept the solution of ticket #12 'Printer'. This closes the ticket.");
  assert.equal(translator("de")("rating.score.5"), "5 — sehr zufrieden");
});

test("the audit trail names a rating and a change made through a mail link in words", async () => {
  const { auditDetail } = await import("../work.mjs");
  const ctx = context("provider-agent", fakeApi(() => ({})));
  assert.equal(auditDetail("score", "4", new Map(), ctx, null), "4 — tevreden");
  assert.equal(auditDetail("via", "mail-link", new Map(), ctx, null), nl("rating.via.mail-link"));
  assert.equal(nl("work.audit.action.rated"), "Beoordeeld");
});
