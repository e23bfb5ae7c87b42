// The keyboard focus across a page's renders (focus.mjs, the shell's show()): real pages rendered into the fake DOM of
// fakes.mjs through the same keeper the shell uses, a button pressed where it has the focus (as Enter does).
import { test } from "node:test";
import assert from "node:assert/strict";

import { mount } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { translator } from "../i18n.mjs";
import { addedControls, focusKeeper, signatureOf } from "../focus.mjs";
import { failingAddressesPage, heldMailPage, pendingUsersPage } from "../admin.mjs";
import { context, fakeApi, FakeElement } from "./fakes.mjs";

const nl = translator("nl");

/** The shell's #app in a fake document, shown through focusKeeper as app.mjs shows a page. */
function screen() {
  const root = new FakeElement("div", "app");
  const doc = {
    activeElement: null, body: null,
    createElement: tag => new FakeElement(tag), createTextNode: text => ({ textContent: text }),
    getElementById: id => root.all().find(n => n.id === id) || null
  };
  globalThis.document = doc;
  const keeper = focusKeeper(doc);
  const show = desc => keeper.render(root, () => root.replaceChildren(mount(desc, doc)));
  const controls = (label, tag = "button") => root.all().filter(n => n.tagName === tag && (label === undefined || n.textContent === label));
  /** Focuses the i-th button with these words and presses it (its click handler, as Enter on a focused button). */
  const press = async (label, i = 0) => {
    const button = controls(label)[i];
    assert.ok(button, "a button " + label);
    button.focus();
    await button.listeners.click({ preventDefault() {} });
    await new Promise(resolve => setTimeout(resolve, 0));
  };
  const focused = () => doc.activeElement;
  const describe = e => (e ? e.tagName + (e.id ? "#" + e.id : "") + " " + e.textContent + (e.getAttribute("aria-label") ? " [" + e.getAttribute("aria-label") + "]" : "") : "nothing");
  return { root, doc, show, press, controls, focused, describe };
}

const FAILING = [
  { id: "a1", address: "oud@acme.example.test", reason: "permanent-bounce", since: "2026-11-20T10:00:00Z" },
  { id: "b2", address: "klacht@bakkerij.example.test", reason: "complaint", since: "2026-11-21T08:30:00Z" }
];

test("a confirmation that opens takes the focus on its confirm button; cancel returns it to the button that opened it", async () => {
  const s = screen();
  const api = fakeApi((method, path) => (method === "GET" ? { items: FAILING } : {}));
  await failingAddressesPage({ ...context("provider-admin", api), show: s.show });
  await s.press(nl("mail.failing.clear"), 1);
  const confirm = s.root.all().find(n => n.attributes.class === "confirm");
  assert.ok(confirm.contains(s.focused()), "the focus is in the confirmation: " + s.describe(s.focused()));
  assert.equal(s.focused().textContent, nl("mail.failing.clear"));
  await s.press(nl("sla.cancel"));
  assert.equal(s.describe(s.focused()), "button " + nl("mail.failing.clear") + " [klacht@bakkerij.example.test vrijgeven]",
    "back on the row's own button");
  // released: the row goes, the focus to the control now at its place (the first row's button), never the body
  await s.press(nl("mail.failing.clear"), 1);
  await s.press(nl("mail.failing.clear"), 1);
  assert.equal(api.calls.at(-1)[0], "DELETE");
  assert.equal(s.describe(s.focused()), "button " + nl("mail.failing.clear") + " [oud@acme.example.test vrijgeven]");
});

test("the last row released: the focus goes to the page's heading", async () => {
  const s = screen();
  const api = fakeApi((method, path) => (method === "GET" ? { items: FAILING.slice(0, 1) } : {}));
  await failingAddressesPage({ ...context("provider-admin", api), show: s.show });
  await s.press(nl("mail.failing.clear"));
  await s.press(nl("mail.failing.clear"));
  assert.equal(s.focused().tagName, "h1");
  assert.equal(s.focused().getAttribute("tabindex"), "-1");
});

test("a form that opens in a row (held mail's Maak ticket) takes the focus on its first field; cancel returns it to Maak ticket", async () => {
  const s = screen();
  const held = [{ id: "h1", from: "een@elders.example.test", subject: "Printer", reason: "unknown-sender", receivedAt: "2026-11-23T09:15:00Z" },
    { id: "h2", from: "twee@elders.example.test", subject: "VPN", reason: "unknown-sender", receivedAt: "2026-11-22T09:15:00Z" }];
  const api = fakeApi((method, path) => (path === "/inbound/held" ? { items: held, more: false }
    : path.startsWith("/customers") ? { items: [{ id: "acme", name: "Acme" }] } : new ApiError(404, { title: "Niet gevonden" })));
  await heldMailPage({ ...context("provider-agent", api), show: s.show, customers: async () => [{ id: "acme", name: "Acme" }] });
  await s.press(nl("mail.held.makeTicket"), 1);
  assert.equal(s.focused().id, "f-held-customerId", "the form's first field: " + s.describe(s.focused()));
  await s.press(nl("sla.cancel"));
  assert.equal(s.focused().getAttribute("aria-label"), nl("mail.held.makeTicketOf", { from: "twee@elders.example.test" }));
  // discard asks first: the confirmation's button takes the focus
  await s.press(nl("mail.held.discard"), 0);
  assert.ok(s.root.all().find(n => n.attributes.class === "confirm").contains(s.focused()), s.describe(s.focused()));
});

test("linking a user in the queue: while the request runs the focus waits; the row gone, it goes to the next row's Koppelen", async () => {
  const s = screen();
  let answer;
  const waiting = new Promise(resolve => { answer = resolve; });
  const users = ["u1", "u2"].map((id, i) => ({ userId: id, email: id + "@acme.example.test", displayName: "Gebruiker " + (i + 1),
    signedUpAt: "2026-11-22T08:00:00Z", waitingMinutes: 60, overdue: false, suggestedCustomerId: "acme", version: 1 }));
  const api = fakeApi((method, path) => (path.startsWith("/customers") ? { items: [{ id: "acme", name: "Acme" }] } : { items: users }));
  api.post = () => waiting;
  const ctx = { ...context("provider-admin", api), show: s.show };
  await pendingUsersPage(ctx);
  const link = s.controls(nl("admin.pending.link"))[0];
  link.focus();
  const pressed = link.listeners.click();
  assert.equal(s.focused(), null, "the button disabled: the focus waits (on the body)");
  answer({ userId: "u1", role: "customer-user", customerId: "acme", active: true, version: 2 });
  await pressed;
  assert.equal(s.focused().textContent, nl("admin.pending.link"), s.describe(s.focused()));
  assert.match(s.focused().getAttribute("aria-label"), /Gebruiker 2/, "the next row's");
});

test("addedControls: the controls a render inserted, also among twins with the same words", () => {
  const el = (tag, text) => Object.assign(new FakeElement(tag), { text });
  const before = [el("button", "Koppelen"), el("button", "Weigeren"), el("button", "Koppelen"), el("button", "Weigeren")];
  const after = [el("button", "Koppelen"), el("button", "Weigeren"), el("button", "Ja"), el("button", "Annuleren")];
  assert.deepEqual([...addedControls(before.map(signatureOf), after)].map(c => c.text), ["Ja", "Annuleren"]);
  const reopened = [el("button", "Koppelen"), el("button", "Weigeren"), el("button", "Koppelen"), el("button", "Weigeren")];
  assert.deepEqual([...addedControls(after.map(signatureOf), reopened)], [reopened[2], reopened[3]]);
});

test("a confirmation with other words (Crediteren → Ja, crediteren / Nee): its confirm button takes the focus, Nee returns it", async () => {
  const s = screen();
  const { h } = await import("../dom.mjs");
  let confirming = false;
  const view = () => h("main", null, h("h1", null, "Factuur 2026-00012"), h("a", { href: "#/invoices" }, "Facturen"),
    h("section", null, confirming
      ? h("div", { class: "confirm", role: "alert" }, h("p", null, "Crediteren?"),
        h("button", { type: "button", on: { click: () => { confirming = false; s.show(view()); } } }, "Ja, crediteren"),
        h("button", { type: "button", on: { click: () => { confirming = false; s.show(view()); } } }, "Nee"))
      : [h("button", { type: "button" }, "Betaald"),
        h("button", { type: "button", on: { click: () => { confirming = true; s.show(view()); } } }, "Crediteren")]));
  s.show(view());
  await s.press("Crediteren");
  assert.equal(s.describe(s.focused()), "button Ja, crediteren");
  await s.press("Nee");
  assert.equal(s.describe(s.focused()), "button Crediteren", "back on the button that opened it, not Betaald");
});
