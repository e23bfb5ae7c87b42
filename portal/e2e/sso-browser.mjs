#!/usr/bin/env node
// Single sign-on in a real browser (SsoBrowserIT): Debian's chromium (puppeteer-core) against a local cloud started with
// --sso, where entra-local (npm oidc-provider) plays Microsoft Entra ID. Eva clicks "Sign in with Microsoft" (in the
// page's language), signs in at Entra with a second factor, comes back to the portal with the code removed from the
// address bar, waits to be linked, and keeps her session over a reload (the cookie). Signed out, she signs in again in
// another browser without a second factor and sees "two-step verification needed" instead of TOTP enrolment. No console
// error on the portal's pages (but the 401 of "no session" at a first load).
// Usage: node portal/e2e/sso-browser.mjs --gateway URL --chromium PATH --screenshots DIR
import { mkdirSync } from "node:fs";
import { join } from "node:path";

import puppeteer from "puppeteer-core";

import { translator } from "../i18n.mjs";

let tr = translator("nl");   // the page's language, read once the portal has loaded

function options(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  for (const name of ["gateway", "chromium", "screenshots"]) {
    if (!out[name]) throw new Error("--" + name + " is required");
  }
  return out;
}

function check(condition, what) {
  if (!condition) throw new Error("failed: " + what);
}

async function step(name, work) {
  try {
    await work();
    console.log("ok   sso: " + name);
  } catch (e) {
    console.log("FAIL sso: " + name + ": " + ((e && e.stack) || e));
    throw e;
  }
}

async function signInAtEntra(page, opts, email, name, mfa) {
  await page.waitForSelector("#sso-sign-in", { timeout: 15000 });
  tr = translator(await page.evaluate(() => document.documentElement.lang));
  check(await page.$eval("#sso-sign-in", b => b.textContent) === tr("sso.button"), "the button says " + tr("sso.button"));
  await Promise.all([page.waitForNavigation({ waitUntil: "domcontentloaded" }), page.click("#sso-sign-in")]);
  await page.waitForSelector("input[name=email]", { timeout: 15000 });
  check(!page.url().startsWith(opts.gateway), "at the identity provider, not the portal: " + page.url());
  await page.type("input[name=email]", email);
  await page.type("input[name=name]", name);
  if (mfa) await page.click("input[name=mfa]");
  await Promise.all([page.waitForNavigation({ waitUntil: "networkidle0" }), page.click("button[type=submit]")]);
  await page.waitForFunction(() => {
    const signedIn = document.getElementById("signed-in");
    return signedIn && !signedIn.hidden && document.querySelector("#app h1");
  }, { timeout: 20000 });
  check(page.url().startsWith(opts.gateway + "/"), "back on the portal: " + page.url());
  tr = translator(await page.evaluate(() => document.documentElement.lang));   // the profile's language now
  check(!page.url().includes("code="), "the code left the address bar: " + page.url());
}

async function main() {
  const opts = options(process.argv.slice(2));
  mkdirSync(opts.screenshots, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: opts.chromium, headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage", "--lang=nl-NL"]
  });
  const errors = [];
  try {
    const newPage = async () => {
      const context = await browser.createBrowserContext();   // a browser of its own: no cookie of the portal or Entra
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      page.on("console", message => {
        const at = message.location() && message.location().url;
        if (!page.url().startsWith(opts.gateway)) return;   // Entra's pages (entra-local has no favicon) are not ours
        if (message.type() === "error" && at === opts.gateway + "/auth/refresh" && message.text().includes("401")) return;
        if (message.type() === "error") errors.push("console: " + message.text() + (at ? " (" + at + ")" : ""));
      });
      page.on("pageerror", error => page.url().startsWith(opts.gateway) && errors.push("uncaught: " + ((error && error.message) || error)));
      return page;
    };
    const page = await newPage();
    const email = "eva.sso." + Date.now().toString(36) + "@bakkerij.example.test";

    await step("signs in with Microsoft (a second factor at Entra) and waits to be linked", async () => {
      await page.goto(opts.gateway + "/#/tickets", { waitUntil: "networkidle0" });
      await signInAtEntra(page, opts, email, "Eva Evers", true);
      const heading = await page.$eval("#app h1", h => h.textContent);
      check(heading === tr("acct.pending.heading"), "the waiting page, not TOTP enrolment: " + heading);
      const cookies = await page.cookies(opts.gateway + "/auth/refresh");
      check(cookies.some(c => c.name === "kp_session" && c.httpOnly), "the session cookie, HttpOnly");
      check(await page.evaluate(() => sessionStorage.getItem("kp_sso")) === null, "the PKCE verifier is gone");
      await page.screenshot({ path: join(opts.screenshots, "sso-pending-1280.png") });
    });

    await step("keeps the session over a reload", async () => {
      await page.reload({ waitUntil: "networkidle0" });
      await page.waitForFunction(() => !document.getElementById("signed-in").hidden && document.querySelector("#app h1"),
        { timeout: 15000 });
      tr = translator(await page.evaluate(() => document.documentElement.lang));
      check(await page.$eval("#app h1", h => h.textContent) === tr("acct.pending.heading"), "still signed in, still pending");
    });

    await step("signs out: the sign-in screen with the button again", async () => {
      await page.click("#sign-out");
      await page.waitForFunction(() => !document.getElementById("sign-in").hidden, { timeout: 15000 });
      await page.waitForSelector("#sso-sign-in", { timeout: 15000 });
    });

    await step("signed in again without a second factor: asked to use MFA, no TOTP enrolment", async () => {
      // Another browser: Entra's own session in the first would skip its sign-in page (and keep its amr), as Entra does.
      const other = await newPage();
      await other.goto(opts.gateway + "/", { waitUntil: "networkidle0" });
      await signInAtEntra(other, opts, email, "Eva Evers", false);
      const heading = await other.$eval("#app h1", h => h.textContent);
      check(heading === tr("sso.mfa.heading"), "the MFA page of a federated user: " + heading);
      check((await other.$$("#app form")).length === 0, "no enrolment form");
      await other.screenshot({ path: join(opts.screenshots, "sso-mfa-1280.png") });
    });

    await step("no console error on the way", async () => {
      check(errors.length === 0, errors.join("\n"));
    });
  } finally {
    await browser.close();
  }
}

main().catch(() => { process.exitCode = 1; });
