// What a customer says about a closed ticket, shared by the mail-link page (feedback.mjs), the staff's ratings page
// (feedback.mjs) and the ticket page (tickets.mjs): the score in words, the 1–5 choice as radio buttons in a fieldset
// with a legend, a given rating as facts, and the ticket page's section — a customer's form on a closed ticket
// (POST /tickets/{id}/rating), staff reading the rating GET /tickets/{id} gives them.
// Customers' GET /tickets/{id} carries no rating, so their form shows on every closed ticket until the API says 409
// already-exists, or until they rated on this page.

import { h } from "./dom.mjs";
import { errorsFrom } from "./forms.mjs";
import { SCORES } from "./routes.mjs";
import { field, fieldMessage, formatDate, labelOf, notice, problemBox, valueOf } from "./widgets.mjs";

export { SCORES };
/** The most a comment may hold (RateTicket on the server). */
export const COMMENT_MAX = 2000;
/** How a rating came in (TicketSource's wire names the API sends as `via`). */
export const VIAS = ["portal", "mail-link"];

/** "4 — tevreden": the score with its word. */
export function scoreText(tr, score) {
  return labelOf(tr, "rating.score.", score);
}

/**
 * The 1–5 choice: a fieldset whose legend asks the question, a radio button per score with its word as its label
 * (ids f-<name>-<score>), the error under it (e-<name>, described by the fieldset and marked on each button).
 */
export function scoreChoice(name, legend, value, onChoose, { error, required, tr }) {
  const errorId = "e-" + name;
  return h("fieldset", { class: "score-choice", id: "f-" + name, "aria-describedby": error ? errorId : false },
    h("legend", null, legend, required ? h("span", { class: "required" }, " " + tr("requiredMark")) : null),
    h("div", { class: "scores" }, SCORES.map(score => {
      const id = "f-" + name + "-" + score;
      return h("div", { class: "score" },
        h("input", { type: "radio", id, name, value: String(score), checked: value === score,
          "aria-invalid": error ? "true" : false, on: { change: () => onChoose(score) } }),
        h("label", { for: id }, scoreText(tr, score)));
    })),
    error ? h("p", { class: "field-error", id: errorId }, fieldMessage(error, tr)) : null);
}

/** The optional comment: a labelled textarea of at most COMMENT_MAX characters. */
export function commentField(name, value, onInput, { error, tr }) {
  return field(name, tr("rating.comment"), h("textarea", { rows: 3, maxlength: COMMENT_MAX, on: { input: onInput } }, value || ""),
    { error, tr });
}

/** A given rating as facts: the score in words, the comment, when, how (and by whom, when names know it). */
export function ratingFacts(rating, ctx, names) {
  const { tr, lang } = ctx;
  const row = (label, value) => [h("dt", null, label), h("dd", null, value)];
  return h("dl", { class: "facts rating-facts" },
    row(tr("rating.col.score"), h("strong", { class: "score-" + rating.score }, scoreText(tr, rating.score))),
    row(tr("rating.col.comment"), rating.comment ? h("span", { class: "text" }, rating.comment)
      : h("span", { class: "hint" }, tr("rating.noComment"))),
    rating.at ? row(tr("rating.col.at"), h("time", { datetime: rating.at }, formatDate(rating.at, lang))) : null,
    rating.via ? row(tr("rating.col.via"), labelOf(tr, "rating.via.", rating.via)) : null,
    names && rating.by ? row(tr("rating.col.by"), names.get(rating.by) || tr("work.involved.unknown")) : null);
}

/** The ticket page's rating state. */
export function ratingState() {
  return { score: null, comment: "", errors: {}, error: null, busy: false, given: null, already: false };
}

/**
 * The ticket page's rating section: staff see the customer's rating when there is one; a customer on a closed ticket
 * rates it (or sees the rating given here, or that it was rated already). Nothing otherwise.
 */
export function ratingSection(ticket, state, ctx, actions, names) {
  const { tr } = ctx;
  const r = state.rating;
  const heading = id => h("h2", { id }, tr(ctx.staff ? "rating.staffHeading" : "rating.heading"));
  if (ctx.staff) {
    const rating = state.detail && state.detail.rating;
    if (!rating) return null;
    return h("section", { class: "rating", "aria-labelledby": "rating-heading" }, heading("rating-heading"),
      ratingFacts(rating, ctx, names));
  }
  if (ticket.status !== "closed" || !r) return null;
  const given = r.given || (state.detail && state.detail.rating);
  if (given) {
    return h("section", { class: "rating", "aria-labelledby": "rating-heading" }, heading("rating-heading"),
      notice(r.given ? tr("rating.thanks") : null),
      h("p", null, tr("rating.yours")),
      ratingFacts(given, ctx, null));
  }
  if (r.already) {
    return h("section", { class: "rating", "aria-labelledby": "rating-heading" }, heading("rating-heading"),
      h("p", { class: "notice", role: "status" }, tr("rating.already")));
  }
  const unshown = Object.entries(r.errors).filter(([name]) => !["score", "comment"].includes(name))
    .map(([n, m]) => [n, fieldMessage(m, tr)]);
  return h("section", { class: "rating", "aria-labelledby": "rating-heading" }, heading("rating-heading"),
    h("p", null, tr("rating.intro")),
    problemBox(r.error, tr, unshown),
    h("form", { novalidate: true, on: { submit: actions.rate } },
      scoreChoice("score", tr("rating.question"), r.score, actions.chooseScore, { error: r.errors.score, required: true, tr }),
      commentField("comment", r.comment, actions.typeComment, { error: r.errors.comment, tr }),
      h("button", { type: "submit", class: "primary", disabled: r.busy }, r.busy ? tr("submitting") : tr("rating.send"))));
}

/**
 * The ticket page's rating actions: POST {path}/rating with the score and the comment (when typed). 201: the rating is
 * shown; 409 already-exists: "already rated"; field errors at their fields; any other refusal in the section's box.
 */
export function ratingActions({ ctx, state, path, render }) {
  const { tr } = ctx;
  return {
    chooseScore(score) { state.rating.score = score; render(); },
    typeComment(e) { state.rating.comment = valueOf(e); },
    async rate(event) {
      if (event) event.preventDefault();
      const r = state.rating;
      if (r.busy) return;
      r.error = null;
      r.errors = {};
      if (!SCORES.includes(r.score)) {
        r.errors = { score: tr("rating.chooseScore") };
        return render();
      }
      const body = { score: r.score };
      if (r.comment.trim()) body.comment = r.comment;
      r.busy = true;
      render();
      try {
        r.given = await ctx.api.post(path + "/rating", body);
      } catch (e) {
        if (e.code === "already-exists") r.already = true;
        else {
          r.error = e;
          r.errors = errorsFrom(e, tr);
        }
      }
      r.busy = false;
      return render();
    }
  };
}
