// Provider staff's management of the knowledge base and of the service notices (issue 19):
// #/admin/kb — the articles (state, visibility, reads, helpful), per category or all;
// #/admin/kb/new and #/admin/kb/<articleId> — the editor: category, visibility (one customer's: which), tags, per
//   language title, summary and Markdown body; saved with the version read (PUT; a 409 version-conflict reads the article
//   again, says so and keeps what was typed), publish / unpublish, and the version history;
// #/admin/kb/categories — the categories (provider admins: create and change; agents read);
// #/admin/kb/stats — per article reads, reader band, helpful yes/no and the suggestions shown, opened and deflected;
// #/admin/notices — the current and past notices (with the customers they affect) and a new notice;
// #/admin/notices/<noticeId> — a notice with its timeline and a new update (a status, texts per language).
// A user who is not provider staff gets a sentence and no request. Every change is audited and versioned by the API.

import { h } from "./dom.mjs";
import { loadAll } from "./api.mjs";
import { LANGUAGES, localized } from "./i18n.mjs";
import { ARTICLE_ID, CATEGORY_ID, NOTICE_ID, routeHash } from "./routes.mjs";
import { badge, field, formatAmsterdam, labelOf, notice, page, problemBox, scrolling, select } from "./widgets.mjs";
import { checkbox, formHead, formState, input, run } from "./forms.mjs";
import { bandText, formatDay, NOTICE_KINDS, NOTICE_STATUSES, noticeView, query, VISIBILITIES } from "./kbparts.mjs";

const STAFF = ["provider-agent", "provider-admin"];
const isStaff = ctx => STAFF.includes(ctx.role);
const text = value => (value === undefined || value === null ? "" : String(value));
const itemsOf = answer => (Array.isArray(answer) ? answer : answer && Array.isArray(answer.items) ? answer.items : []);
const number = value => (Number.isFinite(Number(value)) ? Number(value) : 0);

/** The management pages' links, under each page's heading. */
function adminLinks(ctx) {
  const { tr } = ctx;
  return h("nav", { class: "sub-nav", "aria-label": tr("kb.admin.nav") },
    h("a", { href: routeHash({ name: "kb-admin" }) }, tr("kb.admin.articles")),
    h("a", { href: routeHash({ name: "kb-new" }) }, tr("kb.admin.new")),
    h("a", { href: routeHash({ name: "kb-categories" }) }, tr("kb.admin.categories")),
    h("a", { href: routeHash({ name: "kb-stats" }) }, tr("kb.admin.stats")),
    h("a", { href: routeHash({ name: "notices-admin" }) }, tr("nav.noticesAdmin")));
}

/** Whether the page is refused (anyone but provider staff): then "no access" and that it is provider staff's, and no request. */
function staffOnly(ctx) {
  if (isStaff(ctx)) return false;
  ctx.show(page(ctx, h("h1", null, ctx.tr("admin.notAllowed")), h("p", null, ctx.tr("kb.admin.staffOnly")),
    h("p", null, h("a", { href: routeHash({ name: "kb" }) }, ctx.tr("statusPage.toKb")))));
  return true;
}

const categoryName = (categories, id, lang) => {
  const found = categories.find(c => c.categoryId === id);
  return found ? localized(found.names, lang) || text(found.slug) : text(id);
};

// ---------------------------------------------------------------------------------------------
// #/admin/kb

export function articlesView(state, ctx, actions) {
  const { tr, lang } = ctx;
  return page(ctx,
    h("h1", null, tr("kb.admin.articles")),
    adminLinks(ctx),
    field("kb-filter", tr("kb.admin.category"), select([["", tr("kb.admin.allCategories")],
      ...state.categories.map(c => [c.categoryId, localized(c.names, lang) || text(c.slug)])], state.category, actions.filter), { tr }),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    !state.loading && !state.error && !state.items.length ? h("p", null, tr("kb.noArticles")) : null,
    state.items.length ? scrolling(tr, h("table", { class: "kb-admin-articles" },
      h("caption", { class: "visually-hidden" }, tr("kb.admin.articles")),
      h("thead", null, h("tr", null, ["kb.col.title", "kb.col.category", "kb.col.state", "kb.col.visibility", "kb.col.reads",
        "kb.col.helpful", "kb.col.updated"].map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, state.items.map(a => h("tr", null,
        h("th", { scope: "row" }, ARTICLE_ID.test(text(a.articleId)) ? h("a", { href: routeHash({ name: "kb-edit", articleId: a.articleId }) },
          text(a.title) || text(a.slug)) : text(a.title)),
        h("td", null, categoryName(state.categories, a.categoryId, lang)),
        h("td", null, badge("kb-state", a.state, labelOf(tr, "kb.state.", a.state))),
        h("td", null, labelOf(tr, "kb.visibility.", a.visibility)),
        h("td", { class: "amount" }, String(number(a.reads)), a.readerBand ? [" ", h("span", { class: "hint" }, bandText(tr, a.readerBand))] : null),
        h("td", null, tr("kb.helpful", { yes: number(a.helpful && a.helpful.yes), no: number(a.helpful && a.helpful.no) })),
        h("td", null, formatDay(a.updatedAt, lang))))))) : null,
    state.cursor ? h("button", { type: "button", id: "more", disabled: state.loading, on: { click: actions.more } }, tr("more")) : null);
}

export async function kbAdminPage(ctx) {
  if (staffOnly(ctx)) return null;
  const state = { categories: [], category: "", items: [], cursor: null, loading: true, error: null };
  const render = ctx.bind(() => ctx.show(articlesView(state, ctx, actions)));
  async function load(cursor) {
    state.loading = true;
    state.error = null;
    if (!cursor) state.items = [];
    render();
    try {
      const answer = await ctx.api.get("/kb/articles" + query(ctx.lang, { category: state.category, cursor }));
      state.items.push(...itemsOf(answer));
      state.cursor = (answer && answer.cursor) || null;
    } catch (e) {
      state.error = e;
    }
    state.loading = false;
    render();
  }
  const actions = {
    filter(e) { state.category = e.target.value; return load(null); },
    more() { return state.loading || !state.cursor ? undefined : load(state.cursor); }
  };
  const categories = ctx.api.get("/kb/categories" + query(ctx.lang)).then(a => { state.categories = itemsOf(a); }, e => { state.error = e; });
  await Promise.all([categories, load(null)]);
  render();
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/kb/new, #/admin/kb/<articleId>: the editor

const emptyTexts = () => Object.fromEntries(LANGUAGES.map(l => [l, { title: "", summary: "", bodyMarkdown: "" }]));

/** The editor's draft of an article (staff's edit view: texts per language). */
export function articleDraft(article) {
  const texts = emptyTexts();
  for (const l of LANGUAGES) {
    const t = article && article.texts && article.texts[l];
    if (t) texts[l] = { title: text(t.title), summary: text(t.summary), bodyMarkdown: text(t.bodyMarkdown) };
  }
  return { categoryId: text(article && article.categoryId), visibility: text(article && article.visibility) || "customers",
    customerId: text(article && article.customerId), tags: ((article && article.tags) || []).join(", "), texts };
}

/**
 * The POST / PUT body of a draft: the languages with any text (a language left empty is not sent), the tags split on
 * commas, the customer only with visibility "customer"; PUT adds the version read.
 */
export function articleBodyOf(draft, version) {
  const texts = {};
  for (const l of LANGUAGES) {
    const t = draft.texts[l];
    if (t.title.trim() || t.summary.trim() || t.bodyMarkdown.trim()) texts[l] = { title: t.title, summary: t.summary, bodyMarkdown: t.bodyMarkdown };
  }
  const body = { categoryId: draft.categoryId || null, visibility: draft.visibility,
    tags: [...new Set(draft.tags.split(",").map(t => t.trim()).filter(Boolean))], texts };
  if (draft.visibility === "customer") body.customerId = draft.customerId || null;
  if (version !== undefined) body.version = version;
  return body;
}

function languageFields(form, ctx) {
  const { tr } = ctx;
  return LANGUAGES.map(l => {
    const t = form.draft.texts[l];
    const name = part => "texts." + l + "." + part;
    return h("fieldset", { class: "kb-language" }, h("legend", null, tr("kb.language." + l)),
      input(name("title"), tr("kb.edit.title"), t.title, v => { t.title = v; }, { error: form.errors[name("title")], tr, maxlength: 200 }),
      input(name("summary"), tr("kb.edit.summary"), t.summary, v => { t.summary = v; }, { error: form.errors[name("summary")], tr, maxlength: 500 }),
      field(name("bodyMarkdown"), tr("kb.edit.body"), h("textarea", { rows: 12, on: { input: e => { t.bodyMarkdown = e.target.value; } } },
        t.bodyMarkdown), { error: form.errors[name("bodyMarkdown")], tr }));
  });
}

export function editorView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const form = state.form;
  const a = state.article;
  const shown = ["categoryId", "visibility", "customerId", "tags", ...LANGUAGES.flatMap(l => ["title", "summary", "bodyMarkdown"]
    .map(p => "texts." + l + "." + p))];
  return page(ctx,
    h("h1", null, a ? tr("kb.edit.heading", { title: text(a.title) || text(a.slug) }) : tr("kb.admin.new")),
    adminLinks(ctx),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    a ? h("p", null, badge("kb-state", a.state, labelOf(tr, "kb.state.", a.state)), " ",
      tr("kb.edit.version", { version: number(a.version) }), " · ",
      tr("kb.updated") + " " + formatAmsterdam(a.updatedAt, lang),
      a.state === "published" && a.slug ? [" · ", h("a", { href: routeHash({ name: "kb-article", slug: a.slug, articleId: a.articleId }) },
        tr("kb.edit.view"))] : null) : null,
    state.loading && !a && state.articleId ? null : h("form", { novalidate: true, class: "kb-editor", on: { submit: actions.save } },
      formHead(form, tr, shown),
      field("categoryId", tr("kb.admin.category"), select([["", tr("choose")], ...state.categories.map(c => [c.categoryId,
        localized(c.names, lang) || text(c.slug)])], form.draft.categoryId, e => { form.draft.categoryId = e.target.value; }),
      { error: form.errors.categoryId, required: true, tr }),
      field("visibility", tr("kb.col.visibility"), select(VISIBILITIES.map(v => [v, labelOf(tr, "kb.visibility.", v)]), form.draft.visibility,
        e => { form.draft.visibility = e.target.value; actions.render(); }), { error: form.errors.visibility, required: true, tr }),
      form.draft.visibility === "customer" ? [problemBox(state.customersError, tr),
        field("customerId", tr("kb.edit.customer"), select([["", tr("choose")], ...state.customers.map(c => [c.id, text(c.name) + " (" + c.id + ")"])],
          form.draft.customerId, e => { form.draft.customerId = e.target.value; }), { error: form.errors.customerId, required: true, tr })] : null,
      input("tags", tr("kb.edit.tags"), form.draft.tags, v => { form.draft.tags = v; }, { error: form.errors.tags, tr, hint: tr("kb.edit.tagsHint") }),
      h("p", { class: "hint" }, tr("kb.edit.markdownHint")),
      languageFields(form, ctx),
      h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save"))),
    a ? h("section", { class: "kb-publish", "aria-labelledby": "kb-publish-heading" },
      h("h2", { id: "kb-publish-heading" }, tr("kb.edit.publishing")),
      formHead(state.publishForm, tr, []),
      a.state === "published"
        ? h("button", { type: "button", disabled: state.publishForm.busy, on: { click: () => actions.publish("unpublish") } }, tr("kb.edit.unpublish"))
        : h("button", { type: "button", class: "primary", disabled: state.publishForm.busy, on: { click: () => actions.publish("publish") } },
          tr("kb.edit.publish"))) : null,
    a ? h("section", { class: "kb-versions", "aria-labelledby": "kb-versions-heading" },
      h("h2", { id: "kb-versions-heading" }, tr("kb.edit.versions")),
      problemBox(state.versionsError, tr),
      state.versions.length ? scrolling(tr, h("table", null,
        h("caption", { class: "visually-hidden" }, tr("kb.edit.versions")),
        h("thead", null, h("tr", null, ["kb.col.version", "kb.col.when", "kb.col.actor", "kb.col.state"].map(k => h("th", { scope: "col" }, tr(k))))),
        h("tbody", null, state.versions.map(v => h("tr", null,
          h("th", { scope: "row" }, String(number(v.version))), h("td", null, formatAmsterdam(v.updatedAt, lang)), h("td", null, text(v.actorName || v.actor)),
          h("td", null, labelOf(tr, "kb.state.", v.state))))))) : h("p", null, tr("kb.edit.noVersions"))) : null);
}

export async function kbEditorPage(ctx, route) {
  if (staffOnly(ctx)) return null;
  const articleId = route.name === "kb-edit" ? route.articleId : null;
  const state = { articleId, article: null, categories: [], customers: [], customersError: null, versions: [], versionsError: null,
    loading: true, error: null, form: formState(articleDraft(null)), publishForm: formState({}) };
  const render = ctx.bind(() => ctx.show(editorView(state, ctx, actions)));
  const path = () => "/kb/articles/" + encodeURIComponent(articleId);

  /** The article as it is now (staff's edit view) and its versions; draft: whether the form takes it too. */
  async function read(draft) {
    const [article, versions] = await Promise.allSettled([ctx.api.get(path()), ctx.api.get(path() + "/versions")]);
    if (article.status === "rejected") throw article.reason;
    state.article = article.value;
    if (draft) state.form.draft = articleDraft(article.value);
    state.versions = versions.status === "fulfilled" ? itemsOf(versions.value) : [];
    state.versionsError = versions.status === "rejected" ? versions.reason : null;
  }

  const actions = {
    render,
    save(event) {
      if (event) event.preventDefault();
      const body = articleBodyOf(state.form.draft, state.article ? state.article.version : undefined);
      return run(state.form, render, ctx.tr, {
        conflictKey: "kb.edit.conflict",
        work: () => (articleId ? ctx.api.put(path(), body) : ctx.api.post("/kb/articles", body)),
        done: async answer => {
          if (!articleId) {
            ctx.flash(ctx.tr("kb.edit.created"));
            if (answer && ARTICLE_ID.test(text(answer.articleId))) ctx.navigate(routeHash({ name: "kb-edit", articleId: answer.articleId }));
            return;
          }
          state.form.notice = ctx.tr("kb.edit.saved");
          await read(false).catch(e => { state.error = e; });
        },
        // a stale version: the article as it is now (its new version), and the draft as typed
        reload: articleId ? () => read(false) : null
      });
    },
    publish(action) {
      return run(state.publishForm, render, ctx.tr, {
        conflictKey: "kb.edit.conflict",
        work: () => ctx.api.post(path() + "/" + action),
        done: async () => {
          state.publishForm.notice = ctx.tr(action === "publish" ? "kb.edit.published" : "kb.edit.unpublished");
          await read(false).catch(e => { state.error = e; });
        },
        reload: () => read(false)
      });
    }
  };
  const loads = [
    ctx.api.get("/kb/categories" + query(ctx.lang)).then(a => { state.categories = itemsOf(a); }, e => { state.error = e; }),
    loadAll(ctx.api, "/customers").then(items => { state.customers = items; }, e => { state.customersError = e; })
  ];
  if (articleId) loads.push(read(true).catch(e => { state.error = e; }));
  render();
  await Promise.all(loads);
  state.loading = false;
  render();
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/kb/categories (provider admins change them; agents read)

const emptyCategory = () => ({ slug: "", order: "", names: { nl: "", en: "", de: "" } });
const categoryDraft = c => ({ slug: text(c.slug), order: String(number(c.order)),
  names: Object.fromEntries(LANGUAGES.map(l => [l, text(c.names && c.names[l])])) });

/** The POST / PUT body of a category. */
export function categoryBody(draft) {
  return { slug: draft.slug.trim(), names: { ...draft.names }, order: Number.isFinite(Number(draft.order)) && draft.order !== "" ? Number(draft.order) : 0 };
}

function categoryForm(name, form, ctx, submit, label) {
  const { tr } = ctx;
  const d = form.draft;
  const shown = ["slug", "order", ...LANGUAGES.map(l => "names." + l)];
  return h("form", { novalidate: true, class: "kb-category-form", on: { submit } },
    formHead(form, tr, shown),
    input(name + "slug", tr("kb.cat.slug"), d.slug, v => { d.slug = v; }, { error: form.errors.slug, required: true, tr, maxlength: 60 }),
    LANGUAGES.map(l => input(name + "names." + l, tr("kb.cat.name", { language: tr("kb.language." + l) }), d.names[l], v => { d.names[l] = v; },
      { error: form.errors["names." + l], required: true, tr, maxlength: 100 })),
    input(name + "order", tr("kb.cat.order"), d.order, v => { d.order = v; }, { type: "number", error: form.errors.order, tr }),
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : label));
}

export function categoriesView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const admin = ctx.role === "provider-admin";
  return page(ctx,
    h("h1", null, tr("kb.admin.categories")),
    adminLinks(ctx),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    admin ? null : h("p", { class: "hint" }, tr("kb.cat.adminOnly")),
    h("ul", { class: "kb-admin-categories" }, state.categories.map(c => h("li", null,
      h("h2", null, localized(c.names, lang) || text(c.slug)),
      h("p", { class: "hint" }, tr("kb.cat.facts", { slug: text(c.slug), order: number(c.order), n: number(c.articleCount) })),
      admin && state.forms[c.categoryId]
        ? categoryForm("cat-" + c.categoryId + ".", state.forms[c.categoryId], ctx, e => actions.save(e, c.categoryId), tr("sla.save")) : null))),
    admin ? h("section", { "aria-labelledby": "kb-cat-new" }, h("h2", { id: "kb-cat-new" }, tr("kb.cat.new")),
      categoryForm("new.", state.newForm, ctx, actions.create, tr("kb.cat.create"))) : null);
}

export async function kbCategoriesPage(ctx) {
  if (staffOnly(ctx)) return null;
  const state = { categories: [], forms: {}, newForm: formState(emptyCategory()), loading: true, error: null };
  const render = ctx.bind(() => ctx.show(categoriesView(state, ctx, actions)));
  async function load() {
    try {
      state.categories = itemsOf(await ctx.api.get("/kb/categories" + query(ctx.lang)));
      // a category's form keeps what was typed in it (after a 409 too); a new category gets its own
      const kept = state.forms;
      state.forms = Object.fromEntries(state.categories.filter(c => CATEGORY_ID.test(text(c.categoryId)))
        .map(c => [c.categoryId, kept[c.categoryId] || formState(categoryDraft(c))]));
    } catch (e) {
      state.error = e;
    }
  }
  const actions = {
    save(event, id) {
      if (event) event.preventDefault();
      const form = state.forms[id];
      return run(form, render, ctx.tr, {
        conflictKey: "kb.cat.conflict",
        work: () => ctx.api.put("/kb/categories/" + encodeURIComponent(id), categoryBody(form.draft)),
        done: async () => {
          delete state.forms[id];
          await load();
          if (state.forms[id]) state.forms[id].notice = ctx.tr("kb.cat.saved");
        },
        reload: load
      });
    },
    create(event) {
      if (event) event.preventDefault();
      return run(state.newForm, render, ctx.tr, {
        work: () => ctx.api.post("/kb/categories", categoryBody(state.newForm.draft)),
        done: async () => { state.newForm = formState(emptyCategory()); state.newForm.notice = ctx.tr("kb.cat.created"); await load(); }
      });
    }
  };
  render();
  await load();
  state.loading = false;
  render();
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/kb/stats

export function statsView(state, ctx) {
  const { tr } = ctx;
  const s = row => row.suggestions || {};
  return page(ctx,
    h("h1", null, tr("kb.admin.stats")),
    adminLinks(ctx),
    h("p", { class: "hint" }, tr("kb.stats.intro")),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    !state.loading && !state.error && !state.items.length ? h("p", null, tr("kb.noArticles")) : null,
    state.items.length ? scrolling(tr, h("table", { class: "kb-stats" },
      h("caption", { class: "visually-hidden" }, tr("kb.admin.stats")),
      h("thead", null, h("tr", null, ["kb.col.title", "kb.col.reads", "kb.col.band", "kb.col.helpfulYes", "kb.col.helpfulNo",
        "kb.col.shown", "kb.col.opened", "kb.col.deflected"].map(k => h("th", { scope: "col" }, tr(k))))),
      h("tbody", null, state.items.map(row => h("tr", null,
        h("th", { scope: "row" }, ARTICLE_ID.test(text(row.articleId)) ? h("a", { href: routeHash({ name: "kb-edit", articleId: row.articleId }) },
          text(row.title) || text(row.slug) || row.articleId) : text(row.title)),
        h("td", { class: "amount" }, String(number(row.reads))),
        h("td", null, row.readerBand ? bandText(tr, row.readerBand) : ""),
        h("td", { class: "amount" }, String(number(row.helpful && row.helpful.yes))),
        h("td", { class: "amount" }, String(number(row.helpful && row.helpful.no))),
        h("td", { class: "amount" }, String(number(s(row).shown))),
        h("td", { class: "amount" }, String(number(s(row).opened))),
        h("td", { class: "amount" }, String(number(s(row).deflected)))))))) : null);
}

export async function kbStatsPage(ctx) {
  if (staffOnly(ctx)) return null;
  const state = { items: [], loading: true, error: null };
  const render = ctx.bind(() => ctx.show(statsView(state, ctx)));
  render();
  try {
    // Reads and votes are the articles' (GET /kb/stats), the suggestion figures the search's (GET /kb/search/stats).
    const [articles, search] = await Promise.all([ctx.api.get("/kb/stats" + query(ctx.lang)), ctx.api.get("/kb/search/stats")]);
    const figures = new Map(itemsOf(search).map(f => [f.articleId, f]));
    state.items = itemsOf(articles).map(row => ({ ...row,
      suggestions: row.suggestions || figures.get(row.articleId) || { shown: 0, opened: 0, deflected: 0 } }));
  } catch (e) {
    state.error = e;
  }
  state.loading = false;
  render();
  return { state };
}

// ---------------------------------------------------------------------------------------------
// #/admin/notices, #/admin/notices/<noticeId>

/** "2026-12-06T14:30" (an <input type="datetime-local">, the browser's clock) as an ISO instant; "" stays null. */
export function instantOf(local) {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? String(local) : date.toISOString().replace(/\.000Z$/, "Z");
}

const emptyNotice = () => ({ kind: "outage", service: "", status: "investigating", all: true, customers: [], startsAt: "", expectedEndAt: "",
  texts: Object.fromEntries(LANGUAGES.map(l => [l, { title: "", body: "" }])) });

/** The POST /notices body of a draft: affects all, or the customers picked; the languages with a text. */
export function noticeBody(draft) {
  const texts = {};
  for (const l of LANGUAGES) {
    const t = draft.texts[l];
    if (t.title.trim() || t.body.trim()) texts[l] = { title: t.title, body: t.body };
  }
  const body = { kind: draft.kind, service: draft.service, affects: draft.all ? { all: true } : { customers: [...draft.customers] },
    startsAt: instantOf(draft.startsAt), status: draft.status, texts };
  if (draft.expectedEndAt) body.expectedEndAt = instantOf(draft.expectedEndAt);
  return body;
}

const emptyUpdate = status => ({ status: status || "investigating", expectedEndAt: "",
  texts: Object.fromEntries(LANGUAGES.map(l => [l, { text: "" }])) });

/** The POST /notices/{id}/updates body: the status, the new expected end if any, the texts per language given. */
export function updateBody(draft) {
  const texts = {};
  for (const l of LANGUAGES) if (draft.texts[l].text.trim()) texts[l] = { text: draft.texts[l].text };
  const body = { status: draft.status, texts };
  if (draft.expectedEndAt) body.expectedEndAt = instantOf(draft.expectedEndAt);
  return body;
}

function newNoticeForm(state, ctx, actions) {
  const { tr } = ctx;
  const form = state.form;
  const d = form.draft;
  const shown = ["kind", "service", "status", "affects", "startsAt", "expectedEndAt", ...LANGUAGES.flatMap(l => ["texts." + l + ".title", "texts." + l + ".body"])];
  return h("form", { novalidate: true, class: "notice-form", on: { submit: actions.create } },
    formHead(form, tr, shown),
    field("kind", tr("notice.kind"), select(NOTICE_KINDS.map(k => [k, labelOf(tr, "notice.kind.", k)]), d.kind, e => { d.kind = e.target.value; }),
      { error: form.errors.kind, required: true, tr }),
    input("service", tr("notice.service"), d.service, v => { d.service = v; }, { error: form.errors.service, required: true, tr, maxlength: 100 }),
    field("status", tr("notice.status"), select(NOTICE_STATUSES.map(s => [s, labelOf(tr, "notice.status.", s)]), d.status,
      e => { d.status = e.target.value; }), { error: form.errors.status, required: true, tr }),
    h("fieldset", null, h("legend", null, tr("notice.affects")),
      checkbox("affects.all", tr("notice.affects.all"), d.all, v => { d.all = v; actions.render(); }),
      d.all ? null : [problemBox(state.customersError, tr),
        h("div", { class: "sub-checks" }, state.customers.map(c => checkbox("affects." + c.id, text(c.name) + " (" + c.id + ")",
          d.customers.includes(c.id), v => { d.customers = v ? [...d.customers, c.id] : d.customers.filter(x => x !== c.id); })))],
      form.errors.affects ? h("p", { class: "field-error" }, form.errors.affects) : null),
    input("startsAt", tr("notice.startsAt"), d.startsAt, v => { d.startsAt = v; }, { type: "datetime-local", error: form.errors.startsAt,
      required: true, tr, hint: tr("notice.localTime") }),
    input("expectedEndAt", tr("notice.expectedEndAt"), d.expectedEndAt, v => { d.expectedEndAt = v; },
      { type: "datetime-local", error: form.errors.expectedEndAt, tr }),
    LANGUAGES.map(l => h("fieldset", { class: "kb-language" }, h("legend", null, tr("kb.language." + l)),
      input("texts." + l + ".title", tr("notice.title"), d.texts[l].title, v => { d.texts[l].title = v; },
        { error: form.errors["texts." + l + ".title"], tr, maxlength: 200 }),
      field("texts." + l + ".body", tr("notice.body"), h("textarea", { rows: 4, on: { input: e => { d.texts[l].body = e.target.value; } } },
        d.texts[l].body), { error: form.errors["texts." + l + ".body"], tr }))),
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("notice.create")));
}

export function noticesView(state, ctx, actions) {
  const { tr } = ctx;
  const list = (items, none) => (items.length ? h("ul", { class: "notice-list" }, items.map(n => h("li", null,
    noticeView(n, ctx, { level: "h3", staff: true, names: state.names }),
    NOTICE_ID.test(text(n.noticeId)) ? h("p", null, h("a", { href: routeHash({ name: "notice-admin", noticeId: n.noticeId }) }, tr("notice.open"))) : null)))
    : h("p", null, tr(none)));
  return page(ctx,
    h("h1", null, tr("nav.noticesAdmin")),
    adminLinks(ctx),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    h("section", { "aria-labelledby": "notices-current" }, h("h2", { id: "notices-current" }, tr("statusPage.current")),
      state.loading ? null : list(state.current, "notice.noneCurrent")),
    h("section", { "aria-labelledby": "notices-past" }, h("h2", { id: "notices-past" }, tr("statusPage.past")),
      state.loading ? null : list(state.past, "statusPage.noPast")),
    h("section", { "aria-labelledby": "notices-new" }, h("h2", { id: "notices-new" }, tr("notice.new")), newNoticeForm(state, ctx, actions)));
}

/** Customer names by id, for the customers a notice affects. */
const namesOf = customers => Object.fromEntries(customers.map(c => [c.id, text(c.name)]));

export async function noticesAdminPage(ctx) {
  if (staffOnly(ctx)) return null;
  const state = { current: [], past: [], customers: [], names: {}, customersError: null, loading: true, error: null, form: formState(emptyNotice()) };
  const render = ctx.bind(() => ctx.show(noticesView(state, ctx, actions)));
  async function load() {
    const [current, past] = await Promise.allSettled(["current", "past"].map(s => ctx.api.get("/notices" + query(ctx.lang, { state: s }))));
    state.current = current.status === "fulfilled" ? itemsOf(current.value) : [];
    state.past = past.status === "fulfilled" ? itemsOf(past.value) : [];
    state.error = [current, past].find(r => r.status === "rejected")?.reason || null;
  }
  const actions = {
    render,
    create(event) {
      if (event) event.preventDefault();
      return run(state.form, render, ctx.tr, {
        work: () => ctx.api.post("/notices", noticeBody(state.form.draft)),
        done: async () => { state.form = formState(emptyNotice()); state.form.notice = ctx.tr("notice.created"); await load(); }
      });
    }
  };
  render();
  await Promise.all([load(), loadAll(ctx.api, "/customers").then(items => { state.customers = items; state.names = namesOf(items); },
    e => { state.customersError = e; })]);
  state.loading = false;
  render();
  return { state, actions };
}

export function noticeAdminView(state, ctx, actions) {
  const { tr } = ctx;
  const form = state.form;
  const d = form.draft;
  const shown = ["status", "expectedEndAt", ...LANGUAGES.map(l => "texts." + l + ".text")];
  return page(ctx,
    h("p", { class: "back" }, h("a", { href: routeHash({ name: "notices-admin" }) }, tr("notice.back"))),
    state.notice ? null : h("h1", null, tr("notice.heading")),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    state.notice ? noticeView(state.notice, ctx, { level: "h1", staff: true, names: state.names }) : null,
    state.namesError ? h("p", { class: "hint" }, tr("notice.namesFailed")) : null,
    state.notice && !state.notice.endedAt ? h("section", { "aria-labelledby": "notice-update" },
      h("h2", { id: "notice-update" }, tr("notice.update")),
      h("form", { novalidate: true, on: { submit: actions.update } },
        formHead(form, tr, shown),
        field("status", tr("notice.status"), select(NOTICE_STATUSES.map(s => [s, labelOf(tr, "notice.status.", s)]), d.status,
          e => { d.status = e.target.value; }), { error: form.errors.status, required: true, tr }),
        h("p", { class: "hint" }, tr("notice.endsHint")),
        input("expectedEndAt", tr("notice.expectedEndAt"), d.expectedEndAt, v => { d.expectedEndAt = v; },
          { type: "datetime-local", error: form.errors.expectedEndAt, tr, hint: tr("notice.localTime") }),
        LANGUAGES.map(l => field("texts." + l + ".text", tr("notice.updateText", { language: tr("kb.language." + l) }),
          h("textarea", { rows: 3, on: { input: e => { d.texts[l].text = e.target.value; } } }, d.texts[l].text),
          { error: form.errors["texts." + l + ".text"], tr })),
        h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("notice.addUpdate")))) : null);
}

export async function noticeAdminPage(ctx, route) {
  if (staffOnly(ctx)) return null;
  const path = "/notices/" + encodeURIComponent(route.noticeId);
  const state = { notice: null, names: {}, namesError: null, loading: true, error: null, form: formState(emptyUpdate()) };
  const render = ctx.bind(() => ctx.show(noticeAdminView(state, ctx, actions)));
  async function load() {
    state.notice = await ctx.api.get(path + query(ctx.lang));
  }
  const actions = {
    update(event) {
      if (event) event.preventDefault();
      return run(state.form, render, ctx.tr, {
        conflictKey: "notice.conflict",
        work: () => ctx.api.post(path + "/updates", updateBody(state.form.draft)),
        done: async () => {
          state.form = formState(emptyUpdate(state.form.draft.status));
          state.form.notice = ctx.tr("notice.updated");
          await load().catch(e => { state.error = e; });
        },
        reload: load
      });
    }
  };
  render();
  await Promise.all([
    load().then(() => { state.form.draft.status = text(state.notice && state.notice.status) || "investigating"; }, e => { state.error = e; }),
    loadAll(ctx.api, "/customers").then(items => { state.names = namesOf(items); }, e => { state.namesError = e; })
  ]);
  state.loading = false;
  render();
  return { state, actions };
}
