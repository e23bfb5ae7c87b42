// Pages are pure functions returning node descriptions; mount() is the only code that creates DOM (and
// saveFile(), the transient link that saves a downloaded file). Text is only ever inserted as text nodes:
// there is no way to pass markup through a description, with one exception: a knowledge base article's body
// (articleBody(), the API's bodyHtml, which the knowledge context renders from Markdown and sanitises). Even that is
// never inserted as markup: it is parsed in an inert document (DOMParser: no script runs, nothing loads) and only the
// elements and attributes of ARTICLE_TAGS / articleAttributes are copied into the page with createElement.

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

/** Marks the one description whose content is markup: an article's body (articleBody). */
const ARTICLE_HTML = Symbol("article-html");

/**
 * An article's body: bodyHtml of the knowledge API (sanitised there), shown in a <div class="kb-body">. The only markup a
 * page ever shows; mount() copies what ARTICLE_TAGS allows of it.
 */
export function articleBody(bodyHtml) {
  return { tag: "div", attrs: { class: "kb-body" }, children: [], html: String(bodyHtml || ""), [NODE]: true, [ARTICLE_HTML]: true };
}

/** The elements an article's body keeps (h1 becomes h2: the page's title is its h1); anything else is unwrapped or dropped. */
export const ARTICLE_TAGS = new Set(["p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins",
  "sub", "sup", "code", "pre", "kbd", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a", "table", "thead", "tbody", "tfoot",
  "tr", "th", "td", "caption", "span"]);
/** Elements dropped with everything in them (they run, load, embed or take input). */
const ARTICLE_DROPPED = new Set([...FORBIDDEN_TAGS, "img", "picture", "video", "audio", "source", "track", "canvas",
  "form", "input", "button", "select", "textarea", "option", "dialog", "head", "title"]);
/** An article's link: to the web (http, https), a mail address or a place in the page; nothing else. */
export const ARTICLE_HREF = /^(https?:\/\/|mailto:|#)/i;

/** The attributes an element of an article's body keeps: {name: value}. */
export function articleAttributes(tag, get) {
  const out = {};
  const href = tag === "a" ? String(get("href") || "").trim() : "";
  if (href && ARTICLE_HREF.test(href) && !/[\u0000-\u0020]/.test(href)) {
    out.href = href;
    if (!href.startsWith("#")) {
      out.target = "_blank";
      out.rel = "noopener noreferrer";
    }
  }
  for (const name of ["colspan", "rowspan"]) {
    const value = (tag === "td" || tag === "th") ? get(name) : null;
    if (value && /^[1-9][0-9]?$/.test(value)) out[name] = value;
  }
  if ((tag === "th") && ["col", "row"].includes(get("scope"))) out.scope = get("scope");
  if (tag === "ol" && /^[0-9]{1,4}$/.test(get("start") || "")) out.start = get("start");
  return out;
}

/** A parsed node of an article's body as the page's own nodes (createElement, createTextNode): what the allowlists keep. */
export function copyArticleNode(node, doc) {
  if (node.nodeType === 3) return [doc.createTextNode(String(node.nodeValue ?? node.textContent ?? ""))];
  if (node.nodeType !== 1) return [];
  const name = String(node.tagName || "").toLowerCase();
  if (ARTICLE_DROPPED.has(name)) return [];
  const children = [...(node.childNodes || [])].flatMap(child => copyArticleNode(child, doc));
  const tag = name === "h1" ? "h2" : name;
  if (!ARTICLE_TAGS.has(tag)) return children;
  const element = doc.createElement(tag);
  const attributes = articleAttributes(tag, attribute => (node.hasAttribute && node.hasAttribute(attribute) ? node.getAttribute(attribute) : null));
  for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value);
  for (const child of children) element.appendChild(child);
  return [element];
}

/** The body of an article as nodes: parsed in an inert document of the page's window, then copied (copyArticleNode). */
function mountArticle(desc, doc) {
  const element = doc.createElement("div");
  element.setAttribute("class", "kb-body");
  const Parser = doc.defaultView && doc.defaultView.DOMParser;
  if (!Parser) throw new Error("no HTML parser for an article's body");
  const parsed = new Parser().parseFromString(desc.html, "text/html");
  for (const node of [...parsed.body.childNodes]) for (const copy of copyArticleNode(node, doc)) element.appendChild(copy);
  return element;
}

/** Creates the DOM for a description with doc.createElement / createTextNode; never parses HTML (but an article's body: mountArticle). */
export function mount(desc, doc) {
  if (typeof desc === "string") return doc.createTextNode(desc);
  if (desc && desc[NODE] === true && desc[ARTICLE_HTML] === true) return mountArticle(desc, doc);
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
