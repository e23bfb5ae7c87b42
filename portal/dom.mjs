// Pages are pure functions returning node descriptions; mount() is the only code that creates DOM.
// Text is only ever inserted as text nodes: there is no way to pass markup through a description.

/** A node description: h("p", { class: "x", on: { click } }, "text", h("b", null, "more")). */
export function h(tag, attrs, ...children) {
  return { tag, attrs: attrs || {}, children: flatten(children) };
}

function flatten(children) {
  const out = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) out.push(...flatten(child));
    else if (typeof child === "object") out.push(child);
    else out.push(String(child));
  }
  return out;
}

const ATTRIBUTE = /^[a-z][a-z0-9-]*$/;

/** Refuses what could run script: event-handler attributes and links that are not in-page routes. */
function checkAttribute(name, value) {
  if (!ATTRIBUTE.test(name) || name.startsWith("on")) {
    throw new Error("attribute not allowed: " + name);
  }
  if ((name === "href" || name === "src" || name === "action") && !String(value).startsWith("#")) {
    throw new Error("only in-page links are rendered: " + value);
  }
}

/** Creates the DOM for a description with doc.createElement / createTextNode; never parses HTML. */
export function mount(desc, doc) {
  if (typeof desc === "string") return doc.createTextNode(desc);
  const element = doc.createElement(desc.tag);
  for (const [name, value] of Object.entries(desc.attrs)) {
    if (name === "on") {
      for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
      continue;
    }
    if (value === false || value === null || value === undefined) continue;
    checkAttribute(name, value);
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of desc.children) element.appendChild(mount(child, doc));
  return element;
}

/** All text of a description, for tests and accessible names. */
export function textOf(desc) {
  return typeof desc === "string" ? desc : desc.children.map(textOf).join("");
}

/** Every node of a description for which test(node) holds, depth first. */
export function findAll(desc, test) {
  if (typeof desc === "string") return [];
  const found = test(desc) ? [desc] : [];
  for (const child of desc.children) found.push(...findAll(child, test));
  return found;
}
