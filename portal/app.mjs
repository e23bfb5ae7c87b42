// The portal's shell: sign-in (password, then TOTP; a first sign-in's own password on auth.mjs's page),
// the session in memory only, the language, and the route in the hash, whose page router.mjs opens.
// The language: the browser's until sign-in; then the profile's (GET /me), and the header's select saves a choice
// to the profile (PATCH /me, account.mjs's saveLanguage); signing out returns to the browser's. A session that expires
// keeps the language the user worked in (remembered in the tab's sessionStorage, a reload of the sign-in screen too),
// and what the user typed (drafts.mjs) for the same route after signing in again.

import { mount, saveFile } from "./dom.mjs";
import { createApi, loadAll, sessionFrom } from "./api.mjs";
import { LANGUAGES, pickLanguage, texts, translator } from "./i18n.mjs";
import { parseRoute } from "./routes.mjs";
import { isPublic, openPublic, openSignedIn } from "./router.mjs";
import { newPasswordPage } from "./auth.mjs";
import { saveLanguage } from "./account.mjs";
import { apiBaseOf, applyBranding, brandingOf, loadConfig, titleOf } from "./config.mjs";
import { nextStepKey } from "./widgets.mjs";
import { focusKeeper } from "./focus.mjs";
import { completeSso, loadSso, ssoButtonView, ssoCallback, startSso } from "./sso.mjs";
import { tabsChannel } from "./tabs.mjs";
import { draftStore, rememberedLanguage, rememberLanguage } from "./drafts.mjs";

const $ = id => document.getElementById(id);
const langSelect = $("lang");
/** The tab's sessionStorage, where there is one (drafts and the language across a re-sign-in; never a token). */
const tabStorage = () => {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch (error) {
    // Site data blocked: reading sessionStorage throws. The portal runs on; drafts and the language are not kept.
    console.warn("The tab's storage is not available; drafts are not kept across a sign-in", error);
    return null;
  }
};
let lang = rememberedLanguage(tabStorage(), LANGUAGES) || pickLanguage(navigator.language);

/** The dashboard's refused cards for this session's role and customer; a new role (a token renewed after a promotion) starts afresh. */
function refusalsOf(current) {
  const whose = current.role + "|" + (current.tenant || "");
  if (whose !== refusedFor) {
    refusedWidgets = new Set();
    refusedFor = whose;
  }
  return refusedWidgets;
}
let session = null;     // {idToken, accessToken, userId, email, role, tenant, mfa, expiresAt}: never written to storage;
                        // the refresh token is in the API's HttpOnly cookie, out of every script's reach
let challenge = null;   // the sign-in session while the TOTP code is asked for
let catalogue = null;   // a promise of GET /catalogue, once per sign-in
let customers = null;   // a promise of GET /customers (provider staff: the queues' customer names), once per sign-in
let refusedWidgets = new Set();   // the dashboard's cards refused with a 403 since this sign-in: not asked again
let refusedFor = "";              // whose refusals those are (role and customer): a changed role asks again
let flash = null;       // a notice for the next page
let handedOver = null;  // the file chosen on the new-ticket form, for the ticket page it opens (tickets.mjs)
let generation = 0;     // the route being shown; answers for an earlier one are dropped
let rerender = null;
let profile = null;     // GET /me's profile while signed in (its language and version): what the header's select saves on
let apiBase = "";       // config.json's apiBase (config.mjs): "" is the portal's own origin (the local cloud)
let branding = brandingOf({});   // config.json's provider name and colours
let sso = null;         // GET /auth/sso's settings when the provider signs in through Entra ID (sso.mjs), else null

const tr = (key, vars) => translator(lang)(key, vars);
const tabs = tabsChannel();   // the browser's other tabs, told of a sign-out or sign-in (tabs.mjs)

const api = createApi({
  fetch: (url, options) => fetch(apiBase + url, options),
  language: () => lang,
  // the session cookie's credentials mode: the API on this origin, or on its own (api.<portal's domain>, config.json)
  credentials: () => (apiBase ? "include" : "same-origin"),
  session: () => session,
  setSession: next => {
    session = next;
    if (!next) queueMicrotask(() => signedOut("sessionExpired"));
  }
});

function translateStatic() {
  document.documentElement.lang = lang;
  langSelect.value = lang;
  document.querySelectorAll("[data-t]").forEach(e => { e.textContent = texts[lang][e.dataset.t]; });
  $("provider-name").textContent = branding.providerName || tr("appName");
  document.title = titleOf(branding, tr("appName"));
  $("who").textContent = session ? tr("signedInAs", { email: session.email }) : "";
  $("lang-error").textContent = "";
}

function showError(target, error) {
  target.textContent = "";
  if (!error) return;
  // the sign-in screen's refusals (a wrong password or code, 400/401) say themselves what to do; the rest add the next step
  const next = error.status === 429 || error.status >= 500 ? nextStepKey(error) : null;
  target.textContent = error.status === 0 ? tr("networkError")
    : [error.title, error.detail, next ? tr(next) : ""].filter(Boolean).join(" — ");
}

/** The sign-in screen; reason: a text key for why (null: none; undefined: by the route). The route stays in the hash. */
let signInReason;
let signInReasonNext;   // why, after a public page sent the user here (an e-mail address confirmed, a password reset)
function showSignIn(reason) {
  if (reason === undefined && signInReasonNext !== undefined) reason = signInReasonNext;
  generation++;
  rerender = null;
  session = null;
  catalogue = null;
  customers = null;
  refusedWidgets = new Set();
  signInReason = reason;
  $("app").replaceChildren();
  $("signed-in").hidden = true;
  $("sign-in").hidden = false;
  $("password-form").hidden = false;
  $("totp-form").hidden = true;
  translateSignIn();
}

/** The sign-in screen's "Sign in with Microsoft" (sso.mjs), when the provider has single sign-on. */
function renderSsoButton() {
  const box = $("sso");
  if (!box) return;
  box.replaceChildren();
  if (!sso) return;
  box.appendChild(mount(ssoButtonView({ tr }, async () => {
    showError($("error"), null);
    try {
      location.assign(await startSso(sso, { crypto, storage: sessionStorage }));
    } catch (e) {
      showError($("error"), e);
    }
  }), document));
}

function translateSignIn() {
  const route = parseRoute(location.hash);
  const key = signInReason !== undefined ? signInReason
    : route.name === "resolution" ? "signInForResolution" : "signInToContinue";
  $("sign-in-reason").textContent = key ? tr(key, { id: route.token }) : "";
  translateStatic();
  renderSsoButton();
}

// The keyboard focus across a page's renders (focus.mjs): found again by id, or by kind and words near its place; while
// it cannot take it (a button disabled during its request) it waits for the next render; a control that is gone hands
// it to what the render opened in its place (and back to the opener on cancel or done), else to its place or the heading.
let headingPending = false;
const focus = focusKeeper(document);

function show(forGeneration, desc) {
  if (forGeneration !== generation) return;
  const app = $("app");
  focus.render(app, () => app.replaceChildren(mount(desc, document)), () => {
    // a new page: its heading takes the focus
    const heading = app.querySelector("h1");
    if (!headingPending || !heading) return false;
    headingPending = false;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
    return true;
  });
}

async function route() {
  if (!session) return showPublic(parseRoute(location.hash)) || showSignIn();
  const mine = ++generation;
  headingPending = true;
  focus.reset();
  $("app").replaceChildren();
  const current = parseRoute(location.hash);
  const ctx = {
    api, tr, uuid: () => crypto.randomUUID(),
    get lang() { return lang; },
    role: session.role,
    staff: session.role === "provider-agent" || session.role === "provider-admin",
    show: desc => show(mine, desc),
    bind: render => { if (mine === generation) rerender = render; return render; },
    navigate: hash => { location.hash = hash; },
    // a page's choices kept in the hash without opening the page anew (no hashchange): the SLA at risk's window
    replaceHash: hash => { history.replaceState(history.state, "", hash); },
    catalogue: () => {
      catalogue = catalogue || api.get("/catalogue").catch(e => { catalogue = null; throw e; });
      return catalogue;
    },
    // the catalogue page saved a change (catalogue.mjs): the next new-ticket form reads the catalogue afresh
    catalogueChanged: () => { catalogue = null; },
    refusedWidgets: refusalsOf(session),
    // what the user typed and has not sent (drafts.mjs): kept for this user and route across a re-sign-in
    drafts: draftStore(tabStorage(), session.userId),
    customers: () => {
      customers = customers || loadAll(api, "/customers").catch(e => { customers = null; throw e; });
      return customers;
    },
    flash: text => { flash = text; },
    flashed: flash,
    handOver: value => { handedOver = value; },
    handedOver,
    // working tickets (work.mjs, attachments.mjs): the caller's own id for "assign to me", the page's
    // origin for the download/upload URL check, the storage PUT (no token), and following a download link
    userId: session.userId,
    origin: location.origin,
    transfer: (url, init) => fetch(url, init),
    // an article's share link (kb.mjs): copied to the clipboard
    copy: value => navigator.clipboard.writeText(value),
    openDownload: url => { location.assign(url); },
    // the exports of the time registrations (hours.mjs): a file fetched with the token, saved through a blob: URL
    saveFile: file => saveFile(file, { document, URL }),
    // the identity pages (account.mjs, admin.mjs)
    email: session.email, tenant: session.tenant, mfa: session.mfa, idp: session.idp,
    signOut: () => signOutNow(),
    accessToken: () => session && session.accessToken,
    setLanguage, renew, reroute: () => route(),
    // the account page saved the profile (PATCH /me): the header's language select saves on its version from now on
    profileSaved: next => { if (next && next.version !== undefined) profile = next; }
  };
  flash = null;
  handedOver = null;
  return openSignedIn(ctx, current);
}

async function signedIn(answer) {
  if (answer.status === "new-password-required") return showNewPassword(answer.session);
  if (answer.status === "totp-required") {
    challenge = answer.session;
    $("password-form").hidden = true;
    $("totp-form").hidden = false;
    $("code").focus();
    return;
  }
  if (!answer.idToken) throw { title: tr("newPasswordRequired") };
  signInReasonNext = undefined;
  challenge = null;
  $("password").value = "";
  $("code").value = "";
  await enter(sessionFrom(answer, null));
  tabs.announce("signed-in");   // a tab of this browser on the sign-in screen restores the session from the cookie
}

/** Signed in (a sign-in, or a session restored from the cookie): the profile's language, then the route. */
async function enter(next) {
  session = next;
  draftStore(tabStorage(), session.userId).clearOthers();   // another user's drafts, left by an expired session, go
  $("sign-in").hidden = true;
  $("signed-in").hidden = false;
  await adoptProfileLanguage();
  translateStatic();
  route();
}

/**
 * GET /me once signed in (with MFA: before it the API refuses): the profile's language wins over the browser's.
 * Without a profile or an answer the language stays as it is.
 */
async function adoptProfileLanguage() {
  const mine = session;
  if (!mine || !mine.mfa) return;
  try {
    const me = await api.get("/me");
    if (session !== mine || !me || !me.profile) return;
    profile = me.profile;
    if (LANGUAGES.includes(profile.language) && profile.language !== lang) lang = profile.language;
    rememberLanguage(tabStorage(), lang);
  } catch {
    // the browser's language stays; the page shows what is wrong with the API
  }
}

/** The header's select: the portal switches at once; signed in (with MFA), the profile keeps the choice (PATCH /me). */
async function chooseLanguage(next) {
  setLanguage(next);
  const mine = session;
  if (!mine || !mine.mfa) return;
  try {
    const me = await saveLanguage(api, next, profile);
    if (session === mine && me && me.profile) profile = me.profile;
  } catch (e) {
    if (session !== mine) return;
    if (e.status === 404) return;   // no profile (yet): nothing to keep it in
    $("lang-error").textContent = tr("languageNotSaved") + " " + [e.status === 0 ? tr("networkError") : e.title, e.detail]
      .filter(Boolean).join(" — ");
  }
}

/**
 * Signed out (the button, or the session ended): the profile is forgotten and the browser's language returns; but a
 * session that expired keeps the language the user worked in, for the sign-in screen that asks to sign in again.
 */
function signedOut(reason) {
  profile = null;
  if (reason !== "sessionExpired") {
    lang = pickLanguage(navigator.language);
    rememberLanguage(tabStorage(), null);
  }
  showSignIn(reason);
}

function guard(work) {
  return async event => {
    event.preventDefault();
    showError($("error"), null);
    try { await work(); } catch (e) { showError($("error"), e); }
  };
}

const email = () => $("email").value;
$("password-form").addEventListener("submit", guard(async () =>
  signedIn(await api.anonymous("POST", "/auth/sign-in", { email: email(), password: $("password").value }))));
$("totp-form").addEventListener("submit", guard(async () =>
  signedIn(await api.anonymous("POST", "/auth/sign-in/totp", { email: email(), session: challenge, code: $("code").value }))));
async function signOutNow() {
  if (session) draftStore(tabStorage(), session.userId).clearAll();   // a shared computer: nothing typed stays behind
  signedOut(null);
  try { await api.signOut(); } catch (e) { showError($("error"), e); }
  // after the sign-out was asked for: its cookie is cleared then, and a tab that restores from it finds none (had the
  // API refused, the other tabs forget their tokens all the same; a reload there asks the cookie again)
  tabs.announce("signed-out");
}

// The other tabs of this browser (tabs.mjs): a sign-out there ends this tab's session at once; a sign-in there
// restores this one from the cookie when it shows the sign-in screen.
tabs.listen(kind => {
  if (kind === "signed-out" && session) {
    draftStore(tabStorage(), session.userId).clearAll();   // signed out on purpose, in another tab: nothing typed stays
    return signedOut("signedOutElsewhere");
  }
  if (kind === "signed-in" && !session && $("sign-in").hidden === false) {
    restoreAfterOtherTab().catch(e => {
      // out of reach, or the page failed to open: this tab stays on its sign-in screen, whose own sign-in says what
      // is wrong when it is used
      console.warn("Another tab signed in; restoring this tab's session failed", e);
    });
  }
});

async function restoreAfterOtherTab() {
  const restored = await api.restore();
  if (restored && !session) await enter(restored);
}
$("sign-out").addEventListener("click", signOutNow);
langSelect.addEventListener("change", () => chooseLanguage(langSelect.value));
window.addEventListener("hashchange", () => route());

// ---------------------------------------------------------------------------------------------
// The identity pages' part of the shell: the public pages (#/sign-up, #/forgot-password), the new password
// of a first sign-in, the language, and renewing the session when its claims change (MFA, linking).

function setLanguage(next) {
  lang = next;
  if (session) rememberLanguage(tabStorage(), lang);
  if (!session && $("sign-in").hidden === false) translateSignIn();
  else translateStatic();
  if (rerender) rerender();
}

/** The ctx of a page shown without a session. */
function publicContext(mine, extra = {}) {
  return {
    api, tr, uuid: () => crypto.randomUUID(),
    get lang() { return lang; },
    show: desc => show(mine, desc),
    bind: render => { if (mine === generation) rerender = render; return render; },
    email: $("email").value,
    // the knowledge base and the status page (kb.mjs): the search opens its route, the share link is absolute and copied
    navigate: hash => { location.hash = hash; },
    origin: location.origin,
    copy: value => navigator.clipboard.writeText(value),
    /** The sign-in screen on this route (the hash stays): signed in, the route opens again with the session. */
    signInHere: reason => showSignIn(reason),
    /** Back to the sign-in screen, saying why (a text key), with the e-mail address filled in. */
    toSignIn: (reason, address) => {
      signInReasonNext = reason;
      if (address) $("email").value = address;
      location.hash = "#/tickets";
      showSignIn(reason);
    },
    signedIn: answer => {
      $("sign-in").hidden = false;
      $("app").replaceChildren();
      return signedIn(answer);
    },
    ...extra
  };
}

function enterPublic() {
  const mine = ++generation;
  signInReasonNext = undefined;
  rerender = null;
  headingPending = true;
  $("sign-in").hidden = true;
  $("signed-in").hidden = true;
  $("app").replaceChildren();
  translateStatic();
  return mine;
}

/** A public route's page, or null (then the sign-in screen shows). */
function showPublic(current) {
  if (!isPublic(current)) return null;
  return openPublic(publicContext(enterPublic()), current);
}

function showNewPassword(challengeSession) {
  challenge = null;
  $("password").value = "";
  return newPasswordPage(publicContext(enterPublic(), { email: email(), challenge: challengeSession }));
}

/**
 * A new ID token now (POST /auth/refresh), for claims that changed: kp_mfa after enrolment, kp_role after
 * linking. The renewed session, or null when that is not possible (then the sign-in screen says reason).
 */
async function renew(reason) {
  const renewed = await api.refresh();
  if (!renewed || !session) {
    session = null;
    queueMicrotask(() => signedOut(reason));
    return null;
  }
  // MFA just enrolled: GET /me answers now, and the profile's language wins from here on (not only from the next sign-in)
  if (session.mfa && !profile) await adoptProfileLanguage();
  translateStatic();
  return session;
}

/**
 * Page load (a reload, a new tab): config.json first (config.mjs: the API's base URL and the provider's name and
 * colours; none, as on the local cloud without one, keeps the API on this origin and the portal's own look); then the
 * session of the cookie, if any, restored once without asking; otherwise the route as signed out (the sign-in screen,
 * or a public page). A network failure shows the sign-in screen too.
 */
async function start() {
  const config = await loadConfig((url, options) => fetch(url, options));
  const base = apiBaseOf(config);
  if (base === null) console.warn("config.json: apiBase " + JSON.stringify(config.apiBase) + " is not an https URL; the API is called on this origin");
  apiBase = base || "";
  branding = brandingOf(config);
  applyBranding(document, branding);
  sso = await loadSso(api);
  const callback = ssoCallback(location.search);
  if (callback) {
    // Back from Entra ID: the code leaves the address bar (and the history) before anything else happens.
    history.replaceState(null, "", location.pathname + location.hash);
    try {
      return await signedIn(await completeSso(callback, { storage: sessionStorage, api, tr }));
    } catch (e) {
      await route();
      return showError($("error"), e);
    }
  }
  let restored;
  try {
    restored = await api.restore();
  } catch (e) {
    await route();
    return showError($("error"), e);   // the API is out of reach: signed out, and the sign-in screen says why
  }
  if (restored && !session) return enter(restored);
  return route();
}

await start();
