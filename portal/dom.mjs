// Pages are pure functions returning node descriptions; mount() is the only code that creates DOM (and
// saveFile(), the transient link that saves a downloaded file). Text is only ever inserted as text nodes:
// there is no way to pass markup through a description.

// Only descriptions made by h() carry this mark: any other object among the children (data from an
// API answer that turned out to be an object) becomes text, never an element.
const NODE = Symbol("node");

/** A node description: h("p", { class: "x", on: { click } }, "text", h("b", null, "more")). */
export function h(tag, attrs, ...children) {
  return { tag, attrs: attrs || {}, children: flatten(children), [NODE]: true };
}

function flatten(children) {
  const out = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) out.push(...flatten(child));
    else if (typeof child === "object" && child[NODE] === true) out.push(child);
    else out.push(typeof child === "object" ? JSON.stringify(child) : String(child));
  }
  return out;
}

const ATTRIBUTE = /^[a-z][a-z0-9-]*$/;
const TAG = /^[a-z][a-z0-9]*$/;
/** Elements that load or run something, or change how the page is read: never made. */
const FORBIDDEN_TAGS = new Set(["script", "style", "iframe", "frame", "frameset", "object", "embed", "link", "meta",
  "base", "template", "svg", "math", "noscript", "portal"]);
/** Attributes that load, navigate or style: never set (links go through href, which must be an in-page route). */
const FORBIDDEN_ATTRIBUTES = new Set(["srcdoc", "srcset", "formaction", "style", "background", "poster", "data", "ping",
  "http-equiv", "xmlns"]);

/** Refuses what could run script: event-handler attributes and links that are not in-page routes. */
function checkAttribute(name, value) {
  if (!ATTRIBUTE.test(name) || name.startsWith("on") || FORBIDDEN_ATTRIBUTES.has(name)) {
    throw new Error("attribute not allowed: " + name);
  }
  if ((name === "href" || name === "src" || name === "action") && !String(value).startsWith("#")) {
    throw new Error("only in-page links are rendered: " + value);
  }
}

/** Creates the DOM for a description with doc.createElement / createTextNode; never parses HTML. */
export function mount(desc, doc) {
  if (typeof desc === "string") return doc.createTextNode(desc);
  if (!desc || desc[NODE] !== true || !TAG.test(desc.tag) || FORBIDDEN_TAGS.has(desc.tag)) {
    throw new Error("not a renderable node: " + (desc && desc.tag));
  }
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

/**
 * Saves a downloaded file ({blob, fileName}, api.mjs download()) the way a browser saves a link with
 * `download`: a transient <a download> on an object URL of the blob, clicked and removed, the URL
 * revoked afterwards. The only other DOM made outside mount(); its href is always the blob: URL that
 * createObjectURL gave, never data.
 */
export function saveFile(file, { document, URL, later = fn => setTimeout(fn, 1000) }) {
  const url = URL.createObjectURL(file.blob);
  if (!String(url).startsWith("blob:")) throw new Error("not an object URL: " + url);
  const link = document.createElement("a");
  link.setAttribute("href", url);
  link.setAttribute("download", String(file.fileName || "download"));
  link.hidden = true;
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    later(() => URL.revokeObjectURL(url));
  }
  return url;
}
