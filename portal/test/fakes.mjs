// Test doubles shared by the page tests: a DOM shim without an HTML parser, a recording fake API,
// malicious data and the page context (ctx) the shell would pass.
import assert from "node:assert/strict";

import { findAll, textOf } from "../dom.mjs";
import { translator } from "../i18n.mjs";

/**
 * The DOM shim. Its window's DOMParser (dom.mjs articleBody, the only parse) records every markup it is given in
 * `parsed` and answers with parse(markup): parsed nodes ({nodeType, tagName, getAttribute, childNodes}, parsedElement()),
 * none unless a test gives them.
 */
export function shimDocument({ parse = () => [] } = {}) {
  const created = [];
  const parsed = [];
  class DOMParser {
    parseFromString(markup, type) {
      parsed.push({ markup, type });
      return { body: { childNodes: parse(markup) } };
    }
  }
  class Node {
    constructor(tag) { this.tagName = tag; this.attributes = {}; this.childNodes = []; this.listeners = {}; created.push(this); }
    setAttribute(name, value) { this.attributes[name] = value; }
    addEventListener(event, handler) { this.listeners[event] = handler; }
    appendChild(child) { this.childNodes.push(child); return child; }
    set innerHTML(_) { throw new Error("innerHTML used"); }
    set outerHTML(_) { throw new Error("outerHTML used"); }
    insertAdjacentHTML() { throw new Error("insertAdjacentHTML used"); }
    get textContent() { return this.childNodes.map(c => c.textContent).join(""); }
  }
  return {
    created,
    parsed,
    defaultView: { DOMParser },
    createElement: tag => new Node(tag),
    createTextNode: text => ({ nodeType: 3, textContent: text })
  };
}

/** A node as an HTML parser gives it, for the DOM shim's DOMParser: parsedElement("a", {href: "…"}, "text", …). */
export function parsedElement(tag, attributes = {}, ...children) {
  return { nodeType: 1, tagName: tag.toUpperCase(), hasAttribute: name => Object.hasOwn(attributes, name),
    getAttribute: name => (Object.hasOwn(attributes, name) ? attributes[name] : null),
    childNodes: children.map(c => (typeof c === "string" ? { nodeType: 3, nodeValue: c } : c)) };
}

export const EVIL = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;

export function catalogue() {
  const t = s => ({ nl: s, en: s, de: s });
  return {
    categories: [{ id: "email", name: t("E-mail " + EVIL), active: true }],
    requestTypes: [{ id: "teams", name: t("Teams " + EVIL), description: t(EVIL), category: "email", active: true,
      approvalRequired: false, form: { fields: [
        { name: "name", kind: "text", label: t("Naam " + EVIL), required: true, options: [], maxLength: 100 },
        { name: "size", kind: "number", label: t("Aantal"), required: false, options: [], maxLength: 254 },
        { name: "urgent", kind: "checkbox", label: t("Spoed"), required: false, options: [], maxLength: 254 },
        { name: "kind", kind: "choice", label: t("Soort"), required: true, maxLength: 100,
          options: [{ value: "team", label: t("Team " + EVIL) }, { value: "channel", label: t("Kanaal") }] }
      ] } }]
  };
}

export function ticket(overrides = {}) {
  return { id: "acme-7", number: 7, customerId: "acme", type: "service-request", category: "email", priority: "high",
    title: EVIL, description: EVIL, reporter: { id: "u1", name: EVIL }, involved: [], source: "portal", status: "resolved",
    requestType: "teams", answers: { name: EVIL, kind: "team", urgent: "true" }, approval: "none",
    createdAt: "2026-11-20T10:00:00Z", updatedAt: "2026-11-21T10:00:00Z", version: 3, ...overrides };
}

export function detail(overrides = {}, messages) {
  return { ticket: ticket(overrides), messages: messages || [
    { id: "m1", authorId: "a1", authorName: EVIL, side: "provider", body: "Opgelost: " + EVIL, internal: false, source: "portal",
      at: "2026-11-21T10:00:00Z" },
    { id: "m2", authorId: "a1", authorName: "Agent", side: "provider", body: "intern " + EVIL, internal: true, source: "portal",
      at: "2026-11-21T11:00:00Z" }
  ] };
}

/** The ctx of a page for a role; lang "nl" unless given; today() fixes "today" in Amsterdam for the SLA calendar. */
export function context(role, api, shown = [], lang = "nl") {
  return {
    api, lang, tr: translator(lang), role, today: () => "2026-11-23", staff: role.startsWith("provider"), uuid: (() => {
      let n = 0;
      return () => "key-" + ++n;
    })(),
    show: desc => shown.push(desc), bind: render => render, navigate: hash => shown.push({ navigated: hash }),
    catalogue: async () => catalogue(), flash: text => shown.push({ flash: text }), flashed: null
  };
}

export function fakeApi(answers) {
  const calls = [];
  const api = {
    calls,
    async get(path) { calls.push(["GET", path]); return next("GET", path); },
    async post(path, body, options) { calls.push(["POST", path, body, options]); return next("POST", path, body); },
    async put(path, body, options) { calls.push(["PUT", path, body, options]); return next("PUT", path, body); },
    async patch(path, body, options) { calls.push(["PATCH", path, body, options]); return next("PATCH", path, body); },
    async delete(path) { calls.push(["DELETE", path]); return next("DELETE", path); }
  };
  function next(method, path, body) {
    const answer = answers(method, path, body, calls);
    if (answer instanceof Error) throw answer;
    return structuredClone(answer);
  }
  return api;
}

export const click = (desc, label) => {
  const buttons = findAll(desc, n => n.tag === "button" && textOf(n) === label);
  assert.equal(buttons.length, 1, "one button " + label);
  return buttons[0];
};
export const last = shown => shown.filter(d => d.tag)[shown.filter(d => d.tag).length - 1];

/** A DOM element for the shell tests (app.mjs in a fake document). */
export class FakeElement {
  constructor(tag, id) {
    this.tagName = tag; this.id = id || ""; this.attributes = {}; this.children = []; this.listeners = {};
    this.hidden = false; this.value = ""; this.dataset = {}; this.text = "";
  }
  setAttribute(name, value) { this.attributes[name] = value; if (name === "id") this.id = value; }
  addEventListener(event, handler) { this.listeners[event] = handler; }
  appendChild(child) { this.children.push(child); child.parent = this; return child; }
  replaceChildren(...children) {
    const doc = globalThis.document;
    const removed = this.children;
    this.children = [];
    for (const child of removed) {
      // as a browser does: the focus in a removed node goes to the body
      if (doc && doc.activeElement && child.contains && child.contains(doc.activeElement)) doc.activeElement = doc.body || null;
      child.parent = null;
    }
    children.forEach(c => this.appendChild(c));
  }
  contains(other) { for (let n = other; n; n = n.parent) if (n === this) return true; return false; }
  get childElementCount() { return this.children.length; }
  get textContent() { return this.text + this.children.map(c => c.textContent).join(""); }
  set textContent(value) { this.text = String(value); this.children = []; }
  focus() { globalThis.document.activeElement = this; }
  /** A text field's caret, as an input has it (selectionStart, selectionEnd, selectionDirection set by a test). */
  setSelectionRange(start, end, direction) { Object.assign(this, { selectionStart: start, selectionEnd: end, selectionDirection: direction }); }
  all() { return [this, ...this.children.flatMap(c => (c.all ? c.all() : []))]; }
  querySelector(selector) { return this.all().find(n => n !== this && n.tagName === selector) || null; }
  getAttribute(name) { return Object.hasOwn(this.attributes, name) ? this.attributes[name] : null; }
  /** Simple selectors only, as the shell asks them: "a[href], button, [tabindex]" (a tag, a tag with an attribute, an attribute). */
  querySelectorAll(selector) {
    const tests = selector.split(",").map(s => s.trim().match(/^([a-z0-9]*)(?:\[([a-z-]+)\])?$/)).map(([, tag, attr]) =>
      n => (!tag || String(n.tagName).toLowerCase() === tag) && (!attr || Object.hasOwn(n.attributes || {}, attr)));
    return this.all().filter(n => n !== this && tests.some(t => t(n)));
  }
}

/** An unsigned token carrying {@code claims}, as the shell decodes it. */
export function jwt(claims) {
  return "h." + Buffer.from(JSON.stringify(claims)).toString("base64url") + ".s";
}
