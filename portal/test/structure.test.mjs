// The portal's module structure, read from the import statements of every module in portal/ (the site,
// e2e/ and test/).
//
// Every module of the site is one of three kinds, named in the lists below; a new module fails the first
// test until it is placed in one:
//  - a page module holds whole pages: the router maps routes to it;
//  - a shared module holds what pages use and is no page itself (node descriptions, the API client, the
//    texts, the route parser, the widgets, the identity forms' pieces, the hours' pieces ledger.mjs, and
//    the ticket page's own sections work.mjs, attachments.mjs and timelog.mjs, whose time logging the
//    customer's registrations page in hours.mjs uses too, and whose rule for presigned URLs reports.mjs uses; and
//    kbparts.mjs, the knowledge base's pieces that its pages, the dashboard and the new-ticket page's suggestions share;
//    and tabs.mjs, the shell's word to the browser's other tabs when the session changes; and drafts.mjs, what the
//    user typed and the language, kept in the tab across a re-sign-in);
//  - the shell starts the portal and chooses the page of a route: the only modules that import pages.
// Page and shared modules import shared modules only. So no page module imports another page module,
// not even through a shared one; and no module imports itself through others (no cycle), anywhere.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");

const PAGES = ["tickets.mjs", "sla.mjs", "auth.mjs", "account.mjs", "admin.mjs", "hours.mjs", "billing.mjs", "subscriptions.mjs",
  "reports.mjs", "invoices.mjs", "dashboard.mjs", "feedback.mjs", "sso.mjs", "kb.mjs", "kbadmin.mjs",
  "catalogue.mjs"];
const SHARED = ["dom.mjs", "api.mjs", "i18n.mjs", "routes.mjs", "widgets.mjs", "forms.mjs", "work.mjs", "attachments.mjs", "drafts.mjs",
  "ledger.mjs", "timelog.mjs", "rating.mjs", "config.mjs", "kbparts.mjs", "tabs.mjs", "focus.mjs"];
const SHELL = ["app.mjs", "router.mjs"];

/** The specifiers of a module's import and export-from statements, and of import() with a literal. */
function specifiersOf(source) {
  const patterns = [
    /^\s*(?:import|export)\s[\w\s{},*$]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g
  ];
  return patterns.flatMap(pattern => [...source.matchAll(pattern)].map(m => m[1]));
}

/** Every module in portal/, as its path below portal/. */
function modules() {
  return ["", "e2e", "test"].flatMap(dir => readdirSync(join(portal, dir)).filter(f => f.endsWith(".mjs")).map(f => join(dir, f)));
}

/** module → the modules of portal/ it imports (relative specifiers; node: modules are left out). */
function importGraph() {
  const graph = new Map();
  for (const file of modules()) {
    const local = specifiersOf(readFileSync(join(portal, file), "utf8")).filter(s => s.startsWith("."));
    graph.set(file, [...new Set(local.map(s => relative(portal, resolve(portal, dirname(file), s))))]);
  }
  return graph;
}

/** Each cycle of the graph as "a.mjs → b.mjs → a.mjs". */
function cyclesOf(graph) {
  const cycles = [];
  const done = new Set();
  const path = [];
  const visit = file => {
    const at = path.indexOf(file);
    if (at >= 0) return cycles.push([...path.slice(at), file].join(" → "));
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) || []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

test("the import parser reads every form of import, across lines, and nothing in code or comments", () => {
  const source = [
    'import { a,', '  b } from "./one.mjs";', "import two from './two.mjs';", 'import * as three from "../three.mjs";',
    'import "./four.mjs";', 'export { five } from "./five.mjs";', 'export * from "./six.mjs";',
    'const seven = await import("./seven.mjs");', "// not an import from \"./comment.mjs\"",
    'export function from() { return "./function.mjs"; }', 'const text = "import x from \\"./string.mjs\\"";'
  ].join("\n");
  assert.deepEqual(specifiersOf(source).sort(),
    ["../three.mjs", "./five.mjs", "./four.mjs", "./one.mjs", "./seven.mjs", "./six.mjs", "./two.mjs"]);
});

test("every module of the site is a page, a shared module or the shell, and only one of them", () => {
  const site = readdirSync(portal).filter(f => f.endsWith(".mjs")).sort();
  assert.deepEqual([...PAGES, ...SHARED, ...SHELL].sort(), site);
});

test("no module in portal/ imports itself through others", () => {
  assert.deepEqual(cyclesOf(importGraph()), []);
});

test("page and shared modules import shared modules only: no page imports another page", () => {
  const graph = importGraph();
  // a listed module that does not exist imports nothing here; the test above names it
  const outside = [...PAGES, ...SHARED].flatMap(file => (graph.get(file) || []).filter(target => !SHARED.includes(target))
    .map(target => file + " → " + target));
  assert.deepEqual(outside, []);
});
