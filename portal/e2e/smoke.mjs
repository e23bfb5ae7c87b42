#!/usr/bin/env node
// The portal against the real API: the portal's own modules (api.mjs with the global fetch; every page
// opened through the portal's own route table, router.mjs, as app.mjs opens it) driven against a running
// local cloud (infrastructure/local) with its demo data, as the four demo roles.
// The pages render into node descriptions (dom.mjs) as in the unit tests; this script presses their
// buttons and fills their forms through the descriptions' own handlers, so every request is the one the
// page itself makes.
//
//   node portal/e2e/smoke.mjs --gateway http://127.0.0.1:3000 --state .local
//   node portal/e2e/smoke.mjs --gateway http://127.0.0.1:3000 --sessions sessions.json [--state DIR]
//
// --gateway URL    (env KP_E2E_GATEWAY) the local cloud's gateway (portal and API on one origin);
// --sessions FILE  (env KP_E2E_SESSIONS) a JSON object: e-mail → the answer of the sign-in (idToken,
//                  accessToken, expiresIn), as POST /auth/sign-in/totp answers it (the refresh token is in a cookie);
// --state DIR      (env KP_E2E_STATE) the local cloud's state folder (.local by default of `start`). Without
//                  --sessions the demo users sign in here with the sign-in calls of app.mjs (POST
//                  /auth/sign-in, POST /auth/sign-in/totp) and a code computed from their TOTP secret in
//                  DIR/demo-accounts.properties. It also stands in for the mailbox of a new sign-up: the
//                  confirmation code cognito-local keeps in DIR/cognito (without --state that newcomer signs
//                  up only, and is neither confirmed, enrolled nor linked);
// --password P     (env KP_E2E_PASSWORD) the demo accounts' password (default: the local demo password);
// --log FILE       (env KP_E2E_LOG) every request with its answer as JSON lines, for reading what the API answered.
//
// It fails (exit code 1, each failure naming the role, the page, the request and the answer) when a page
// shows a problem box, a field error or a warning, when a request gets a 4xx/5xx (or no answer), when
// opening a page sends anything but GET, when a page asks for a text key the portal does not have (a value
// of the API the portal has no words for), when it shows "undefined", "NaN" or an empty fact (a field the
// API does not send), or when an element the page should show is missing. One failing step does not stop
// the others, so one run names every mismatch.
// It changes the local cloud's data as users would: tickets raised (titles start with "[e2e]"), replied to,
// triaged, resolved, accepted and followed up; an attachment; an approval; a colleague involved; a new
// staff account (deactivated again) and a new sign-up (linked to Acme); an SLA tier, the calendar, Acme's
// details, Jan's display name, Ilse's dashboard settings and Acme's reports sharing saved and restored; last month's report of the
// Bakkerij made again (a new version); Acme's invoicing details saved as they are, a draft invoice of this month with a
// line of its own made, edited, finalised, collected, paid and credited, and another drafted and deleted. Meant for a
// local cloud, never a deployed stack.

import { createHmac, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { createApi, sessionFrom } from "../api.mjs";
import { findAll, mount, textOf } from "../dom.mjs";
import { localized, texts, translator } from "../i18n.mjs";
import { parseRoute, routeHash } from "../routes.mjs";
import { openPublic, openSignedIn } from "../router.mjs";
import { labelOf } from "../widgets.mjs";
import { euros, monthOf, todayOf } from "../ledger.mjs";
import { shimDocument } from "../test/fakes.mjs";

const PORTAL = join(dirname(fileURLToPath(import.meta.url)), "..");
const DEMO_PASSWORD = "Demo-Klantportaal-2026!";
const LANG = "nl";

export const USERS = {
  jan: { email: "jan@acme.example.test", role: "customer-user", name: "Jan Jansen" },
  ilse: { email: "it@acme.example.test", role: "customer-admin", name: "Ilse Timmer" },
  sem: { email: "servicedesk@provider.example.test", role: "provider-agent", name: "Sem Servicedesk" },
  petra: { email: "beheer@provider.example.test", role: "provider-admin", name: "Petra Beheer" }
};
const CUSTOMER = "demo-acme";
const OUTLOOK = "demo-acme-1";      // open incident of Jan with a conversation, Ilse involved, an internal note
const PRINTER = "demo-acme-2";      // resolved, waiting for Jan's decision
const ACCESS = "demo-acme-3";       // service request waiting for Ilse's approval

// ---------------------------------------------------------------------------------------------
// Arguments

const USAGE = "usage: smoke.mjs --gateway URL (--state DIR | --sessions FILE [--state DIR]) [--password P] [--log FILE]";

function options(argv, env) {
  const out = { gateway: env.KP_E2E_GATEWAY, sessions: env.KP_E2E_SESSIONS, state: env.KP_E2E_STATE,
    password: env.KP_E2E_PASSWORD || DEMO_PASSWORD, log: env.KP_E2E_LOG };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, "");
    if (!["gateway", "sessions", "state", "password", "log"].includes(name) || argv[i + 1] === undefined) {
      throw new Error(USAGE + "; unknown: " + argv[i]);
    }
    out[name] = argv[++i];
  }
  if (!out.gateway || !(out.sessions || out.state)) throw new Error(USAGE);
  out.gateway = out.gateway.replace(/\/+$/, "");
  return out;
}

/** A Java properties file of e-mail=secret (the local cloud's demo-accounts.properties). */
export function properties(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*([#!]|$)/.test(line)) continue;
    const m = /^((?:\\.|[^=:\\])*)[=:](.*)$/.exec(line.trim());
    if (m) out[m[1].replace(/\\(.)/g, "$1").trim()] = m[2].trim();
  }
  return out;
}

/** The sign-up code cognito-local keeps for an address (its pool file under DIR/cognito), or null. */
function confirmationCode(stateDir, email) {
  const pools = [];
  const walk = dir => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/^local_.*\.json$/.test(entry.name)) pools.push(join(dir, entry.name));
    }
  };
  walk(join(stateDir, "cognito"));
  for (const pool of pools) {
    const users = Object.values(JSON.parse(readFileSync(pool, "utf8")).Users || {});
    const user = users.find(u => (u.Attributes || []).some(a => a.Name === "email" && a.Value === email));
    if (user && user.ConfirmationCode) return user.ConfirmationCode;
  }
  return null;
}

/** RFC 6238 (SHA1, 6 digits, 30 s), as an authenticator app and the local cloud's Totp compute it. */
export function totp(secret, at = Date.now()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) || []).map(b => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30000)));
  const hash = createHmac("sha1", key).update(counter).digest();
  const offset = hash[hash.length - 1] & 15;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

// ---------------------------------------------------------------------------------------------
// The record of every request, and the failures

const exchanges = [];
const failures = [];
let inFlight = 0;
const passed = [];
let missingTexts = new Set();

class SmokeFailure extends Error {}

function clip(text, max = 600) {
  const s = String(text === undefined || text === null ? "" : text);
  return s.length > max ? s.slice(0, max) + "…" : s;
}

function describe(x) {
  return x.method + " " + x.path + (x.body !== undefined ? " " + clip(x.body, 400) : "") + "\n      → "
    + (x.status === 0 ? "no answer: " + x.answer : x.status + " " + clip(x.answer));
}

/** The global fetch on the gateway's origin, recording each request with its answer. */
function recordingFetch(base, jar = null) {
  return async (path, init = {}) => {
    const entry = { method: (init.method || "GET").toUpperCase(), path: String(path), body: init.body, status: 0, answer: "" };
    exchanges.push(entry);
    inFlight++;
    try {
      const url = new URL(path, base + "/");
      const cookies = jar ? jar.cookieFor(url) : "";
      const response = await fetch(url, cookies ? { ...init, headers: { ...(init.headers || {}), cookie: cookies } } : init);
      if (jar) jar.keep(response);
      entry.status = response.status;
      entry.answer = response.status === 204 ? "" : await response.clone().text();
      return response;
    } catch (e) {
      entry.answer = String((e && e.cause && e.cause.message) || (e && e.message) || e);
      throw e;
    } finally {
      inFlight--;
    }
  };
}

/**
 * A browser's cookie jar, as far as the session cookie needs one (Node's fetch keeps none): each cookie with its
 * Path, sent to URLs below it; Max-Age=0 removes it. The portal's code never sees it (HttpOnly in a browser).
 */
function cookieJar() {
  const cookies = new Map();   // name → {value, path}
  return {
    keep(response) {
      const all = typeof response.headers.getSetCookie === "function" ? response.headers.getSetCookie() : [];
      for (const line of all) {
        const [pair, ...attributes] = line.split(/;\s*/);
        const name = pair.slice(0, pair.indexOf("="));
        const attribute = key => attributes.find(a => a.toLowerCase().startsWith(key + "="));
        const maxAge = attribute("max-age");
        if (maxAge && Number(maxAge.split("=")[1]) <= 0) cookies.delete(name);
        else cookies.set(name, { value: pair.slice(pair.indexOf("=") + 1), path: (attribute("path") || "path=/").split("=")[1] });
      }
    },
    cookieFor(url) {
      return [...cookies].filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.replace(/\/?$/, "/")))
        .map(([name, c]) => name + "=" + c.value).join("; ");
    }
  };
}

/**
 * Until no request is under way, twice in a row across a turn of the event loop: a form's submit handler
 * may start its work without returning the promise (the browser does not wait for it), and an answer may
 * lead to the next request (a reload after a change).
 */
async function idle(deadline = Date.now() + 30_000) {
  let quiet = 0;
  while (quiet < 2) {
    await new Promise(resolve => setTimeout(resolve, 5));
    quiet = inFlight === 0 ? quiet + 1 : 0;
    if (Date.now() > deadline) throw new SmokeFailure("requests still under way after 30 s");
  }
}

// ---------------------------------------------------------------------------------------------
// A signed-in user's portal: the shell's ctx (app.mjs route()); the pages are the router's (router.mjs)

function translatorRecordingMisses() {
  const base = translator(LANG);
  return (key, vars) => {
    if (!(key in texts[LANG])) missingTexts.add(key);
    return base(key, vars);
  };
}

function portalFor(user, session, gateway, jar = null) {
  let current = session;
  const api = createApi({
    fetch: recordingFetch(gateway, jar), language: () => LANG, session: () => current,
    setSession: next => {
      current = next;
      if (!next) user.lostSession = true;
    }
  });
  let catalogue = null;
  let flash = null;
  return {
    user, api, session: () => current,
    /** Opens a hash route as app.mjs route() does, through the portal's route table (router.mjs). */
    async open(hash) {
      const shown = [];
      const navigated = [];
      const opened = [];
      const copied = [];
      const route = parseRoute(hash);
      const ctx = {
        api, tr: translatorRecordingMisses(), uuid: () => randomUUID(), lang: LANG,
        role: current.role, staff: current.role === "provider-agent" || current.role === "provider-admin",
        show: desc => shown.push(desc), bind: render => render,
        navigate: next => navigated.push(next),
        catalogue: () => {
          catalogue = catalogue || api.get("/catalogue").catch(e => { catalogue = null; throw e; });
          return catalogue;
        },
        flash: text => { flash = text; }, flashed: flash,
        userId: current.userId, origin: gateway, transfer: (url, init) => fetch(url, init),
        // the new-ticket page's suggestions (kbparts.mjs) ask at once, so the step's idle() waits for them; a share link is recorded
        later: fn => setTimeout(fn, 0), cancelLater: timer => clearTimeout(timer), copy: async value => copied.push(value),
        openDownload: url => opened.push(url),
        email: current.email, tenant: current.tenant, mfa: current.mfa,
        accessToken: () => current && current.accessToken,
        setLanguage: () => {},
        renew: async () => ((await api.refresh()) ? current : null),
        reroute: () => {}
      };
      flash = null;
      const result = await openSignedIn(ctx, route);
      return { hash, ctx, shown, navigated, opened, copied, result };
    }
  };
}

/** The public pages (#/sign-up, #/forgot-password, the knowledge base and the status page) as app.mjs publicContext() shows them. */
function publicPortal(gateway) {
  const api = createApi({ fetch: recordingFetch(gateway), language: () => LANG, session: () => null, setSession: () => {} });
  return {
    user: { key: "public", role: "signed out" },
    async open(hash) {
      const shown = [];
      const navigated = [];
      const copied = [];
      const ctx = { api, tr: translatorRecordingMisses(), uuid: () => randomUUID(), lang: LANG, show: desc => shown.push(desc),
        bind: render => render, email: "", toSignIn: (reason, address) => navigated.push({ signIn: reason, address }),
        signedIn: () => navigated.push({ signedIn: true }), navigate: next => navigated.push(next), origin: gateway,
        copy: async value => copied.push(value) };
      const result = await openPublic(ctx, parseRoute(hash));
      return { hash, ctx, shown, navigated, opened: [], copied, result };
    }
  };
}

// ---------------------------------------------------------------------------------------------
// A page on screen: reading the last description it showed, and working its controls

const screenOf = page => {
  const descs = page.shown.filter(d => d && d.tag);
  if (descs.length === 0) throw new SmokeFailure("the page showed nothing");
  return descs[descs.length - 1];
};
const byId = (desc, id) => findAll(desc, n => n.attrs.id === id)[0];
const classes = node => String(node.attrs.class || "").split(/\s+/);

function helpers(page, step) {
  const screen = () => screenOf(page);
  const tr = page.ctx.tr;
  const control = id => {
    const node = byId(screen(), id);
    if (!node) throw new SmokeFailure("no control #" + id + " on the page");
    return node;
  };
  const settle = label => step.settle(page, label);
  return {
    screen, tr, text: () => textOf(screen()),
    find: test => findAll(screen(), test),
    byId: id => byId(screen(), id),
    expect(condition, what) {
      if (!condition) throw new SmokeFailure("missing: " + what + "\n    page text: " + clip(textOf(screen()), 900));
    },
    expectText(text, what = "the text " + JSON.stringify(text)) {
      if (!textOf(screen()).includes(text)) throw new SmokeFailure("missing: " + what + "\n    page text: " + clip(textOf(screen()), 900));
    },
    expectLink(href, what = "a link to " + href) {
      if (findAll(screen(), n => n.tag === "a" && n.attrs.href === href).length === 0) {
        throw new SmokeFailure("missing: " + what + "\n    links: " + findAll(screen(), n => n.tag === "a").map(n => n.attrs.href).join(" "));
      }
    },
    type(id, value) { control(id).attrs.on.input({ target: { value } }); },
    async choose(id, value) {
      const select = control(id);
      const values = findAll(select, n => n.tag === "option").map(o => o.attrs.value);
      if (!values.includes(value)) throw new SmokeFailure("#" + id + " offers no " + JSON.stringify(value) + " (options: " + values.join(", ") + ")");
      await select.attrs.on.change({ target: { value } });
    },
    async tick(id, checked) { await control(id).attrs.on.change({ target: { checked } }); },
    options: id => findAll(control(id), n => n.tag === "option").map(o => ({ value: o.attrs.value, label: textOf(o) })),
    value(id) {
      const node = control(id);
      if (node.tag === "select") return (findAll(node, n => n.tag === "option" && n.attrs.selected)[0] || { attrs: {} }).attrs.value;
      if (node.tag === "textarea") return textOf(node);
      return node.attrs.value;
    },
    /** Presses the one button labelled so (within: only inside the nodes for which within(node) holds, e.g. a row). */
    async press(label, label2, within) {
      const scope = within ? findAll(screen(), within) : [screen()];
      const buttons = scope.flatMap(node => findAll(node, n => n.tag === "button" && textOf(n) === label));
      if (buttons.length !== 1) {
        throw new SmokeFailure("expected one button " + JSON.stringify(label) + ", found " + buttons.length + "; buttons: "
          + findAll(screen(), n => n.tag === "button").map(n => JSON.stringify(textOf(n))).join(", "));
      }
      const button = buttons[0];
      if (button.attrs.disabled) throw new SmokeFailure("the button " + JSON.stringify(label) + " is disabled");
      await (button.attrs.on.click || (() => { throw new SmokeFailure("the button " + label + " does nothing"); }))();
      await settle(label2 || "after pressing " + JSON.stringify(label));
    },
    /** Submits the form that holds the control #id. */
    async submit(id, what) {
      const form = findAll(screen(), n => n.tag === "form" && byId(n, id))[0];
      if (!form) throw new SmokeFailure("no form holds #" + id);
      await form.attrs.on.submit({ preventDefault() {} });
      await settle(what || "after submitting the form of #" + id);
    },
    async chooseFile(id, file) { await control(id).attrs.on.change({ target: { files: [file] } }); },
    notice(text) {
      const notices = findAll(screen(), n => classes(n).includes("notice")).map(textOf);
      if (!notices.some(t => t.includes(text))) {
        throw new SmokeFailure("missing: the notice " + JSON.stringify(text) + (notices.length ? " (notices: " + notices.join(" | ") + ")" : ""));
      }
    }
  };
}

/**
 * The dashboard #/: a card per widget shown (cardIds, the widgets' ids) and none failed; returns the cards by id.
 */
function dashboardCards(p, cardIds, what) {
  const cards = p.find(n => n.tag === "section" && classes(n).includes("dash-card"));
  const ids = cards.map(c => classes(c).find(k => k.startsWith("dash-") && k !== "dash-card").slice(5));
  p.expect(JSON.stringify(ids) === JSON.stringify(cardIds), what + ": the cards " + cardIds.join(", ") + " (shown: " + ids.join(", ") + ")");
  const failed = p.find(n => classes(n).includes("dash-failed")).map(textOf);
  p.expect(failed.length === 0, "no card failed (failed: " + failed.join(" | ") + ")");
  p.expect(p.find(n => n.attrs["aria-busy"] === "true").length === 0, "every card loaded");
  return Object.fromEntries(ids.map((id, i) => [id, cards[i]]));
}

/** A customer user's dashboard may be refused the hours, subscriptions and reports its organisation keeps to its admins. */
const hiddenForUsers = x => x.status === 403 && x.method === "GET" && /\/(hour-bundles|subscriptions|reports)$/.test(x.path || x.url || "");

/**
 * One step of a role: opens a page and works it. Whatever fails is recorded with the role, the page and
 * the requests of the step; the next step runs anyway, so one run names every mismatch.
 */
async function step(portal, hash, title, work = async () => {}, { refusals = () => false } = {}) {
  const who = portal.user.key + " (" + portal.user.role + ")";
  const started = exchanges.length;
  let checked = started;
  let page = null;
  const context = { page: hash };
  current = who + " on " + hash + " — " + title;
  const settler = {
    async settle(p, label) {
      context.action = label;
      await idle();
      const fresh = exchanges.slice(checked);
      checked = exchanges.length;
      // refusals(x): a refusal the step expects (the dashboard's 403s, which hide a card), not a mismatch
      const refused = fresh.filter(x => (x.status === 0 || x.status >= 400) && !refusals(x));
      if (refused.length) {
        throw new SmokeFailure("the API refused a request the page made" + (label ? " " + label : "") + ":\n    "
          + refused.map(describe).join("\n    "));
      }
      const desc = screenOf(p);
      const doc = shimDocument();
      try {
        mount(desc, doc);
      } catch (e) {
        throw new SmokeFailure("the page cannot be mounted: " + e.message);
      }
      // A field the page reads and the API does not send shows as "undefined", "NaN" or "Invalid Date"
      const broken = /\b(undefined|NaN|Invalid Date|null)\b|\[object Object\]/;
      const attribute = doc.created.flatMap(n => Object.entries(n.attributes)).find(([, v]) => broken.test(String(v)));
      const text = broken.exec(textOf(desc));
      // A fact the page lists (dl.facts: status, reporter, dates, the customer's details) left empty
      const empty = findAll(desc, n => n.tag === "dl" && classes(n).includes("facts"))
        .flatMap(dl => dl.children.map((c, i) => (c.tag === "dd" && !textOf(c).trim() ? textOf(dl.children[i - 1]) : null)))
        .filter(Boolean);
      if (empty.length) {
        throw new SmokeFailure("the page shows no value for " + empty.join(", ") + (label ? " " + label : "")
          + " (a field the API does not send?)");
      }
      if (attribute || text) {
        throw new SmokeFailure("the page shows " + (attribute ? "the attribute " + attribute[0] + "=" + JSON.stringify(attribute[1])
          : JSON.stringify(textOf(desc).slice(Math.max(0, text.index - 120), text.index + 60))) + (label ? " " + label : "")
          + " (a field the API does not send?)");
      }
      const boxes = findAll(desc, n => classes(n).includes("problem") || classes(n).includes("field-error")
        || (classes(n).includes("notice") && classes(n).includes("warning")));
      if (boxes.length) {
        throw new SmokeFailure("the page shows " + boxes.map(b => JSON.stringify(textOf(b))).join(", ")
          + (label ? " " + label : "") + "\n    requests: " + (fresh.map(describe).join("\n    ") || "none"));
      }
      if (missingTexts.size) {
        const keys = [...missingTexts];
        missingTexts = new Set();
        throw new SmokeFailure("the page has no text for " + keys.join(", ") + " (a value of the API the portal does not know?)");
      }
      if (portal.user.lostSession) throw new SmokeFailure("the API client dropped the session (a 401 it could not refresh)");
    }
  };
  try {
    missingTexts = new Set();
    page = await portal.open(hash);
    const writes = exchanges.slice(started).filter(x => x.method !== "GET");
    if (writes.length) throw new SmokeFailure("opening the page sent more than GETs:\n    " + writes.map(describe).join("\n    "));
    await settler.settle(page, "on opening");
    context.action = null;
    await work(helpers(page, settler), page);
    await settler.settle(page, "at the end");
    passed.push(who + " " + hash + " — " + title);
    console.log("ok   " + who.padEnd(30) + " " + hash.padEnd(36) + " " + title);
  } catch (e) {
    const requests = exchanges.slice(started).map(describe);
    const message = e instanceof SmokeFailure ? e.message : (e && e.stack) || String(e);
    failures.push("FAIL " + who + " on " + hash + " — " + title + (context.action ? " (" + context.action + ")" : "") + "\n    "
      + message + (e instanceof SmokeFailure ? "" : "\n    requests of this step:\n    " + requests.join("\n    ")));
    console.log("FAIL " + who.padEnd(30) + " " + hash.padEnd(36) + " " + title);
  }
  return page;
}

// ---------------------------------------------------------------------------------------------
// The static portal: the gateway serves portal/ as it is, with types a browser runs as modules

async function staticFiles(gateway) {
  const files = ["", ...readdirSync(PORTAL).filter(f => /\.(mjs|css|html)$/.test(f))];
  const type = { mjs: /^text\/javascript/, css: /^text\/css/, html: /^text\/html/ };
  const problems = [];
  for (const file of files) {
    const name = file || "index.html";
    try {
      const response = await fetch(gateway + "/" + file);
      const body = await response.text();
      const contentType = response.headers.get("content-type") || "";
      if (response.status !== 200) problems.push("GET /" + file + " → " + response.status);
      else if (!type[name.split(".").pop()].test(contentType)) problems.push("GET /" + file + " → content-type " + contentType);
      else if (body !== readFileSync(join(PORTAL, name), "utf8")) problems.push("GET /" + file + " → not the file in portal/");
    } catch (e) {
      problems.push("GET /" + file + " → no answer: " + e.message);
    }
  }
  if (problems.length) failures.push("FAIL the static portal\n    " + problems.join("\n    "));
  else {
    passed.push("the static portal");
    console.log("ok   the static portal: " + files.length + " files with their types");
  }
}

// ---------------------------------------------------------------------------------------------
// Signing in

async function signIn(options) {
  const sessions = {};
  if (options.sessions) {
    const answers = JSON.parse(readFileSync(options.sessions, "utf8"));
    for (const [key, user] of Object.entries(USERS)) {
      if (!answers[user.email]) throw new Error("no session for " + user.email + " in " + options.sessions);
      sessions[key] = sessionFrom(answers[user.email], null);
    }
    return sessions;
  }
  const file = join(options.state, "demo-accounts.properties");
  const secrets = properties(readFileSync(file, "utf8"));
  const api = createApi({ fetch: recordingFetch(options.gateway), language: () => LANG, session: () => null, setSession: () => {} });
  for (const [key, user] of Object.entries(USERS)) {
    if (!secrets[user.email]) throw new Error("no TOTP secret for " + user.email + " in " + file);
    // The two calls of app.mjs: the password, then the authenticator code
    const first = await api.anonymous("POST", "/auth/sign-in", { email: user.email, password: options.password });
    if (first.status !== "totp-required") throw new Error(user.email + ": the sign-in answered " + JSON.stringify(first));
    const answer = await api.anonymous("POST", "/auth/sign-in/totp", { email: user.email, session: first.session,
      code: totp(secrets[user.email]) });
    sessions[key] = sessionFrom(answer, null);
  }
  return sessions;
}

// ---------------------------------------------------------------------------------------------
// The checks per role

const nl = translator(LANG);
const ticketHash = token => routeHash({ name: "ticket", token });
/** Every row of the table of class tableClass (tbody) has text in the given columns (0-based). */
function filledCells(p, tableClass, columns, what) {
  const table = p.find(n => n.tag === "table" && classes(n).includes(tableClass))[0];
  p.expect(table, "the table " + what);
  const rows = findAll(table, n => n.tag === "tr").filter(r => r.children.every(c => c.tag === "td"));
  p.expect(rows.length > 0, "rows in the table " + what);
  for (const row of rows) {
    for (const column of columns) {
      p.expect(row.children[column] && textOf(row.children[column]).trim(), "column " + column + " of " + what + " filled in the row "
        + JSON.stringify(textOf(row)));
    }
  }
}

/** A ticket in a list, following "load more" (the list's cursor) until it shows or the list ends. */
async function listed(p, token) {
  const more = () => p.find(n => n.tag === "button" && n.attrs.id === "more").length > 0;
  while (!p.find(n => n.tag === "a" && n.attrs.href === ticketHash(token)).length && more()) {
    await p.press(nl("more"), "after loading more");
  }
  p.expectLink(ticketHash(token), "ticket " + token + " in the list");
  const row = p.find(n => n.tag === "tr" && findAll(n, a => a.tag === "a" && a.attrs.href === ticketHash(token)).length)[0];
  // customers: number, title, status, priority, updated; staff queues also the customer, the assignee and the next SLA deadline
  const staff = p.find(n => n.tag === "th").some(n => textOf(n) === nl("col.deadline"));
  p.expect(row.children.length === (staff ? 8 : 5) && row.children.every(c => textOf(c).trim()),
    (staff ? "number, title, customer, status, priority, assignee, next SLA deadline and updated of "
      : "number, title, status, priority and updated of ") + token + " (row: " + JSON.stringify(row.children.map(textOf)) + ")");
}

/** The ticket page as everyone sees it: title, facts, both SLA targets, the conversation, the reply form. */
function ticketBasics(p, { title, messages, staff }) {
  p.expect(p.find(n => n.tag === "h1").some(n => textOf(n).includes(title)), "the title " + JSON.stringify(title) + " as heading");
  p.expect(p.find(n => n.tag === "dl" && classes(n).includes("facts")).length >= 1, "the ticket's facts");
  p.expect(p.find(n => classes(n).includes("sla-response")).length === 1 && p.find(n => classes(n).includes("sla-resolution")).length === 1,
    "the SLA section's response and resolution targets (the answer's `sla`)");
  if (messages !== undefined) {
    const shown = p.find(n => n.tag === "li" && classes(n).includes("message")).length;
    p.expect(shown === messages, messages + " messages in the conversation (shown: " + shown + ")");
  }
  p.expect(p.find(n => n.tag === "section" && classes(n).includes("attachments")).length === 1, "the attachments section");
  p.expect(p.find(n => n.tag === "section" && classes(n).includes("triage")).length === (staff ? 1 : 0),
    staff ? "the triage section" : "no triage section for customers");
  p.expect(p.find(n => n.tag === "section" && classes(n).includes("audit")).length === (staff ? 1 : 0),
    staff ? "the audit trail" : "no audit trail for customers");
}

/** The value of a fact of the ticket (the first facts list: status, priority, reporter, ...) by its label's text key. */
function fact(p, key) {
  const facts = p.find(n => n.tag === "dl" && classes(n).includes("facts"))[0];
  if (!facts) throw new SmokeFailure("missing: the ticket's facts");
  const i = facts.children.findIndex(c => c.tag === "dt" && textOf(c) === nl(key));
  if (i < 0) throw new SmokeFailure("missing: the fact " + nl(key) + " (facts: " + textOf(facts) + ")");
  return textOf(facts.children[i + 1]);
}

function createdToken(page) {
  const hash = page.navigated[page.navigated.length - 1];
  const route = parseRoute(hash || "");
  if (route.name !== "ticket") throw new SmokeFailure("raising did not go on to the new ticket (navigated: " + JSON.stringify(page.navigated) + ")");
  return route.token;
}

/** A value for a request type's form field, by its kind. */
function answerFor(f) {
  switch (f.kind) {
    case "choice": return (f.options[0] || {}).value;
    case "checkbox": return true;
    case "number": return "2";
    case "date": return "2026-12-01";
    case "email": return "e2e@acme.example.test";
    default: return "[e2e] " + f.name;
  }
}

// ---------------------------------------------------------------------------------------------
// The reports pages: the demo data has last month's report for demo-acme and demo-bakkerij, made in the
// background at start, so the steps first wait (reading as the page would) until it is listed.

/** Last month on the Europe/Amsterdam clock (yyyy-mm): the month of the demo reports. */
function lastMonth(now = new Date()) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit" })
    .formatToParts(now).map(x => [x.type, x.value]));
  const previous = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 2, 1));
  return previous.toISOString().slice(0, 7);
}
const REPORT_MONTH = lastMonth();
/** "november 2026": the month in words, written here independently of the page; "Rapportage november 2026" its card. */
const reportMonthWords = new Intl.DateTimeFormat(LANG, { month: "long", year: "numeric", timeZone: "UTC" })
  .format(new Date(REPORT_MONTH + "-01T00:00:00Z"));
const reportName = nl("reports.card", { month: reportMonthWords });
const reportCard = n => n.tag === "article" && n.attrs["aria-labelledby"] === "report-" + REPORT_MONTH;

/** Until the report of REPORT_MONTH is listed at path (GET /reports or …/customers/{id}/reports), at most 45 s. */
async function reportListed(portal, path) {
  const deadline = Date.now() + 45_000;
  let last = null;
  while (Date.now() < deadline) {
    try {
      last = await portal.api.get(path);
      if ((last.reports || []).some(r => r.month === REPORT_MONTH)) return true;
    } catch (e) {
      last = e;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  failures.push("FAIL " + portal.user.key + ": the demo report of " + REPORT_MONTH + " was not listed at " + path + " within 45 s (last answer: "
    + clip(JSON.stringify(last && last.status ? { status: last.status, title: last.title, detail: last.detail } : last)) + ")");
  return false;
}

/** Presses the card's download and fetches the URL the page was sent to, as the browser would: a PDF, as an attachment. */
async function downloadReport(p, page) {
  await p.press(nl("reports.download") + " " + reportName, "after pressing download", reportCard);
  p.expect(page.opened.length === 1, "the download's presigned URL followed");
  const response = await fetch(page.opened[0]);
  const bytes = Buffer.from(await response.arrayBuffer());
  const disposition = response.headers.get("content-disposition") || "";
  p.expect(response.status === 200 && bytes.subarray(0, 5).toString("latin1") === "%PDF-" && /attachment/i.test(disposition),
    "a PDF as an attachment at the presigned URL (GET " + page.opened[0] + " → " + response.status + ", " + bytes.length + " bytes, "
    + "Content-Disposition " + JSON.stringify(disposition) + ")");
  page.opened.length = 0;
}

/** Ilse's Rapportages and her sharing switch: on for Jan to see and download them, then off again (the demo's setting). */
async function reports(jan, ilse) {
  if (!(await reportListed(ilse, "/reports"))) return;
  let switchedOn = false;
  await step(ilse, "#/reports", "Rapportages: last month's report, its download, the mail preference; users may see them", async (p, page) => {
    p.expect(p.find(reportCard).length === 1, "the card of " + reportName);
    p.expectText(reportName, "the month in words");
    await downloadReport(p, page);
    p.expectLink("#/account", "the link to the e-mail preferences");
    const toggle = p.byId("f-sharing.usersSee");
    p.expect(toggle, "the switch " + nl("reports.sharing.label"));
    if (toggle.attrs.checked !== true) {
      await p.tick("f-sharing.usersSee", true);
      p.notice(nl("reports.sharing.on"));
    }
    p.expect(p.byId("f-sharing.usersSee").attrs.checked === true, "the switch on");
    switchedOn = true;
  });
  if (!switchedOn) return;
  await step(jan, "#/reports", "Rapportages as a user his organisation lets see them: the list and a download", async (p, page) => {
    p.expect(p.find(reportCard).length === 1, "the card of " + reportName);
    p.expect(!p.byId("f-sharing.usersSee"), "no switch for a user");
    await downloadReport(p, page);
  });
  await step(ilse, "#/reports", "the reports back to administrators only", async p => {
    await p.tick("f-sharing.usersSee", false);
    p.notice(nl("reports.sharing.off"));
    p.expect(p.byId("f-sharing.usersSee").attrs.checked === false, "the switch off");
  });
}

// ---------------------------------------------------------------------------------------------
// The invoices pages: the demo data has last month's final invoice of demo-acme (open) and of demo-bakkerij (paid).

const invoiceRow = n => n.tag === "tr" && classes(n).includes("invoice-row");

/** Presses an invoice's PDF and fetches the URL the page was sent to, as the browser would: a PDF. */
async function downloadInvoice(p, page, number) {
  await p.press(nl("invoices.pdf") + " " + nl("invoices.pdfOf", { number }), "after pressing PDF");
  p.expect(page.opened.length === 1, "the PDF's presigned URL followed");
  const response = await fetch(page.opened[0]);
  const bytes = Buffer.from(await response.arrayBuffer());
  p.expect(response.status === 200 && bytes.subarray(0, 5).toString("latin1") === "%PDF-",
    "a PDF at the presigned URL (GET " + page.opened[0] + " → " + response.status + ", " + bytes.length + " bytes)");
  page.opened.length = 0;
}

/** The first final invoice of a table of the page (class open-invoices or settled-invoices): {id, number}, or null. */
function firstInvoice(p, tableClass) {
  const table = p.find(n => n.tag === "table" && classes(n).includes(tableClass))[0];
  p.expect(table, "the table " + tableClass);
  const link = findAll(findAll(table, invoiceRow)[0] || { children: [] }, n => n.tag === "a")[0];
  p.expect(link, "an invoice in the table " + tableClass);
  const route = parseRoute(link.attrs.href);
  return { id: route.invoiceId, number: textOf(link), hash: link.attrs.href };
}

/** Ilse's Facturen and an invoice; Sem reads a customer's; Petra saves the details, drafts, finalises, moves, credits, deletes. */
async function invoices(ilse, sem, petra, run) {
  let own = null;
  await step(ilse, "#/invoices", "Facturen: last month's invoice open, its PDF", async (p, page) => {
    own = firstInvoice(p, "open-invoices");
    for (const row of p.find(invoiceRow)) {
      p.expect(findAll(row, n => n.tag === "td").every(td => textOf(td).trim()), "every cell of " + JSON.stringify(textOf(row)) + " filled in");
    }
    await downloadInvoice(p, page, own.number);
  });
  if (own) {
    await step(ilse, own.hash, "an invoice: its lines and the VAT per rate", async (p, page) => {
      p.expect(textOf(p.find(n => n.tag === "h1")[0]) === nl("invoices.title.invoice", { number: own.number }), "the invoice's number");
      p.expect(p.find(n => classes(n).includes("invoice-lines-table")).length === 1, "the lines");
      p.expect(p.find(n => classes(n).includes("vat-rates")).length === 1, "the VAT per rate");
      await downloadInvoice(p, page, own.number);
    });
  }
  const customerInvoices = routeHash({ name: "customer-invoices", id: CUSTOMER });
  const profile = routeHash({ name: "customer-invoice-profile", id: CUSTOMER });
  await step(sem, routeHash({ name: "customer", id: CUSTOMER }), "the customer's page links its invoices", async p => p.expectLink(customerInvoices));
  let seen = null;
  await step(sem, customerInvoices, "a customer's invoices, read only: downloads, no form", async (p, page) => {
    seen = firstInvoice(p, "open-invoices");
    p.expect(p.find(n => n.tag === "form").length === 0, "no form for an agent");
    p.expect(p.find(n => n.tag === "button").every(b => textOf(b).startsWith(nl("invoices.pdf"))), "only PDF buttons for an agent");
    p.expectLink(profile, "the link to the invoicing details");
    await downloadInvoice(p, page, seen.number);
  });
  if (seen) {
    await step(sem, seen.hash, "a customer's invoice, read only", async p => {
      p.expect(p.find(n => classes(n).includes("invoice-actions")).length === 0, "no actions for an agent");
      p.expect(p.find(n => classes(n).includes("invoice-lines-table")).length === 1, "the lines with their source");
    });
  }
  await step(sem, profile, "the invoicing details, read only", async p => p.expect(p.find(n => n.tag === "form").length === 0, "no form"));

  await step(petra, profile, "the invoicing details saved as they are", async p => {
    await p.submit("f-profile.vatRate", "after saving the invoicing details");
    p.notice(nl("invoices.profile.saved"));
  });
  const { from, to } = monthOf(todayOf({}));
  const description = "[e2e] Installatie " + run;
  const draft = async (p, page) => {
    p.type("f-draft.from", from);
    p.type("f-draft.to", to);
    await p.press(nl("invoices.line.add"), "after adding a line");
    p.type("f-draft.lines.r1.description", description);
    p.type("f-draft.lines.r1.quantity", "2");
    p.type("f-draft.lines.r1.unitPrice", "86,63");
    await p.submit("f-draft.from", "after making the draft");
    const route = parseRoute(page.navigated[page.navigated.length - 1] || "");
    p.expect(route.name === "customer-invoice" && route.id === CUSTOMER, "on to the new draft (navigated: " + JSON.stringify(page.navigated) + ")");
    return routeHash(route);
  };
  let made = null;
  await step(petra, customerInvoices, "a draft of this month with a line of its own", async (p, page) => { made = await draft(p, page); });
  let credit = null;
  if (made) {
    await step(petra, made, "the draft: its line edited, finalised, collected, paid, then credited", async (p, page) => {
      p.expectText(description, "the typed line");
      await p.press(nl("invoices.editLines"), "after opening the lines");
      p.expect(p.value("f-edit.lines.r1.unitPrice") === "86,63", "the typed line's price in the form");
      p.type("f-edit.lines.r1.unitPrice", "90");
      await p.submit("f-edit.lines.r1.unitPrice", "after saving the lines");
      p.notice(nl("invoices.edit.saved"));
      p.expectText(euros("180.00", LANG), "the line's new amount");
      await p.press(nl("invoices.finalise"), "after asking to finalise");
      await p.press(nl("invoices.finalise.yes"), "after finalising");
      const number = textOf(p.find(n => n.tag === "dd" && classes(n).includes("number"))[0] || { children: [] });
      p.expect(/^\d{4}-\d{5}$/.test(number), "the invoice's number (is: " + JSON.stringify(number) + ")");
      p.notice(nl("invoices.finalised", { number }));
      await downloadInvoice(p, page, number);
      await p.press(nl("invoices.move.collected"), "after the direct debit");
      p.notice(nl("invoices.moved", { number, status: nl("invoices.status.in-collection") }));
      await p.press(nl("invoices.move.paid"), "after the payment");
      p.notice(nl("invoices.moved", { number, status: nl("invoices.status.paid") }));
      await p.press(nl("invoices.credit"), "after asking to credit");
      await p.press(nl("invoices.credit.yes"), "after crediting");
      const route = parseRoute(page.navigated[page.navigated.length - 1] || "");
      p.expect(route.name === "customer-invoice", "on to the credit invoice (navigated: " + JSON.stringify(page.navigated) + ")");
      credit = { hash: routeHash(route), of: number };
    });
  }
  if (credit) {
    await step(petra, credit.hash, "the credit invoice names the invoice it credits", async p => {
      p.expect(textOf(p.find(n => n.tag === "h1")[0]).startsWith(nl("invoices.title.credit", { number: "" })), "a credit invoice");
      const credits = p.find(n => n.tag === "dd" && classes(n).includes("credits"))[0];
      p.expect(credits && textOf(credits) === credit.of, "the invoice it credits");
    });
  }
  let again = null;
  await step(petra, customerInvoices, "the credited month drafted again", async (p, page) => { again = await draft(p, page); });
  if (again) {
    await step(petra, again, "the draft deleted after a confirmation", async (p, page) => {
      await p.press(nl("invoices.discard"), "after asking to delete");
      await p.press(nl("invoices.discard.yes"), "after deleting");
      p.expect(page.navigated[page.navigated.length - 1] === customerInvoices, "back to the customer's invoices");
    });
  }
}

/**
 * The knowledge base and the status page (issue 19), read only: signed out on the /public/… routes (the demo data's
 * categories, a public article with its body and share link, a search, the status page with its past notice), Jan signed
 * in on the /kb/… twins, and Petra's management pages (articles, categories, statistics, notices).
 */
async function knowledge(visitor, jan, petra) {
  const firstLink = (p, pattern) => (p.find(n => n.tag === "a" && pattern.test(n.attrs.href || ""))[0] || { attrs: {} }).attrs.href;
  let category = null;
  let article = null;
  await step(visitor, "#/kb", "signed out: the knowledge base's categories with their counts", async p => {
    category = firstLink(p, /^#\/kb\/c\//);
    p.expect(category, "a category with public articles");
    p.expectLink("#/status", "the status page linked");
  });
  if (category) {
    await step(visitor, category, "signed out: a category's articles with summary, date and reader band", async p => {
      article = firstLink(p, /^#\/kb\/a\//);
      p.expect(article, "a public article");
      p.expect(p.find(n => classes(n).includes("kb-band")).length > 0, "the reader band in words");
    });
  }
  if (article) {
    await step(visitor, article, "signed out: a public article, its body, its share link copied", async (p, page) => {
      p.expect(p.find(n => classes(n).includes("kb-body")).length === 1, "the article's body");
      p.expect(String(p.value("f-kb-share-url")).startsWith(page.ctx.origin + "/#/kb/a/"), "an absolute share link");
      await p.press(nl("kb.share.copy"), "after copying the link");
      p.expect(page.copied.length === 1, "the link copied");
    });
    await step(jan, article, "signed in: the article by its id on GET /kb/articles/{articleId}");
  }
  await step(visitor, "#/kb/search?q=wachtwoord", "signed out: a search on GET /public/kb/search");
  await step(visitor, "#/status", "signed out: the status page with the demo's past notice, no customer named", async p => {
    p.expect(p.find(n => n.tag === "article" && classes(n).includes("kb-notice")).length > 0, "a notice");
    p.expect(!p.text().includes(nl("notice.affects")), "never the customers a notice affects");
  });
  await step(jan, "#/kb", "signed in: the categories Jan may read");
  await step(jan, "#/kb/search?q=outlook", "signed in: a search on GET /kb/search");
  await step(jan, "#/status", "signed in: the status page");
  for (const hash of ["#/admin/kb", "#/admin/notices"]) {
    await step(jan, hash, "no access to the management pages, and no request", async p => p.expectText(nl("kb.admin.staffOnly")));
  }
  await step(petra, "#/admin/kb", "the articles with state, visibility, reads and helpful", async p => {
    p.expect(p.find(n => n.tag === "tbody").length === 1, "the articles' table");
  });
  await step(petra, "#/admin/kb/categories", "the categories with a form each");
  await step(petra, "#/admin/kb/stats", "the statistics per article");
  await step(petra, "#/admin/notices", "the notices: current and past with the customers they affect, the new-notice form", async p => {
    p.expect(p.find(n => n.tag === "article" && classes(n).includes("kb-notice")).length > 0, "the demo's past notice");
  });
}

async function customerUser(jan, run) {
  const made = {};
  await step(jan, "#/tickets", "my tickets list the demo tickets", async p => {
    for (const token of [OUTLOOK, PRINTER, ACCESS]) await listed(p, token);
  });
  await step(jan, "#/", "the dashboard: his open tickets and those waiting for him; what his organisation keeps to admins hidden", async p => {
    const shown = p.find(n => n.tag === "section" && classes(n).includes("dash-card")).map(c => classes(c).find(k => k.startsWith("dash-") && k !== "dash-card").slice(5));
    dashboardCards(p, shown, "Jan's dashboard");
    p.expect(shown[0] === "open-tickets" && shown[1] === "waiting", "his tickets first (shown: " + shown.join(", ") + ")");
    p.expect(shown.every(id => ["open-tickets", "waiting", "hour-bundles", "subscriptions", "reports"].includes(id)), "a customer user's widgets");
  }, { refusals: hiddenForUsers });
  await step(jan, "#/tickets?view=shared", "shared with me");
  await step(jan, ticketHash(OUTLOOK), "a demo ticket: facts, SLA, two public messages, no note", async p => {
    ticketBasics(p, { title: "Outlook start niet op na de update", messages: 2 });
    p.expect(!p.text().includes("invoegtoepassing"), "no internal note for a customer");
  });
  await step(jan, routeHash({ name: "resolution", token: PRINTER }), "the resolution page of a resolved ticket", async p => {
    p.expectText("invoerrol", "the solution");
    p.expect(p.find(n => n.tag === "button" && textOf(n) === nl("accept")).length === 1, "the accept button");
  });
  const title = "[e2e] Monitor flikkert " + run;
  await step(jan, "#/tickets/new", "raise an incident through the new-ticket form", async (p, page) => {
    const categories = p.options("f-category").filter(o => o.value);
    p.expect(categories.length > 0, "the catalogue's categories in the form");
    await p.choose("f-type", "incident");
    await p.choose("f-category", categories.find(o => o.value === "workplace") ? "workplace" : categories[0].value);
    await p.choose("f-priority", "high");
    p.type("f-title", title);
    p.type("f-description", "Het tweede scherm flikkert sinds vanochtend. (portal e2e)");
    await p.submit("f-title", "after submitting");
    made.ticket = createdToken(page);
  });
  if (made.ticket) {
    await step(jan, ticketHash(made.ticket), "the new ticket: reply, upload and download an attachment", async (p, page) => {
      ticketBasics(p, { title, messages: 0 });
      p.type("f-body", "Ook na een herstart flikkert het. (e2e)");
      await p.submit("f-body", "after sending a reply");
      p.notice(nl("replySent"));
      p.expectText("Ook na een herstart flikkert het.", "the reply in the conversation");
      const content = "e2e log " + run + "\n";
      await p.chooseFile("f-file", new File([content], "e2e-scherm.log", { type: "" }));
      await p.submit("f-file", "after uploading an attachment");
      p.expectText(nl("work.attach.added", { name: "e2e-scherm.log" }), "the upload's notice");
      p.expect(p.find(n => classes(n).includes("file-name") && textOf(n) === "e2e-scherm.log").length >= 1, "the attachment in the list");
      await p.press(nl("work.attach.download") + " e2e-scherm.log", "after pressing download");
      p.expect(page.opened.length === 1, "a download link followed");
      const download = await fetch(page.opened[0]);
      const body = await download.text();
      p.expect(download.status === 200 && body === content, "the downloaded file as uploaded (GET " + page.opened[0] + " → "
        + download.status + " " + clip(body, 200) + ")");
    });
  }
  await step(jan, "#/sla", "the own SLA tier and the calendar", async p => {
    p.expect(p.find(n => n.tag === "table" && classes(n).includes("sla-table")).length === 1, "one tier table (the own tier)");
    p.expectText(nl("sla.ownTier", { tier: labelOf(nl, "tier.", "zilver") }), "Acme's tier Zilver");
    p.expect(p.find(n => n.tag === "table" && classes(n).includes("sla-hours")).length === 1, "the business hours");
    p.expect(p.find(n => n.tag === "button").length === 0, "no edit buttons");
  });
  await step(jan, "#/account", "the account; a display name changed and restored", async p => {
    p.expectText("jan@acme.example.test", "the e-mail address");
    p.expectText(nl("acct.role.customer-user"), "the role");
    p.expectText(CUSTOMER, "the organisation");
    const before = p.value("f-profile.displayName");
    p.expect(before === "Jan Jansen", "the display name Jan Jansen in the form (is: " + before + ")");
    p.type("f-profile.displayName", "Jan Jansen (e2e)");
    await p.submit("f-profile.displayName", "after saving a new display name");
    p.notice(nl("acct.profile.saved"));
    p.expect(p.value("f-profile.displayName") === "Jan Jansen (e2e)", "the saved display name in the form");
    p.type("f-profile.displayName", before);
    await p.submit("f-profile.displayName", "after restoring the display name");
    p.notice(nl("acct.profile.saved"));
    p.expect(p.value("f-profile.displayName") === before, "the display name restored");
  });
  for (const hash of ["#/organisation", "#/admin/customers", "#/admin/staff"]) {
    await step(jan, hash, "no access, and no request", async p => {
      p.expectText(nl("admin.notAllowed"));
    });
  }
  return made;
}

async function decideAndFollowUp(jan, made, run) {
  await step(jan, ticketHash(made.ticket), "the agent's answer, not his note", async p => {
    p.expectText("welk merk scherm", "the agent's public reply");
    p.expect(!p.text().includes("kabel vervangen"), "no internal note for the customer");
    p.expect(fact(p, "col.status") === nl("status.resolved"), "the status resolved");
  });
  await step(jan, routeHash({ name: "resolution", token: made.ticket }), "accept the solution", async p => {
    p.expectText("Kabel vervangen; het scherm is weer rustig.", "the solution");
    await p.press(nl("accept"), "after accepting");
    p.notice(nl("accepted"));
  });
  await step(jan, ticketHash(made.ticket), "the closed ticket links to a follow-up", async p => {
    p.expect(fact(p, "col.status") === nl("status.closed"), "the status closed");
    p.expectLink(routeHash({ name: "new", followUpOf: made.ticket }));
  });
  let followUp = null;
  await step(jan, routeHash({ name: "new", followUpOf: made.ticket }), "raise a follow-up of the closed ticket", async (p, page) => {
    p.expectText("[e2e] Monitor flikkert", "the closed ticket's title");
    p.type("f-title", "[e2e] Scherm flikkert opnieuw " + run);
    p.type("f-description", "Het is terug. (e2e)");
    await p.submit("f-title", "after submitting");
    followUp = createdToken(page);
  });
  if (followUp) {
    await step(jan, ticketHash(followUp), "the follow-up names the earlier ticket", async p => {
      p.expect(fact(p, "work.followUp.of") === "#" + made.ticket.split("-").pop(), "the earlier ticket's number");
      p.expectLink(ticketHash(made.ticket));
    });
  }
}

async function customerAdmin(ilse, made, run) {
  for (const view of ["mine", "shared", "organisation", "approvals"]) {
    await step(ilse, "#/tickets?view=" + view, "the " + view + " view", async p => {
      if (view === "organisation") for (const token of [OUTLOOK, PRINTER, ACCESS, made.ticket].filter(Boolean)) await listed(p, token);
      if (view === "approvals") await listed(p, ACCESS);
      if (view === "shared") await listed(p, OUTLOOK);
    });
  }
  await step(ilse, "#/hours", "her hour bundles: meters, an ordered one, the forecast", async p => {
    p.expect(p.find(n => n.tag === "meter").length >= 2, "a meter per active bundle");
    p.expectText("Besteld", "the ordered bundle");
  });
  await step(ilse, "#/time-registrations", "the time registrations of this month, with totals and both exports", async p => {
    p.expectText("PDF", "the PDF export");
  });
  await step(ilse, "#/subscriptions", "the organisation's subscriptions", async p => {
    p.expectText("Microsoft 365 Business Premium", "the demo subscription");
  });
  await step(ilse, "#/", "the dashboard: the seven widgets of a customer admin, the approval waiting, open invoices", async p => {
    const cards = dashboardCards(p, ["open-tickets", "approvals", "waiting", "hour-bundles", "subscriptions", "invoices", "reports"],
      "Ilse's dashboard");
    p.expect(findAll(cards.approvals, n => n.tag === "a" && n.attrs.href === ticketHash(ACCESS)).length === 1, "the demo request to approve");
    p.expect(findAll(cards["hour-bundles"], n => n.tag === "li").length >= 2, "her active and ordered bundles");
  });
  await step(ilse, "#/account", "Dashboardinstellingen: invoices and reports off, saved; the dashboard follows; switched on again", async p => {
    p.tick("f-dashboard.invoices", false);
    p.tick("f-dashboard.reports", false);
    await p.submit("f-dashboard.invoices", "after saving the dashboard settings");
    p.notice(nl("acct.dashboard.saved"));
    const fewer = await ilse.open("#/");
    await idle();
    const ids = findAll(screenOf(fewer), n => n.tag === "section" && classes(n).includes("dash-card")).map(c => classes(c)[1]);
    p.expect(!ids.includes("dash-invoices") && !ids.includes("dash-reports") && ids.includes("dash-approvals"),
      "the dashboard without invoices and reports (shown: " + ids.join(", ") + ")");
    p.tick("f-dashboard.invoices", true);
    p.tick("f-dashboard.reports", true);
    await p.submit("f-dashboard.invoices", "after switching them on again");
    p.notice(nl("acct.dashboard.saved"));
  });
  await step(ilse, ticketHash(ACCESS), "a service request waiting for her approval", async p => {
    ticketBasics(p, { title: "Toegang tot de map Financiën" });
    p.expect(p.find(n => n.tag === "h2" && n.attrs.id === "approval-heading").length === 1, "the approval section");
    p.expect(p.find(n => n.tag === "button" && textOf(n) === nl("approve")).length === 1, "the approve button");
    p.expectText("fileserver", "the request's answers");
  });
  await step(ilse, ticketHash(OUTLOOK), "a ticket she is involved in, named from the organisation's people", async p => {
    ticketBasics(p, { title: "Outlook start niet op na de update", messages: 2 });
    p.expect(p.find(n => classes(n).includes("person") && textOf(n) === "Ilse Timmer").length === 1, "Ilse by name among the involved");
  });
  if (made.ticket) {
    await step(ilse, ticketHash(made.ticket), "involve herself in Jan's new ticket", async p => {
      const me = p.options("f-involvedPick").find(o => o.label.includes(USERS.ilse.email));
      p.expect(me, "herself among the people to involve (" + p.options("f-involvedPick").map(o => o.label).join(", ") + ")");
      await p.choose("f-involvedPick", me.value);
      await p.press(nl("work.involved.addButton"));
      await p.press(nl("work.involved.save"), "after saving the involved persons");
      p.notice(nl("work.involved.saved"));
      p.expect(p.find(n => classes(n).includes("person") && textOf(n) === "Ilse Timmer").length === 1, "Ilse among the involved");
    });
  }
  const catalogue = await ilse.api.get("/catalogue");
  let decided = 0;
  for (const requestType of catalogue.requestTypes.filter(r => r.active)) {
    let token = null;
    await step(ilse, "#/tickets/new", "raise the service request " + requestType.id + " with its form's answers", async (p, page) => {
      await p.choose("f-type", "service-request");
      await p.choose("f-requestType", requestType.id);
      p.expect(p.value("f-category") === requestType.category, "the request type's category chosen");
      for (const f of requestType.form.fields) {
        const value = answerFor(f);
        if (f.kind === "choice") await p.choose("f-answers." + f.name, value);
        else if (f.kind === "checkbox") await p.tick("f-answers." + f.name, value);
        else p.type("f-answers." + f.name, value);
      }
      p.type("f-title", "[e2e] " + requestType.id + " " + run);
      p.type("f-description", "Aangevraagd door de portal e2e.");
      await p.submit("f-title", "after submitting");
      token = createdToken(page);
    });
    if (!token) continue;
    await step(ilse, ticketHash(token), "the service request " + requestType.id + " and its answers as typed", async p => {
      ticketBasics(p, { title: "[e2e] " + requestType.id });
      const lists = p.find(n => n.tag === "dl" && classes(n).includes("facts"));
      p.expect(lists.length === 2, "the answers after the facts");
      const shown = {};
      lists[1].children.forEach((c, i) => { if (c.tag === "dt") shown[textOf(c)] = textOf(lists[1].children[i + 1]); });
      for (const f of requestType.form.fields) {
        const label = localized(f.label, LANG);
        const value = answerFor(f);
        const expected = f.kind === "choice" ? localized(f.options.find(o => o.value === value).label, LANG)
          : f.kind === "checkbox" ? nl("yes") : String(value);
        p.expect(shown[label] === expected, "the answer " + f.name + " (" + f.kind + ") as " + JSON.stringify(expected)
          + ", shown: " + JSON.stringify(shown[label]));
      }
      if (decided < 2 && p.find(n => n.attrs.id === "approval-heading").length) {
        if (decided++ === 0) {
          await p.press(nl("approve"), "after approving");
          p.notice(nl("approvedDone"));
          p.expect(fact(p, "detail.approval") === nl("approval.approved"), "the approval approved");
        } else {
          p.type("f-reason", "Niet nodig dit kwartaal. (e2e)");
          await p.submit("f-reason", "after rejecting the request");
          p.notice(nl("approvalRejectedDone"));
          p.expect(fact(p, "detail.approval") === nl("approval.rejected"), "the approval rejected");
        }
      }
    });
  }
  await step(ilse, "#/sla", "the own tier and the calendar", async p => {
    p.expect(p.find(n => n.tag === "table" && classes(n).includes("sla-table")).length === 1, "one tier table");
  });
  await step(ilse, "#/sla/compliance", "the organisation's compliance this month", async p => {
    await p.submit("f-compliance.month", "after asking for this month");
    const table = p.find(n => n.tag === "table" && classes(n).includes("compliance"));
    p.expect(table.length === 1 && findAll(table[0], n => n.tag === "tr").length === 3, "response and resolution rows");
  });
  await step(ilse, "#/account", "the account", async p => {
    p.expectText(nl("acct.role.customer-admin"), "the role");
    p.expect(p.byId("f-profile.displayName"), "the profile form");
  });
  await step(ilse, "#/organisation", "the organisation's people", async p => {
    filledCells(p, "users", [0, 1, 2, 3, 4], "of users");
    p.expectText("jan@acme.example.test", "Jan");
    p.expectText("it@acme.example.test", "herself");
    const buttonsOf = email => findAll(p.find(n => n.tag === "tr" && textOf(n).includes(email))[0] || { children: [] },
      n => n.tag === "button" && textOf(n) === nl("admin.users.deactivate")).length;
    p.expect(buttonsOf(USERS.jan.email) === 1 && buttonsOf(USERS.ilse.email) === 0, "deactivate for Jan, not for herself");
  });
  await step(ilse, "#/admin/customers", "no access to the provider's pages", async p => p.expectText(nl("admin.notAllowed")));
}

async function agent(sem, made, run) {
  for (const status of ["new", "open", "waiting-for-customer", "resolved", "closed"]) {
    await step(sem, "#/tickets?view=status&status=" + status, "the queue " + status, async p => {
      if (status === "new" && made.ticket) await listed(p, made.ticket);
      if (status === "open") await listed(p, OUTLOOK);
      if (status === "resolved") await listed(p, PRINTER);
    });
  }
  await step(sem, "#/sla/compliance", "a customer's compliance, chosen from the customers", async p => {
    await p.press(nl("sla.compliance.loadCustomers"), "after loading the customers");
    await p.choose("f-compliance.customer", CUSTOMER);
    await p.submit("f-compliance.month", "after asking for Acme's month");
    p.expect(p.find(n => n.tag === "table" && classes(n).includes("compliance")).length === 1, "the figures");
  });
  await step(sem, ticketHash(OUTLOOK), "a demo ticket as staff: the note, the audit trail, names", async p => {
    ticketBasics(p, { title: "Outlook start niet op na de update", messages: 3, staff: true });
    p.expect(p.find(n => classes(n).includes("internal-label")).length >= 1, "the internal note marked");
    p.expect(p.find(n => classes(n).includes("person") && textOf(n) === "Ilse Timmer").length === 1, "Ilse by name among the involved");
    p.expect(p.find(n => n.tag === "table" && classes(n).includes("audit-trail")).length === 1, "the audit entries");
    p.expect(!p.text().includes(nl("work.involved.unknown")), "nobody unknown (the directories name everyone)");
  });
  if (made.ticket) {
    await step(sem, ticketHash(made.ticket), "triage: assign to me, a priority; a public reply and an internal note", async p => {
      ticketBasics(p, { title: "[e2e] Monitor flikkert", staff: true });
      await p.press(nl("work.triage.assignToMe"), "after assign to me");
      p.notice(nl("work.triage.assignedToMe"));
      p.expect(fact(p, "work.triage.assignee") === nl("work.triage.me", { name: USERS.sem.name }), "the assignee: himself, by name");
      await p.choose("f-priority", "critical");
      await p.submit("f-priority", "after saving the triage");
      p.notice(nl("work.triage.saved"));
      p.expect(p.value("f-priority") === "critical", "the priority critical");
      p.type("f-body", "We kijken ernaar; welk merk scherm is het? (e2e)");
      await p.submit("f-body", "after a public reply");
      p.notice(nl("replySent"));
      p.type("f-body", "Intern: kabel vervangen proberen (e2e).");
      await p.press(nl("note.add"), "after adding an internal note");
      p.notice(nl("noteAdded"));
      p.expect(fact(p, "col.status") === nl("status.open"), "the status open after the first answer");
      p.type("f-transition", "Kabel vervangen; het scherm is weer rustig. (e2e)");
      await p.press(nl("action.resolve"), "after resolving");
      p.notice(nl("statusChanged", { status: nl("status.resolved") }));
    });
  }
  await step(sem, "#/tickets?view=assignee", "assigned to me", async p => {
    if (made.ticket) await listed(p, made.ticket);
  });
  await step(sem, "#/tickets/new", "raise a ticket on Jan's behalf", async (p, page) => {
    await p.choose("f-customerId", CUSTOMER);
    const jan = p.options("f-reporterId").find(o => o.label.includes(USERS.jan.email));
    p.expect(jan, "Jan among the reporters (" + p.options("f-reporterId").map(o => o.label).join(", ") + ")");
    await p.choose("f-reporterId", jan.value);
    await p.choose("f-source", "phone");
    await p.choose("f-type", "question");
    await p.choose("f-category", p.options("f-category").find(o => o.value).value);
    p.type("f-title", "[e2e] Telefonische vraag " + run);
    p.type("f-description", "Jan belde: hoe deel ik een agenda? (e2e)");
    await p.submit("f-title", "after raising on Jan's behalf");
    made.onBehalf = createdToken(page);
  });
  if (made.onBehalf) {
    await step(sem, ticketHash(made.onBehalf), "the ticket raised on Jan's behalf", async p => {
      ticketBasics(p, { title: "[e2e] Telefonische vraag", staff: true });
      p.expect(fact(p, "detail.reporter") === USERS.jan.name, "Jan as reporter");
      p.expect(fact(p, "work.source.label") === nl("work.source.phone"), "the source phone");
      for (const [action, status] of [["open", "open"], ["wait-for-customer", "waiting-for-customer"], ["resume", "open"]]) {
        await p.press(nl("action." + action), "after " + action);
        p.notice(nl("statusChanged", { status: nl("status." + status) }));
        p.expect(fact(p, "col.status") === nl("status." + status), "the status " + status);
      }
      p.type("f-transition", "Uitgelegd hoe een agenda gedeeld wordt. (e2e)");
      await p.press(nl("action.resolve"), "after resolving");
      p.notice(nl("statusChanged", { status: nl("status.resolved") }));
    });
  }
  await step(sem, "#/sla", "every tier, no forms", async p => {
    p.expect(p.find(n => n.tag === "table" && classes(n).includes("sla-table")).length === 4, "four tier tables");
    p.expect(p.find(n => n.tag === "button").length === 0, "no edit buttons for an agent");
  });
  const dashboardMark = exchanges.length;
  await step(sem, "#/", "the dashboard: assigned to him, waiting for him, the SLA at risk in one read plus the queues' breaches", async p => {
    const cards = dashboardCards(p, ["open-tickets", "waiting", "sla-at-risk"], "Sem's dashboard");
    const sent = exchanges.slice(dashboardMark).map(x => x.path);
    p.expect(sent.includes("/sla/at-risk?hours=8"), "the SLA at risk read once (sent: " + sent.join(", ") + ")");
    p.expect(!sent.some(path => /^\/tickets\/[^?]/.test(path)), "no ticket read one by one (sent: " + sent.join(", ") + ")");
    p.expect(findAll(cards["sla-at-risk"], n => n.tag === "a" && n.attrs.href === "#/sla/at-risk?hours=8").length === 1,
      "the card links to the SLA at risk page");
  });
  await step(sem, "#/sla/at-risk?hours=168", "the SLA at risk of the next week, then of Acme only", async p => {
    p.expect(p.find(n => classes(n).includes("risk-summary")).length === 1, "the summary of the window");
    const rows = p.find(n => n.tag === "table" && classes(n).includes("risk-table")).flatMap(t => findAll(t, n => n.tag === "tr").slice(1));
    for (const row of rows) {
      p.expect(findAll(row, n => n.tag === "a" && /^#\/tickets\//.test(n.attrs.href)).length === 1, "each row links its ticket");
      p.expect(findAll(row, n => classes(n).includes("badge")).length === 2, "priority and state as badges");
    }
    await p.choose("f-risk.customer", CUSTOMER);
    await p.submit("f-risk.customer", "after asking for Acme's week");
    p.expect(p.find(n => classes(n).includes("risk-summary")).map(textOf).join("").includes("Acme"), "the summary names Acme");
  });
  await step(sem, "#/account", "the account", async p => p.expectText(nl("acct.role.provider-agent"), "the role"));
  await step(sem, "#/admin/customers", "the customers, read only", async p => {
    filledCells(p, "customers", [0, 1, 2, 3, 4], "of customers");
    p.expectLink(routeHash({ name: "customer", id: CUSTOMER }));
    p.expectLink(routeHash({ name: "customer", id: "demo-bakkerij" }));
  });
  await step(sem, routeHash({ name: "customer", id: CUSTOMER }), "a customer and its users, read only", async p => {
    p.expectText("Acme Installatietechniek B.V.");
    p.expectText("jan@acme.example.test");
    filledCells(p, "users", [0, 1, 2, 3, 4], "of the customer's users");
    p.expect(p.find(n => n.tag === "button").length === 0, "no buttons for an agent");
  });
  await step(sem, routeHash({ name: "customer", id: CUSTOMER }), "the customer's page links its reports", async p => {
    p.expectLink(routeHash({ name: "customer-reports", id: CUSTOMER }));
  });
  if (await reportListed(sem, "/customers/" + CUSTOMER + "/reports")) {
    await step(sem, routeHash({ name: "customer-reports", id: CUSTOMER }), "a customer's reports: download, no regenerate", async (p, page) => {
      p.expect(p.find(reportCard).length === 1, "the card of " + reportName);
      p.expect(p.find(n => n.tag === "button" && textOf(n).startsWith(nl("reports.regenerate"))).length === 0, "no regenerate for an agent");
      await downloadReport(p, page);
    });
  }
  await step(sem, "#/admin/staff", "no access to the staff page", async p => p.expectText(nl("admin.notAllowed")));
}

let slaLowBefore = null;

async function providerAdmin(petra, made, run) {
  await step(petra, "#/tickets", "the default queue (new)");
  if (made.ticket) {
    await step(petra, ticketHash(made.ticket), "the worked ticket: assignee and audit named", async p => {
      ticketBasics(p, { title: "[e2e] Monitor flikkert", staff: true });
      p.expect(fact(p, "work.triage.assignee") === USERS.sem.name, "Sem as assignee, by name");
      p.expect(fact(p, "col.priority") === nl("priority.critical"), "the priority Sem set");
      p.expect(!p.text().includes(nl("work.involved.unknown")), "nobody unknown");
    });
  }
  await step(petra, "#/sla", "edit an SLA tier, then restore it", async p => {
    const tier = "koper";
    const name = labelOf(nl, "tier.", tier);
    const cell = "f-tier-" + tier + ".targets[3].resolutionHours";
    await p.press(nl("sla.edit.tier", { tier: name }));
    const before = p.value(cell);
    p.expect(/^\d+$/.test(before), "the low priority's resolution hours in the form (is: " + before + ")");
    slaLowBefore = nl("sla.hours.other", { n: Number(before) });
    p.type(cell, String(Number(before) + 1));
    await p.submit(cell, "after saving the tier");
    p.notice(nl("sla.tierSaved", { tier: name }));
    p.expectText(nl("sla.hours.other", { n: Number(before) + 1 }), "the new hours in the table");
    await p.press(nl("sla.edit.tier", { tier: name }));
    p.expect(p.value(cell) === String(Number(before) + 1), "the form shows the saved value");
    p.type(cell, before);
    await p.submit(cell, "after restoring the tier");
    p.notice(nl("sla.tierSaved", { tier: name }));
  });
  await step(petra, "#/sla", "the tier as it was", async p => {
    const table = p.find(n => n.tag === "table" && textOf(n).startsWith(nl("sla.tableCaption", { tier: labelOf(nl, "tier.", "koper") })))[0];
    p.expect(table, "the table of Koper");
    const low = findAll(table, n => n.tag === "tr" && n.children[0] && textOf(n.children[0]) === nl("priority.low"))[0];
    p.expect(low && textOf(low.children[2]) === slaLowBefore, "Koper's low resolution back at " + slaLowBefore);
  });
  await step(petra, "#/sla", "the calendar saved as it is", async p => {
    const calendar = () => textOf(p.find(n => n.tag === "section" && classes(n).includes("sla-calendar"))[0]);
    const before = calendar();
    await p.press(nl("sla.edit.calendar"));
    await p.submit("f-cal.holidays.goodFriday", "after saving the calendar");
    p.notice(nl("sla.calendarSaved"));
    p.expect(calendar().startsWith(before.slice(0, before.indexOf(nl("sla.edit.calendar")))), "the calendar as it was");
  });
  await step(petra, "#/", "the dashboard of a provider admin", async p => {
    dashboardCards(p, ["open-tickets", "waiting", "sla-at-risk"], "Petra's dashboard");
  });
  await step(petra, "#/account", "the account", async p => p.expectText(nl("acct.role.provider-admin"), "the role"));
  await step(petra, "#/admin/pending-users", "the linking queue");
  await step(petra, "#/admin/customers", "the customers", async p => {
    p.expectLink(routeHash({ name: "customer", id: CUSTOMER }));
    p.expectLink(routeHash({ name: "new-customer" }));
  });
  await step(petra, routeHash({ name: "customer-hours", id: CUSTOMER }), "a customer's hour bundles and billing settings", async p => {
    p.expect(p.find(n => n.tag === "meter").length >= 2, "the customer's active bundles");
  });
  if (await reportListed(petra, "/customers/demo-bakkerij/reports")) {
    await step(petra, routeHash({ name: "customer-reports", id: "demo-bakkerij" }), "a customer's report made again", async p => {
      const card = p.find(reportCard)[0];
      p.expect(card, "the card of " + reportName);
      const version = Number(textOf(findAll(card, n => n.tag === "dd" && classes(n).includes("version"))[0] || { children: [] }));
      p.expect(version >= 1, "the report's version (is: " + version + ")");
      await p.press(nl("reports.regenerate") + " " + reportName, "after asking to regenerate", reportCard);
      await p.press(nl("reports.regenerate.yes"), "after confirming", reportCard);
      p.notice(nl("reports.regenerate.accepted", { version: version + 1, month: reportMonthWords }));
      p.expectText(nl("reports.making", { version: version + 1 }), "the card says the new version is being made");
    });
  }
  await step(petra, routeHash({ name: "customer", id: CUSTOMER }), "a customer with the admin's actions", async p => {
    p.expectText("storing@acme.example.test", "the on-call address");
    p.expect(p.find(n => n.tag === "button" && textOf(n) === nl("admin.customer.change")).length === 1, "change");
    for (const user of [USERS.jan, USERS.ilse]) {
      p.expect(findAll(p.find(n => n.tag === "tr" && textOf(n).includes(user.email))[0] || { children: [] },
        n => n.tag === "button" && textOf(n) === nl("admin.users.changeRole")).length === 1, "a role change for " + user.email);
    }
    await p.press(nl("admin.customer.change"));
    p.expect(p.value("f-name") === "Acme Installatietechniek B.V.", "the customer's name in the form");
    await p.submit("f-name", "after saving the customer as it is");
    p.notice(nl("admin.customer.saved"));
    p.expectText("storing@acme.example.test", "the on-call address kept");
  });
  await step(petra, "#/admin/customers/new", "the new-customer form", async p => p.expect(p.byId("f-emailDomains"), "the domains field"));
  await step(petra, "#/admin/staff", "the staff; a new agent created, then deactivated", async p => {
    p.expectText(USERS.sem.email);
    p.expectText(USERS.petra.email);
    filledCells(p, "users", [0, 1, 2, 3, 4], "of staff");
    const email = "e2e-" + run + "@provider.example.test";
    p.type("f-email", email);
    p.type("f-firstName", "Eddy");
    p.type("f-lastName", "Tweede");
    await p.choose("f-role", "provider-agent");
    await p.submit("f-email", "after creating a staff account");
    p.notice(nl("admin.staff.created", { name: "Eddy Tweede", email }));
    const row = n => n.tag === "tr" && textOf(n).includes(email);
    p.expect(p.find(row).length === 1, "the new colleague in the list");
    await p.press(nl("admin.users.deactivate"), "after asking to deactivate", row);
    await p.press(nl("admin.users.deactivate"), "after confirming the deactivation", row);
    p.notice(nl("admin.users.deactivated", { name: "Eddy Tweede" }));
    p.expect(textOf(p.find(row)[0]).includes(nl("admin.users.inactive")), "the colleague shown as deactivated");
  });
}

/**
 * A newcomer: signs up on #/sign-up, confirms with the code (read from the local cloud's state, standing in
 * for the mailbox), signs in with the password (app.mjs's call), is asked to enrol TOTP first (the QR code
 * read from the API's SVG), then waits to be linked. Answers the newcomer's portal, or null.
 */
async function newcomer(pub, run, opts) {
  const email = "e2e-" + run + "@acme.example.test";
  const password = "Tulpen-Veld-2026!e2e";
  let confirmed = false;
  await step(pub, "#/sign-up", "sign a new address up and confirm it", async (p, page) => {
    p.type("f-email", email);
    p.type("f-firstName", "Eva");
    p.type("f-lastName", "Tweede");
    p.type("f-newPassword", password);
    p.type("f-repeat", password);
    await p.submit("f-email", "after signing up");
    p.expect(p.find(n => n.tag === "h1" && textOf(n) === nl("auth.confirm.heading")).length === 1, "the code step");
    if (!opts.state) return;
    const code = confirmationCode(opts.state, email);
    p.expect(code, "the confirmation code of " + email + " in " + opts.state + "/cognito");
    p.type("f-code", code);
    await p.submit("f-code", "after confirming the code");
    const back = page.navigated[page.navigated.length - 1];
    p.expect(back && back.signIn === "auth.confirm.done" && back.address === email, "back to the sign-in with the address filled in");
    confirmed = true;
  });
  await step(pub, "#/forgot-password", "the forgotten-password form", async p => p.expect(p.byId("f-email"), "the e-mail field"));
  if (!confirmed) return null;

  let portal = null;
  const started = exchanges.length;
  try {
    // her browser's cookie jar: the session cookie of the sign-in renews her token after enrolment and linking
    const jar = cookieJar();
    const api = createApi({ fetch: recordingFetch(opts.gateway, jar), language: () => LANG, session: () => null, setSession: () => {} });
    const answer = await api.anonymous("POST", "/auth/sign-in", { email, password });
    if (answer.status !== "signed-in" || !answer.idToken) throw new SmokeFailure("the sign-in answered " + clip(JSON.stringify(answer)));
    const session = sessionFrom(answer, null);
    if (session.role !== "none" || session.mfa) throw new SmokeFailure("a new sign-up's token says role " + session.role + ", kp_mfa " + session.mfa);
    portal = portalFor({ key: "eva", role: "newcomer", email }, session, opts.gateway, jar);
    passed.push("the newcomer's sign-in");
    console.log("ok   " + "eva (newcomer)".padEnd(30) + " " + "(sign-in)".padEnd(36) + " signed in with the password, not enrolled");
  } catch (e) {
    failures.push("FAIL eva (newcomer) signing in — " + (e.message || e) + "\n    " + exchanges.slice(started).map(describe).join("\n    "));
    return null;
  }
  await step(portal, "#/tickets", "MFA enrolment first: the key, the QR code from the API's SVG, the code", async p => {
    p.expect(p.find(n => n.tag === "h1" && textOf(n) === nl("acct.mfa.heading")).length === 1, "the enrolment page");
    await p.press(nl("acct.mfa.start"), "after asking for the key");
    p.expect(p.find(n => n.tag === "table" && classes(n).includes("qr")).length === 1,
      "the QR code read from the API's qrCodeSvg (the page says: " + JSON.stringify(p.text().includes(nl("acct.mfa.noQr")) ? nl("acct.mfa.noQr") : "") + ")");
    const uri = textOf(p.byId("otpauth-uri") || { children: [] });
    const secret = /[?&]secret=([A-Z2-7]+)/.exec(uri);
    p.expect(secret, "the otpauth:// URI with the secret (is: " + uri + ")");
    p.expect(textOf(p.byId("totp-secret")).replace(/\s/g, "") === secret[1], "the key as text, the URI's secret");
    p.type("f-code", totp(secret[1]));
    await p.submit("f-code", "after verifying the code");
    p.expect(portal.session().mfa === true, "a renewed token with kp_mfa (the session says mfa " + portal.session().mfa + ")");
  });
  await step(portal, "#/tickets", "waiting to be linked: since when, until when", async p => {
    p.expect(p.find(n => n.tag === "h1" && textOf(n) === nl("acct.pending.heading")).length === 1, "the waiting page");
    p.expect(p.find(n => n.tag === "time").length === 1, "the time by which it should be linked (GET /me pendingSince)");
  });
  return portal;
}

async function linkNewcomer(petra, eva) {
  await step(petra, "#/admin/pending-users", "link the newcomer to the suggested customer", async p => {
    const row = n => n.tag === "tr" && textOf(n).includes(eva.user.email);
    await listedUser(p, row);
    p.expectText(nl("admin.pending.suggested", { customer: "Acme Installatietechniek B.V." }), "the suggestion by the e-mail domain");
    await p.press(nl("admin.pending.link"), "after linking", row);
    p.notice(nl("admin.pending.linkedDone", { name: "Eva Tweede", customer: "Acme Installatietechniek B.V.",
      role: nl("acct.role.customer-user") }));
  });
}

async function linkedNewcomer(eva) {
  await step(eva, "#/tickets", "check again: linked", async p => {
    await p.press(nl("acct.pending.check"), "after checking again");
    p.expect(eva.session().role === "customer-user", "the renewed token's role customer-user (is " + eva.session().role + ")");
  });
  await step(eva, "#/tickets", "her own (empty) ticket list", async p => {
    p.expect(p.find(n => n.tag === "h1" && textOf(n) === nl("view.mine")).length === 1, "the list of her tickets");
    p.expectText(nl("noTickets"));
  });
}

/** A row of the linking queue, following "load more". */
async function listedUser(p, row) {
  while (!p.find(row).length && p.find(n => n.tag === "button" && textOf(n) === nl("more")).length) {
    await p.press(nl("more"), "after loading more");
  }
  p.expect(p.find(row).length === 1, "the newcomer in the queue");
}

// ---------------------------------------------------------------------------------------------

let current = "starting";

export async function main(argv = process.argv.slice(2), env = process.env) {
  const opts = options(argv, env);
  process.on("unhandledRejection", e => {
    failures.push("FAIL " + current + ": a page's work failed outside its own handling\n    " + ((e && e.stack) || e));
  });
  const run = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  console.log("Portal e2e against " + opts.gateway);
  await staticFiles(opts.gateway);
  let sessions;
  try {
    sessions = await signIn(opts);
  } catch (e) {
    console.log("FAIL signing in: " + e.message + "\n    " + exchanges.map(describe).join("\n    "));
    return 1;
  }
  const portals = {};
  for (const [key, session] of Object.entries(sessions)) {
    const user = { ...USERS[key], key };
    if (session.role !== user.role || !session.mfa) {
      failures.push("FAIL " + key + ": the ID token says role " + session.role + ", kp_mfa " + session.mfa + "; expected " + user.role + ", true");
    }
    portals[key] = portalFor(user, session, opts.gateway);
  }
  const made = await customerUser(portals.jan, run);
  await customerAdmin(portals.ilse, made, run);
  await reports(portals.jan, portals.ilse);
  await agent(portals.sem, made, run);
  const eva = await newcomer(publicPortal(opts.gateway), run, opts);
  await providerAdmin(portals.petra, made, run);
  await invoices(portals.ilse, portals.sem, portals.petra, run);
  await knowledge(publicPortal(opts.gateway), portals.jan, portals.petra);
  if (eva) {
    await linkNewcomer(portals.petra, eva);
    await linkedNewcomer(eva);
  }
  if (made.ticket) await decideAndFollowUp(portals.jan, made, run);
  if (made.onBehalf) {
    await step(portals.jan, routeHash({ name: "resolution", token: made.onBehalf }), "reject a solution, with a reason", async p => {
      p.expectText("Uitgelegd hoe een agenda gedeeld wordt.", "the solution");
      p.type("f-message", "Het lukt nog steeds niet. (e2e)");
      await p.submit("f-message", "after rejecting");
      p.notice(nl("rejected"));
    });
  }

  if (opts.log) writeFileSync(opts.log, exchanges.map(x => JSON.stringify(x)).join("\n") + "\n");
  console.log("\n" + passed.length + " passed, " + failures.length + " failed; " + exchanges.length + " requests");
  if (failures.length) {
    console.log("\n" + failures.join("\n\n"));
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(code => { process.exitCode = code; }, e => {
    console.error((e && e.stack) || e);
    process.exitCode = 2;
  });
}
