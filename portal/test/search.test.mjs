// The search box of the ticket lists: debounced, on the server, within the view, with the cursor's "more".
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { translator } from "../i18n.mjs";
import { ApiError } from "../api.mjs";
import { SEARCH_DELAY_MS, searchPath, ticketsPage } from "../tickets.mjs";
import { click, context, EVIL, fakeApi, last, shimDocument, ticket } from "./fakes.mjs";

const nl = translator("nl");

/** A ctx whose timers wait until the test runs them. */
function timed(role, api, shown, lang = "nl") {
  const timers = [];
  const ctx = { ...context(role, api, shown, lang),
    later: (fn, ms) => { const t = { fn, ms, cancelled: false }; timers.push(t); return t; },
    cancelLater: t => { t.cancelled = true; } };
  const runTimers = async () => {
    const due = timers.splice(0).filter(t => !t.cancelled);
    for (const t of due) await t.fn();
  };
  return { ctx, timers, runTimers };
}

const settle = () => new Promise(resolve => setImmediate(resolve));

test("the search box is labelled, a search landmark, and mounts without markup", async () => {
  const api = fakeApi(() => ({ items: [ticket({ id: "acme-1", number: 1, title: EVIL })] }));
  const shown = [];
  await ticketsPage(timed("customer-user", api, shown).ctx, { name: "tickets", view: "mine" });
  const view = last(shown);
  const form = findAll(view, n => n.tag === "form" && n.attrs.role === "search");
  assert.equal(form.length, 1);
  const input = findAll(form[0], n => n.tag === "input")[0];
  const label = findAll(form[0], n => n.tag === "label")[0];
  assert.equal(input.attrs.type, "search");
  assert.equal(label.attrs.for, input.attrs.id, "the label names the box");
  assert.equal(textOf(label), nl("search.label"));
  assert.equal(input.attrs["aria-describedby"], "ticket-search-hint");
  assert.equal(findAll(view, n => n.attrs && n.attrs.id === "ticket-search-hint").length, 1);
  const doc = shimDocument();
  mount(view, doc);
  assert.ok(doc.created.some(n => n.tagName === "input" && n.attributes.id === "ticket-search"));
  for (const lang of ["en", "de"]) {
    const other = [];
    await ticketsPage(timed("customer-user", api, other, lang).ctx, { name: "tickets", view: "mine" });
    assert.equal(textOf(findAll(last(other), n => n.tag === "label")[0]), translator(lang)("search.label"));
  }
});

test("typing waits for a pause, then asks the server once, keeping the view and its status", async () => {
  const api = fakeApi((method, path) => path.includes("q=")
    ? { items: [ticket({ id: "acme-4", number: 4, title: "Printer kapot", status: "new" })] }
    : { items: [ticket({ id: "acme-1", number: 1, title: "Outlook", status: "new" })] });
  const shown = [];
  const { ctx, timers, runTimers } = timed("provider-agent", api, shown);
  const page = await ticketsPage(ctx, { name: "tickets", view: "status", status: "new" });
  // staff pages also read the staff directory once (the assignee column); the search is about the list's calls
  const lists = () => api.calls.filter(call => call[1].startsWith("/tickets"));
  assert.equal(lists().length, 1);
  page.search("pri");
  page.search("printer 2e");
  assert.equal(lists().length, 1, "nothing asked while typing");
  assert.equal(timers.filter(t => !t.cancelled).length, 1, "each keystroke restarts the wait");
  assert.equal(timers[0].ms, SEARCH_DELAY_MS);
  await runTimers();
  assert.equal(lists().length, 2);
  assert.equal(lists()[1][1], "/tickets?view=status&status=new&q=printer%202e");
  assert.deepEqual(page.state.items.map(t => t.id), ["acme-4"], "the server's answer replaces the list, not a filter of it");
  page.search("");
  await runTimers();
  assert.equal(lists()[2][1], "/tickets?view=status&status=new", "an empty box is the view again");
  assert.deepEqual(page.state.items.map(t => t.id), ["acme-1"]);
});

test("no results is said clearly; an empty part with a cursor offers more, which continues the search", async () => {
  const api = fakeApi((method, path) => {
    if (path.includes("cursor=c1")) return { items: [ticket({ id: "acme-9", number: 9, title: "Wachtwoordherstel" })] };
    if (path.includes("q=wachtwoord")) return { items: [], nextCursor: "c1" };
    if (path.includes("q=")) return { items: [] };
    return { items: [ticket({ id: "acme-1", number: 1, title: "Outlook" })] };
  });
  const shown = [];
  const { ctx, runTimers } = timed("customer-admin", api, shown);
  const page = await ticketsPage(ctx, { name: "tickets", view: "organisation" });
  page.search("scanner");
  await runTimers();
  let none = findAll(last(shown), n => n.attrs && n.attrs.class === "search-none");
  assert.equal(none.length, 1);
  assert.equal(none[0].attrs.role, "status", "announced to screen readers");
  assert.equal(textOf(none[0]), nl("search.none", { query: "scanner" }));
  assert.equal(findAll(last(shown), n => n.tag === "button" && n.attrs.id === "more").length, 0);

  page.search("wachtwoord");
  await runTimers();
  none = findAll(last(shown), n => n.attrs && n.attrs.class === "search-none");
  assert.equal(textOf(none[0]), nl("search.noneYet", { query: "wachtwoord" }));
  await click(last(shown), nl("more")).attrs.on.click();
  assert.equal(api.calls.at(-1)[1], "/tickets?view=organisation&cursor=c1&q=wachtwoord");
  assert.deepEqual(page.state.items.map(t => t.id), ["acme-9"]);
  assert.equal(findAll(last(shown), n => n.attrs && n.attrs.class === "search-none").length, 0);
});

test("a query of common words alone gets a hint instead of an error box", async () => {
  const api = fakeApi((method, path) => path.includes("q=")
    ? new ApiError(400, { type: "urn:klantportaal:problem:invalid-parameter", title: "Invalid parameter", detail: "stop words" })
    : { items: [] });
  const shown = [];
  const { ctx, runTimers } = timed("customer-user", api, shown);
  const page = await ticketsPage(ctx, { name: "tickets", view: "mine" });
  page.search("de het");
  await runTimers();
  const view = last(shown);
  assert.ok(textOf(view).includes(nl("search.noWords")), textOf(view));
  assert.ok(!textOf(view).includes("Invalid parameter"), "no raw problem box");
  assert.equal(page.state.items.length, 0);
});

test("an older answer that arrives after a newer search is dropped", async () => {
  const pending = [];
  const api = { calls: [], get(path) {
    this.calls.push(["GET", path]);
    if (!path.includes("q=")) return Promise.resolve({ items: [] });
    return new Promise(resolve => pending.push({ path, resolve }));
  } };
  const shown = [];
  const { ctx } = timed("customer-user", api, shown);
  const page = await ticketsPage(ctx, { name: "tickets", view: "mine" });
  page.state.query = "printer";
  const first = page.searchNow();
  page.state.query = "scanner";
  const second = page.searchNow();
  pending.find(p => p.path.endsWith("q=scanner")).resolve({ items: [ticket({ id: "acme-2", number: 2, title: "Scanner" })] });
  await second;
  pending.find(p => p.path.endsWith("q=printer")).resolve({ items: [ticket({ id: "acme-1", number: 1, title: "Printer" })] });
  await first;
  await settle();
  assert.deepEqual(page.state.items.map(t => t.id), ["acme-2"]);
  assert.equal(page.state.searched, "scanner");
});

test("the search path appends q to the view's query, encoded", () => {
  assert.equal(searchPath({ view: "mine" }, null, "  #42 "), "/tickets?view=mine&q=%2342");
  assert.equal(searchPath({ view: "assignee" }, "cur", "wachtwoord & co"),
    "/tickets?view=assignee&assignee=me&cursor=cur&q=wachtwoord%20%26%20co");
  assert.equal(searchPath({ view: "mine" }, null, "   "), "/tickets?view=mine");
});

test("the customers are read once per sign-in (the shell's ctx.customers) for every queue opened; a failure leaves the ids", async () => {
  let reads = 0;
  let refuse = false;
  const list = { items: [ticket({ id: "acme-4", number: 4, customerId: "acme", status: "open" })] };
  const api = fakeApi((method, path) => (path.startsWith("/staff") ? { items: [] } : list));
  const cached = { promise: null };
  const customers = () => {
    cached.promise = cached.promise || (reads++, refuse ? Promise.reject(new ApiError(403, {})) : Promise.resolve([{ id: "acme", name: "Acme BV" }]));
    return cached.promise;
  };
  const cell = shown => findAll(findAll(last(shown), n => n.tag === "tr")[1], n => n.tag === "td").map(textOf)[2];
  for (const status of ["open", "new"]) {
    const shown = [];
    await ticketsPage({ ...timed("provider-agent", api, shown).ctx, customers }, { name: "tickets", view: "status", status });
    await settle();
    assert.equal(cell(shown), "Acme BV");
  }
  assert.equal(reads, 1, "one read for both queues");
  refuse = true;
  cached.promise = null;
  const shown = [];
  await ticketsPage({ ...timed("provider-agent", api, shown).ctx, customers }, { name: "tickets", view: "status", status: "open" });
  await settle();
  assert.equal(cell(shown), "acme", "the id when the customers cannot be read");
});

test("staff queues show the customer by name, the assignee by name and the next SLA deadline with its state in words", async () => {
  const api = fakeApi((method, path) => path.startsWith("/staff")
    ? { items: [{ userId: "u-sem", displayName: "Sem Servicedesk" }] }
    : path.startsWith("/customers") ? { items: [{ id: "acme", name: "Acme BV" }] }
    : { items: [
      ticket({ id: "acme-4", number: 4, customerId: "acme", status: "open", assigneeId: "u-sem",
        nextDeadline: { target: "response", dueAt: "2026-12-07T13:05:00Z", state: "at-risk" } }),
      ticket({ id: "bakkerij-2", number: 2, customerId: "bakkerij", status: "new" })] });
  const shown = [];
  await ticketsPage(timed("provider-agent", api, shown).ctx, { name: "tickets", view: "status", status: "open" });
  await settle();
  const view = last(shown);
  assert.deepEqual(findAll(view, n => n.tag === "th").map(textOf), ["col.id", "col.title", "col.customer", "col.status",
    "col.priority", "col.assignee", "col.deadline", "col.updated"].map(k => nl(k)));
  const rows = findAll(view, n => n.tag === "tr").slice(1).map(r => findAll(r, n => n.tag === "td").map(textOf));
  assert.equal(rows[0][2], "Acme BV", "the customer's name from GET /customers");
  assert.equal(rows[1][2], "bakkerij", "a customer the list does not name: its id");
  assert.equal(rows[0][5], "Sem Servicedesk", "the assignee's name from the staff directory");
  assert.ok(rows[0][6].includes(nl("sla.target.response")) && rows[0][6].includes(nl("sla.state.at-risk")), rows[0][6]);
  assert.ok(rows[0][6].includes("7 dec"), "the deadline in Amsterdam time: " + rows[0][6]);
  assert.equal(rows[1][5], nl("work.triage.nobody"));
  assert.equal(rows[1][6], nl("queue.noDeadline"));

  const customer = [];
  const asked = api.calls.length;
  await ticketsPage(timed("customer-user", api, customer).ctx, { name: "tickets", view: "mine" });
  assert.ok(!api.calls.slice(asked).some(c => c[1].startsWith("/customers")), "customers read no customer list");
  assert.equal(findAll(last(customer), n => n.tag === "th").length, 5, "customers' lists keep their five columns");
});
