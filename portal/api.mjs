// The API client: JSON in and out, RFC 9457 problems as ApiError, the id token kept in memory only
// and renewed with /auth/refresh shortly before it expires or once after a 401. The refresh token is never
// seen here: the API keeps it in an HttpOnly session cookie (Path=/auth) that only /auth/refresh and
// /auth/sign-out read, each sent with X-Requested-With (docs/claims.md, "Sessions"). Files (the exports of
// the time registrations) come through download(): the same token, refresh and problems, a Blob back.

export const PROBLEM = "urn:klantportaal:problem:";

/** A refusal of the API (problem+json) or a failure to reach it (status 0). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.title || "HTTP " + status);
    this.status = status;
    this.type = problem.type || "";
    this.code = this.type.startsWith(PROBLEM) ? this.type.slice(PROBLEM.length) : "";
    this.title = problem.title || "";
    this.detail = problem.detail || "";
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

/** The claims of a JWT (display and routing only; the API verifies the token itself). */
export function claimsOf(jwt) {
  const part = String(jwt || "").split(".")[1];
  if (!part) return {};
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** A session from a sign-in or refresh answer: the ID and access tokens, in memory only. */
export function sessionFrom(answer, previous, now = Date.now()) {
  const claims = claimsOf(answer.idToken);
  return {
    idToken: answer.idToken,
    userId: claims.sub,
    email: claims.email || "",
    role: claims.kp_role || "none",
    expiresAt: now + (answer.expiresIn || 3600) * 1000,
    // For the account pages: Cognito's own calls (MFA enrolment, password, e-mail) take the access token
    // in the body; kp_mfa and kp_tenant as docs/claims.md defines them (anything else: not enrolled, none).
    accessToken: answer.accessToken || (previous && previous.accessToken) || null,
    mfa: claims.kp_mfa === true || claims.kp_mfa === "true",
    tenant: typeof claims.kp_tenant === "string" ? claims.kp_tenant : null,
    // A sign-in through an external identity provider (Entra ID: "EntraID"); its MFA is that provider's (sso.mjs).
    idp: typeof claims.kp_idp === "string" ? claims.kp_idp : null
  };
}

/** The Idempotency-Key of a submit: the same while the body is the same (a retry), new for a changed body. */
export function idempotencyKeyFor(memo, body, uuid) {
  const json = JSON.stringify(body);
  if (memo.body !== json) {
    memo.body = json;
    memo.key = uuid();
  }
  return memo.key;
}

/**
 * createApi({fetch, language: () => "nl", session: () => s, setSession: s => ..., now, credentials: () => "same-origin"})
 * .request(method, path, {body, idempotencyKey}) → parsed JSON (or {} for 204); throws ApiError.
 */
export function createApi({ fetch, language, session, setSession, now = () => Date.now(), credentials = () => "same-origin" }) {
  async function send(method, path, options, token) {
    const headers = { accept: options.accept || "application/json", "accept-language": language() };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
    if (options.ifNoneMatch) headers["if-none-match"] = options.ifNoneMatch;   // "*": a PUT that only creates
    if (token) headers.authorization = "Bearer " + token;
    const init = { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) };
    if (options.sessionCookie) {
      // The session cookie's routes: the header a cross-site form cannot send, and the cookie.
      headers["x-requested-with"] = "klantportaal";
    }
    // The routes that set or read the session cookie (the sign-ins set it, refresh and sign-out read it): on the portal's
    // own origin "same-origin"; on an API of its own origin on the portal's site (config.json's apiBase, api.<portal's
    // domain>) "include", or the browser would neither keep the cookie nor send it. SameSite=Strict still keeps it off
    // every other site, and the API's CORS lets only the portal's origin read an answer sent with credentials.
    if (options.sessionCookie || options.anonymous) init.credentials = credentials();
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, { title: "network", detail: String(e && e.message || e) });
    }
    if (options.raw && response.ok) return response;
    const text = response.status === 204 ? "" : await response.text();
    let json = {};
    if (text) {
      try { json = JSON.parse(text); } catch { json = { title: response.statusText || "HTTP " + response.status, detail: text.slice(0, 200) }; }
    }
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  }

  async function refresh() {
    const current = session();
    if (!current) return false;
    try {
      const answer = await send("POST", "/auth/refresh", { sessionCookie: true });
      setSession(sessionFrom(answer, current, now()));
      return true;
    } catch (e) {
      if (e.status === 0) throw e;
      setSession(null);
      return false;
    }
  }

  async function request(method, path, options = {}) {
    let current = session();
    if (current && current.expiresAt - 60_000 < now()) {
      await refresh();
      current = session();
    }
    try {
      return await send(method, path, options, current && current.idToken);
    } catch (e) {
      // A 401 with a problem code of its own (invalid-credentials: a wrong current password) is an answer,
      // not an expired token.
      if (e.status !== 401 || !current || (e.code && e.code !== "unauthenticated")) throw e;
      if (!(await refresh())) {
        setSession(null);
        throw e;
      }
      return send(method, path, options, session().idToken);
    }
  }

  /** GET a file: {blob, fileName, type}; the name is the one Content-Disposition gives, else fallback. */
  async function download(path, fallback = "download") {
    const response = await request("GET", path, { raw: true, accept: DOWNLOAD_ACCEPT });
    const header = name => (response.headers && typeof response.headers.get === "function" ? response.headers.get(name) : null);
    let blob;
    try {
      blob = await response.blob();
    } catch (e) {
      throw new ApiError(0, { title: "network", detail: String(e && e.message || e) });
    }
    return { blob, fileName: fileNameFrom(header("content-disposition"), fallback), type: header("content-type") || blob.type || "" };
  }

  return {
    request,
    download,
    get: path => request("GET", path),
    post: (path, body, options = {}) => request("POST", path, { ...options, body }),
    put: (path, body, options = {}) => request("PUT", path, { ...options, body }),
    patch: (path, body, options = {}) => request("PATCH", path, { ...options, body }),
    delete: path => request("DELETE", path),
    /** A new ID token now (after MFA enrolment or linking its claims change): true, or false when signed out. */
    refresh,
    /** Public routes (sign-in): no token, no refresh. */
    anonymous: (method, path, body) => send(method, path, { body, anonymous: true }, null),
    /**
     * The session of the cookie (a reload, another tab): a session from POST /auth/refresh, or null when there is
     * none (401: no cookie, or one that was signed out, revoked or expired). A network failure throws.
     */
    async restore() {
      try {
        return sessionFrom(await send("POST", "/auth/refresh", { sessionCookie: true }), null, now());
      } catch (e) {
        if (e.status === 0) throw e;
        return null;
      }
    },
    /** Completes a sign-in through Entra ID (sso.mjs): the code and PKCE verifier; the session cookie is set as at sign-in. */
    ssoSignIn: body => send("POST", "/auth/sso/token", { body, sessionCookie: true }),
    /** Ends the session of the cookie: the API revokes its refresh token and clears it. */
    signOut: () => send("POST", "/auth/sign-out", { sessionCookie: true })
  };
}

/** What a download accepts: the export formats, and a problem when it is refused. */
const DOWNLOAD_ACCEPT = "application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json";

/**
 * The file name of a Content-Disposition header (filename*=UTF-8''… before filename="…"), reduced to a
 * plain name: no folders, no control characters, at most 150 characters; fallback when there is none.
 */
export function fileNameFrom(disposition, fallback = "download") {
  const header = String(disposition || "");
  let name = "";
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try { name = decodeURIComponent(extended[1].trim()); } catch { name = ""; }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
    if (plain) name = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, "$1") : plain[2];
  }
  name = name.split(/[\\/]/).pop().replace(/[\u0000-\u001f\u007f]/g, "").trim().replace(/^\.+/, "").slice(0, 150);
  return name || fallback;
}

/** Every item of a paged list (limit 100, following nextCursor, at most maxPages pages). */
export async function loadAll(api, path, maxPages = 20) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page++) {
    const params = new URLSearchParams({ limit: "100" });
    if (cursor) params.set("cursor", cursor);
    const answer = await api.get(path + (path.includes("?") ? "&" : "?") + params.toString());
    if (!answer || !Array.isArray(answer.items)) break;
    items.push(...answer.items);
    cursor = answer.nextCursor || null;
    if (!cursor) break;
  }
  return items;
}
