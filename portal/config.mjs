// The portal's configuration: config.json on the site's own origin, read once at start. A deployment writes it
// (infrastructure/deploy-portal, from the stack's outputs); the local cloud answers its own. It names where the API
// is (apiBase), the user pool and client, the region, and the provider's name and colours.
// Missing or unreadable: the API on the portal's own origin (the local cloud) and the portal's own name and colours.
// Colours are applied only when they read at WCAG AA (4.5:1) against white, both ways they are used: white text on
// them (buttons) and them as text on white (links, the header); a colour that fails is refused and said.

export const CONFIG_PATH = "config.json";
export const MIN_CONTRAST = 4.5;
const WHITE = "#ffffff";
// What each colour is read on (style.css): the primary colour is white text's background (buttons) and text on white
// and on --color-info-bg (links; a button's hover); the accent is the header's name on white and its bar.
const BACKGROUNDS = Object.freeze({ primary: [WHITE, "#e8f0fa"], accent: [WHITE] });

/** config.json's fields the portal uses, checked: anything else, or of the wrong kind, is left out. */
export function configFrom(json) {
  const out = {};
  if (!json || typeof json !== "object" || Array.isArray(json)) return out;
  for (const key of ["apiBase", "userPoolId", "clientId", "region", "providerName"]) {
    if (typeof json[key] === "string") out[key] = json[key].trim();
  }
  const colours = json.colours && typeof json.colours === "object" ? json.colours : {};
  out.colours = {};
  for (const key of ["primary", "accent"]) {
    if (typeof colours[key] === "string") out.colours[key] = colours[key].trim();
  }
  return out;
}

/**
 * GET config.json (same origin, never from a cache that outlives a deployment). {} when there is none (404), it is
 * not JSON, or the network fails: the portal then runs as before, against its own origin.
 */
export async function loadConfig(fetchFn) {
  try {
    const response = await fetchFn(CONFIG_PATH, { method: "GET", cache: "no-cache", credentials: "same-origin",
      headers: { accept: "application/json" } });
    if (!response || !response.ok) return {};
    return configFrom(JSON.parse(await response.text()));
  } catch {
    return {};
  }
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The API's base URL from the configuration, without a trailing slash: "" (the portal's own origin) when none is
 * given; an https URL without user info, path-less or with a path (a stage); plain http only to a loopback host.
 * Anything else is refused (null), and the portal then stays on its own origin.
 */
export function apiBaseOf(config) {
  const value = config && typeof config.apiBase === "string" ? config.apiBase.trim() : "";
  if (!value) return "";
  let url;
  try { url = new URL(value); } catch { return null; }
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) return null;
  return (url.origin + url.pathname).replace(/\/+$/, "");
}

/** [r, g, b] (0–255) of a #rgb or #rrggbb colour, or null. */
export function parseColour(value) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value || "").trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map(c => c + c).join("") : m[1];
  return [0, 2, 4].map(i => parseInt(hex.slice(i, i + 2), 16));
}

function luminance([r, g, b]) {
  const lin = c => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG 2 contrast ratio of two colours (#rgb or #rrggbb), 1–21; NaN when one is not a colour. */
export function contrastRatio(a, b) {
  const ca = parseColour(a), cb = parseColour(b);
  if (!ca || !cb) return NaN;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour mixed towards black by share (0–1), as #rrggbb: the hover shade of the primary colour. */
export function darken(value, share = 0.25) {
  const c = parseColour(value);
  if (!c) return null;
  return "#" + c.map(v => Math.round(v * (1 - share)).toString(16).padStart(2, "0")).join("");
}

/** The portal's own colours (style.css's tokens), kept for a colour not configured or refused. */
export const DEFAULT_COLOURS = Object.freeze({ primary: "#0b5394", accent: "#00695c" });

/**
 * The branding of a configuration: {providerName (or null), colours: {primary, accent} to apply (only configured ones
 * that pass), refused: [{name, value, ratio}] (not a colour: ratio null; below 4.5:1 on a background it is read on: the
 * lowest ratio)}.
 */
export function brandingOf(config) {
  const providerName = config && typeof config.providerName === "string" && config.providerName.trim()
    ? config.providerName.trim().slice(0, 80) : null;
  const colours = {};
  const refused = [];
  const wanted = (config && config.colours) || {};
  for (const name of ["primary", "accent"]) {
    const value = wanted[name];
    if (value === undefined || value === "") continue;
    const ratio = Math.min(...BACKGROUNDS[name].map(background => contrastRatio(value, background)));
    if (Number.isNaN(ratio)) refused.push({ name, value: String(value), ratio: null });
    else if (ratio < MIN_CONTRAST) refused.push({ name, value, ratio: Math.round(ratio * 100) / 100 });
    else colours[name] = value.toLowerCase();
  }
  return { providerName, colours, refused };
}

/** Why a colour was refused, in words for the console (the operator's language: English). */
export function refusalText({ name, value, ratio }) {
  return ratio === null
    ? `config.json: colours.${name} "${value}" is not a #rgb or #rrggbb colour; the portal's own is used`
    : `config.json: colours.${name} ${value} reads at ${ratio}:1 (with white), below WCAG AA's ${MIN_CONTRAST}:1;`
      + " the portal's own is used";
}

/**
 * Applies a branding to the document: the colours as CSS custom properties on the root (--color-primary and its
 * hover shade --color-primary-dark, --color-accent), refusals said on the console.
 */
export function applyBranding(document, branding, console = globalThis.console) {
  const style = document && document.documentElement && document.documentElement.style;
  const { primary, accent } = branding.colours;
  if (style && typeof style.setProperty === "function") {
    if (primary) {
      style.setProperty("--color-primary", primary);
      style.setProperty("--color-primary-dark", darken(primary));
    }
    if (accent) style.setProperty("--color-accent", accent);
  }
  for (const refusal of branding.refused) if (console) console.warn(refusalText(refusal));
}

/** The page's title and the header's name: the provider's name with the portal's, or the portal's alone. */
export function titleOf(branding, appName) {
  return branding.providerName ? branding.providerName + " · " + appName : appName;
}
