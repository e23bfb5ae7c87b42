// What a user typed and has not sent yet, kept across a re-sign-in: a reply on a ticket page, the new-ticket form;
// and the language the user worked in.
// When the session expires while the user writes (the API answers 401, the refresh fails), the shell shows the
// sign-in screen and drops the page; after signing in again the same route opens and takes its draft back.
//
// The store is the tab's sessionStorage (the shell's; never localStorage: it ends with the tab), one entry per user and
// route ("kp.draft.<userId>.<route>"), JSON. A page saves on every change and clears on a successful send; an explicit
// sign-out clears the user's drafts (a shared computer). Storage that refuses (full, disabled) keeps nothing and warns
// on the console: the draft then lives as long as the page, as before.

const PREFIX = "kp.draft.";

/** A store that keeps nothing: pages without the shell's storage (tests, the e2e smoke run). */
export const NO_DRAFTS = { load: () => null, save: () => {}, clear: () => {}, clearOthers: () => {}, clearAll: () => {} };

/**
 * The drafts of one user in a Storage (sessionStorage): load(key) → value or null, save(key, value) (an empty value
 * removes it), clear(key), clearOthers() (every other user's), clearAll() (every draft of this user).
 */
export function draftStore(storage, userId) {
  if (!storage || !userId) return NO_DRAFTS;
  const own = PREFIX + userId + ".";
  const attempt = (work, fallback) => {
    try {
      return work();
    } catch (error) {
      console.warn("Drafts: the tab's storage refused, so this draft lives only as long as the page", error);
      return fallback;
    }
  };
  return {
    load(key) {
      return attempt(() => {
        const raw = storage.getItem(own + key);
        return raw === null ? null : JSON.parse(raw);
      }, null);
    },
    save(key, value) {
      attempt(() => (isEmpty(value) ? storage.removeItem(own + key) : storage.setItem(own + key, JSON.stringify(value))));
    },
    clear(key) {
      attempt(() => storage.removeItem(own + key));
    },
    /** Every draft of another user in this tab (one who signed in here before, and whose session expired). */
    clearOthers() {
      attempt(() => {
        const foreign = [];
        for (let i = 0; i < storage.length; i++) {
          const name = storage.key(i);
          if (name && name.startsWith(PREFIX) && !name.startsWith(own)) foreign.push(name);
        }
        foreign.forEach(name => storage.removeItem(name));
      });
    },
    clearAll() {
      attempt(() => {
        const keys = [];
        for (let i = 0; i < storage.length; i++) {
          const name = storage.key(i);
          if (name && name.startsWith(own)) keys.push(name);
        }
        keys.forEach(name => storage.removeItem(name));
      });
    }
  };
}

/** Nothing worth keeping: none, or an empty text. */
function isEmpty(value) {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return false;
}

/** The drafts of a page's ctx: the shell's store, or none. */
export const draftsOf = ctx => (ctx && ctx.drafts) || NO_DRAFTS;

// The language the user worked in, for the sign-in screen after the session expired (also after a reload of the tab
// then): remembered in the same tab storage while signed in, forgotten on an explicit sign-out.
const LANGUAGE = "kp.language";

/** The language remembered in this tab, or null. */
export function rememberedLanguage(storage, languages) {
  try {
    const value = storage ? storage.getItem(LANGUAGE) : null;
    return languages.includes(value) ? value : null;
  } catch (error) {
    console.warn("Drafts: the tab's storage refused; the browser's language applies", error);
    return null;
  }
}

/** Remembers the language (null forgets it). */
export function rememberLanguage(storage, language) {
  try {
    if (!storage) return;
    if (language) storage.setItem(LANGUAGE, language);
    else storage.removeItem(LANGUAGE);
  } catch (error) {
    console.warn("Drafts: the tab's storage refused; after an expiry the browser's language applies", error);
  }
}
