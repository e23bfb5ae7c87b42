// What the user typed, kept across a re-sign-in (drafts.mjs): the store, the ticket page's reply and the new-ticket form.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, textOf } from "../dom.mjs";
import { draftStore, NO_DRAFTS, rememberedLanguage, rememberLanguage } from "../drafts.mjs";
import { LANGUAGES, translator } from "../i18n.mjs";
import { newTicketPage, ticketPage } from "../tickets.mjs";
import { context, detail, fakeApi, last, ticket } from "./fakes.mjs";

function fakeStorage() {
  const map = new Map();
  return { map, getItem: k => (map.has(k) ? map.get(k) : null), setItem: (k, v) => { map.set(k, String(v)); },
    removeItem: k => { map.delete(k); }, key: i => [...map.keys()][i] ?? null, get length() { return map.size; } };
}

test("the store keeps a user's drafts per key, apart from other users'; empty text removes; clearAll only the user's", () => {
  const storage = fakeStorage();
  const jan = draftStore(storage, "u-jan");
  const ilse = draftStore(storage, "u-ilse");
  jan.save("#/tickets/acme-7#reply", "Mijn antwoord");
  jan.save("#/tickets/new", { title: "Printer", answers: {} });
  ilse.save("#/tickets/acme-7#reply", "Van Ilse");
  assert.equal(jan.load("#/tickets/acme-7#reply"), "Mijn antwoord");
  assert.deepEqual(jan.load("#/tickets/new"), { title: "Printer", answers: {} });
  assert.equal(ilse.load("#/tickets/acme-7#reply"), "Van Ilse", "another user's draft of the same route is its own");
  jan.save("#/tickets/acme-7#reply", "  ");
  assert.equal(jan.load("#/tickets/acme-7#reply"), null, "an emptied field keeps nothing");
  jan.clearAll();
  assert.equal(jan.load("#/tickets/new"), null);
  assert.equal(ilse.load("#/tickets/acme-7#reply"), "Van Ilse", "clearAll leaves other users' drafts");

  const refusing = { getItem() { throw new Error("denied"); }, setItem() { throw new Error("full"); }, removeItem() { throw new Error("x"); },
    key: () => null, length: 0 };
  const warned = [];
  const warn = console.warn;
  console.warn = (...args) => warned.push(args[0]);
  try {
    const quiet = draftStore(refusing, "u-jan");
    assert.doesNotThrow(() => quiet.save("k", "v"));
    assert.equal(quiet.load("k"), null, "storage that refuses keeps nothing");
  } finally {
    console.warn = warn;
  }
  assert.equal(warned.length, 2, "and says so on the console, once per refusal: " + warned);
  assert.equal(draftStore(null, "u-jan"), NO_DRAFTS, "no storage: none");

  rememberLanguage(storage, "de");
  assert.equal(rememberedLanguage(storage, LANGUAGES), "de");
  storage.setItem("kp.language", "fr");
  assert.equal(rememberedLanguage(storage, LANGUAGES), null, "only a language of the portal");
  rememberLanguage(storage, null);
  assert.equal(rememberedLanguage(storage, LANGUAGES), null);
});

test("ticket page: a reply typed is kept; opened again (after a re-sign-in) it is back with a notice; sent, it is gone", async () => {
  const storage = fakeStorage();
  const api = fakeApi((method, path) => (method === "POST" ? {} : path === "/tickets/acme-7" ? detail({ status: "open" }) : { items: [] }));
  const open = async () => {
    const shown = [];
    const page = await ticketPage({ ...context("customer-user", api, shown), drafts: draftStore(storage, "u1") }, { name: "ticket", token: "acme-7" });
    return { page, shown };
  };
  const first = await open();
  findAll(last(first.shown), n => n.attrs.id === "f-body")[0].attrs.on.input({ target: { value: "Nog steeds kapot" } });

  const again = await open();
  assert.equal(again.page.state.drafts.reply, "Nog steeds kapot");
  assert.equal(textOf(findAll(last(again.shown), n => n.attrs.id === "f-body")[0]), "Nog steeds kapot");
  assert.match(textOf(last(again.shown)), new RegExp(translator("nl")("draft.restored")));
  await again.page.actions.reply(false);
  assert.deepEqual(api.calls.filter(c => c[0] === "POST").map(c => c[2].body), ["Nog steeds kapot"]);
  assert.equal([...storage.map.keys()].length, 0, "sent: nothing kept");
  const third = await open();
  assert.equal(third.page.state.drafts.reply, "");
  assert.doesNotMatch(textOf(last(third.shown)), new RegExp(translator("nl")("draft.restored")));
});

test("new ticket: the form typed is kept per user and route; opened again it is back; raised, it is gone", async () => {
  const storage = fakeStorage();
  const api = fakeApi(() => ticket({ id: "acme-8", number: 8 }));
  const open = async (route = { name: "new" }, userId = "u1") => {
    const shown = [];
    const page = await newTicketPage({ ...context("customer-user", api, shown), drafts: draftStore(storage, userId) }, route);
    return { page, shown };
  };
  const first = await open();
  const input = (shown, id, value, event = "input") => findAll(last(shown), n => n.attrs.id === id)[0].attrs.on[event]({ target: { value } });
  input(first.shown, "f-type", "question", "change");
  input(first.shown, "f-category", "email", "change");
  input(first.shown, "f-title", "Outlook start niet");
  input(first.shown, "f-description", "Sinds vanochtend");

  const other = await open({ name: "new" }, "u2");
  assert.equal(other.page.state.draft.title, "", "another user's form is not this one");
  const followUp = await open({ name: "new", followUpOf: "acme-3" });
  assert.equal(followUp.page.state.draft.title, "", "a follow-up is another route");

  const again = await open();
  const { type, category, title, description } = again.page.state.draft;
  assert.deepEqual({ type, category, title, description },
    { type: "question", category: "email", title: "Outlook start niet", description: "Sinds vanochtend" });
  assert.equal(findAll(last(again.shown), n => n.attrs.id === "f-title")[0].attrs.value, "Outlook start niet");
  assert.match(textOf(last(again.shown)), new RegExp(translator("nl")("draft.restored")));
  await again.page.actions.submit();
  assert.equal(api.calls.filter(c => c[0] === "POST").at(-1)[2].title, "Outlook start niet");
  assert.equal(storage.getItem("kp.draft.u1.#/tickets/new"), null, "raised: the draft is gone");
});

test("a user entering a tab removes the drafts another user left there, and only those", () => {
  const storage = fakeStorage();
  draftStore(storage, "u-jan").save("#/tickets/acme-7#reply", "Van Jan");
  draftStore(storage, "u-ilse").save("#/tickets/acme-7#reply", "Van Ilse");
  storage.setItem("kp.language", "de");
  draftStore(storage, "u-ilse").clearOthers();
  assert.equal(draftStore(storage, "u-jan").load("#/tickets/acme-7#reply"), null, "Jan's draft is gone");
  assert.equal(draftStore(storage, "u-ilse").load("#/tickets/acme-7#reply"), "Van Ilse", "Ilse's stays");
  assert.equal(storage.getItem("kp.language"), "de", "not a draft: left alone");
});
