#!/usr/bin/env node
// The README's two screenshots (docs/screenshots/): the customer admin's dashboard, and a demo ticket with its SLA and
// conversation, in Debian's chromium at 1280 px, against a running local cloud with its demo data (the same
// puppeteer-core setup as browser.mjs). Not a test; run by hand when the pages change:
//
//   node portal/e2e/readme-screenshots.mjs --gateway http://127.0.0.1:3000 --state .local [--out docs/screenshots]
//
// Then shrink them: the committed ones went through `pngquant --quality 65-85 --strip` and `optipng -o2` (Debian packages).

import { readFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

import puppeteer from "puppeteer-core";

import { findChromium } from "./browser.mjs";
import { properties, totp } from "./smoke.mjs";

const DEMO_PASSWORD = "Demo-Klantportaal-2026!";
const ADMIN = "it@acme.example.test";       // Ilse, Acme's customer admin: the dashboard's seven cards
const TICKET = "demo-acme-1";               // the open incident with a conversation

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
if (!args.gateway || !args.state) {
  console.error("usage: readme-screenshots.mjs --gateway URL --state DIR [--out DIR] [--chromium PATH]");
  process.exit(2);
}
const out = resolve(args.out || "docs/screenshots");
mkdirSync(out, { recursive: true });
const secrets = properties(readFileSync(join(args.state, "demo-accounts.properties"), "utf8"));

const browser = await puppeteer.launch({ executablePath: findChromium(args.chromium || process.env.KP_CHROMIUM || ""),
  headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage", "--lang=nl-NL"] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const errors = [];
  page.on("console", m => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(args.gateway.replace(/\/+$/, "") + "/#/", { waitUntil: "networkidle0" });
  await page.waitForSelector("#password-form", { visible: true });
  await page.select("#lang", "nl");
  await page.type("#email", ADMIN);
  await page.type("#password", DEMO_PASSWORD);
  await page.click("#password-form button");
  await page.waitForSelector("#totp-form", { visible: true });
  await page.type("#code", totp(secrets[ADMIN]));
  await page.click("#totp-form button");
  await page.waitForSelector("#signed-in", { visible: true });
  const loaded = async () => {
    await page.waitForNetworkIdle({ idleTime: 500 });
    await page.waitForFunction(() => !document.querySelector("[aria-busy=true]"));
  };
  await loaded();
  await page.screenshot({ path: join(out, "dashboard.png"), fullPage: true });
  await page.evaluate(ticket => { location.hash = "#/tickets/" + ticket; }, TICKET);
  await page.waitForSelector("h1");
  await loaded();
  await page.screenshot({ path: join(out, "ticket.png"), fullPage: true });
  if (errors.length) throw new Error("console errors: " + errors.join("; "));
  console.log("wrote " + join(out, "dashboard.png") + " and " + join(out, "ticket.png"));
} finally {
  await browser.close();
}
