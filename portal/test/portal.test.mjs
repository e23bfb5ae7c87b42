// The portal's JavaScript without a browser: node --test portal/test/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { findAll, h, mount, textOf } from "../dom.mjs";
import { LANGUAGES, pickLanguage, texts, translator } from "../i18n.mjs";
import { ApiError, createApi, idempotencyKeyFor, sessionFrom } from "../api.mjs";
import { listPath, parseRoute, resolveView, routeHash, STATUSES, viewsFor } from "../routes.mjs";
import { newTicketPage, resolutionPage, STAFF_ACTIONS, ticketBody, ticketPage, ticketsPage, ticketView,
  TYPES } from "../tickets.mjs";
import { formatAmsterdam, formatDate, formatDateTime, nextStepKey, PRIORITIES, problemBox } from "../widgets.mjs";
import { CALENDARS, LIBERATION_DAY, WEEKDAYS } from "../sla.mjs";
import { NOTICE_KINDS, NOTICE_STATUSES, READER_BANDS, VISIBILITIES } from "../kbparts.mjs";
import { catalogue, click, context, detail, EVIL, fakeApi, last, shimDocument, ticket } from "./fakes.mjs";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
const sources = readdirSync(portal).filter(f => f.endsWith(".mjs")).map(f => [f, readFileSync(join(portal, f), "utf8")]);

// ---------------------------------------------------------------------------------------------
// texts

test("every text exists in nl, en and de, non-empty, with the same placeholders", () => {
  const keys = new Set(LANGUAGES.flatMap(l => Object.keys(texts[l])));
  assert.ok(keys.size > 100, "the table holds the portal's texts");
  for (const key of keys) {
    const placeholders = LANGUAGES.map(l => {
      assert.equal(typeof texts[l][key], "string", `${key} missing in ${l}`);
      assert.notEqual(texts[l][key].trim(), "", `${key} empty in ${l}`);
      return JSON.stringify((texts[l][key].match(/\{\w+\}/g) || []).sort());
    });
    assert.equal(new Set(placeholders).size, 1, `${key} has different placeholders per language: ${placeholders}`);
  }
});

test("every text key the code and index.html use exists, including the per-value families", () => {
  const used = new Set();
  for (const [, source] of sources) {
    for (const m of source.matchAll(/\btr\("([A-Za-z.-]+)"/g)) {
      if (m[1].endsWith(".")) {
        assert.ok(["status.", "priority.", "type.", "approval.", "action.", "side.", "view.", "sla.target.", "weekday.",
          "sla.edit.liberation.", "sla.edit.reasonIn.", "kb.language."].includes(m[1]),
          "a dynamic key family the test enumerates below: " + m[1]);
      } else {
        used.add(m[1]);
      }
    }
  }
  for (const m of readFileSync(join(portal, "index.html"), "utf8").matchAll(/data-t="([^"]+)"/g)) used.add(m[1]);
  for (const s of STATUSES) used.add("status." + s);
  for (const p of PRIORITIES) used.add("priority." + p);
  for (const t of TYPES) used.add("type." + t);
  for (const a of ["none", "pending", "approved", "rejected"]) used.add("approval." + a);
  for (const a of STAFF_ACTIONS) used.add("action." + a.action);
  for (const s of ["customer", "provider"]) used.add("side." + s);
  for (const role of ["customer-user", "customer-admin", "provider-agent"]) {
    for (const v of viewsFor(role)) used.add("view." + v.view);
  }
  for (const [, source] of sources) {
    // keys handed to tr() by a variable (table headers, one/other plurals): every literal of the SLA families
    for (const m of source.matchAll(/"((?:sla|tier|weekday)\.[A-Za-z0-9.-]*[A-Za-z0-9])"/g)) used.add(m[1]);
  }
  for (const t of ["response", "resolution"]) used.add("sla.target." + t);
  for (const s of ["running", "paused", "met", "breached"]) used.add("sla.state." + s);
  for (const t of ["koper", "brons", "zilver", "goud"]) used.add("tier." + t);
  for (const c of CALENDARS) used.add("sla.clock." + c);
  for (const d of WEEKDAYS) used.add("weekday." + d);
  for (const l of LANGUAGES) used.add("sla.edit.reasonIn." + l);
  for (const v of LIBERATION_DAY) {
    used.add("sla.liberation." + v);
    used.add("sla.edit.liberation." + v);
  }
  // the knowledge base's families (kbparts.mjs): reader bands, article states and visibilities, languages, notices
  for (const b of READER_BANDS) used.add("kb.band." + b);
  for (const v of VISIBILITIES) used.add("kb.visibility." + v);
  for (const st of ["draft", "published"]) used.add("kb.state." + st);
  for (const l of LANGUAGES) used.add("kb.language." + l);
  for (const k of NOTICE_KINDS) used.add("notice.kind." + k);
  for (const st of NOTICE_STATUSES) used.add("notice.status." + st);
  assert.ok(used.size > 80, "found the keys in use: " + used.size);
  for (const key of used) {
    for (const l of LANGUAGES) assert.ok(key in texts[l], `${key} is used but missing in ${l}`);
  }
});

test("translator fills placeholders; language picked from the browser, Dutch by default", () => {
  assert.equal(translator("en")("created", { id: "#7" }), "Ticket #7 has been created.");
  assert.equal(translator("de")("status.resolved"), "Gelöst");
  assert.equal(pickLanguage("de-AT"), "de");
  assert.equal(pickLanguage("fr-FR"), "nl");
  assert.equal(pickLanguage(undefined), "nl");
});

// ---------------------------------------------------------------------------------------------
// routes

test("route parser", () => {
  assert.deepEqual(parseRoute(""), { name: "dashboard" }, "the home page is the dashboard");
  assert.deepEqual(parseRoute("#/"), { name: "dashboard" });
  assert.equal(routeHash({ name: "dashboard" }), "#/");
  assert.deepEqual(parseRoute("#/tickets"), { name: "tickets", view: null, status: null });
  assert.deepEqual(parseRoute("#/tickets?view=shared"), { name: "tickets", view: "shared", status: null });
  assert.deepEqual(parseRoute("#/tickets?view=status&status=waiting-for-customer"),
    { name: "tickets", view: "status", status: "waiting-for-customer" });
  assert.deepEqual(parseRoute("#/tickets?view=status&status=bogus"), { name: "tickets", view: "status", status: null });
  assert.deepEqual(parseRoute("#/tickets/new"), { name: "new" });
  assert.deepEqual(parseRoute("#/tickets/acme-42"), { name: "ticket", token: "acme-42" });
  assert.deepEqual(parseRoute("#/tickets/cust-acme-7/resolution"), { name: "resolution", token: "cust-acme-7" });
  for (const bad of ["#/tickets/acme-0", "#/tickets/ACME-1", "#/tickets/acme-1/other", "#/admin", "#/tickets/%E0%A4%A",
    "#/tickets/<img>-1", "#/tickets/acme-1/resolution/x"]) {
    assert.deepEqual(parseRoute(bad), { name: "not-found" }, bad);
  }
  for (const route of [{ name: "new" }, { name: "ticket", token: "acme-42" }, { name: "resolution", token: "acme-42" },
    { name: "tickets", view: "status", status: "open" }]) {
    assert.deepEqual(parseRoute(routeHash(route)), { view: null, status: null, ...route }.name === "tickets"
      ? { view: null, status: null, ...route } : route);
  }
});

test("views per role and their GET /tickets queries", () => {
  assert.deepEqual(viewsFor("customer-user").map(v => v.view), ["mine", "shared"]);
  assert.deepEqual(viewsFor("customer-admin").map(v => v.view), ["mine", "shared", "organisation", "approvals"]);
  assert.deepEqual(viewsFor("provider-agent").map(v => v.status || v.view), [...STATUSES, "assignee"]);
  assert.deepEqual(resolveView({ view: "organisation" }, "customer-user"), { view: "mine" }, "no organisation view for users");
  assert.deepEqual(resolveView({ view: "status", status: "open" }, "provider-admin"), { view: "status", status: "open" });
  assert.equal(listPath({ view: "status", status: "open" }, "c/+=1"), "/tickets?view=status&status=open&cursor=c%2F%2B%3D1");
  assert.equal(listPath({ view: "assignee" }), "/tickets?view=assignee&assignee=me");
});

// ---------------------------------------------------------------------------------------------
// no markup from data: a DOM shim that has no HTML parser at all

test("data is rendered only as text: a malicious ticket mounts without a single element made from it", () => {
  const ctx = context("provider-agent", null);
  const state = { detail: detail({ status: "open" }), catalogue: catalogue(), errors: {}, drafts: { reply: EVIL, transition: "",
    reject: "", approvalReason: "" }, busy: false };
  const desc = ticketView(state, ctx, {});
  const doc = shimDocument();
  const root = mount(desc, doc);
  const tags = new Set(doc.created.map(n => n.tagName));
  assert.ok(!tags.has("img") && !tags.has("script"), "no element created from data: " + [...tags]);
  for (const node of doc.created) {
    for (const [name, value] of Object.entries(node.attributes)) {
      assert.ok(!name.startsWith("on"), "no handler attribute " + name);
      assert.ok(!String(value).includes("<"), `attribute ${name} carries data: ${value}`);
    }
  }
  const text = root.textContent;
  assert.ok(text.includes(EVIL), "the title, description and bodies are shown as text");
  assert.ok(text.split(EVIL).length - 1 >= 6, "title, description, reporter, answer, authors and bodies all as text");
  assert.ok(text.includes("Interne notitie"), "internal notes are marked for staff");
});

test("mount refuses handler attributes and links out of the page; the sources never parse HTML", () => {
  const doc = shimDocument();
  assert.throws(() => mount(h("a", { onclick: "alert(1)" }, "x"), doc), /not allowed/);
  assert.throws(() => mount(h("a", { href: "javascript:alert(1)" }, "x"), doc), /in-page/);
  assert.throws(() => mount(h("a", { "x\"y": "1" }, "x"), doc), /not allowed/);
  for (const name of ["srcdoc", "formaction", "style", "srcset"]) {
    assert.throws(() => mount(h("p", { [name]: "x" }, "x"), doc), /not allowed/, name);
  }
  for (const tag of ["script", "iframe", "svg", "style", "object"]) {
    assert.throws(() => mount(h(tag, null, "x"), doc), /not a renderable node/, tag);
  }
  const forged = { tag: "img", attrs: {}, children: [] };
  assert.throws(() => mount(forged, doc), /not a renderable node/, "only h() makes nodes");
  const fromData = h("p", null, { tag: "script", attrs: {}, children: ["alert(1)"] });
  assert.equal(typeof fromData.children[0], "string", "an object among the children (data) becomes text");
  for (const [file, source] of sources) {
    assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|createContextualFragment/, file);
    // the one parse of markup: an article's body (dom.mjs articleBody), in an inert document, copied through allowlists
    assert.equal([...source.matchAll(/parseFromString/g)].length, file === "dom.mjs" ? 1 : 0, file + ": markup is parsed in dom.mjs's mountArticle only");
    if (file !== "dom.mjs") assert.doesNotMatch(source, /DOMParser/, file);
  }
  const html = readFileSync(join(portal, "index.html"), "utf8");
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script (the CSP allows 'self' only)");
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; script-src 'self'/);
});

// ---------------------------------------------------------------------------------------------
// pages against a recording fake API

test("the resolution page only reads; accepting is a POST of the pressed button with the loaded version", async () => {
  let status = "resolved";
  const api = fakeApi((method, path) => method === "GET" ? detail({ status })
    : (status = "closed", ticket({ status: "closed", version: 4 })));
  const shown = [];
  const nl = translator("nl");
  const page = await resolutionPage(context("customer-user", api, shown), { name: "resolution", token: "acme-7" });
  assert.deepEqual(api.calls.map(c => c[0]), ["GET"], "opening the link (a mail scanner) changes nothing");
  assert.equal(api.calls[0][1], "/tickets/acme-7");
  const view = last(shown);
  assert.match(textOf(view), /Opgelost: </, "the solution is shown");
  await click(view, nl("accept")).attrs.on.click();
  const post = api.calls.find(c => c[0] === "POST");
  assert.deepEqual(post.slice(0, 3), ["POST", "/tickets/acme-7/transitions", { action: "accept", version: 3 }]);
  assert.equal(page.state.notice, nl("accepted"));
  assert.ok(!findAll(last(shown), n => n.tag === "button").length, "no decision offered after it was taken");
});

test("rejecting needs a reason (no request without one) and sends it as the message", async () => {
  const api = fakeApi((method) => method === "GET" ? detail() : ticket({ status: "open", version: 4 }));
  const shown = [];
  const page = await resolutionPage(context("customer-admin", api, shown), { name: "resolution", token: "acme-7" });
  const submit = () => findAll(last(shown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  await submit();
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0);
  assert.ok(findAll(last(shown), n => n.attrs.id === "e-message").length, "the error sits next to the reason field");
  page.state.drafts.reject = "Outlook start nog steeds niet";
  await submit();
  assert.deepEqual(api.calls.find(c => c[0] === "POST")[2],
    { action: "reject", version: 3, message: "Outlook start nog steeds niet" });
});

test("a stale version reloads the ticket, says so and keeps what the user typed", async () => {
  let gets = 0;
  const api = fakeApi((method) => {
    if (method === "GET") return detail({ status: "open", version: ++gets === 1 ? 3 : 5 });
    return new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Versieconflict" });
  });
  const shown = [];
  const page = await ticketPage(context("provider-agent", api, shown), { name: "ticket", token: "acme-7" });
  page.state.drafts.transition = "Nieuwe licentie toegewezen";
  await click(last(shown), translator("nl")("action.resolve")).attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "GET" && c[1] === "/tickets/acme-7").length, 2, "reloaded");
  assert.equal(page.state.detail.ticket.version, 5);
  assert.equal(page.state.warning, translator("nl")("versionConflict"));
  assert.equal(page.state.drafts.transition, "Nieuwe licentie toegewezen");
  assert.match(textOf(last(shown)), /Nieuwe licentie toegewezen/, "the draft is rendered again");
});

test("staff see transitions for the status; customers see no internal-note button; replies POST the body", async () => {
  const nl = translator("nl");
  const api = fakeApi((method) => method === "GET" ? detail({ status: "waiting-for-customer" }, [])
    : { id: "m9", internal: true, at: "2026-11-22T10:00:00Z" });
  const shown = [];
  const page = await ticketPage(context("provider-admin", api, shown), { name: "ticket", token: "acme-7" });
  const labels = findAll(last(shown), n => n.tag === "button").map(textOf);
  assert.ok(labels.includes(nl("action.resume")) && labels.includes(nl("action.resolve")));
  assert.ok(!labels.includes(nl("action.open")) && !labels.includes(nl("accept")));
  page.state.drafts.reply = "Alleen voor ons";
  await click(last(shown), nl("note.add")).attrs.on.click();
  assert.deepEqual(api.calls.find(c => c[0] === "POST").slice(1, 3), ["/tickets/acme-7/messages", { body: "Alleen voor ons", internal: true }]);
  assert.equal(page.state.drafts.reply, "");

  const customerShown = [];
  await ticketPage(context("customer-user", fakeApi(() => detail({ status: "open" }, [])), customerShown), { name: "ticket", token: "acme-7" });
  const customerLabels = findAll(last(customerShown), n => n.tag === "button").map(textOf);
  assert.ok(customerLabels.includes(nl("reply.send")));
  for (const staffOnly of [nl("note.add"), nl("action.open"), nl("action.resolve"), nl("work.triage.save")]) {
    assert.ok(!customerLabels.includes(staffOnly), staffOnly);
  }
});

test("the list calls the view's query and pages on with nextCursor", async () => {
  const api = fakeApi((method, path) => path.includes("cursor=")
    ? { items: [ticket({ id: "acme-2", number: 2, title: "twee" })] }
    : { items: [ticket({ id: "acme-1", number: 1, title: "een" })], nextCursor: "abc" });
  const shown = [];
  const page = await ticketsPage(context("customer-admin", api, shown), { name: "tickets", view: "organisation" });
  assert.equal(api.calls[0][1], "/tickets?view=organisation");
  await click(last(shown), translator("nl")("more")).attrs.on.click();
  assert.equal(api.calls[1][1], "/tickets?view=organisation&cursor=abc");
  assert.deepEqual(page.state.items.map(t => t.title), ["een", "twee"]);
  assert.equal(findAll(last(shown), n => n.tag === "button").length, 0, "no more button on the last page");
  const tabs = findAll(last(shown), n => n.attrs["aria-current"] === "page");
  assert.equal(textOf(tabs[0]), translator("nl")("view.organisation"));
});

test("a service request's body types its answers; the idempotency key survives retries of the same body", () => {
  const draft = { type: "service-request", category: "email", requestType: "teams", priority: "normal", title: "T",
    description: "D", answers: { name: "Marketing", size: "12", urgent: true, kind: "team" } };
  assert.deepEqual(ticketBody(draft, catalogue()), { type: "service-request", category: "email", priority: "normal",
    title: "T", description: "D", requestType: "teams", answers: { name: "Marketing", size: 12, urgent: true, kind: "team" } });
  assert.deepEqual(ticketBody({ ...draft, type: "incident" }, catalogue()),
    { type: "incident", category: "email", priority: "normal", title: "T", description: "D" }, "no answers on an incident");
  const memo = {};
  let n = 0;
  const uuid = () => "k" + ++n;
  assert.equal(idempotencyKeyFor(memo, { a: 1 }, uuid), "k1");
  assert.equal(idempotencyKeyFor(memo, { a: 1 }, uuid), "k1", "a retry of the same submit");
  assert.equal(idempotencyKeyFor(memo, { a: 2 }, uuid), "k2", "a changed form is a new submit");
});

test("raising a ticket: field errors land next to their fields, nothing typed is lost, the retry reuses the key", async () => {
  let attempt = 0;
  const api = fakeApi((method) => {
    if (++attempt === 1) {
      return new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
        detail: "The request has invalid fields", errors: [{ field: "title", code: "required", message: "is required" },
          { field: "answers.name", code: "too-long", message: "must be at most 100 characters" },
          { field: "involved", code: "too-many", message: "must have at most 20 persons" }] });
    }
    if (attempt === 2) return new ApiError(0, { title: "network" });
    return ticket({ id: "acme-8", number: 8 });
  });
  const shown = [];
  const page = await newTicketPage(context("customer-user", api, shown));
  const form = () => findAll(last(shown), n => n.tag === "form")[0];
  const onType = findAll(last(shown), n => n.attrs.id === "f-type")[0].attrs.on.change;
  onType({ target: { value: "service-request" } });
  findAll(last(shown), n => n.attrs.id === "f-requestType")[0].attrs.on.change({ target: { value: "teams" } });
  assert.equal(page.state.draft.category, "email", "the request type's category is chosen");
  findAll(last(shown), n => n.attrs.id === "f-description")[0].attrs.on.input({ target: { value: "Graag een kanaal" } });
  findAll(last(shown), n => n.attrs.id === "f-answers.name")[0].attrs.on.input({ target: { value: "x".repeat(150) } });
  await form().attrs.on.submit({ preventDefault() {} });

  const view = last(shown);
  const titleInput = findAll(view, n => n.attrs.id === "f-title")[0];
  assert.equal(titleInput.attrs["aria-invalid"], "true");
  assert.equal(textOf(findAll(view, n => n.attrs.id === "e-title")[0]), translator("nl")("fieldRequired"));
  assert.equal(textOf(findAll(view, n => n.attrs.id === "e-answers.name")[0]), "Gebruik hoogstens 100 tekens.");
  assert.match(textOf(findAll(view, n => n.attrs.class === "problem")[0]), /Ongeldige invoer.*involved: Hoogstens 20 stuks/);
  assert.doesNotMatch(textOf(view), /invalid fields|must be|must have/, "none of the API's English in a Dutch page");
  assert.equal(findAll(view, n => n.attrs.id === "f-answers.name")[0].attrs.value, "x".repeat(150), "typed text kept");
  assert.equal(textOf(findAll(view, n => n.attrs.id === "f-description")[0]), "Graag een kanaal");

  findAll(view, n => n.attrs.id === "f-title")[0].attrs.on.input({ target: { value: "Teams-kanaal" } });
  await form().attrs.on.submit({ preventDefault() {} });
  assert.match(textOf(last(shown)), /niet bereikbaar/, "a network failure is shown, not swallowed");
  await form().attrs.on.submit({ preventDefault() {} });
  const keys = api.calls.map(c => c[3].idempotencyKey);
  assert.notEqual(keys[0], keys[1], "the corrected form is a new submit");
  assert.equal(keys[1], keys[2], "the retry after the network failure sends the same key");
  assert.deepEqual(shown.filter(s => s.navigated), [{ navigated: "#/tickets/acme-8" }]);
});

// ---------------------------------------------------------------------------------------------
// the API client

function response(status, body, type = "application/json") {
  return { ok: status >= 200 && status < 300, status, statusText: "S" + status, headers: { get: () => type },
    text: async () => (body === undefined ? "" : JSON.stringify(body)) };
}

function jwt(claims) {
  return "h." + Buffer.from(JSON.stringify(claims)).toString("base64url") + ".s";
}

test("API client: restore() makes a session from the cookie alone, or null when it is refused; signOut() ends it", async () => {
  const requests = [];
  let cookie = true;
  const api = createApi({
    language: () => "nl", session: () => null, setSession: () => {}, now: () => 5000,
    fetch: async (path, init) => {
      requests.push([path, init]);
      if (path === "/auth/refresh") {
        return cookie ? response(200, { status: "signed-in", idToken: jwt({ sub: "u1", email: "jan@acme.example.test",
          kp_role: "customer-user", kp_mfa: "true" }), accessToken: "a2", expiresIn: 900 })
          : response(401, { type: "urn:klantportaal:problem:invalid-credentials", title: "Ongeldig" });
      }
      if (path === "/auth/sign-out") { cookie = false; return response(204); }
      return response(404, { title: "Niet gevonden" });
    }
  });
  const restored = await api.restore();
  assert.deepEqual([restored.userId, restored.email, restored.role, restored.mfa, restored.accessToken, restored.expiresAt],
    ["u1", "jan@acme.example.test", "customer-user", true, "a2", 5000 + 900_000]);
  assert.ok(!("refreshToken" in restored));
  await api.signOut();
  assert.equal(await api.restore(), null, "signed out: the cookie restores nothing");
  assert.deepEqual(requests.map(r => [r[0], r[1].method, r[1].body, r[1].headers["x-requested-with"], r[1].credentials,
    r[1].headers.authorization]), [
    ["/auth/refresh", "POST", undefined, "klantportaal", "same-origin", undefined],
    ["/auth/sign-out", "POST", undefined, "klantportaal", "same-origin", undefined],
    ["/auth/refresh", "POST", undefined, "klantportaal", "same-origin", undefined]]);

  const offline = createApi({ language: () => "nl", session: () => null, setSession: () => {},
    fetch: async () => { throw new TypeError("Failed to fetch"); } });
  await assert.rejects(offline.restore(), e => e.status === 0, "out of reach is not 'no session'");
});

test("API client: headers, problems as ApiError, one refresh after a 401, and the session kept in memory", async () => {
  const requests = [];
  let session = sessionFrom({ idToken: jwt({ sub: "u1", email: "jan@acme.example.test", kp_role: "customer-user" }),
    accessToken: "a1", expiresIn: 3600 }, null, 0);
  assert.deepEqual([session.userId, session.role, session.email], ["u1", "customer-user", "jan@acme.example.test"]);
  let tickets = 0;
  const api = createApi({
    language: () => "de", session: () => session, setSession: s => { session = s; }, now: () => 1000,
    fetch: async (path, init) => {
      requests.push([path, init]);
      if (path === "/auth/refresh") return response(200, { status: "signed-in", idToken: jwt({ sub: "u1" }), expiresIn: 3600 });
      if (path === "/tickets" && ++tickets === 1) return response(401, { title: "Nicht angemeldet" });
      if (path === "/tickets") return response(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ungültig",
        detail: "d", errors: [{ field: "title", code: "required", message: "is required" }] });
      return response(204);
    }
  });
  await assert.rejects(api.post("/tickets", { title: "" }, { idempotencyKey: "k1" }), e => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.code, "validation-failed");
    assert.deepEqual(e.errors, [{ field: "title", code: "required", message: "is required" }], "the field errors kept");
    return true;
  });
  assert.deepEqual(requests.map(r => r[0]), ["/tickets", "/auth/refresh", "/tickets"]);
  assert.equal(requests[0][1].headers["idempotency-key"], "k1");
  assert.equal(requests[0][1].headers["accept-language"], "de");
  assert.match(requests[2][1].headers.authorization, /^Bearer h\./);
  assert.equal(requests[1][1].body, undefined, "the refresh sends no token: the API reads its HttpOnly cookie");
  assert.equal(requests[1][1].headers["x-requested-with"], "klantportaal", "the header a cross-site form cannot send");
  assert.equal(requests[1][1].credentials, "same-origin");
  assert.equal(requests[0][1].headers["x-requested-with"], undefined, "only the cookie's routes carry it");
  assert.equal(requests[0][1].headers["if-none-match"], undefined, "only a create-only PUT asks for a free id");
  await api.put("/catalogue/categories/backup", { active: true }, { ifNoneMatch: "*" });
  assert.equal(requests.at(-1)[1].headers["if-none-match"], "*", "If-None-Match: * — the PUT only creates");
  assert.ok(!("refreshToken" in session), "no refresh token in the session");
  assert.deepEqual(await api.get("/empty"), {});

  const offline = createApi({ language: () => "nl", session: () => null, setSession: () => {},
    fetch: async () => { throw new TypeError("Failed to fetch"); } });
  await assert.rejects(offline.get("/tickets"), e => e.status === 0);
});

// ---------------------------------------------------------------------------------------------
// Errors as next steps (issue 17, item 5): every refusal says what the user can do now, in the user's language

const problem = (status, code = "", title = "Geweigerd") => new ApiError(status, { type: code ? "urn:klantportaal:problem:" + code : "", title });

test("a refusal's next step by its status: input, sign in, ask an administrator, reload, wait, retry later", () => {
  assert.deepEqual([400, 401, 403, 404, 410, 413, 415, 422, 429, 500, 502, 503].map(status => nextStepKey(problem(status))),
    ["next.input", "next.401", "next.403", "next.404", "next.410", "next.input", "next.input", "next.input", "next.429", "next.5xx",
      "next.5xx", "next.5xx"]);
  assert.equal(nextStepKey(problem(409, "version-conflict")), "next.versionConflict", "changed by someone else: reload and redo");
  assert.equal(nextStepKey(problem(409, "illegal-state")), "next.illegalState", "the state does not allow it: not 'it changed, reload'");
  assert.equal(nextStepKey(problem(409, "already-exists")), "next.409");
  assert.equal(nextStepKey(problem(503, "service-unavailable")), "next.outage", "an outage behind the API: try again soon");
  assert.equal(nextStepKey(problem(0, "", "network")), null, "the network sentence says it itself");
  assert.equal(nextStepKey(null), null);
  assert.equal(nextStepKey(new Error("plain")), null, "not a refusal of the API: no advice invented");
  for (const key of ["networkError", "next.input", "next.401", "next.403", "next.404", "next.409", "next.illegalState", "problem.detail", "next.versionConflict", "next.410",
    "next.429", "next.5xx", "next.outage"]) {
    for (const lang of LANGUAGES) assert.ok(texts[lang][key], key + " in " + lang);
  }
});

test("the problem box says the API's title and detail, then the next step, in the user's language", () => {
  const box = (error, lang = "nl") => textOf(problemBox(error, translator(lang)));
  const conflict = new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Ongeldige status",
    detail: "Het ticket is al gesloten." });
  assert.equal(box(conflict), "Ongeldige status" + "Melding van het systeem (Engels): Het ticket is al gesloten."
    + translator("nl")("next.illegalState"));
  assert.doesNotMatch(box(conflict), /Laad de pagina opnieuw/, "illegal-state: nothing changed meanwhile");
  const detail = findAll(problemBox(conflict, translator("nl")), n => n.attrs.lang === "en");
  assert.deepEqual(detail.map(textOf), ["Het ticket is al gesloten."], "the API's detail marked as English");
  const rate = new ApiError(409, { type: "urn:klantportaal:problem:illegal-state", title: "Nicht erlaubt",
    detail: "Time of 2026-12-07 (ad-hoc-billable) has no hourly rate in the customer's agreement: add the rate, then draft again" });
  assert.match(box(rate, "de"), /^Nicht erlaubtSystemmeldung \(Englisch\): Time of 2026-12-07.*Im aktuellen Zustand ist das nicht möglich/);
  assert.match(box(rate, "en"), /System message: Time of .*This is not possible in the current state/);
  assert.match(box(problem(409, "already-exists")), /Laad de pagina opnieuw/, "another 409: it changed meanwhile");
  assert.match(box(problem(409, "version-conflict"), "en"), /Someone else changed this.*Reload the page/);
  assert.match(box(problem(403, "forbidden")), /vraag het dan aan de beheerder van uw organisatie/);
  assert.match(box(problem(403, "forbidden"), "de"), /fragen Sie den Administrator Ihrer Organisation/);
  assert.match(box(problem(429, "too-many-requests"), "en"), /Wait a minute and try again/);
  assert.match(box(problem(503)), /Probeer het over een paar minuten opnieuw.*servicedesk/);
  const offline = box(new ApiError(0, { title: "network", detail: "Failed to fetch" }));
  assert.equal(offline, translator("nl")("networkError"), "no network: one sentence, not the browser's technical detail");
  assert.match(offline, /Controleer uw internetverbinding.*uw invoer blijft bewaard/);
  assert.match(box(new ApiError(0, { title: "network" }), "de"), /Prüfen Sie Ihre Internetverbindung.*Eingaben bleiben erhalten/);
  const next = findAll(problemBox(problem(500), translator("nl")), n => n.attrs.class === "problem-next");
  assert.equal(next.length, 1, "the next step is a paragraph of its own");
});

// ---------------------------------------------------------------------------------------------
// date-times

test("one format for every date-time, per language: the user's clock and Amsterdam's read alike, the zone named after", () => {
  const at = "2026-12-17T13:46:00Z";
  assert.equal(formatDateTime(at, "en", { timeZone: "UTC" }), "Dec 17, 2026, 1:46 PM");
  assert.equal(formatAmsterdam(at, "en"), "Dec 17, 2026, 2:46 PM GMT+1", "no 02:46 next to 1:46 on the same page");
  assert.equal(formatAmsterdam(at, "nl"), "17 dec 2026, 14:46 CET");
  assert.equal(formatAmsterdam(at, "de"), "17.12.2026, 14:46 MEZ");
  for (const lang of LANGUAGES) {
    assert.equal(formatDate(at, lang), formatDateTime(at, lang), "formatDate is the one format on the user's clock");
    assert.ok(formatAmsterdam(at, lang).startsWith(formatDateTime(at, lang, { timeZone: "Europe/Amsterdam" }) + " "), lang);
  }
  assert.equal(formatDate("", "nl"), "");
  assert.equal(formatAmsterdam("not a date", "nl"), "not a date");
});
