// The style sheet's colours: every rule of style.css that sets both a text colour and a background (after the
// design tokens in :root are resolved) reads at WCAG AA, 4.5:1 or better; so do the tokens' own text pairs.
// axe-core checks the pages the browser tests open; this checks every rule, whether a page shown there uses it or not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "style.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** The relative luminance of #rgb or #rrggbb (WCAG 2). */
function luminance(hex) {
  const h = hex.length === 4 ? hex.slice(1).split("").map(c => c + c).join("") : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16) / 255)
    .map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const tokens = Object.fromEntries([...css.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map(m => [m[1], m[2].trim()]));
const resolve = value => value.replace(/var\((--[\w-]+)\)/g, (_, name) => tokens[name] || "?");
const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(m => ({
  selector: m[1].trim(),
  declarations: Object.fromEntries(m[2].split(";").map(d => d.split(":")).filter(d => d.length >= 2)
    .map(([name, ...value]) => [name.trim(), resolve(value.join(":").trim())]))
}));

test("contrast: WCAG's formula on known pairs", () => {
  assert.equal(contrast("#000", "#fff").toFixed(0), "21");
  assert.equal(contrast("#767676", "#fff").toFixed(2), "4.54");
});

test("every rule with a text colour and a background reads at 4.5:1 or better", () => {
  const checked = [];
  const weak = [];
  for (const { selector, declarations } of rules) {
    const color = declarations.color;
    const background = declarations.background || declarations["background-color"];
    if (!color || !background || !/^#[0-9a-f]{3,6}$/i.test(color) || !/^#[0-9a-f]{3,6}$/i.test(background)) continue;
    const ratio = contrast(color, background);
    checked.push(selector);
    if (ratio < 4.5) weak.push(selector + ": " + color + " on " + background + " = " + ratio.toFixed(2));
  }
  assert.ok(checked.length >= 10, "the badges, notices and buttons were found (" + checked.join(", ") + ")");
  assert.deepEqual(weak, []);
});

test("the tokens' text colours read at 4.5:1 or better on the backgrounds they are used on", () => {
  const pairs = [["--color-text", "--color-surface"], ["--color-text", "--color-subtle"], ["--color-muted", "--color-surface"],
    ["--color-muted", "--color-subtle"], ["--color-primary", "--color-surface"], ["--color-primary", "--color-info-bg"], ["--color-accent", "--color-surface"],
    ["--color-danger", "--color-surface"], ["--color-danger", "--color-danger-bg"], ["--color-success", "--color-success-bg"],
    ["--color-warning", "--color-warning-bg"], ["--color-info", "--color-info-bg"]];
  const weak = pairs.map(([fg, bg]) => [fg, bg, contrast(tokens[fg], tokens[bg])]).filter(([, , r]) => !(r >= 4.5))
    .map(([fg, bg, r]) => fg + " on " + bg + " = " + r.toFixed(2));
  assert.deepEqual(weak, []);
});
