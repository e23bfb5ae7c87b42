#!/usr/bin/env node
// The portal in a real browser: Debian's chromium, driven by puppeteer-core (which never downloads a browser of
// its own), against a running local cloud (infrastructure/local) with its demo data. BrowserIT runs it; by hand:
//
//   node portal/e2e/browser.mjs --gateway http://127.0.0.1:3000 --state .local [--screenshots DIR] [--chromium PATH]
//
// --gateway URL      the local cloud's gateway (the portal and the API on one origin, as StaticSite serves portal/);
// --state DIR        the local cloud's state folder: the demo accounts' TOTP secrets (demo-accounts.properties) and
//                    cognito-local's pool, which stands in for the mailbox of a new sign-up's confirmation code;
// --screenshots DIR  where each page's screenshots go (default: target/browser-screenshots in the working folder);
// --chromium PATH    the browser (default: env KP_CHROMIUM, else chromium or chromium-browser on the PATH);
// --only A,B         only these journeys (checks, newcomer, customer admin, agent, accepting, keyboard only, more pages,
//                    two tabs), by hand while working on a page; BrowserIT runs them all.
//
// The journeys, each user in a browser context of their own, with the mouse unless said otherwise:
//  - a newcomer signs up, confirms the e-mailed code, signs in, enrols TOTP with a code computed from the key the
//    page shows, and waits; the provider admin links her; she checks again and raises her first ticket with an
//    attachment;
//  - the customer admin sees her organisation and approves a service request;
//  - the agent triages the newcomer's ticket (assigns himself, a priority), replies, logs time and resolves it;
//  - the newcomer accepts the solution;
//  - keyboard only (Tab, Shift+Tab, typing, an arrow key in a select, and Enter; no mouse): a customer user signs in,
//    raises a ticket, replies to it and accepts the solution of another; the focused element must show a visible
//    focus ring;
//  - the other pages of the customer admin, the agent and the provider admin (their dashboards #/ first: the customer
//    admin's seven cards each loaded; an invoice followed from a list among them), and the forgotten-password page;
//  - two tabs of one browser: a sign-out in one shows the sign-in screen in the other at once.
// First the checks below find a planted problem of each kind (their failure twin).
// On every page visited: axe-core finds no serious or critical violation; at 375 px wide nothing overflows
// horizontally; the console shows no error (a failed load, a CSP refusal, an uncaught exception). Each page is
// kept as a screenshot at 1280 px and at 375 px; the files are listed in the output.
// Exit code 1 on any failure, with what failed; the last line is "N passed, N failed".

import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

import puppeteer from "puppeteer-core";

import { translator } from "../i18n.mjs";
import { properties, totp } from "./smoke.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const nl = translator("nl");
const DEMO_PASSWORD = "Demo-Klantportaal-2026!";
const USERS = {
  jan: "jan@acme.example.test",
  ilse: "it@acme.example.test",
  sem: "servicedesk@provider.example.test",
  petra: "beheer@provider.example.test"
};
const ACCESS = "demo-acme-3";   // a service request waiting for Ilse's approval
const PRINTER = "demo-acme-2";  // Jan's resolved ticket, waiting for his decision
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 375, height: 740 };

// ---------------------------------------------------------------------------------------------
// Arguments and the browser

const USAGE = "usage: browser.mjs --gateway URL --state DIR [--screenshots DIR] [--chromium PATH] [--only JOURNEY,...]";

function options(argv) {
  const out = { screenshots: resolve("target/browser-screenshots"), chromium: process.env.KP_CHROMIUM || "" };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, "");
    if (!["gateway", "state", "screenshots", "chromium", "only"].includes(name) || argv[i + 1] === undefined) {
      throw new Error(USAGE + "; unknown: " + argv[i]);
    }
    out[name] = argv[++i];
  }
  if (!out.gateway || !out.state) throw new Error(USAGE);
  out.gateway = out.gateway.replace(/\/+$/, "");
  return out;
}

/** The chromium binary, or an error that says how to get one (the tests never skip). */
export function findChromium(given, path = process.env.PATH || "") {
  const candidates = given ? [given] : ["chromium", "chromium-browser"];
  const runnable = file => {
    try { accessSync(file, constants.X_OK); return true; } catch { return false; }
  };
  for (const name of candidates) {
    if (name.includes("/")) {
      if (runnable(name)) return name;
      continue;
    }
    const found = path.split(":").filter(Boolean).map(dir => join(dir, name)).find(runnable);
    if (found) return found;
  }
  throw new Error("no chromium found (tried " + candidates.join(", ") + (given ? "" : " on the PATH") + "). The browser tests need Debian's chromium: "
    + "`./klantportaal test` installs it when it runs as root with apt-get (scripts/browser-tests.sh); otherwise run "
    + "`apt-get install -y chromium`, or set KP_CHROMIUM to a Chromium binary.");
}

// ---------------------------------------------------------------------------------------------
// Results

const passed = [];
const failures = [];
const screenshots = [];
let audited = 0;
let opts;

class JourneyFailure extends Error {}

function check(condition, what) {
  if (!condition) throw new JourneyFailure(what);
}

// ---------------------------------------------------------------------------------------------
// A user's tab: one browser context each (their own memory session), console errors recorded

async function userTab(browser, key, besideTab = null) {
  // besideTab: another tab of the same browser context (the same cookies), as a user opens a second tab
  const context = besideTab ? besideTab.page.browserContext() : await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(WIDE);
  const tab = { key, page, errors: [], visited: 0 };
  // On every page load the shell asks POST /auth/refresh for the session of its HttpOnly cookie; without one the API
  // answers 401, which is "signed out", not a failure (the browser still logs the status to the console).
  const noSession = (status, url) => status === 401 && url === opts.gateway + "/auth/refresh";
  page.on("console", message => {
    const at = message.location() && message.location().url;
    if (message.type() === "error" && noSession(401, at) && message.text().includes("401")) return;
    if (message.type() === "error") {
      const where = message.location() && message.location().url ? " (" + message.location().url + ")" : "";
      tab.errors.push("console: " + message.text() + where);
    }
  });
  page.on("pageerror", error => tab.errors.push("uncaught: " + ((error && error.message) || error)));
  page.on("requestfailed", request => {
    const failure = request.failure();
    // a request that was answered and whose body the page did not read (a 204, an upload's PUT) ends "aborted"
    if (failure && failure.errorText === "net::ERR_ABORTED" && request.response()) return;
    tab.errors.push("request failed: " + request.method() + " " + request.url() + " " + (failure ? failure.errorText : ""));
  });
  page.on("response", response => {
    if (noSession(response.status(), response.url())) return;
    if (response.status() >= 400) tab.errors.push("HTTP " + response.status() + ": " + response.request().method() + " " + response.url());
  });
  return tab;
}

/** Until no request has been under way for a moment (a form's work, the reload after it). */
async function settle(page) {
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 20_000 });
}

async function waitForText(page, text, timeout = 15_000) {
  try {
    await page.waitForFunction(t => document.body.innerText.includes(t), { timeout }, text);
  } catch {
    const shown = await page.evaluate(() => document.body.innerText);
    throw new JourneyFailure("the page never showed " + JSON.stringify(text) + "; it shows:\n      "
      + shown.replace(/\s+/g, " ").slice(0, 900));
  }
}

async function waitForHeading(page, text) {
  try {
    await page.waitForFunction(t => [...document.querySelectorAll("h1")].some(h => h.offsetParent !== null && h.textContent.includes(t)),
      { timeout: 15_000 }, text);
  } catch {
    const headings = await page.evaluate(() => [...document.querySelectorAll("h1")].filter(h => h.offsetParent !== null).map(h => h.textContent));
    throw new JourneyFailure("no heading " + JSON.stringify(text) + " (headings shown: " + JSON.stringify(headings) + ")");
  }
}

/** Clicks the one visible button whose text is label (within: a CSS selector of the part of the page that holds it). */
async function press(page, label, within = "body") {
  const found = await page.evaluate((l, w) => {
    const buttons = [...document.querySelectorAll(w + " button")].filter(b => b.offsetParent !== null && b.textContent.trim() === l);
    buttons.forEach((b, i) => b.setAttribute("data-press", String(i)));
    return buttons.length;
  }, label, within);
  check(found === 1, "expected one button " + JSON.stringify(label) + " in " + within + ", found " + found);
  await page.click("[data-press='0']");
  await settle(page);
}

async function fill(page, selector, value) {
  await page.waitForSelector(selector, { visible: true, timeout: 15_000 });
  await page.$eval(selector, e => { e.value = ""; });
  await page.type(selector, value);
}

async function submitFormOf(page, selector) {
  await page.$eval(selector, e => e.form.requestSubmit());
  await settle(page);
}

async function noticeShows(page, text) {
  await waitForText(page, text);
  const notices = await page.$$eval(".notice", ns => ns.map(n => n.textContent));
  check(notices.some(n => n.includes(text)), "the notice " + JSON.stringify(text) + " (notices: " + JSON.stringify(notices) + ")");
}

// ---------------------------------------------------------------------------------------------
// The checks on every page: axe-core, 375 px, the console; screenshots at both widths

/** What axe finds of impact serious or critical, as lines. */
async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === "object");
  if (!loaded) await page.evaluate(AXE);   // through the debugging protocol: the page's CSP stays as it is
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + (n.failureSummary ? " — " + n.failureSummary.replace(/\s+/g, " ") : ""))
    }));
  });
  return result.map(v => "axe " + v.impact + " " + v.id + ": " + v.help + "\n        " + v.nodes.join("\n        "));
}

/** What sticks out of a 375 px wide window: the page's scroll width, and the widest elements. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const one = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string"
      ? "." + e.className.trim().split(/\s+/).join(".") : "");
    const describe = e => (e.parentElement ? one(e.parentElement) + " > " : "") + one(e)
      + (e.textContent ? " " + JSON.stringify(e.textContent.trim().slice(0, 30)) : "");
    const wide = [...document.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > width + 1)
      .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1).slice(0, 6)
      .map(e => describe(e) + " (right edge " + Math.round(e.getBoundingClientRect().right) + " px)");
    return ["at 375 px the page is " + document.documentElement.scrollWidth + " px wide: " + wide.join(", ")];
  });
}

function fileName(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
}

/**
 * The checks of the page the tab shows now, named title: axe at 1280 px and at 375 px, the overflow at 375 px, the console since
 * the last check; the two screenshots. A problem is a failure of its own, the journey goes on.
 */
async function audit(tab, title) {
  const { page } = tab;
  await settle(page);
  const n = String(++audited).padStart(2, "0");
  const base = join(opts.screenshots, n + "-" + tab.key + "-" + fileName(title));
  const problems = [];
  problems.push(...await axeViolations(page));
  await page.screenshot({ path: base + ".png", fullPage: true });
  await page.setViewport(NARROW);
  await new Promise(r => setTimeout(r, 100));
  problems.push(...await overflow(page));
  problems.push(...(await axeViolations(page)).map(v => "at 375 px: " + v));
  await page.screenshot({ path: base + "-375.png", fullPage: true });
  await page.setViewport(WIDE);
  screenshots.push(base + ".png", base + "-375.png");
  problems.push(...tab.errors.splice(0));
  const what = tab.key + ": " + title + " (" + page.url().replace(opts.gateway, "") + ")";
  if (problems.length) {
    failures.push("FAIL page " + what + "\n      " + problems.join("\n      "));
    console.log("FAIL page " + what);
  } else {
    passed.push("page " + what);
    console.log("ok   page " + what);
  }
}

/** One step of a journey: its failure is recorded with a screenshot, and ends the journey (later steps need it). */
async function step(tab, title, work) {
  try {
    await work();
    passed.push(tab.key + ": " + title);
    console.log("ok   " + tab.key + ": " + title);
  } catch (e) {
    const shot = join(opts.screenshots, "failed-" + tab.key + "-" + fileName(title) + ".png");
    try { await tab.page.screenshot({ path: shot, fullPage: true }); screenshots.push(shot); } catch { /* the page is gone */ }
    const errors = tab.errors.length ? "\n      console: " + tab.errors.join("\n      ") : "";
    failures.push("FAIL " + tab.key + ": " + title + "\n      " + (e instanceof JourneyFailure ? e.message : (e && e.stack) || e) + errors);
    console.log("FAIL " + tab.key + ": " + title);
    throw new JourneyFailure("stopped");
  }
}

async function journey(name, work) {
  if (opts.only && !opts.only.split(",").includes(name)) return;
  try {
    await work();
  } catch (e) {
    if (!(e instanceof JourneyFailure)) failures.push("FAIL the journey " + name + ": " + ((e && e.stack) || e));
    console.log("     (the journey " + name + " stopped there)");
  }
}

/**
 * The checks' own failure twin: on the sign-in page, a planted nameless button (axe: button-name, critical), a
 * 600 px wide block and a console error must each be found; then the page is loaded again, clean.
 */
async function checksFindPlantedProblems(browser) {
  const tab = await userTab(browser, "checks");
  await step(tab, "the checks find a planted nameless button, a 600 px block and a console error", async () => {
    await open(tab, "#/tickets");
    await tab.page.evaluate(() => {
      const main = document.querySelector("main");
      main.appendChild(document.createElement("button"));
      const wide = document.createElement("div");
      wide.setAttribute("data-planted", "");
      wide.textContent = "planted";
      wide.style.width = "600px";   // through the debugging protocol: the page's CSP does not apply
      main.appendChild(wide);
      console.error("planted console error");
    });
    const axe = await axeViolations(tab.page);
    await tab.page.setViewport(NARROW);
    const wide = await overflow(tab.page);
    await tab.page.setViewport(WIDE);
    check(axe.some(v => v.includes("button-name")), "axe names the nameless button (found: " + JSON.stringify(axe) + ")");
    check(wide.length === 1 && wide[0].includes("div"), "the 600 px block at 375 px (found: " + JSON.stringify(wide) + ")");
    check(tab.errors.some(e => e.includes("planted console error")), "the console error (found: " + JSON.stringify(tab.errors) + ")");
    tab.errors.splice(0);
    await tab.page.reload({ waitUntil: "networkidle0" });
    await audit(tab, "sign-in, clean again");
  });
}

// ---------------------------------------------------------------------------------------------
// Signing in with the mouse: the password, then the authenticator code

/**
 * Opens a route: a new tab loads the portal; a tab that shows it already follows the hash (the same document, so
 * the session in memory stays, as when a user follows a link).
 */
async function open(tab, hash) {
  const { page } = tab;
  if (!page.url().startsWith(opts.gateway + "/")) {
    await page.goto(opts.gateway + "/" + hash, { waitUntil: "networkidle0" });
    return;
  }
  // the same hash again: through a route without a page ("not found" reads nothing), so the route is opened anew
  if (await page.evaluate(() => location.hash) === hash) await page.evaluate(() => { location.hash = "#/-"; });
  await page.evaluate(h => { location.hash = h; }, hash);
  await settle(page);
}

/** The sign-in screen of the shell, in Dutch (the language chosen as a user would, when the browser's is another). */
async function signIn(tab, email, password, code) {
  const { page } = tab;
  await page.waitForSelector("#password-form", { visible: true, timeout: 15_000 });
  if (await page.$eval("#lang", s => s.value) !== "nl") await page.select("#lang", "nl");
  await fill(page, "#email", email);
  await fill(page, "#password", password);
  await page.click("#password-form button");
  if (code === undefined) return;
  await page.waitForSelector("#totp-form", { visible: true, timeout: 15_000 });
  await fill(page, "#code", typeof code === "function" ? code() : code);
  await page.click("#totp-form button");
  await page.waitForSelector("#signed-in", { visible: true, timeout: 15_000 });
  await settle(page);
}

function demoCode(email) {
  const secrets = properties(readFileSync(join(opts.state, "demo-accounts.properties"), "utf8"));
  check(secrets[email], "no TOTP secret of " + email + " in " + opts.state + "/demo-accounts.properties");
  return () => totp(secrets[email]);
}

async function demoUser(browser, key) {
  const tab = await userTab(browser, key);
  await step(tab, "signs in with the password and the authenticator code", async () => {
    await open(tab, "#/tickets");
    await audit(tab, "sign-in");
    await signIn(tab, USERS[key], DEMO_PASSWORD, demoCode(USERS[key]));
  });
  return tab;
}

/** The sign-up code cognito-local keeps for an address (its pool file under DIR/cognito): the mailbox's stand-in. */
function confirmationCode(email) {
  const pools = [];
  const walk = dir => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/^local_.*\.json$/.test(entry.name)) pools.push(join(dir, entry.name));
    }
  };
  walk(join(opts.state, "cognito"));
  for (const pool of pools) {
    const users = Object.values(JSON.parse(readFileSync(pool, "utf8")).Users || {});
    const user = users.find(u => (u.Attributes || []).some(a => a.Name === "email" && a.Value === email));
    if (user && user.ConfirmationCode) return user.ConfirmationCode;
  }
  return null;
}

const ticketToken = url => (/#\/tickets\/([^/?]+)$/.exec(url) || [])[1];

// ---------------------------------------------------------------------------------------------
// The journeys

async function newcomerSignsUp(browser, run) {
  const eva = await userTab(browser, "eva");
  // long on purpose: an address this long wraps at 375 px on every page that shows it, whatever letters the run id has
  const email = "eva.van.den.browser." + run + ".werkplek@acme.example.test";
  const password = "Browser-Test-9-" + run + "!";   // the rules: a digit, whatever the run id
  eva.email = email;
  await step(eva, "signs up and confirms the e-mailed code", async () => {
    await open(eva, "#/sign-up");
    await eva.page.select("#lang", "nl");
    await waitForHeading(eva.page, nl("auth.signUp.heading"));
    await audit(eva, "sign-up");
    await fill(eva.page, "#f-email", email);
    await fill(eva.page, "#f-firstName", "Eva");
    await fill(eva.page, "#f-lastName", "Browser");
    await fill(eva.page, "#f-newPassword", password);
    await fill(eva.page, "#f-repeat", password);
    await submitFormOf(eva.page, "#f-email");
    await waitForHeading(eva.page, nl("auth.confirm.heading"));
    await audit(eva, "confirm the e-mail address");
    const code = confirmationCode(email);
    check(code, "the confirmation code of " + email + " in " + opts.state + "/cognito");
    await fill(eva.page, "#f-code", code);
    await submitFormOf(eva.page, "#f-code");
    await eva.page.waitForSelector("#password-form", { visible: true, timeout: 15_000 });
    check(await eva.page.$eval("#email", e => e.value) === email, "the sign-in with her address filled in");
  });
  await step(eva, "signs in without TOTP yet", async () => {
    await signIn(eva, email, password);
    await waitForHeading(eva.page, nl("acct.mfa.heading"));
    await audit(eva, "MFA enrolment");
  });
  await step(eva, "reloads the page and is still signed in (the session cookie), which no script can read", async () => {
    // A password-only sign-in: locally the one whose refresh token cognito-local keeps (a TOTP challenge's it does not).
    await eva.page.reload({ waitUntil: "networkidle0" });
    await settle(eva.page);
    const lang = await eva.page.evaluate(() => document.documentElement.lang);
    await waitForHeading(eva.page, translator(lang)("acct.mfa.heading"));
    check(await eva.page.$eval("#sign-in", e => e.hidden), "no sign-in screen after the reload");
    check((await eva.page.$eval("#who", e => e.textContent)).includes(eva.email), "signed in as herself");
    const cookies = await eva.page.cookies(opts.gateway + "/auth/refresh");
    const session = cookies.find(c => c.name === "kp_session");
    check(session && session.httpOnly && session.secure && session.sameSite === "Strict" && session.path === "/auth",
      "the session cookie is HttpOnly, Secure, SameSite=Strict, Path=/auth (is " + JSON.stringify(session && { ...session,
        value: "…" }) + ")");
    check(await eva.page.evaluate(() => !document.cookie.includes("kp_session") && localStorage.length === 0
      && sessionStorage.length === 0 && !location.href.includes("eyJ")), "no script sees a token: not in document.cookie, "
      + "storage or the URL");
    await eva.page.select("#lang", "nl");
    await waitForHeading(eva.page, nl("acct.mfa.heading"));
  });
  await step(eva, "enrols TOTP with a code computed from the key shown", async () => {
    await press(eva.page, nl("acct.mfa.start"));
    await eva.page.waitForSelector("#totp-secret", { visible: true });
    const secret = (await eva.page.$eval("#totp-secret", e => e.textContent)).replace(/\s/g, "");
    check(/^[A-Z2-7]{16,}$/.test(secret), "a base32 key on the page (is " + JSON.stringify(secret) + ")");
    check(await eva.page.$("table.qr") !== null, "the QR code");
    await audit(eva, "MFA enrolment, the key");
    await fill(eva.page, "#f-code", totp(secret));
    await submitFormOf(eva.page, "#f-code");
    await waitForHeading(eva.page, nl("acct.pending.heading"));
    await audit(eva, "waiting to be linked");
  });
  return eva;
}

async function adminLinks(petra, eva) {
  await step(petra, "links the newcomer to Acme", async () => {
    await open(petra, "#/admin/pending-users");
    await waitForText(petra.page, eva.email);
    await audit(petra, "linking queue");
    const row = await petra.page.evaluate(email => {
      const rows = [...document.querySelectorAll("tr")].filter(r => r.textContent.includes(email));
      rows.forEach(r => r.setAttribute("data-newcomer", ""));
      return rows.length;
    }, eva.email);
    check(row === 1, "one row of " + eva.email + " in the queue (found " + row + ")");
    await press(petra.page, nl("admin.pending.link"), "tr[data-newcomer]");
    await waitForText(petra.page, "Eva Browser");
    await audit(petra, "linking queue, linked");
  });
}

async function newcomerRaisesFirstTicket(eva, run) {
  await step(eva, "checks again: linked, her empty ticket list", async () => {
    await press(eva.page, nl("acct.pending.check"));
    await waitForHeading(eva.page, nl("view.mine"));
    await audit(eva, "my tickets (empty)");
  });
  await step(eva, "raises her first ticket with a screenshot chosen on the form, then attaches a second file on the ticket", async () => {
    const { page } = eva;
    await page.click("a[href='#/tickets/new']");
    await page.waitForSelector("#f-title", { visible: true });
    await settle(page);
    await audit(eva, "new ticket");
    await page.select("#f-type", "incident");
    const category = await page.$$eval("#f-category option", os => os.map(o => o.value).filter(Boolean)[0]);
    await page.select("#f-category", category);
    await page.select("#f-priority", "high");
    eva.title = "[browser] Monitor flikkert " + run;
    await fill(page, "#f-title", eva.title);
    await fill(page, "#f-description", "Het tweede scherm flikkert sinds vanochtend. (browser test)");
    // the new-ticket form's own file field: added by the ticket page that opens, once the ticket exists
    const screenshot = join(opts.screenshots, "..", "browser-form-attachment.txt");
    writeFileSync(screenshot, "chosen on the new-ticket form " + run + "\n");
    const formInput = await page.$("#f-file");
    check(formInput, "the new-ticket form's file field");
    await formInput.uploadFile(screenshot);
    await submitFormOf(page, "#f-title");
    await page.waitForFunction(() => /#\/tickets\/[^/?]+$/.test(location.hash) && !location.hash.endsWith("/new"), { timeout: 15_000 });
    eva.ticket = ticketToken(page.url());
    await waitForHeading(page, eva.title);
    await noticeShows(page, nl("work.attach.added", { name: "browser-form-attachment.txt" }));
    const file = join(opts.screenshots, "..", "browser-attachment.txt");
    writeFileSync(file, "browser test " + run + "\n");
    const input = await page.$("#f-file");
    check(input, "the file field of the attachments");
    await input.uploadFile(file);
    await submitFormOf(page, "#f-file");
    await noticeShows(page, nl("work.attach.added", { name: "browser-attachment.txt" }));
    await audit(eva, "her ticket with an attachment");
  });
}

async function customerAdminApproves(ilse) {
  await step(ilse, "sees her organisation", async () => {
    await open(ilse, "#/organisation");
    await waitForText(ilse.page, USERS.jan);
    await audit(ilse, "organisation");
    await open(ilse, "#/tickets?view=organisation");
    await waitForHeading(ilse.page, nl("view.organisation"));
    await audit(ilse, "the organisation's tickets");
    await open(ilse, "#/tickets?view=approvals");
    await waitForHeading(ilse.page, nl("view.approvals"));
    await audit(ilse, "approvals");
  });
  await step(ilse, "approves a service request", async () => {
    // the demo's service request (demo-acme-3) in a fresh local cloud; the first one waiting in any other
    const links = await ilse.page.$$eval("#app table a[href^='#/tickets/']", as => as.map(a => a.getAttribute("href")));
    check(links.length > 0, "a ticket waiting for her approval (a fresh local cloud has " + ACCESS + ")");
    const link = links.includes("#/tickets/" + ACCESS) ? "#/tickets/" + ACCESS : links[0];
    await ilse.page.click("a[href='" + link + "']");
    await ilse.page.waitForSelector("#approval-heading", { visible: true, timeout: 15_000 });
    await audit(ilse, "a service request to approve");
    await press(ilse.page, nl("approve"));
    await noticeShows(ilse.page, nl("approvedDone"));
    await audit(ilse, "the service request approved");
  });
}

async function agentWorks(sem, eva) {
  await step(sem, "finds the new ticket in the queue", async () => {
    await open(sem, "#/tickets?view=status&status=new");
    await settle(sem.page);
    await audit(sem, "queue new");
    await open(sem, "#/tickets/" + eva.ticket);
    await waitForHeading(sem.page, eva.title);
    await audit(sem, "the newcomer's ticket");
  });
  await step(sem, "triages: assigns himself, priority critical", async () => {
    await press(sem.page, nl("work.triage.assignToMe"));
    await noticeShows(sem.page, nl("work.triage.assignedToMe"));
    await sem.page.select(".triage #f-priority", "critical");
    await submitFormOf(sem.page, ".triage #f-priority");
    await noticeShows(sem.page, nl("work.triage.saved"));
  });
  await step(sem, "replies", async () => {
    await fill(sem.page, "#f-body", "We kijken ernaar; welk merk scherm is het? (browser test)");
    await submitFormOf(sem.page, "#f-body");
    await noticeShows(sem.page, nl("replySent"));
  });
  await step(sem, "logs time", async () => {
    await fill(sem.page, "#f-time\\.minutes", "30");
    await fill(sem.page, "#f-time\\.description", "Kabel gecontroleerd (browser test)");
    await submitFormOf(sem.page, "#f-time\\.minutes");
    await waitForText(sem.page, "De tijd is geregistreerd");
  });
  await step(sem, "resolves", async () => {
    await fill(sem.page, "#f-transition", "Kabel vervangen; het scherm is weer rustig. (browser test)");
    await press(sem.page, nl("action.resolve"));
    await noticeShows(sem.page, nl("statusChanged", { status: nl("status.resolved") }));
    await audit(sem, "the ticket worked and resolved");
  });
}

async function newcomerAccepts(eva) {
  await step(eva, "accepts the solution", async () => {
    await open(eva, "#/tickets/" + eva.ticket);
    await waitForHeading(eva.page, eva.title);
    await waitForText(eva.page, "welk merk scherm");
    await audit(eva, "her resolved ticket");
    await open(eva, "#/tickets/" + eva.ticket + "/resolution");
    await waitForText(eva.page, "Kabel vervangen; het scherm is weer rustig.");
    await audit(eva, "the resolution");
    await press(eva.page, nl("accept"));
    await noticeShows(eva.page, nl("accepted"));
    await audit(eva, "the solution accepted");
  });
}

/** The other pages of each role, opened from the address bar, for the checks every page gets. */
const MORE_PAGES = {
  ilse: ["#/", "#/hours", "#/time-registrations", "#/subscriptions", "#/reports", "#/invoices", "#/sla", "#/sla/compliance", "#/account",
    "#/kb", "#/status"],
  sem: ["#/", "#/tickets?view=assignee", "#/sla", "#/sla/at-risk?hours=168", "#/admin/customers", "#/admin/failing-addresses", "#/admin/held-mail",
    "#/admin/ratings", "#/admin/customers/demo-acme",
    "#/admin/customers/demo-acme/hours", "#/admin/customers/demo-acme/time-registrations", "#/admin/customers/demo-acme/invoices",
    "#/admin/customers/demo-acme/invoice-profile", "#/admin/catalogue"],
  petra: ["#/", "#/admin/staff", "#/admin/failing-addresses", "#/admin/held-mail", "#/admin/ratings", "#/admin/customers/demo-acme/subscriptions", "#/admin/customers/demo-acme/reports",
    "#/admin/customers/demo-acme/invoices", "#/admin/customers/demo-acme/invoice-profile", "#/sla",
    "#/admin/kb", "#/admin/kb/new", "#/admin/kb/categories", "#/admin/kb/stats", "#/admin/notices", "#/admin/catalogue",
    "#/admin/mail-routes"]
};

/** An invoice's page, followed from the first invoice of the list at hash (its id is the demo data's, not known here). */
async function firstInvoicePage(tab, hash) {
  await open(tab, hash);
  await tab.page.waitForSelector("#app table.open-invoices a", { visible: true, timeout: 15_000 });
  const number = await tab.page.$eval("#app table.open-invoices a", a => a.textContent);
  await tab.page.click("#app table.open-invoices a");
  await settle(tab.page);
  await waitForHeading(tab.page, number);
  const heading = await tab.page.$eval("#app h1", e => e.textContent);
  await audit(tab, heading);
}

async function morePages(tabs) {
  for (const [key, hashes] of Object.entries(MORE_PAGES)) {
    const tab = tabs[key];
    await step(tab, "opens " + hashes.join(", "), async () => {
      for (const hash of hashes) {
        await open(tab, hash);
        await tab.page.waitForSelector("#app h1", { visible: true, timeout: 15_000 });
        const heading = await tab.page.$eval("#app h1", e => e.textContent);
        await audit(tab, heading);
      }
    });
  }
  await step(tabs.ilse, "the dashboard: a card per widget of a customer admin, each loaded", async () => {
    await open(tabs.ilse, "#/");
    await tabs.ilse.page.waitForSelector("#app .dash-grid[aria-busy=false]", { timeout: 20_000 });
    const cards = await tabs.ilse.page.$$eval("#app .dash-card h2", hs => hs.map(h => h.textContent));
    check(cards.length === 7, "seven cards (found: " + JSON.stringify(cards) + ")");
    const failed = await tabs.ilse.page.$$eval("#app .dash-failed", ps => ps.map(p => p.textContent));
    check(failed.length === 0, "no card failed (found: " + JSON.stringify(failed) + ")");
  });
  await step(tabs.ilse, "opens an invoice from Facturen", () => firstInvoicePage(tabs.ilse, "#/invoices"));
  await step(tabs.petra, "opens an invoice of a customer, with the admin's actions", async () => {
    await firstInvoicePage(tabs.petra, "#/admin/customers/demo-acme/invoices");
    const buttons = await tabs.petra.page.$$eval("#app .invoice-actions button", bs => bs.map(b => b.textContent));
    check(buttons.includes(nl("invoices.move.paid")), "the admin's buttons on the open invoice (found: " + JSON.stringify(buttons) + ")");
  });
  const visitor = await userTab(tabs.browser, "visitor");
  await step(visitor, "opens the forgotten-password page", async () => {
    await open(visitor, "#/forgot-password");
    await visitor.page.select("#lang", "nl");
    await waitForHeading(visitor.page, nl("auth.forgot.heading"));
    await audit(visitor, "forgotten password");
  });
  // the knowledge base and the status page signed out (kb.mjs): the public routes, a category and its first article
  await step(visitor, "opens the knowledge base, a category, an article and the status page signed out", async () => {
    await open(visitor, "#/kb");
    await waitForHeading(visitor.page, nl("kb.heading"));
    await settle(visitor.page);
    await audit(visitor, "knowledge base");
    await visitor.page.click("#app .kb-categories a");
    await settle(visitor.page);
    await visitor.page.waitForSelector("#app .kb-list a", { visible: true, timeout: 15_000 });
    await audit(visitor, "knowledge base category");
    await visitor.page.click("#app .kb-list a");
    await visitor.page.waitForSelector("#app .kb-body", { visible: true, timeout: 15_000 });
    await settle(visitor.page);
    await audit(visitor, "knowledge base article");
    await open(visitor, "#/status");
    await waitForHeading(visitor.page, nl("statusPage.heading"));
    await settle(visitor.page);
    await audit(visitor, "status page");
  });
  // a one-click mail link, signed out: a damaged token (a character no token has) shows the "link does not work" page
  // without asking the API (a refused preview would log its 400 in the console)
  await step(visitor, "opens a damaged mail link signed out", async () => {
    await open(visitor, "#/mail-link/kapot!");
    await waitForHeading(visitor.page, nl("link.refused.heading.link-invalid"));
    await audit(visitor, "mail link invalid");
  });
}

// ---------------------------------------------------------------------------------------------
// Keyboard only: Tab (and Shift+Tab) to a control, type, Enter

/** Tabs until the focused element matches selector (at most max presses); the focus must be visible. */
async function tabTo(page, selector, max = 60, back = false) {
  for (let i = 0; i < max; i++) {
    if (back) {
      await page.keyboard.down("Shift");
      await page.keyboard.press("Tab");
      await page.keyboard.up("Shift");
    } else {
      await page.keyboard.press("Tab");
    }
    const at = await page.evaluate(s => {
      const e = document.activeElement;
      if (!e || !e.matches(s)) return null;
      const style = getComputedStyle(e);
      return { visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0, outline: style.outline };
    }, selector);
    if (at) {
      check(at.visible, "a visible focus ring on " + selector + " (outline: " + at.outline + ")");
      return;
    }
  }
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 120));
  throw new JourneyFailure("Tab did not reach " + selector + " in " + max + " presses (focus on " + focused + ")");
}

async function keyboardOnly(browser, run) {
  const jan = await userTab(browser, "jan-keyboard");
  const { page } = jan;
  await step(jan, "signs in with the keyboard only", async () => {
    await open(jan, "#/tickets");
    await page.waitForSelector("#password-form", { visible: true });
    if (await page.$eval("#lang", s => s.value) !== "nl") {
      await tabTo(page, "#lang");
      await page.keyboard.type("Nederlands");   // a select follows what is typed
    }
    await tabTo(page, "#email");
    await page.keyboard.type(USERS.jan);
    await tabTo(page, "#password");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#code", { visible: true, timeout: 15_000 });
    check(await page.evaluate(() => document.activeElement.id) === "code", "the code field focused after the password");
    await page.keyboard.type(demoCode(USERS.jan)());
    await page.keyboard.press("Enter");
    await page.waitForSelector("#signed-in", { visible: true, timeout: 15_000 });
    await settle(page);
    await audit(jan, "my tickets");
  });
  await step(jan, "raises a ticket with the keyboard only", async () => {
    await tabTo(page, "a[href='#/tickets/new']");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#f-title", { visible: true, timeout: 15_000 });
    await settle(page);
    await tabTo(page, "#f-title");
    jan.title = "[browser] Toetsenbord " + run;
    await page.keyboard.type(jan.title);
    await tabTo(page, "#f-description");
    await page.keyboard.type("Alleen met het toetsenbord gemeld. (browser test)");
    await tabTo(page, "#f-category", 6, true);   // back with Shift+Tab; the arrow keys choose in a select
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /#\/tickets\/[^/?]+$/.test(location.hash) && !location.hash.endsWith("/new"), { timeout: 15_000 });
    await waitForHeading(page, jan.title);
    await settle(page);
    check(await page.evaluate(() => document.activeElement && document.activeElement.tagName === "H1"),
      "the focus on the new page's heading");
  });
  await step(jan, "replies with the keyboard only", async () => {
    await tabTo(page, "#f-body", 120);
    await page.keyboard.type("Nog een aanvulling, getypt. (browser test)");
    await tabTo(page, "form:has(#f-body) button[type=submit]");
    await page.keyboard.press("Enter");
    await settle(page);
    await noticeShows(page, nl("replySent"));
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 100));
    check(await page.evaluate(() => document.getElementById("app").contains(document.activeElement)),
      "the focus still in the page after the reply was sent and the page shown again (it is on " + focused + ")");
    await page.keyboard.down("Shift");
    await page.keyboard.press("Tab");
    await page.keyboard.up("Shift");
    check(await page.evaluate(() => document.activeElement && document.activeElement.id === "f-body"),
      "Shift+Tab from the send button back to the reply field");
    await audit(jan, "his ticket after a reply");
  });
  await step(jan, "accepts a solution with the keyboard only", async () => {
    await tabTo(page, "a[href='#/tickets']");   // the menu
    await page.keyboard.press("Enter");
    await waitForHeading(page, nl("view.mine"));
    await settle(page);
    await tabTo(page, "a[href='#/tickets/" + PRINTER + "']", 120);
    await page.keyboard.press("Enter");
    await waitForText(page, nl("resolution.heading"));
    await settle(page);
    await audit(jan, "his resolved ticket");
    await tabTo(page, ".decision button.primary", 120);
    check(await page.evaluate(() => document.activeElement.textContent) === nl("accept"), "the accept button focused");
    await page.keyboard.press("Enter");
    await settle(page);
    await noticeShows(page, nl("accepted"));
    await audit(jan, "his ticket, the solution accepted");
  });
}

/**
 * Two tabs of one browser (one context: one cookie): Jan is signed in in both; he signs out in the first, and the
 * second shows the sign-in screen at once, saying why, without a reload or a click (tabs.mjs).
 */
async function twoTabs(browser) {
  const first = await demoUser(browser, "jan");
  const second = await userTab(browser, "jan, second tab", first);
  await step(second, "opens a second tab of the same browser and is signed in there", async () => {
    await open(second, "#/tickets");
    // locally a TOTP session cannot be restored from the cookie (cognito-local, docs/portal.md), so he signs in again
    if (await second.page.$eval("#sign-in", e => !e.hidden)) await signIn(second, USERS.jan, DEMO_PASSWORD, demoCode(USERS.jan));
    await waitForHeading(second.page, nl("view.mine"));
  });
  await step(first, "signs out in the first tab; the second tab shows the sign-in screen at once", async () => {
    await first.page.bringToFront();   // the user goes back to the first tab (a tab in the background is not driven)
    await Promise.all([first.page.waitForResponse(r => r.url() === opts.gateway + "/auth/sign-out"), first.page.click("#sign-out")]);
    await first.page.waitForSelector("#sign-in", { visible: true, timeout: 5_000 });
    // Locally the revocation is refused (401): cognito-local does not keep the refresh token of a TOTP sign-in
    // (infrastructure/local/README.md), so it cannot revoke it; AWS does. The tab is signed out all the same.
    const localRevocation = /(HTTP 401: POST |status of 401 .*)\S*\/auth\/sign-out/;
    first.errors = first.errors.filter(error => !localRevocation.test(error));
    await second.page.bringToFront();   // and then looks at the second, which was told while it was in the background
    await second.page.waitForSelector("#sign-in", { visible: true, timeout: 5_000 });
    // signed out, a tab speaks the browser's language again (the profile's was the user's)
    const shown = await second.page.evaluate(() => document.documentElement.lang);
    await waitForText(second.page, translator(shown)("signedOutElsewhere"), 5_000);
    check(await second.page.$eval("#app", e => e.children.length) === 0, "the second tab's page is gone");
    check(await second.page.$eval("#signed-in", e => e.hidden), "the second tab's header is signed out");
    await audit(second, "signed out in another tab");
  });
}

// ---------------------------------------------------------------------------------------------

export async function main(argv = process.argv.slice(2)) {
  opts = options(argv);
  const chromium = findChromium(opts.chromium);
  mkdirSync(opts.screenshots, { recursive: true });
  let version = "";
  try { version = execFileSync(chromium, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(); } catch { /* shown below */ }
  console.log("Portal in " + (version || chromium) + " against " + opts.gateway);
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage", "--lang=nl-NL"]
  });
  const run = Date.now().toString(36);
  try {
    await journey("checks", () => checksFindPlantedProblems(browser));
    const [petra, ilse, sem] = [await demoUser(browser, "petra"), await demoUser(browser, "ilse"), await demoUser(browser, "sem")];
    let eva = null;
    await journey("newcomer", async () => {
      eva = await newcomerSignsUp(browser, run);
      await adminLinks(petra, eva);
      await newcomerRaisesFirstTicket(eva, run);
    });
    await journey("customer admin", () => customerAdminApproves(ilse));
    if (eva && eva.ticket) {
      await journey("agent", () => agentWorks(sem, eva));
      await journey("accepting", () => newcomerAccepts(eva));
    }
    await journey("keyboard only", () => keyboardOnly(browser, run));
    await journey("more pages", () => morePages({ browser, ilse, sem, petra }));
    await journey("two tabs", () => twoTabs(browser));
  } catch (e) {
    if (!(e instanceof JourneyFailure)) failures.push("FAIL " + ((e && e.stack) || e));
  } finally {
    await browser.close();
  }
  if (failures.length) console.log("\n" + failures.join("\n\n"));   // before the long list, so a cut log still shows why
  console.log("\nScreenshots (" + screenshots.length + ") in " + opts.screenshots + ":");
  for (const shot of screenshots) console.log("  " + shot);
  console.log("\n" + passed.length + " passed, " + failures.length + " failed");
  return failures.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().then(code => { process.exitCode = code; }, e => {
    console.error((e && e.stack) || e);
    process.exitCode = 2;
  });
}
