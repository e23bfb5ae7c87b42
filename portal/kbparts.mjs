// What the knowledge base's pages share (issue 19): the knowledge API read signed in (/kb/…, the ID token) or signed out
// (/public/kb/…, anonymous), articles and reader bands in words, a service notice with its timeline (the status page,
// the dashboard's `notices` card, the staff's notices), and the suggestion box of the new-ticket page.
// Node descriptions only (dom.mjs); an article's bodyHtml is the one piece of markup (articleBody), everything else text.

import { articleBody, h } from "./dom.mjs";
import { ARTICLE_SLUG, routeHash } from "./routes.mjs";
import { badge, formatAmsterdam, labelOf, problemBox } from "./widgets.mjs";

/** The reader bands of the API, fewest readers first (seed: "Weinig lezers", "Enkele lezers"). */
export const READER_BANDS = ["few", "some", "many", "popular"];
/** The kinds and statuses of a service notice (NoticesFunction). */
export const NOTICE_KINDS = ["outage", "maintenance", "information"];
export const NOTICE_STATUSES = ["investigating", "identified", "monitoring", "resolved", "scheduled", "in-progress", "completed"];
/** The visibilities of an article. */
export const VISIBILITIES = ["public", "customers", "customer", "staff"];
/** How long the suggestion box waits after the last key, and how many characters a title needs before it asks. */
export const SUGGEST_DELAY_MS = 400;
export const SUGGEST_MIN_LENGTH = 3;
/** The longest title the suggestions take (SearchArticles.MAX_QUERY_LENGTH; a longer one is refused with a 400): none asked. */
export const SUGGEST_MAX_LENGTH = 200;
/** The most suggestions shown. */
export const SUGGESTIONS_SHOWN = 3;

const text = value => (value === undefined || value === null ? "" : String(value));

/** Whether a page's ctx is a signed-in user's (app.mjs route()); a public page's ctx has no role. */
export const signedIn = ctx => typeof ctx.role === "string" && ctx.role !== "";

/** GET a knowledge route: signed in `/kb/…` with the token, signed out `/public/kb/…` (or `/public/status`) anonymously. */
export function kbGet(ctx, signedInPath, publicPath) {
  return signedIn(ctx) ? ctx.api.get(signedInPath) : ctx.api.anonymous("GET", publicPath);
}

/** ?lang=…&… for a knowledge route: the page's language first. */
export function query(lang, params = {}) {
  const search = new URLSearchParams({ lang });
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(name, value);
  return "?" + search.toString();
}

/** A reader band in words ("Weinig lezers"); a band the portal does not know shows as itself. */
export const bandText = (tr, band) => labelOf(tr, "kb.band.", band);

/** A date in the user's language, without the time ("3 dec 2026"). */
export function formatDay(iso, lang) {
  const date = new Date(iso || "");
  return Number.isNaN(date.getTime()) ? text(iso)
    : new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "Europe/Amsterdam" }).format(date);
}

/** The hash of an article: its share link, with its id when the list gave one (the signed-in read takes the id). */
export function articleHash(article) {
  if (!ARTICLE_SLUG.test(text(article && article.slug))) return null;
  return routeHash({ name: "kb-article", slug: article.slug, articleId: article.articleId || null });
}

/**
 * An article in a list under the page's h1: its title linked (an h2), its summary, and (when the answer has them) its
 * updated date and reader band.
 */
export function articleItem(article, ctx) {
  const { tr, lang } = ctx;
  const href = articleHash(article);
  return h("li", { class: "kb-item" },
    h("h2", null, href ? h("a", { href }, text(article.title)) : text(article.title)),
    article.summary ? h("p", null, text(article.summary)) : null,
    article.updatedAt || article.readerBand ? h("p", { class: "hint" },
      article.updatedAt ? [tr("kb.updated") + " ", h("time", { datetime: text(article.updatedAt) }, formatDay(article.updatedAt, lang))] : null,
      article.updatedAt && article.readerBand ? " · " : null,
      article.readerBand ? h("span", { class: "kb-band" }, bandText(tr, article.readerBand)) : null) : null);
}

/** The body of an article: the API's sanitised bodyHtml (the only markup the portal shows). */
export function articleContent(article) {
  return articleBody(article && article.bodyHtml);
}

// ---------------------------------------------------------------------------------------------
// A service notice

/** A notice: kind, service, status, start, expected end (or end), its text and the timeline of updates (newest first). */
export function noticeView(notice, ctx, { level = "h2", staff = false, names = null } = {}) {
  const { tr, lang } = ctx;
  const at = iso => h("time", { datetime: text(iso) }, formatAmsterdam(iso, lang));
  const updates = Array.isArray(notice.updates) ? notice.updates : [];
  const affects = notice.affects;
  const nameOf = id => (names && names[id]) || id;
  return h("article", { class: "kb-notice kb-notice-" + text(notice.kind).replace(/[^a-z-]/g, "") },
    h(level, null, text(notice.title)),
    h("p", { class: "notice-facts" },
      badge("notice-kind", notice.kind, labelOf(tr, "notice.kind.", notice.kind)), " ",
      h("strong", null, text(notice.service)), " ",
      badge("notice-status", notice.status, labelOf(tr, "notice.status.", notice.status))),
    h("dl", { class: "facts notice-times" },
      h("dt", null, tr("notice.startsAt")), h("dd", null, at(notice.startsAt)),
      notice.endedAt ? [h("dt", null, tr("notice.endedAt")), h("dd", null, at(notice.endedAt))]
        : [h("dt", null, tr("notice.expectedEndAt")), h("dd", null, notice.expectedEndAt ? at(notice.expectedEndAt) : tr("notice.noExpectedEnd"))],
      staff && affects ? [h("dt", null, tr("notice.affects")),
        h("dd", null, affects.all === true ? tr("notice.affects.all")
          : (Array.isArray(affects.customers) ? affects.customers : []).map(nameOf).join(", "))] : null),
    notice.body ? h("p", { class: "notice-body" }, text(notice.body)) : null,
    updates.length ? [h("h" + (Number(level.slice(1)) + 1), null, tr("notice.timeline")),
      h("ol", { class: "notice-timeline" }, updates.map(u => h("li", null,
        at(u.at), " ", badge("notice-status", u.status, labelOf(tr, "notice.status.", u.status)),
        u.text ? [" ", h("span", null, text(u.text))] : null)))] : null);
}

// ---------------------------------------------------------------------------------------------
// The suggestion box of the new-ticket page (customer roles): while the title is typed, GET /kb/suggestions after a pause
// (SUGGEST_DELAY_MS, at least SUGGEST_MIN_LENGTH characters), at most SUGGESTIONS_SHOWN articles; opening one shows it in
// a panel below the box (the form and what was typed stay as they are) and posts /kb/suggestions/{id}/opened, once per
// suggestion and article. A failed suggestion request is a hint only: the ticket can always be raised.

/** The box's state: the latest answer and the article opened in the panel. */
export function suggestionState() {
  return { asked: "", suggestionId: null, items: [], error: null, open: null, openError: null, opening: null, openedError: null };
}

/**
 * The box's behaviour: typed(title) after each key, open(item), close(). ctx.later / ctx.cancelLater (setTimeout by
 * default) time the pause; answers to an older title than the latest are dropped.
 */
export function suggestions(ctx, state, render) {
  const later = ctx.later || ((fn, ms) => setTimeout(fn, ms));
  const cancel = ctx.cancelLater || (timer => clearTimeout(timer));
  const posted = new Set();
  let timer = null;
  let latest = 0;

  async function ask(title) {
    const mine = ++latest;
    try {
      const answer = await ctx.api.get("/kb/suggestions" + query(ctx.lang, { title }));
      if (mine !== latest) return;
      state.asked = title;
      state.suggestionId = answer && typeof answer.suggestionId === "string" ? answer.suggestionId : null;
      state.items = (answer && Array.isArray(answer.items) ? answer.items : []).slice(0, SUGGESTIONS_SHOWN);
      state.error = null;
    } catch (e) {
      if (mine !== latest) return;
      state.error = e;
    }
    render();
  }

  return {
    typed(title) {
      if (timer !== null) cancel(timer);
      timer = null;
      const wanted = text(title).trim();
      if (wanted.length < SUGGEST_MIN_LENGTH) {
        latest++;
        if (state.items.length || state.error) {
          Object.assign(state, { asked: "", suggestionId: null, items: [], error: null });
          render();
        }
        return;
      }
      if (wanted.length > SUGGEST_MAX_LENGTH) {
        latest++;
        return;
      }
      timer = later(() => {
        timer = null;
        if (wanted !== state.asked || state.error) return ask(wanted);
        return undefined;
      }, SUGGEST_DELAY_MS);
    },
    async open(item) {
      const suggestionId = state.suggestionId;
      state.opening = item.articleId;
      state.openError = null;
      render();
      // "opened", once per suggestion and article; a failed post is said in the panel and sent again on the next open
      const key = suggestionId + " " + item.articleId;
      let post = null;
      if (suggestionId && !posted.has(key)) {
        posted.add(key);
        post = ctx.api.post("/kb/suggestions/" + encodeURIComponent(suggestionId) + "/opened", { articleId: item.articleId })
          .then(() => { state.openedError = null; }, e => { posted.delete(key); state.openedError = e; });
      }
      try {
        state.open = await ctx.api.get("/kb/articles/" + encodeURIComponent(item.articleId) + query(ctx.lang));
      } catch (e) {
        state.open = null;
        state.openError = e;
      }
      state.opening = null;
      await post;
      render();
    },
    close() {
      state.open = null;
      state.openError = null;
      render();
    }
  };
}

/** The box under the title field: the suggestions (a button each opens it in the panel) and the panel. */
export function suggestionBox(state, ctx, box) {
  const { tr } = ctx;
  if (!state.items.length && !state.error && !state.open && !state.openError) return null;
  return h("section", { class: "kb-suggestions", "aria-labelledby": "kb-suggestions-heading", "aria-live": "polite" },
    h("h2", { id: "kb-suggestions-heading" }, tr("kb.suggest.heading")),
    state.error ? h("p", { class: "hint" }, tr("kb.suggest.failed")) : null,
    state.items.length ? [h("p", { class: "hint" }, tr("kb.suggest.intro")),
      h("ul", { class: "kb-suggestion-list" }, state.items.map(item => h("li", null,
        h("button", { type: "button", class: "link-button", "aria-expanded": state.open && state.open.articleId === item.articleId ? "true" : "false",
          disabled: state.opening === item.articleId, on: { click: () => box.open(item) } }, text(item.title)),
        item.summary ? h("p", { class: "hint" }, text(item.summary)) : null)))] : null,
    problemBox(state.openError, tr),
    state.open ? h("div", { class: "kb-panel", role: "region", "aria-labelledby": "kb-panel-heading" },
      h("h3", { id: "kb-panel-heading" }, text(state.open.title)),
      articleContent(state.open),
      h("p", null,
        articleHash(state.open) ? h("a", { href: articleHash(state.open), target: "_blank", rel: "noopener" }, tr("kb.suggest.newTab")) : null, " ",
        h("button", { type: "button", on: { click: box.close } }, tr("kb.suggest.close"))),
      state.openedError ? h("p", { class: "hint" }, tr("kb.suggest.notCounted")) : null,
      h("p", { class: "hint" }, tr("kb.suggest.kept"))) : null);
}
