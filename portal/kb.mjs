// The knowledge base and the status page (issue 19), shown signed in and signed out (router.mjs: public pages, linked
// from the sign-in screen): #/kb (the categories with their article counts, the search box), #/kb/c/<categoryId> (its
// articles with summary, updated date and reader band), #/kb/a/<slug> (an article: its sanitised body, the share link,
// "Was dit artikel nuttig?"), #/kb/search?q=… and #/status (current notices first, then those of the last 90 days).
//
// Signed out every read is a /public/… route without a token (only public, published articles); signed in the /kb/…
// twins with the ID token (the claims decide what the user may read). An article opened from a list carries its id
// (#/kb/a/<slug>?id=<articleId>, the signed-in read GET /kb/articles/{articleId}); a share link has the slug only, which
// only the public read takes (GET /public/kb/articles/{slug}), signed in too: an article that is not public is then
// "not found or not public", with a link to the knowledge base.
//
// Like tickets.mjs: state in a plain object, pure view functions into node descriptions, ctx.show() mounts. A language
// change reads the page again (the API answers in the language asked for).

import { h } from "./dom.mjs";
import { localized } from "./i18n.mjs";
import { ARTICLE_ID, CATEGORY_ID, KB_QUERY_MAX, routeHash } from "./routes.mjs";
import { field, notice, page, problemBox } from "./widgets.mjs";
import { articleContent, articleItem, bandText, formatDay, kbGet, noticeView, query, signedIn } from "./kbparts.mjs";

/**
 * How many search results a search asks for: the API's most (SearchHandler, limit 1..50). The answer has no total and no
 * cursor, so a full answer means "this many or more".
 */
export const SEARCH_LIMIT = 50;
/** How many results the page shows at first, and how many more "Meer tonen" adds. */
export const SEARCH_SHOWN = 10;

const text = value => (value === undefined || value === null ? "" : String(value));
const itemsOf = answer => (answer && Array.isArray(answer.items) ? answer.items : []);

/** The frame of a knowledge page: the portal's menu when signed in; signed out the public pages' links and sign-in. */
function frame(ctx, ...children) {
  if (signedIn(ctx)) return page(ctx, ...children);
  const { tr } = ctx;
  return h("div", { class: "public kb-public" },
    h("nav", { class: "main-nav", "aria-label": tr("kb.publicNav") },
      h("a", { href: routeHash({ name: "kb" }) }, tr("nav.kb")),
      h("a", { href: routeHash({ name: "status" }) }, tr("nav.status")),
      h("a", { href: "#/tickets" }, tr("kb.signIn"))),
    ...children);
}

/** The search box: a search landmark that opens #/kb/search?q=…. */
function searchForm(state, ctx) {
  const { tr } = ctx;
  const submit = event => {
    if (event) event.preventDefault();
    const q = state.q.trim().slice(0, KB_QUERY_MAX);
    if (q) ctx.navigate(routeHash({ name: "kb-search", q }));
  };
  return h("form", { role: "search", class: "kb-search", novalidate: true, on: { submit } },
    field("kb-q", tr("kb.search.label"), h("input", { type: "search", value: state.q, maxlength: KB_QUERY_MAX,
      on: { input: e => { state.q = e.target.value; } } }), { tr }),
    h("button", { type: "submit" }, tr("kb.search.submit")));
}

/** Reads the page once and again on a language change: load() fills state, render() shows it. */
async function reading(ctx, state, render, load) {
  async function reload() {
    state.lang = ctx.lang;
    state.loading = true;
    state.error = null;
    render();
    try {
      await load();
    } catch (e) {
      state.error = e;
    }
    state.loading = false;
    render();
  }
  ctx.bind(() => (state.lang && state.lang !== ctx.lang ? reload() : render()));
  await reload();
  return { state, reload };
}

const categoriesOf = ctx => kbGet(ctx, "/kb/categories" + query(ctx.lang), "/public/kb/categories" + query(ctx.lang));

// ---------------------------------------------------------------------------------------------
// #/kb

export function kbHomeView(state, ctx) {
  const { tr, lang } = ctx;
  const categories = [...state.categories].sort((a, b) => (Number(a.order) || 0) - (Number(b.order) || 0));
  return frame(ctx,
    h("h1", null, tr("kb.heading")),
    h("p", null, signedIn(ctx) ? tr("kb.intro") : tr("kb.introPublic")),
    searchForm(state, ctx),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    !state.loading && !state.error && !categories.length ? h("p", null, tr("kb.noCategories")) : null,
    categories.length ? h("ul", { class: "kb-categories" }, categories.map(c => {
      const name = localized(c.names, lang) || text(c.slug);
      return h("li", null, CATEGORY_ID.test(text(c.categoryId))
        ? h("a", { href: routeHash({ name: "kb-category", categoryId: c.categoryId }) }, name) : name,
      " ", h("span", { class: "hint" }, tr(Number(c.articleCount) === 1 ? "kb.count.one" : "kb.count.other", { n: Number(c.articleCount) || 0 })));
    })) : null,
    h("p", null, h("a", { href: routeHash({ name: "status" }) }, tr("kb.toStatus"))));
}

export async function kbHomePage(ctx) {
  const state = { categories: [], q: "", loading: true, error: null, lang: null };
  const render = () => ctx.show(kbHomeView(state, ctx));
  return reading(ctx, state, render, async () => {
    state.categories = [];
    state.categories = itemsOrList(await categoriesOf(ctx));
  });
}

/** GET …/categories answers {items:[…]} or a list: the categories either way. */
function itemsOrList(answer) {
  return Array.isArray(answer) ? answer : itemsOf(answer);
}

// ---------------------------------------------------------------------------------------------
// #/kb/c/<categoryId>

export function kbCategoryView(state, ctx) {
  const { tr, lang } = ctx;
  const category = state.categories.find(c => c.categoryId === state.categoryId);
  return frame(ctx,
    h("p", { class: "back" }, h("a", { href: routeHash({ name: "kb" }) }, tr("kb.back"))),
    h("h1", null, category ? localized(category.names, lang) : tr("kb.category")),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    !state.loading && !state.error && !state.items.length ? h("p", null, tr("kb.noArticles")) : null,
    state.items.length ? h("ul", { class: "kb-list" }, state.items.map(a => articleItem(a, ctx))) : null,
    state.cursor ? h("button", { type: "button", id: "more", disabled: state.loading, on: { click: state.more } }, tr("more")) : null);
}

export async function kbCategoryPage(ctx, route) {
  const state = { categoryId: route.categoryId, categories: [], items: [], cursor: null, loading: true, error: null, lang: null };
  const render = () => ctx.show(kbCategoryView(state, ctx));
  const articles = cursor => {
    const params = query(ctx.lang, { category: state.categoryId, cursor });
    return kbGet(ctx, "/kb/articles" + params, "/public/kb/articles" + params);
  };
  state.more = async () => {
    if (state.loading || !state.cursor) return;
    state.loading = true;
    render();
    try {
      const answer = await articles(state.cursor);
      state.items.push(...itemsOf(answer));
      state.cursor = (answer && answer.cursor) || null;
    } catch (e) {
      state.error = e;
    }
    state.loading = false;
    render();
  };
  return reading(ctx, state, render, async () => {
    state.items = [];
    state.cursor = null;
    const [categories, answer] = await Promise.allSettled([categoriesOf(ctx), articles(null)]);
    if (categories.status === "fulfilled") state.categories = itemsOrList(categories.value);
    if (answer.status === "rejected") throw answer.reason;
    state.items = itemsOf(answer.value);
    state.cursor = answer.value.cursor || null;
  });
}

// ---------------------------------------------------------------------------------------------
// #/kb/a/<slug>

/**
 * The absolute share link of an article: the portal's origin and the API's relative shareUrl (else its route). An article
 * that is not public also carries its id (?id=…): the recipient signs in (the route stays in the hash) and the signed-in
 * read takes the id, where the slug alone would only reach the public read.
 */
export function shareLinkOf(article, origin) {
  let relative = text(article.shareUrl).startsWith("/#/") ? article.shareUrl : "/" + routeHash({ name: "kb-article", slug: article.slug });
  if (article.visibility && article.visibility !== "public" && ARTICLE_ID.test(text(article.articleId)) && !relative.includes("?")) {
    relative += "?id=" + encodeURIComponent(article.articleId);
  }
  return String(origin || "").replace(/\/$/, "") + relative;
}

export function kbArticleView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const a = state.article;
  if (!a) {
    return frame(ctx,
      h("p", { class: "back" }, h("a", { href: routeHash({ name: "kb" }) }, tr("kb.back"))),
      h("h1", null, tr("kb.article")),
      state.loading ? h("p", { role: "status" }, tr("loading")) : null,
      state.error && state.error.status === 404 ? h("p", null, tr(signedIn(ctx) ? "kb.notFound" : "kb.notFoundPublic")) : problemBox(state.error, tr),
      // signed out, a link that is not public may be a customer's: signing in here keeps the route, which then reads it signed in
      state.error && state.error.status === 404 && !signedIn(ctx) && ctx.signInHere
        ? h("p", null, h("button", { type: "button", class: "primary", on: { click: () => ctx.signInHere("kb.signInToRead") } }, tr("kb.signInToRead.button")))
        : null);
  }
  const share = shareLinkOf(a, ctx.origin);
  return frame(ctx,
    h("p", { class: "back" }, h("a", { href: CATEGORY_ID.test(text(a.categoryId)) ? routeHash({ name: "kb-category", categoryId: a.categoryId })
      : routeHash({ name: "kb" }) }, tr("kb.back"))),
    h("article", { class: "kb-article", lang: text(a.language) || null },
      h("h1", null, text(a.title)),
      h("p", { class: "hint" }, tr("kb.updated") + " ", h("time", { datetime: text(a.updatedAt) }, formatDay(a.updatedAt, lang)),
        a.readerBand ? [" · ", h("span", { class: "kb-band" }, bandText(tr, a.readerBand))] : null),
      a.language && a.language !== lang ? h("p", { class: "hint" }, tr("kb.otherLanguage", { language: tr("kb.language." + a.language) })) : null,
      articleContent(a)),
    h("section", { class: "kb-share", "aria-labelledby": "kb-share-heading" },
      h("h2", { id: "kb-share-heading" }, tr("kb.share")),
      field("kb-share-url", tr("kb.share.url"), h("input", { type: "url", readonly: true, value: share }), { tr }),
      h("button", { type: "button", on: { click: actions.copy } }, tr("kb.share.copy")),
      state.copied === true ? notice(tr("kb.share.copied")) : null,
      state.copied === false ? notice(tr("kb.share.copyFailed"), true) : null),
    h("section", { class: "kb-vote", "aria-labelledby": "kb-vote-heading" },
      h("h2", { id: "kb-vote-heading" }, tr("kb.vote.question")),
      state.voted ? notice(tr("kb.vote.thanks"))
        : h("p", null,
          h("button", { type: "button", disabled: state.voting, on: { click: () => actions.vote(true) } }, tr("kb.vote.yes")), " ",
          h("button", { type: "button", disabled: state.voting, on: { click: () => actions.vote(false) } }, tr("kb.vote.no"))),
      problemBox(state.voteError, tr)));
}

export async function kbArticlePage(ctx, route) {
  const state = { article: null, via: null, loading: true, error: null, lang: null, copied: null, voted: false, voting: false, voteError: null };
  const render = () => ctx.show(kbArticleView(state, ctx, actions));
  const actions = {
    async copy() {
      try {
        await ctx.copy(shareLinkOf(state.article, ctx.origin));
        state.copied = true;
      } catch {
        state.copied = false;   // the link stays in its field, to copy by hand
      }
      render();
    },
    async vote(helpful) {
      if (state.voting || state.voted) return;
      state.voting = true;
      state.voteError = null;
      render();
      try {
        if (state.via === "signed-in") {
          await ctx.api.post("/kb/articles/" + encodeURIComponent(state.article.articleId) + "/votes", { helpful });
        } else {
          await ctx.api.anonymous("POST", "/public/kb/articles/" + encodeURIComponent(state.article.slug) + "/votes", { helpful });
        }
        state.voted = true;
      } catch (e) {
        state.voteError = e;
      }
      state.voting = false;
      render();
    }
  };
  return reading(ctx, state, render, async () => {
    state.article = null;
    if (signedIn(ctx) && route.articleId) {
      state.article = await ctx.api.get("/kb/articles/" + encodeURIComponent(route.articleId) + query(ctx.lang));
      state.via = "signed-in";
    } else {
      state.article = await ctx.api.anonymous("GET", "/public/kb/articles/" + encodeURIComponent(route.slug) + query(ctx.lang));
      state.via = "public";
    }
  });
}

// ---------------------------------------------------------------------------------------------
// #/kb/search?q=…

/**
 * How many articles the search found, honestly: the API answers at most SEARCH_LIMIT and no total, so a full answer is
 * "50 or more" with the advice to search more specifically.
 */
export function foundText(tr, count, query) {
  if (count === 0) return tr("kb.search.none", { query });
  if (count === 1) return tr("kb.search.foundOne", { query });
  if (count >= SEARCH_LIMIT) return tr("kb.search.foundAtLeast", { n: count, query });
  return tr("kb.search.found", { n: count, query });
}

export function kbSearchView(state, ctx, actions = {}) {
  const { tr } = ctx;
  const shown = state.items.slice(0, state.shown);
  const hidden = state.items.length - shown.length;
  return frame(ctx,
    h("p", { class: "back" }, h("a", { href: routeHash({ name: "kb" }) }, tr("kb.back"))),
    h("h1", null, tr("kb.search.heading")),
    searchForm(state, ctx),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    !state.loading && !state.error && state.searched ? h("p", { role: "status" }, foundText(tr, state.items.length, state.searched)) : null,
    shown.length ? h("ul", { class: "kb-list" }, shown.map(a => articleItem(a, ctx))) : null,
    hidden > 0 ? h("p", { class: "hint" }, tr("kb.search.shown", { shown: shown.length, n: state.items.length })) : null,
    hidden > 0 && actions.more ? h("button", { type: "button", id: "kb-search-more", on: { click: actions.more } },
      tr("kb.search.more", { n: Math.min(SEARCH_SHOWN, hidden) })) : null);
}

export async function kbSearchPage(ctx, route) {
  const state = { q: route.q || "", searched: "", items: [], shown: SEARCH_SHOWN, loading: false, error: null, lang: null };
  const actions = { more() { state.shown += SEARCH_SHOWN; render(); } };
  const render = () => ctx.show(kbSearchView(state, ctx, actions));
  const reader = await reading(ctx, state, render, async () => {
    state.items = [];
    state.shown = SEARCH_SHOWN;
    state.searched = "";
    if (!route.q) return;
    const params = query(ctx.lang, { q: route.q, limit: SEARCH_LIMIT });
    state.items = itemsOf(await kbGet(ctx, "/kb/search" + params, "/public/kb/search" + params));
    state.searched = route.q;
  });
  return { ...reader, actions };
}

// ---------------------------------------------------------------------------------------------
// #/status

export function statusView(state, ctx) {
  const { tr } = ctx;
  const { current, past } = state;
  return frame(ctx,
    h("h1", null, tr("statusPage.heading")),
    h("p", null, tr("statusPage.intro")),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    h("section", { "aria-labelledby": "status-current" },
      h("h2", { id: "status-current" }, tr("statusPage.current")),
      !state.loading && !state.error && !current.length ? h("p", { class: "status-ok" }, tr("statusPage.allWell")) : null,
      current.map(n => noticeView(n, ctx, { level: "h3" }))),
    h("section", { "aria-labelledby": "status-past" },
      h("h2", { id: "status-past" }, tr("statusPage.past")),
      !state.loading && !state.error && !past.length ? h("p", null, tr("statusPage.noPast")) : null,
      past.map(n => noticeView(n, ctx, { level: "h3" }))),
    h("p", null, h("a", { href: routeHash({ name: "kb" }) }, tr("statusPage.toKb"))));
}

export async function statusPage(ctx) {
  const state = { current: [], past: [], loading: true, error: null, lang: null };
  const render = () => ctx.show(statusView(state, ctx));
  return reading(ctx, state, render, async () => {
    state.current = [];
    state.past = [];
    const answer = await ctx.api.anonymous("GET", "/public/status" + query(ctx.lang));
    state.current = Array.isArray(answer && answer.current) ? answer.current : [];
    state.past = Array.isArray(answer && answer.past) ? answer.past : [];
  });
}
