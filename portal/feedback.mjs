// What customers say about a ticket's outcome:
//   #/mail-link/<token>[/<score>] — the one-click links of ticket mails (accept or reject a solution, rate a closed
//     ticket), shown with or without a session. Opening it only reads (POST /mail-links/preview: a mail scanner that
//     follows the link changes nothing); the page says what will happen, for whom and until when, and only its button
//     acts (POST /mail-links/use). Both calls go without a token: the signed link is the recipient's authority. A
//     signed-in user who is not the link's recipient gets no button.
//   #/admin/ratings — provider staff: a customer's ratings of a month (GET /ratings), totals and the list.
//
// ctx: as tickets.mjs says; without a session (app.mjs publicContext) there is no userId, role or navigation.

import { h } from "./dom.mjs";
import { loadAll } from "./api.mjs";
import { errorsFrom } from "./forms.mjs";
import { todayOf } from "./ledger.mjs";
import { commentField, scoreChoice, scoreText, SCORES } from "./rating.mjs";
import { routeHash } from "./routes.mjs";
import { badge, field, fieldMessage, formatAmsterdam, formatDate, labelOf, notice, page, problemBox, scrolling, select,
  valueOf } from "./widgets.mjs";

// ---------------------------------------------------------------------------------------------
// #/mail-link/<token>[/<score>]

/** The refusals of a link that have a page of their own (problem codes of the API). */
export const LINK_REFUSALS = ["link-invalid", "link-expired", "link-used", "illegal-state", "already-exists"];
/** What a link does (MailLinkAction's wire names). */
export const LINK_ACTIONS = ["accept", "reject", "rate"];

/** The refusal of an answer that has a page of its own, or null (a network failure, a field error, anything else). */
export function refusalOf(error, previewing) {
  if (!error) return null;
  if (LINK_REFUSALS.includes(error.code)) return error.code;
  if (error.status === 410) return "link-expired";
  if (previewing && error.status === 400) return "link-invalid";
  return null;
}

/** Signed in (the shell's page with its navigation) or not (a plain frame, as the other public pages). */
function frame(ctx, ...children) {
  return ctx.userId ? page(ctx, ...children) : h("div", { class: "public" }, ...children);
}

/** "To the ticket" (or "to the portal" without a known ticket); signed out, the portal asks to sign in first. */
function portalLink(ctx, ticket) {
  const { tr } = ctx;
  const signedOut = !ctx.userId;
  if (ticket && ticket.ticketId) {
    return h("p", null, h("a", { href: routeHash({ name: "ticket", token: ticket.ticketId }), class: "button-link" },
      tr("link.toTicket", { id: "#" + ticket.ticketNumber })), signedOut ? " " + tr("link.signInFirst") : null);
  }
  return h("p", null, h("a", { href: "#/tickets", class: "button-link" }, tr("link.toPortal")),
    signedOut ? " " + tr("link.signInFirst") : null);
}

function refusedView(state, ctx) {
  const { tr } = ctx;
  const code = state.refusal;
  return frame(ctx,
    h("h1", null, labelOf(tr, "link.refused.heading.", code)),
    h("div", { class: "notice warning", role: "alert" }, h("p", null, labelOf(tr, "link.refused.text.", code))),
    h("p", null, labelOf(tr, "link.refused.next.", code)),
    portalLink(ctx, state.preview));
}

function otherUserView(state, ctx) {
  const { tr } = ctx;
  return frame(ctx,
    h("h1", null, tr("link.otherUser.heading")),
    h("div", { class: "notice warning", role: "alert" },
      h("p", null, tr("link.otherUser.text", { recipient: state.preview.recipientName, me: ctx.email || "" }))),
    h("p", null, tr("link.otherUser.next")));
}

function doneView(state, ctx) {
  const { tr } = ctx;
  const done = state.done;
  const id = "#" + done.ticketNumber;
  const said = done.action === "rate" ? tr("link.done.rate", { id, score: scoreText(tr, state.score) })
    : done.action === "reject" ? tr("link.done.reject", { id }) : tr("link.done.accept", { id });
  // Nobody is mailed about their own change, so an acceptance answers the rating link (rateToken) to ask at once.
  const rate = done.action === "accept" && done.rateToken
    ? h("p", null, tr("link.done.rateNext"), " ",
      h("a", { href: routeHash({ name: "mail-link", token: done.rateToken }), class: "button-link primary" },
        tr("link.done.rateButton")))
    : null;
  return frame(ctx,
    h("h1", null, labelOf(tr, "link.done.heading.", done.action)),
    h("p", { class: "notice", role: "status" }, said),
    rate,
    portalLink(ctx, done));
}

/** The form of the link's action: one button (accept), a required reason (reject), the score and a comment (rate). */
function actionForm(state, ctx, actions) {
  const { tr } = ctx;
  const p = state.preview;
  const busy = state.busy;
  const button = h("button", { type: "submit", class: "primary", disabled: busy },
    busy ? tr("submitting") : labelOf(tr, "link.button.", p.action));
  const unshown = Object.entries(state.errors).filter(([name]) => !["message", "score", "comment"].includes(name))
    .map(([n, m]) => [n, fieldMessage(m, tr)]);
  return h("form", { novalidate: true, class: "mail-link-action", on: { submit: actions.perform } },
    problemBox(state.error, tr, unshown),
    p.action === "reject" ? field("message", tr("rejectReason"), h("textarea", { rows: 4, on: { input: actions.typeMessage } },
      state.message), { error: state.errors.message, required: true, tr }) : null,
    p.action === "rate" ? [
      scoreChoice("score", tr("rating.question"), state.score, actions.chooseScore, { error: state.errors.score, required: true, tr }),
      commentField("comment", state.comment, actions.typeComment, { error: state.errors.comment, tr })] : null,
    button);
}

function previewView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const p = state.preview;
  const row = (label, value) => [h("dt", null, label), h("dd", null, value)];
  return frame(ctx,
    h("h1", null, labelOf(tr, "link.heading.", p.action)),
    h("p", { class: "mail-link-intro" }, tr(p.action === "reject" ? "link.intro.reject" : p.action === "rate" ? "link.intro.rate"
      : "link.intro.accept", { id: "#" + p.ticketNumber, title: p.title })),
    h("dl", { class: "facts" },
      row(tr("link.fact.ticket"), "#" + p.ticketNumber + " " + p.title),
      row(tr("col.status"), badge("status", p.status, labelOf(tr, "status.", p.status))),
      row(tr("link.fact.for"), p.recipientName),
      row(tr("link.fact.until"), h("time", { datetime: p.expiresAt }, formatAmsterdam(p.expiresAt, lang)))),
    h("p", { class: "hint" }, tr("link.onlyButton")),
    actionForm(state, ctx, actions));
}

export function mailLinkView(state, ctx, actions) {
  const { tr } = ctx;
  switch (state.phase) {
    case "refused": return refusedView(state, ctx);
    case "other-user": return otherUserView(state, ctx);
    case "done": return doneView(state, ctx);
    case "ready": return previewView(state, ctx, actions);
    case "failed": return frame(ctx, h("h1", null, tr("link.checking")), problemBox(state.error, tr),
      h("button", { type: "button", on: { click: actions.retry } }, tr("link.retry")));
    // no heading while the link is checked: the shell gives the focus to the first page with one (the answer's)
    default: return frame(ctx, h("p", { role: "status" }, tr("link.checking") + " " + tr("loading")));
  }
}

/** The POST /mail-links/use body of the page's form. */
export function useBody(token, state) {
  const body = { token };
  const action = state.preview && state.preview.action;
  if (action === "reject") body.message = state.message;
  if (action === "rate") {
    body.score = state.score;
    if (state.comment.trim()) body.comment = state.comment;
  }
  return body;
}

export async function mailLinkPage(ctx, route) {
  const { tr } = ctx;
  const token = route && route.token;
  const state = { phase: "loading", preview: null, refusal: null, error: null, errors: {}, busy: false, done: null,
    score: route && SCORES.includes(route.score) ? route.score : null, message: "", comment: "" };
  const render = ctx.bind(() => ctx.show(mailLinkView(state, ctx, actions)));

  async function preview() {
    state.phase = "loading";
    state.error = null;
    render();
    try {
      state.preview = await ctx.api.anonymous("POST", "/mail-links/preview", { token });
      state.phase = ctx.userId && state.preview.recipientId !== ctx.userId ? "other-user" : "ready";
    } catch (e) {
      state.refusal = refusalOf(e, true);
      state.phase = state.refusal ? "refused" : "failed";
      state.error = state.refusal ? null : e;
    }
    render();
  }

  const actions = {
    retry: () => preview(),
    typeMessage(e) { state.message = valueOf(e); },
    typeComment(e) { state.comment = valueOf(e); },
    chooseScore(score) { state.score = score; render(); },
    /** The one request that acts: POST /mail-links/use, when the user presses the button. */
    async perform(event) {
      if (event) event.preventDefault();
      if (state.busy || state.phase !== "ready") return;
      state.error = null;
      state.errors = {};
      const action = state.preview.action;
      if (action === "reject" && !state.message.trim()) state.errors.message = tr("rejectNeedsReason");
      if (action === "rate" && !SCORES.includes(state.score)) state.errors.score = tr("rating.chooseScore");
      if (Object.keys(state.errors).length) return render();
      state.busy = true;
      render();
      try {
        state.done = await ctx.api.anonymous("POST", "/mail-links/use", useBody(token, state));
        state.phase = "done";
      } catch (e) {
        state.refusal = refusalOf(e, false);
        if (state.refusal) state.phase = "refused";
        else {
          state.error = e;
          state.errors = errorsFrom(e, tr);
        }
      }
      state.busy = false;
      return render();
    }
  };

  if (!token) {
    state.refusal = "link-invalid";
    state.phase = "refused";
    render();
  } else {
    await preview();
  }
  return { state, actions };
}

// ---------------------------------------------------------------------------------------------
// #/admin/ratings: a customer's ratings of a month, for provider staff

const PROVIDER_STAFF = ["provider-agent", "provider-admin"];

/** "november 2026". */
export function monthText(month, lang) {
  const m = /^(\d{4})-(\d{2})$/.exec(String(month || ""));
  if (!m) return String(month || "");
  return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

/** The API's average ("4.25") in the user's language ("4,25"); null without ratings. */
export function averageText(average, lang) {
  const n = Number(average);
  if (average === null || average === undefined || average === "" || !Number.isFinite(n)) return null;
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

function totalsSection(result, ctx) {
  const { tr, lang } = ctx;
  const count = result.count || 0;
  const perScore = Array.isArray(result.perScore) ? result.perScore : [];
  const average = averageText(result.average, lang);
  const row = (label, value) => [h("dt", null, label), h("dd", null, value)];
  return h("section", { class: "rating-totals", "aria-labelledby": "totals-heading" },
    h("h2", { id: "totals-heading" }, tr("ratings.totals")),
    h("dl", { class: "facts" },
      row(tr("ratings.count"), String(count)),
      row(tr("ratings.average"), average ? tr("ratings.averageOf", { average }) : tr("ratings.noAverage"))),
    scrolling(tr, h("table", { class: "rating-distribution" },
      h("caption", null, tr("ratings.distribution")),
      h("thead", null, h("tr", null, ["ratings.col.score", "ratings.col.count", "ratings.col.share"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, [...SCORES].reverse().map(score => {
        const n = Number(perScore[score - 1]) || 0;
        const percent = count ? Math.round((n * 100) / count) : 0;
        return h("tr", null,
          h("th", { scope: "row" }, scoreText(tr, score)),
          h("td", null, String(n)),
          h("td", { class: "rating-bar" },
            h("meter", { min: 0, max: Math.max(count, 1), value: n, "aria-label": tr("ratings.share", { n, count, percent }) }),
            " " + percent + " %"));
      })))));
}

function ratingsList(result, ctx) {
  const { tr, lang } = ctx;
  const ratings = Array.isArray(result.ratings) ? result.ratings : [];
  if (!ratings.length) return h("p", null, tr("ratings.none"));
  return [
    result.more ? notice(tr("ratings.more"), true) : null,
    scrolling(tr, h("table", { class: "ratings" },
      h("caption", null, tr("ratings.list")),
      h("thead", null, h("tr", null, ["ratings.col.ticket", "ratings.col.score", "rating.col.comment", "rating.col.at", "rating.col.via"]
        .map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, ratings.map(r => h("tr", null,
        h("td", null, h("a", { href: routeHash({ name: "ticket", token: r.ticketId }) }, "#" + r.ticketNumber)),
        h("td", null, scoreText(tr, r.score)),
        h("td", null, r.comment || h("span", { class: "hint" }, tr("rating.noComment"))),
        h("td", null, r.at ? h("time", { datetime: r.at }, formatDate(r.at, lang)) : ""),
        h("td", null, labelOf(tr, "rating.via.", r.via)))))))
  ];
}

export function ratingsView(state, ctx, actions) {
  const { tr, lang } = ctx;
  const customer = (state.customers || []).find(c => c.id === (state.result && state.result.customerId));
  return page(ctx,
    h("h1", null, tr("ratings.heading")),
    h("p", null, tr("ratings.intro")),
    problemBox(state.customersError, tr),
    h("form", { novalidate: true, class: "ratings-query", on: { submit: actions.show } },
      field("ratings-customer", tr("ratings.customer"), select([["", tr("ratings.chooseCustomer")],
        ...(state.customers || []).map(c => [c.id, c.name + " (" + c.id + ")"])], state.customerId, actions.setCustomer),
      { error: state.errors.customerId, required: true, tr }),
      field("ratings-month", tr("ratings.month"), h("input", { type: "month", value: state.month, on: { input: actions.setMonth } }),
        { error: state.errors.month, required: true, tr }),
      h("button", { type: "submit", disabled: state.busy }, state.busy ? tr("loading") : tr("ratings.show"))),
    problemBox(state.error, tr),
    state.result ? h("section", { class: "ratings-result", "aria-labelledby": "ratings-of" },
      h("h2", { id: "ratings-of" }, tr("ratings.of", { customer: customer ? customer.name : state.result.customerId,
        month: monthText(state.result.month, lang) })),
      totalsSection(state.result, ctx),
      h("h2", null, tr("ratings.list")),
      ratingsList(state.result, ctx)) : null);
}

export async function ratingsPage(ctx) {
  const { tr } = ctx;
  if (!PROVIDER_STAFF.includes(ctx.role)) {
    return ctx.show(page(ctx, h("h1", null, tr("admin.notAllowed")), h("p", null, tr("admin.notAllowedText")),
      h("p", null, h("a", { href: "#/tickets" }, tr("backToList")))));
  }
  const state = { customers: null, customersError: null, customerId: "", month: todayOf(ctx).slice(0, 7), errors: {},
    error: null, busy: false, result: null };
  const render = ctx.bind(() => ctx.show(ratingsView(state, ctx, actions)));
  const actions = {
    setCustomer(e) { state.customerId = valueOf(e); },
    setMonth(e) { state.month = valueOf(e); },
    /** GET /ratings for the chosen customer and month; a month or customer missing is said at its field, nothing sent. */
    async show(event) {
      if (event) event.preventDefault();
      if (state.busy) return;
      state.errors = {};
      state.error = null;
      if (!state.customerId) state.errors.customerId = tr("ratings.chooseCustomer");
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(state.month || "")) state.errors.month = tr("ratings.badMonth");
      if (Object.keys(state.errors).length) return render();
      state.busy = true;
      render();
      try {
        const query = new URLSearchParams({ customerId: state.customerId, month: state.month });
        state.result = await ctx.api.get("/ratings?" + query.toString());
      } catch (e) {
        state.error = e;
        state.errors = errorsFrom(e, tr);
        state.result = null;
      }
      state.busy = false;
      return render();
    }
  };
  render();
  try {
    state.customers = [...await loadAll(ctx.api, "/customers")].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  } catch (e) {
    state.customersError = e;
  }
  render();
  return { state, actions };
}
