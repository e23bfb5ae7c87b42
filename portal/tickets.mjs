// The ticket pages. Each page keeps its state in a plain object and renders it with a pure view
// function into a node description (dom.mjs); ctx.show() mounts it. Loading a page only reads
// (GET); every change is a POST started by a button the user presses.
//
// ctx: { api, lang, tr, role, staff, show(desc), bind(render) → render (re-run on a language change),
//        navigate(hash), uuid(), catalogue(), flash(text) for the next page, flashed (this page's) }

import { h } from "./dom.mjs";
import { idempotencyKeyFor, loadAll } from "./api.mjs";
import { draftsOf } from "./drafts.mjs";
import { errorsFrom } from "./forms.mjs";
import { localized } from "./i18n.mjs";
import { TICKET_TOKEN, listPath, resolveView, routeHash, viewsFor } from "./routes.mjs";
import { badge, field, fieldMessage, formatAmsterdam, formatDate, hoursText, labelOf, notice, page, PRIORITIES, problemBox, select,
  SLA_ZONE, valueOf, scrolling } from "./widgets.mjs";
import { ACCEPT, attachmentActions, attachmentsSection, chosenFileProblem, emptyUpload, formatSize, MAX_SIZE } from "./attachments.mjs";
import { timeActions, timeSection, timeState } from "./timelog.mjs";
import { ratingActions, ratingSection, ratingState } from "./rating.mjs";
import { suggestionBox, suggestions, suggestionState } from "./kbparts.mjs";
import { assigneeText, auditSection, customerChoices, directoriesFor, involvedSection, loadPeople, namesOf, noReporters,
  reporterChoices, reportersOf, triageSection, workActions } from "./work.mjs";

export const TYPES = ["incident", "question", "service-request"];
/** How a ticket reached the provider (TicketSource); staff choose it when they raise one on a customer's behalf. */
export const SOURCES = ["phone", "email", "portal"];

/** The provider's status changes, each with the statuses it leaves from (TicketAction on the server). */
export const STAFF_ACTIONS = [
  { action: "open", from: ["new"] },
  { action: "wait-for-customer", from: ["new", "open"] },
  { action: "resume", from: ["waiting-for-customer"] },
  { action: "resolve", from: ["new", "open", "waiting-for-customer"] }
];

/** The API's limits on a ticket's texts (CreateTicket: title 200; TicketMessage.MAX_BODY: description, replies, reasons). */
export const TITLE_MAX = 200;
export const TEXT_MAX = 20_000;

function textarea(value, onInput, rows = 5, maxlength = TEXT_MAX) {
  return h("textarea", { rows, maxlength, on: { input: onInput } }, value || "");
}

// ---------------------------------------------------------------------------------------------
// #/tickets: the views of the caller's role, with cursor paging

function viewLabel(view, tr) {
  return view.view === "status" ? tr("view.status", { status: tr("status." + view.status) }) : tr("view." + view.view);
}

/** How long typing must pause before the list asks the server for the search (ms). */
export const SEARCH_DELAY_MS = 300;

/**
 * The list's GET path: the view's query and, when there is search text, {@code q}: the server searches
 * within the view, over everything the caller may see (docs/tickets.md "Search"), never this page only.
 */
export function searchPath(view, cursor, query) {
  const q = (query || "").trim();
  return listPath(view, cursor) + (q ? "&q=" + encodeURIComponent(q) : "");
}

function searchBox(state, tr, actions) {
  return h("form", { role: "search", class: "search", novalidate: true,
    on: { submit: e => { e.preventDefault(); actions.searchNow(); } } },
    h("label", { for: "ticket-search" }, tr("search.label")),
    h("input", { id: "ticket-search", type: "search", name: "q", value: state.query, autocomplete: "off", maxlength: 100,
      "aria-describedby": "ticket-search-hint", on: { input: e => actions.search(valueOf(e)) } }),
    h("p", { id: "ticket-search-hint", class: "hint" }, tr("search.hint")));
}

/** What the list says when it shows nothing: no tickets in the view, or nothing found (yet) for the search. */
function emptyText(state, tr) {
  if (state.loading || state.items.length > 0) return null;
  if (state.searched && state.error && state.error.code === "invalid-parameter") {
    return h("p", { role: "status", class: "search-none" }, tr("search.noWords"));
  }
  if (state.error) return null;
  if (!state.searched) return h("p", null, tr("noTickets"));
  return h("p", { role: "status", class: "search-none" },
    tr(state.nextCursor ? "search.noneYet" : "search.none", { query: state.searched }));
}

/** A queue's customer by its name (GET /customers), else its id. */
export function customerText(customerId, names) {
  const id = customerId || "";
  return (names && names.get(id)) || id;
}

/**
 * id → name of the provider's customers: the shell's GET /customers, read once per sign-in (ctx.customers), or read here
 * when the ctx has none. A failure leaves the ids.
 */
export async function customerNamesOf(ctx) {
  try {
    const items = await (ctx.customers ? ctx.customers() : loadAll(ctx.api, "/customers"));
    return new Map((items || []).filter(c => c && c.id && c.name).map(c => [c.id, String(c.name)]));
  } catch (error) {
    console.warn("The customers' names could not be read; the queue shows their ids", error);
    return new Map();
  }
}

const COLUMNS = ["col.id", "col.title", "col.status", "col.priority", "col.updated"];
/** Staff queues also show the customer, the assignee and the next SLA deadline (GET /tickets answers it for staff). */
const STAFF_COLUMNS = ["col.id", "col.title", "col.customer", "col.status", "col.priority", "col.assignee", "col.deadline",
  "col.updated"];

/** The next SLA deadline of a queue's ticket: the target and its time, with its state as a badge with text. */
export function deadlineCell(next, ctx) {
  const { tr } = ctx;
  if (!next || !next.dueAt) return tr("queue.noDeadline");
  return [h("time", { datetime: next.dueAt }, tr("queue.deadline", { target: tr("sla.target." + next.target),
    time: formatAmsterdam(next.dueAt, ctx.lang) })), " ", badge("sla", next.state, labelOf(tr, "sla.state.", next.state))];
}

export function listView(state, ctx, actions) {
  const { tr } = ctx;
  const views = viewsFor(ctx.role);
  const wordsRefused = state.searched && state.error && state.error.code === "invalid-parameter";
  return page(ctx,
    h("h1", null, viewLabel(state.view, tr)),
    views.length ? h("nav", { "aria-label": tr("nav.views"), class: "tabs" }, views.map(v => {
      const current = v.view === state.view.view && v.status === state.view.status;
      return h("a", { href: routeHash({ name: "tickets", view: v.view, status: v.status }),
        "aria-current": current ? "page" : false, class: current ? "tab current" : "tab" }, viewLabel(v, tr));
    })) : null,
    searchBox(state, tr, actions),
    wordsRefused ? null : problemBox(state.error, tr),
    scrolling(tr, h("table", { "aria-busy": state.loading ? "true" : "false" },
      h("caption", { class: "visually-hidden" }, viewLabel(state.view, tr)),
      h("thead", null, h("tr", null, (ctx.staff ? STAFF_COLUMNS : COLUMNS).map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, state.items.map(ticket => h("tr", null,
        h("td", null, h("a", { href: routeHash({ name: "ticket", token: ticket.id }) }, "#" + ticket.number)),
        h("td", null, h("a", { href: routeHash({ name: "ticket", token: ticket.id }) }, ticket.title)),
        ctx.staff ? h("td", null, customerText(ticket.customerId, state.customerNames)) : null,
        h("td", null, badge("status", ticket.status, tr("status." + ticket.status))),
        h("td", null, badge("priority", ticket.priority, tr("priority." + ticket.priority))),
        ctx.staff ? h("td", null, assigneeText(ticket, state.names || new Map(), ctx)) : null,
        ctx.staff ? h("td", null, deadlineCell(ticket.nextDeadline, ctx)) : null,
        h("td", null, formatDate(ticket.updatedAt, ctx.lang))))))),
    emptyText(state, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    state.nextCursor ? h("button", { type: "button", id: "more", disabled: state.loading, on: { click: actions.more } }, tr("more"))
      : null);
}

/**
 * The list of a view with its search box. Typing waits {@link SEARCH_DELAY_MS} (ctx.later, setTimeout by
 * default), then asks the server for the first page of the search within the view; "more" continues that
 * search with its cursor. An answer to an older request than the latest is dropped.
 */
export async function ticketsPage(ctx, route) {
  const view = resolveView(route, ctx.role) || { view: "mine" };
  const state = { view, items: [], nextCursor: null, loading: false, error: null, query: "", searched: "" };
  const later = ctx.later || ((fn, ms) => setTimeout(fn, ms));
  const cancel = ctx.cancelLater || (timer => clearTimeout(timer));
  let latest = 0;
  let timer = null;
  const render = ctx.bind(() => ctx.show(listView(state, ctx, { more, search, searchNow })));
  async function load(cursor, query) {
    const request = ++latest;
    state.loading = true;
    state.error = null;
    if (!cursor) {
      state.items = [];
      state.nextCursor = null;
    }
    render();
    try {
      const answer = await ctx.api.get(searchPath(view, cursor, query));
      if (request !== latest) return;
      state.items.push(...answer.items);
      state.nextCursor = answer.nextCursor || null;
    } catch (e) {
      if (request !== latest) return;
      state.error = e;
    }
    state.searched = query;
    state.loading = false;
    render();
  }
  function searchNow() {
    if (timer !== null) cancel(timer);
    timer = null;
    return load(null, state.query.trim());
  }
  function search(text) {
    state.query = text;
    if (timer !== null) cancel(timer);
    timer = later(() => {
      timer = null;
      if (state.query.trim() !== state.searched || state.error) load(null, state.query.trim());
    }, SEARCH_DELAY_MS);
  }
  const more = () => (state.loading ? undefined : load(state.nextCursor, state.searched));
  if (ctx.staff) {
    // the assignee column's names: the staff directory once per page (a failure leaves "a colleague")
    loadPeople(ctx).then(people => { state.names = namesOf(null, people); render(); });
    // the customer column's names: the customers once per sign-in (a failure leaves the ids)
    customerNamesOf(ctx).then(names => { state.customerNames = names; render(); });
  }
  await load(null, "");
  return { state, more, search, searchNow };
}

// ---------------------------------------------------------------------------------------------
// #/tickets/new: raise a ticket or a service request

export function emptyDraft() {
  return { type: "incident", category: "", requestType: "", priority: "normal", title: "", description: "", answers: {} };
}

function activeRequestType(catalogue, id) {
  return ((catalogue && catalogue.requestTypes) || []).find(r => r.id === id && r.active) || null;
}

/** The POST /tickets body for a draft: answers typed per field kind, only for service requests. */
export function ticketBody(draft, catalogue) {
  const body = { type: draft.type, category: draft.category, priority: draft.priority, title: draft.title,
    description: draft.description };
  if (draft.type !== "service-request") return body;
  body.requestType = draft.requestType || null;
  const requestType = activeRequestType(catalogue, draft.requestType);
  if (!requestType) return body;
  const answers = {};
  for (const f of requestType.form.fields) {
    const value = draft.answers[f.name];
    if (f.kind === "checkbox") {
      answers[f.name] = value === true;
    } else if (value !== undefined && value !== "") {
      const number = Number(value);
      answers[f.name] = f.kind === "number" && String(value).trim() !== "" && Number.isFinite(number) ? number : value;
    }
  }
  body.answers = answers;
  return body;
}

function answerControl(f, draft, lang, onAnswer) {
  const value = draft.answers[f.name];
  switch (f.kind) {
    case "textarea":
      return textarea(value, e => onAnswer(f.name, valueOf(e)), 4, f.maxLength > 0 ? f.maxLength : TEXT_MAX);
    case "choice":
      return select([["", ""], ...f.options.map(o => [o.value, localized(o.label, lang)])], value || "",
        e => onAnswer(f.name, valueOf(e)));
    case "checkbox":
      return h("input", { type: "checkbox", checked: value === true, on: { change: e => onAnswer(f.name, e.target.checked) } });
    default: {
      const type = { number: "number", date: "date", email: "email" }[f.kind] || "text";
      const attrs = { type, value: value === undefined ? "" : value, on: { input: e => onAnswer(f.name, valueOf(e)) } };
      if (f.kind === "text" && f.maxLength > 0) attrs.maxlength = f.maxLength;
      if (f.kind === "number") attrs.step = "any";
      return h("input", attrs);
    }
  }
}

/**
 * A follow-up of a closed ticket, from the route's token (<customer id>-<number>): the API wants the
 * number (`followUpOf`) and, from staff, the same customer.
 */
export function followUpFrom(token) {
  if (!token || !TICKET_TOKEN.test(token)) return null;
  const cut = token.lastIndexOf("-");
  return { token, customerId: token.slice(0, cut), number: Number(token.slice(cut + 1)) };
}

/**
 * The POST /tickets body of the new-ticket form: ticketBody(), and from staff the customer, the
 * reporter and the source (null when not chosen, so the API names the field); `followUpOf` the
 * closed ticket's number.
 */
export function newTicketBody(draft, catalogue, { staff, followUp } = {}) {
  const body = ticketBody(draft, catalogue);
  if (staff) {
    body.customerId = (followUp ? followUp.customerId : draft.customerId) || null;
    body.reporterId = draft.reporterId || null;
    body.source = draft.source || "phone";
  }
  if (followUp) body.followUpOf = followUp.number;
  return body;
}

function onBehalfFields(state, ctx, actions, at) {
  const { tr } = ctx;
  const { draft, followUp } = state;
  const reporters = state.reporters || { items: [] };
  const customerName = id => {
    const found = (state.customers || []).find(c => c.id === id);
    return found ? found.name + " (" + found.id + ")" : id;
  };
  return h("fieldset", { class: "on-behalf" },
    h("legend", null, tr("work.onBehalf.legend")),
    problemBox(state.customersError, tr),
    followUp
      ? h("p", null, tr("work.onBehalf.customer") + ": ", h("span", { class: "customer" }, customerName(followUp.customerId)))
      : at("customerId", tr("work.onBehalf.customer"), select(customerChoices(tr, state.customers), draft.customerId, actions.setCustomer),
        true),
    problemBox(reporters.error, tr),
    at("reporterId", tr("work.onBehalf.reporter"), select(reporterChoices(tr, reporters), draft.reporterId,
      e => actions.set("reporterId", valueOf(e))), true),
    (state.draft.customerId || followUp) && noReporters(reporters)
      ? h("p", { class: "hint" }, tr("work.onBehalf.noReporters")) : null,
    at("source", tr("work.source.label"), select(SOURCES.map(x => [x, labelOf(tr, "work.source.", x)]), draft.source,
      e => actions.set("source", valueOf(e))), false));
}

export function newTicketView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const { draft, catalogue, followUp } = state;
  const shown = new Set();
  const at = (name, label, control, required) => {
    shown.add(name);
    return field(name, label, control, { error: state.errors[name], required, tr });
  };
  const categories = ((catalogue && catalogue.categories) || []).filter(c => c.active);
  const requestTypes = ((catalogue && catalogue.requestTypes) || []).filter(r => r.active);
  const requestType = activeRequestType(catalogue, draft.requestType);
  const fields = [
    ctx.staff ? onBehalfFields(state, ctx, actions, at) : null,
    at("type", tr("field.type"), select(TYPES.map(t => [t, tr("type." + t)]), draft.type, actions.setType), true),
    draft.type === "service-request"
      ? at("requestType", tr("field.requestType"), select([["", tr("choose")], ...requestTypes.map(r => [r.id, localized(r.name, lang)])],
        draft.requestType, actions.setRequestType), true)
      : null,
    requestType ? h("p", { class: "hint" }, localized(requestType.description, lang)) : null,
    at("category", tr("field.category"), select([["", tr("choose")], ...categories.map(c => [c.id, localized(c.name, lang)])],
      draft.category, e => actions.set("category", valueOf(e))), true),
    at("priority", tr("field.priority"), select(PRIORITIES.map(p => [p, tr("priority." + p)]), draft.priority,
      e => actions.set("priority", valueOf(e))), false),
    at("title", tr("field.title"), h("input", { type: "text", maxlength: TITLE_MAX, value: draft.title,
      on: { input: e => actions.title(valueOf(e)) } }), true),
    state.suggest ? suggestionBox(state.suggest, ctx, actions.suggestions) : null,
    at("description", tr("field.description"), textarea(draft.description, e => actions.set("description", valueOf(e)), 8), true),
    at("file", tr("new.file"), h("input", { type: "file", accept: ACCEPT,
      on: { change: e => actions.chooseFile(e.target.files && e.target.files[0]) } }), false),
    h("p", { class: "hint", id: "new-file-hint" }, tr("new.attachHint", { max: formatSize(MAX_SIZE, lang) })),
    state.file ? h("p", { class: "chosen" }, tr("work.attach.chosen"), " ", h("span", { class: "file-name" }, state.file.name),
      " (" + formatSize(state.file.size, lang) + ")") : null,
    requestType ? h("fieldset", null, h("legend", null, localized(requestType.name, lang)),
      requestType.form.fields.map(f => at("answers." + f.name, localized(f.label, lang),
        answerControl(f, draft, lang, actions.setAnswer), f.required))) : null
  ];
  if (followUp) shown.add("followUpOf");
  const unshown = Object.entries(state.errors).filter(([name]) => !shown.has(name)).map(([n, m]) => [n, fieldMessage(m, tr)]);
  const original = followUp && followUp.ticket;
  return page(ctx,
    h("h1", null, followUp ? tr("work.followUp.heading", { id: "#" + followUp.number }) : tr("new.heading")),
    followUp ? h("p", { class: "follow-up" }, tr("work.followUp.intro"), " ",
      h("a", { href: routeHash({ name: "ticket", token: followUp.token }) }, "#" + followUp.number + (original ? " " + original.title : ""))) : null,
    followUp && state.errors.followUpOf ? h("p", { class: "field-error", id: "e-followUpOf" }, fieldMessage(state.errors.followUpOf, tr)) : null,
    followUp ? problemBox(followUp.error, tr) : null,
    // seed (Previder): the frequently asked questions offered before a case is filed; and the status page, outages first
    state.suggest ? h("p", { class: "hint kb-before-ticket" }, tr("kb.beforeTicket"), " ",
      h("a", { href: routeHash({ name: "kb" }) }, tr("nav.kb")), " · ", h("a", { href: routeHash({ name: "status" }) }, tr("statusPage.heading"))) : null,
    problemBox(state.catalogueError, tr),
    state.requestTypeMissing ? notice(tr("new.requestTypeMissing"), true) : null,
    state.restored ? h("p", { class: "notice", role: "status" }, tr("draft.restored"), " ",
      h("button", { type: "button", class: "link-button", on: { click: actions.discardDraft } }, tr("draft.discard"))) : null,
    Object.keys(state.errors).length ? notice(tr("formHasErrors"), true) : null,
    problemBox(state.error, tr, unshown),
    h("form", { novalidate: true, on: { submit: actions.submit } },
      fields,
      h("button", { type: "submit", disabled: state.submitting }, state.submitting ? tr("submitting") : tr("submit"))));
}

export async function newTicketPage(ctx, route = { name: "new" }) {
  const followUp = followUpFrom(route && route.followUpOf);
  const state = { draft: { ...emptyDraft(), customerId: "", reporterId: "", source: "phone" }, catalogue: null,
    catalogueError: null, errors: {}, error: null, submitting: false, idempotency: {}, followUp, customers: [],
    customersError: null, reporters: { customerId: "", items: [], loading: false, error: null }, file: null };
  const render = ctx.bind(() => ctx.show(newTicketView(state, ctx, actions)));
  // what was typed, kept for this user and route across a re-sign-in (drafts.mjs); cleared once the ticket is raised
  const drafts = draftsOf(ctx);
  const draftKey = routeHash({ name: "new", followUpOf: route && route.followUpOf, requestType: route && route.requestType });
  // only what the user wrote counts as a draft: a form of choices alone (the page's own defaults) is not kept
  const keep = () => (draftHasContent(state.draft) ? drafts.save(draftKey, state.draft) : drafts.clear(draftKey));
  // the knowledge base's suggestions while a customer types the title (kbparts.mjs); staff raise tickets for others
  state.suggest = ctx.staff ? null : suggestionState();
  const box = state.suggest ? suggestions(ctx, state.suggest, render) : null;

  /** The people a ticket of this customer can be raised for (staff only: GET /customers/{id}/users). */
  async function loadReporters(customerId) {
    state.reporters = { customerId, items: [], loading: !!customerId, error: null };
    if (!customerId) return;
    render();
    let items = [];
    let error = null;
    try {
      items = await reportersOf(ctx, customerId);
    } catch (e) {
      error = e;
    }
    if (state.reporters.customerId !== customerId) return;
    state.reporters = { customerId, items, loading: false, error };
  }

  const actions = {
    set(name, value) { state.draft[name] = value; keep(); },
    /** Throws away the kept draft: the form starts again as the page opens it. */
    discardDraft() {
      drafts.clear(draftKey);
      state.draft = { ...emptyDraft(), customerId: state.draft.customerId, reporterId: state.draft.reporterId,
        source: state.draft.source };
      state.restored = false;
      render();
    },
    title(value) {
      state.draft.title = value;
      keep();
      if (box) box.typed(value);
    },
    suggestions: box,
    setType(e) { state.draft.type = valueOf(e); keep(); render(); },
    setRequestType(e) {
      state.draft.requestType = valueOf(e);
      state.draft.answers = {};
      const chosen = activeRequestType(state.catalogue, state.draft.requestType);
      if (chosen && !state.draft.category) state.draft.category = chosen.category;
      keep();
      render();
    },
    async setCustomer(e) {
      state.draft.customerId = valueOf(e);
      state.draft.reporterId = "";
      keep();
      render();
      await loadReporters(state.draft.customerId);
      render();
    },
    setAnswer(name, value) { state.draft.answers[name] = value; keep(); },
    /** One file to add once the ticket exists (on its page, by the ticket page's own upload); checked at once. */
    chooseFile(file) {
      state.file = file || null;
      const problem = chosenFileProblem(state.file, ctx.tr, ctx.lang);
      if (problem) state.errors = { ...state.errors, file: problem };
      else if (state.errors.file) {
        const { file: _gone, ...rest } = state.errors;
        state.errors = rest;
      }
      render();
    },
    async submit(event) {
      if (event) event.preventDefault();
      if (state.submitting) return;
      const fileProblem = chosenFileProblem(state.file, ctx.tr, ctx.lang);
      if (fileProblem) {
        state.errors = { file: fileProblem };
        state.error = null;
        return render();
      }
      const body = newTicketBody(state.draft, state.catalogue, { staff: ctx.staff, followUp });
      const key = idempotencyKeyFor(state.idempotency, body, ctx.uuid);
      state.submitting = true;
      state.error = null;
      state.errors = {};
      render();
      try {
        const created = await ctx.api.post("/tickets", body, { idempotencyKey: key });
        drafts.clear(draftKey);
        ctx.flash(ctx.tr("created", { id: "#" + created.number }));
        // the ticket page that opens adds it (announce, store, confirm), showing its progress and any refusal there
        if (state.file) ctx.handOver({ ticketId: created.id, file: state.file });
        ctx.navigate(routeHash({ name: "ticket", token: created.id }));
        return;
      } catch (e) {
        state.error = e;
        state.errors = errorsFrom(e, ctx.tr);
      }
      state.submitting = false;
      render();
    }
  };
  const loads = [
    ctx.catalogue().then(c => { state.catalogue = c; }, e => { state.catalogueError = e; }),
    ctx.staff ? loadAll(ctx.api, "/customers").then(items => { state.customers = items; }, e => { state.customersError = e; }) : null
  ];
  if (followUp) {
    loads.push(ctx.api.get("/tickets/" + encodeURIComponent(followUp.token)).then(detail => {
      const original = detail && detail.ticket;
      if (!original) return;
      followUp.ticket = original;
      if (original.category) state.draft.category = original.category;
      if (PRIORITIES.includes(original.priority)) state.draft.priority = original.priority;
      if (ctx.staff && original.reporter) state.draft.reporterId = original.reporter.id;
    }, e => { followUp.error = e; }));
  }
  await Promise.all(loads);
  // #/tickets/new?requestType=<id> (Mijn Urenbundels' "Extra uren aanvragen"): that service request, chosen as the
  // request type picker would choose it; one the catalogue does not offer (any more) is said, and nothing is chosen.
  if (route && route.requestType && state.catalogue) {
    const preselected = activeRequestType(state.catalogue, route.requestType);
    if (preselected) {
      state.draft.type = "service-request";
      state.draft.requestType = preselected.id;
      if (!state.draft.category) state.draft.category = preselected.category;
    } else {
      state.requestTypeMissing = true;
    }
  }
  if (ctx.staff && followUp) {
    const reporterId = state.draft.reporterId;
    state.draft.customerId = followUp.customerId;
    await loadReporters(followUp.customerId);
    state.draft.reporterId = reporterId;
  }
  restoreDraft(state, drafts.load(draftKey));
  render();
  return { state, actions };
}

/** Whether a new-ticket draft holds something the user wrote: a title, a description or an answer. */
export function draftHasContent(draft) {
  if (!draft || typeof draft !== "object") return false;
  const written = value => (typeof value === "string" ? value.trim() !== "" : value !== undefined && value !== null && value !== false);
  return written(draft.title) || written(draft.description)
    || Object.values(draft.answers && typeof draft.answers === "object" ? draft.answers : {}).some(written);
}

/**
 * A kept draft of the new-ticket form (drafts.mjs) over what the page chose itself: what the user wrote wins (type,
 * category, priority, request, title, description, answers). Who it is for is not restored: staff choose the customer
 * and the reporter again, so a form left for one customer never raises a ticket for it unasked.
 */
function restoreDraft(state, kept) {
  if (!draftHasContent(kept)) return;
  const draft = { ...state.draft };
  for (const name of Object.keys(emptyDraft())) {
    if (name === "answers") continue;
    if (typeof kept[name] === "string") draft[name] = kept[name];
  }
  draft.answers = kept.answers && typeof kept.answers === "object" ? { ...kept.answers } : {};
  state.draft = draft;
  state.restored = true;
}

// ---------------------------------------------------------------------------------------------
// #/tickets/<token> and #/tickets/<token>/resolution

function answerText(value, f, tr, lang) {
  if (!f) return value;
  if (f.kind === "checkbox") return value === "true" ? tr("yes") : tr("no");
  if (f.kind === "choice") {
    const option = f.options.find(o => o.value === value);
    return option ? localized(option.label, lang) : value;
  }
  return value;
}

function summary(ticket, state, ctx) {
  const { tr, lang } = ctx;
  const catalogue = state.catalogue;
  const category = ((catalogue && catalogue.categories) || []).find(c => c.id === ticket.category);
  const requestType = ((catalogue && catalogue.requestTypes) || []).find(r => r.id === ticket.requestType);
  const row = (label, value) => [h("dt", null, label), h("dd", null, value)];
  const answers = Object.entries(ticket.answers || {});
  return [
    h("dl", { class: "facts" },
      row(tr("col.status"), badge("status", ticket.status, tr("status." + ticket.status))),
      row(tr("col.priority"), badge("priority", ticket.priority, tr("priority." + ticket.priority))),
      row(tr("field.type"), tr("type." + ticket.type) + (requestType ? " — " + localized(requestType.name, lang) : "")),
      row(tr("field.category"), category ? localized(category.name, lang) : ticket.category),
      ticket.approval && ticket.approval !== "none" ? row(tr("detail.approval"), tr("approval." + ticket.approval)) : null,
      row(tr("detail.reporter"), ticket.reporter ? ticket.reporter.name : ""),
      ctx.staff ? row(tr("work.triage.assignee"), assigneeText(ticket, state.names || new Map(), ctx)) : null,
      ticket.source ? row(tr("work.source.label"), labelOf(tr, "work.source.", ticket.source)) : null,
      ticket.followUpOf && TICKET_TOKEN.test(ticket.followUpOf) ? row(tr("work.followUp.of"),
        h("a", { href: routeHash({ name: "ticket", token: ticket.followUpOf }) }, "#" + ticket.followUpOf.split("-").pop())) : null,
      row(tr("detail.created"), formatDate(ticket.createdAt, lang)),
      row(tr("detail.updated"), formatDate(ticket.updatedAt, lang))),
    h("h2", null, tr("field.description")),
    h("p", { class: "text" }, ticket.description),
    answers.length ? [h("h2", null, tr("detail.answers")), h("dl", { class: "facts" }, answers.map(([name, value]) => {
      const f = requestType && requestType.form.fields.find(x => x.name === name);
      return row(f ? localized(f.label, lang) : name, answerText(value, f, tr, lang));
    }))] : null
  ];
}

/** The ticket's two SLA targets (GET /tickets/{id} `sla`), for customers and staff alike; absent on old tickets. */
export function slaSection(sla, ctx) {
  const { tr, lang } = ctx;
  const heading = h("h2", { id: "sla-heading" }, tr("sla.ticket.heading"));
  if (!sla || typeof sla !== "object") {
    return h("section", { class: "sla", "aria-labelledby": "sla-heading" }, heading, h("p", { class: "hint" }, tr("sla.ticket.none")));
  }
  const row = (kind, target) => {
    if (!target) return null;
    const breached = target.state === "breached";
    const state = labelOf(tr, "sla.state.", target.state);
    return h("tr", { class: "sla-target sla-" + kind + (breached ? " sla-row-breached" : "") },
      h("th", { scope: "row" }, tr("sla.target." + kind)),
      h("td", null, breached ? h("strong", { class: "sla-state sla-breached" }, state)
        : h("span", { class: "sla-state sla-" + target.state }, state)),
      h("td", null, tr("sla.ticket.agreed", { priority: labelOf(tr, "priority.", target.priority),
        hours: hoursText(tr, target.hours), calendar: labelOf(tr, "sla.clock.", target.calendar) })),
      h("td", null, target.dueAt ? h("time", { datetime: target.dueAt }, formatAmsterdam(target.dueAt, lang))
        : h("span", { class: "hint" }, tr("sla.ticket.noDeadline"))),
      h("td", null, target.metAt ? h("time", { datetime: target.metAt }, formatAmsterdam(target.metAt, lang)) : "—"));
  };
  return h("section", { class: "sla", "aria-labelledby": "sla-heading" },
    heading,
    h("p", null, tr("sla.ticket.tier", { tier: labelOf(tr, "tier.", sla.tier) }), " ",
      h("a", { href: "#/sla" }, tr("sla.ticket.link"))),
    scrolling(tr, h("table", { class: "sla-targets" },
      h("caption", { class: "visually-hidden" }, tr("sla.ticket.heading")),
      h("thead", null, h("tr", null, ["sla.col.target", "col.status", "sla.col.agreed", "sla.col.deadline", "sla.col.reached"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, row("response", sla.response), row("resolution", sla.resolution)))),
    h("p", { class: "hint" }, tr("sla.ticket.zone", { zone: SLA_ZONE })));
}

function conversation(messages, ctx) {
  const { tr, lang } = ctx;
  return [
    h("h2", null, tr("detail.conversation")),
    messages.length === 0 ? h("p", null, tr("detail.noMessages")) : h("ol", { class: "conversation" }, messages.map(m =>
      h("li", { class: m.internal ? "message internal" : "message" },
        m.internal ? h("p", { class: "internal-label" }, h("strong", null, tr("internalNote"))) : null,
        h("p", { class: "meta" }, h("span", { class: "author" }, m.authorName), " (" + tr("side." + m.side) + ") · ",
          h("time", { datetime: m.at }, formatDate(m.at, lang))),
        h("p", { class: "text" }, m.body))))
  ];
}

/** Accept / reject (with a reason) of a resolved ticket; the same on the ticket page and the resolution page. */
function decision(state, ctx, actions) {
  const { tr } = ctx;
  return h("section", { class: "decision", "aria-labelledby": "decision-heading" },
    h("h2", { id: "decision-heading" }, tr("resolution.heading")),
    h("p", null, tr("resolution.intro")),
    h("button", { type: "button", class: "primary", disabled: state.busy, on: { click: () => actions.transition("accept") } },
      tr("accept")),
    h("form", { novalidate: true, on: { submit: e => { e.preventDefault(); actions.transition("reject"); } } },
      field("message", tr("rejectReason"), textarea(state.drafts.reject, e => { state.drafts.reject = valueOf(e); }, 3),
        { error: state.errors.message, required: true, tr }),
      h("button", { type: "submit", disabled: state.busy }, tr("reject"))));
}

function approvalSection(state, ctx, actions) {
  const { tr } = ctx;
  return h("section", { class: "decision", "aria-labelledby": "approval-heading" },
    h("h2", { id: "approval-heading" }, tr("detail.approval")),
    h("p", null, tr("approvalPending")),
    h("button", { type: "button", class: "primary", disabled: state.busy, on: { click: () => actions.approval("approve") } },
      tr("approve")),
    h("form", { novalidate: true, on: { submit: e => { e.preventDefault(); actions.approval("reject"); } } },
      field("reason", tr("approvalReason"), textarea(state.drafts.approvalReason, e => { state.drafts.approvalReason = valueOf(e); }, 3),
        { error: state.errors.reason, required: true, tr }),
      h("button", { type: "submit", disabled: state.busy }, tr("approvalReject"))));
}

function staffActions(ticket, state, ctx, actions) {
  const { tr } = ctx;
  const offered = STAFF_ACTIONS.filter(a => a.from.includes(ticket.status));
  if (ticket.approval === "pending") return h("p", { class: "hint" }, tr("approvalPending"));
  if (offered.length === 0) return null;
  return h("section", { "aria-labelledby": "transitions-heading" },
    h("h2", { id: "transitions-heading" }, tr("transitions.heading")),
    field("transition", tr("transitions.message"), textarea(state.drafts.transition, e => { state.drafts.transition = valueOf(e); }, 3),
      { error: state.errors.transition || state.errors.message, tr }),
    h("div", { class: "buttons" }, offered.map(a => h("button", { type: "button", disabled: state.busy,
      on: { click: () => actions.transition(a.action) } }, tr("action." + a.action)))));
}

function replyForm(ticket, state, ctx, actions) {
  const { tr } = ctx;
  if (ticket.status === "closed") {
    return h("div", { class: "closed" }, h("p", { class: "hint" }, tr("closedNoReply")),
      h("p", null, h("a", { href: routeHash({ name: "new", followUpOf: ticket.id }), class: "button-link" },
        tr("work.followUp.create"))));
  }
  return h("form", { novalidate: true, on: { submit: e => { e.preventDefault(); actions.reply(false); } } },
    field("body", tr("reply.label"), textarea(state.drafts.reply, e => actions.typeReply(valueOf(e)), 5),
      { error: state.errors.body, required: true, tr }),
    h("div", { class: "buttons" },
      h("button", { type: "submit", disabled: state.busy }, tr("reply.send")),
      ctx.staff ? h("button", { type: "button", class: "internal-button", disabled: state.busy,
        on: { click: () => actions.reply(true) } }, tr("note.add")) : null));
}

function unshownErrors(state, known, tr) {
  return Object.entries(state.errors || {}).filter(([name]) => !known.includes(name) && !/^involved\[\d+\]$/.test(name))
    .map(([n, m]) => [n, fieldMessage(m, tr)]);
}

export function ticketView(state, ctx, actions) {
  const { tr } = ctx;
  if (!state.detail) {
    return page(ctx, state.error ? problemBox(state.error, tr) : h("p", { role: "status" }, tr("loading")),
      h("p", null, h("a", { href: "#/tickets" }, tr("backToList"))));
  }
  const ticket = state.detail.ticket;
  const customer = !ctx.staff;
  const shown = ["body", "message", "reason", "involved"];
  if (ctx.staff && ticket.status !== "closed") shown.push("priority", "category", "assigneeId");
  const view = { ...state, names: namesOf(state.detail, state.people) };
  return page(ctx,
    h("h1", null, h("span", { class: "number" }, tr("detail.heading", { id: "#" + ticket.number }) + ": "), ticket.title),
    notice(state.warning, true),
    notice(state.notice),
    state.restored ? notice(tr("draft.restored")) : null,
    problemBox(state.error, tr, unshownErrors(state, shown, tr)),
    problemBox(state.catalogueError, tr),
    summary(ticket, view, ctx),
    slaSection(state.detail.sla, ctx),
    customer && ticket.status === "resolved" ? decision(state, ctx, actions) : null,
    ctx.role === "customer-admin" && ticket.approval === "pending" ? approvalSection(state, ctx, actions) : null,
    ctx.staff ? triageSection(ticket, view, ctx, actions) : null,
    ctx.staff ? staffActions(ticket, state, ctx, actions) : null,
    ctx.staff ? timeSection(ticket, state, ctx, actions) : null,
    involvedSection(ticket, view, ctx, actions),
    attachmentsSection(ticket, state.detail.attachments, view, ctx, actions),
    ratingSection(ticket, state, ctx, actions, view.names),
    conversation(state.detail.messages || [], ctx),
    replyForm(ticket, state, ctx, actions),
    auditSection(state.detail, view, ctx));
}

/** The last public reply of the provider: the solution the customer is asked to judge. */
export function solutionOf(detail) {
  const replies = (detail.messages || []).filter(m => !m.internal && m.side === "provider");
  return replies.length ? replies[replies.length - 1] : null;
}

export function resolutionView(state, ctx, actions) {
  const { tr, lang } = ctx;
  if (!state.detail) return ticketView(state, ctx, actions);
  const ticket = state.detail.ticket;
  const link = h("p", null, h("a", { href: routeHash({ name: "ticket", token: ticket.id }) }, tr("toTicket")));
  const solution = solutionOf(state.detail);
  const open = !state.done && ticket.status === "resolved" && !ctx.staff;
  return page(ctx,
    h("h1", null, h("span", { class: "number" }, tr("detail.heading", { id: "#" + ticket.number }) + ": "), ticket.title),
    notice(state.warning, true),
    notice(state.notice),
    problemBox(state.error, tr, unshownErrors(state, ["message"], tr)),
    solution ? h("section", { class: "solution" }, h("h2", null, tr("resolution.solution")),
      h("p", { class: "meta" }, solution.authorName + " · ", h("time", { datetime: solution.at }, formatDate(solution.at, lang))),
      h("p", { class: "text" }, solution.body)) : null,
    open ? decision(state, ctx, actions)
      : state.done ? null : h("p", null, tr("notResolved", { status: tr("status." + ticket.status) })),
    link);
}

/** Shared by the ticket page and the resolution page: load, and the changes a button starts. */
async function ticketController(ctx, route, view, { work = false } = {}) {
  const { tr } = ctx;
  const state = { detail: null, catalogue: null, catalogueError: null, error: null, errors: {}, notice: null, warning: null,
    busy: false, done: false, drafts: { reply: "", transition: "", reject: "", approvalReason: "", triage: null, involved: null,
      involvedPick: "" }, people: null, upload: emptyUpload(), time: work && ctx.staff ? timeState(ctx) : null,
    rating: work ? ratingState() : null };
  const render = ctx.bind(() => ctx.show(view(state, ctx, actions)));
  const path = "/tickets/" + encodeURIComponent(route.token);
  // the reply typed, kept for this user and ticket across a re-sign-in (drafts.mjs); cleared once it is sent
  const drafts = work ? draftsOf(ctx) : draftsOf(null);
  const replyKey = routeHash({ name: "ticket", token: route.token }) + "#reply";
  const keptReply = drafts.load(replyKey);
  if (typeof keptReply === "string" && keptReply) {
    state.drafts.reply = keptReply;
    state.restored = true;
  }

  async function reload() {
    state.detail = await ctx.api.get(path);
  }

  /** Runs one change; a stale version reloads the ticket and says so, keeping what the user typed. */
  async function change(work, afterwards) {
    if (state.busy) return;
    state.busy = true;
    state.error = null;
    state.errors = {};
    state.notice = null;
    state.warning = null;
    render();
    try {
      const result = await work();
      afterwards(result);
      await reload();
    } catch (e) {
      if (e.code === "version-conflict") {
        state.warning = tr("versionConflict");
        try {
          await reload();
        } catch (again) {
          state.error = again;
        }
      } else {
        state.error = e;
        state.errors = errorsFrom(e, tr);
      }
    }
    state.busy = false;
    render();
  }

  const actions = {
    typeReply(text) {
      state.drafts.reply = text;
      drafts.save(replyKey, text);
    },
    reply(internal) {
      if (!state.drafts.reply.trim()) {
        state.errors = { body: tr("fieldRequired") };
        return render();
      }
      return change(() => ctx.api.post(path + "/messages", { body: state.drafts.reply, internal }), () => {
        state.drafts.reply = "";
        state.restored = false;
        drafts.clear(replyKey);
        state.notice = internal ? tr("noteAdded") : tr("replySent");
      });
    },
    transition(action) {
      const message = action === "reject" ? state.drafts.reject : action === "accept" ? "" : state.drafts.transition;
      if (action === "reject" && !message.trim()) {
        state.errors = { message: tr("rejectNeedsReason") };
        return render();
      }
      if (action === "resolve" && !message.trim()) {
        state.errors = { transition: tr("resolveNeedsMessage") };
        return render();
      }
      const body = { action, version: state.detail.ticket.version };
      if (message.trim()) body.message = message;
      return change(() => ctx.api.post(path + "/transitions", body), ticket => {
        if (action === "reject") state.drafts.reject = "";
        else if (action !== "accept") state.drafts.transition = "";
        state.done = action === "accept" || action === "reject";
        state.notice = action === "accept" ? tr("accepted") : action === "reject" ? tr("rejected")
          : tr("statusChanged", { status: tr("status." + ticket.status) });
      });
    },
    approval(choice) {
      const reason = state.drafts.approvalReason;
      if (choice === "reject" && !reason.trim()) {
        state.errors = { reason: tr("approvalNeedsReason") };
        return render();
      }
      const body = { decision: choice, version: state.detail.ticket.version };
      if (reason.trim()) body.reason = reason;
      return change(() => ctx.api.post(path + "/approval", body), () => {
        state.drafts.approvalReason = "";
        state.notice = choice === "approve" ? tr("approvedDone") : tr("approvalRejectedDone");
      });
    }
  };

  if (work) {
    Object.assign(actions, workActions({ ctx, state, path, change, render }),
      attachmentActions({ ctx, state, path, reload, render }), ratingActions({ ctx, state, path, render }));
    if (ctx.staff) Object.assign(actions, timeActions({ ctx, state, render }));
  }

  render();
  try {
    await reload();
  } catch (e) {
    state.error = e;
  }
  if (state.detail && state.detail.ticket.status === "closed" && state.restored) {
    // closed meanwhile: no reply form to put it in (a follow-up is a new ticket), so it is not kept
    drafts.clear(replyKey);
    state.drafts.reply = "";
    state.restored = false;
  }
  if (state.detail) {
    try {
      state.catalogue = await ctx.catalogue();
    } catch (e) {
      state.catalogueError = e;
    }
    const may = directoriesFor(ctx);
    if (work && (may.staff || may.members)) state.people = await loadPeople(ctx, state.detail.ticket.customerId);
    // the file chosen on the new-ticket form that raised this ticket: added now, as if chosen here
    const carried = work && ctx.handedOver;
    if (carried && carried.file && carried.ticketId === state.detail.ticket.id && actions.upload) {
      actions.chooseFile(carried.file);
      await actions.upload();
    }
  }
  render();
  return { state, actions };
}

export const ticketPage = (ctx, route) => ticketController(ctx, route, ticketView, { work: true });
export const resolutionPage = (ctx, route) => ticketController(ctx, route, resolutionView);

/** A route without a page: says so and links the ticket list. */
export function notFoundPage(ctx) {
  return ctx.show(page(ctx, h("h1", null, ctx.tr("notFound")),
    h("p", null, h("a", { href: "#/tickets" }, ctx.tr("backToList")))));
}
