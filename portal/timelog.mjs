// The staff's time logging, on a customer's registrations: register time worked — date (today by default),
// minutes or h:mm, type, what the customer reads, an internal note, on a ticket or none
// (POST /customers/{customerId}/time-registrations) — and "Corrigeren": the replacement of a registration, which
// the API books as reversal lines plus a new registration (POST …/time-registrations/{registrationId}/correction).
// loggingState() and loggingActions() are that state and those POSTs for any page that shows the forms: the
// ticket page's time section below (its ticket's number on every registration), and the customer's
// registrations page for staff (hours.mjs: an optional ticket number as typed).
//
// The ticket page's time section: the form, the ticket's registrations (GET …/time-registrations?ticket=<n>,
// read when asked for, so opening a ticket reads no more than before) and their correction. A section of
// tickets.mjs's ticket page, like work.mjs: node descriptions, the state lives in the page's.

import { h } from "./dom.mjs";
import { idempotencyKeyFor } from "./api.mjs";
import { routeHash } from "./routes.mjs";
import { notice, problemBox } from "./widgets.mjs";
import { formatDay, hm, hoursBase, monthsBefore, registrationBody, registrationDraft, registrationErrors, registrationForm,
  registrationsPath, registrationsTable, todayOf } from "./ledger.mjs";

/** How far back the ticket's registrations are read: twelve months, as far back as time may be registered. */
export const TICKET_MONTHS = 12;

function formOf(today, line, extra = {}) {
  return { draft: registrationDraft(today, line), errors: {}, error: null, notice: null, busy: false, today, ...extra };
}

/** Registering and correcting: the new registration's form, the correction being made ({registrationId, date, form}), a notice. */
export function loggingState(today) {
  return { today, form: formOf(today), idempotency: {}, correcting: null, notice: null };
}

/** The section's state in the ticket page's state (staff only). */
export function timeState(ctx) {
  return { ...loggingState(todayOf(ctx)), list: null, listLoading: false, listError: null };
}

/** The period the ticket's registrations are read over: the last twelve months up to today. */
export function ticketPeriod(today) {
  return { from: monthsBefore(today, TICKET_MONTHS), to: today };
}

export function timeSection(ticket, state, ctx, actions) {
  const { tr } = ctx;
  const time = state.time;
  if (!ctx.staff || !time) return null;
  const list = time.list;
  const entries = (list && list.entries) || [];
  const correcting = time.correcting;
  return h("section", { class: "time-logging", "aria-labelledby": "time-heading" },
    h("h2", { id: "time-heading" }, tr("timelog.heading")),
    registrationForm(time.form, ctx, { prefix: "time", heading: tr("timelog.new", { id: "#" + ticket.number }),
      headingId: "time-form-heading", submitLabel: tr("timelog.submit"), onSubmit: () => actions.logTime() }),
    h("h3", { id: "time-list-heading" }, tr("timelog.listHeading")),
    notice(time.notice),
    problemBox(time.listError, tr),
    list ? [
      h("p", { class: "hint" }, tr("timelog.listPeriod", { from: formatDay(list.from, ctx.lang), to: formatDay(list.to, ctx.lang) })),
      entries.length
        ? [registrationsTable(entries, ctx, { staff: true, customerId: ticket.customerId, busy: !!(correcting && correcting.form.busy),
          correct: lines => actions.startCorrection(lines), caption: tr("timelog.listHeading") }),
        h("p", { class: "ticket-total" }, tr("timelog.total", { hours: hm((list.totals && list.totals.minutes) || 0) }))]
        : h("p", null, tr("timelog.none"))
    ] : null,
    h("button", { type: "button", class: "load-time", disabled: time.listLoading, on: { click: () => actions.loadTime() } },
      time.listLoading ? tr("loading") : list ? tr("timelog.reload") : tr("timelog.show")),
    correcting ? registrationForm(correcting.form, ctx, { prefix: "correct",
      heading: tr("timelog.correctHeading", { date: formatDay(correcting.date, ctx.lang) }), headingId: "correct-form-heading",
      submitLabel: tr("timelog.correctSubmit"), onSubmit: () => actions.submitCorrection(),
      onCancel: () => actions.cancelCorrection() }) : null,
    h("p", null, h("a", { href: routeHash({ name: "customer-time-registrations", id: ticket.customerId }) }, tr("timelog.allOfCustomer"))));
}

/**
 * The POSTs of registering and correcting on the state logging() answers (loggingState()): customerId() whose
 * registrations; ticketOf(draft) the ticket number to send ({ticketNumber}, null for none) or {errors} found before
 * sending; reload() reads the list again after a success. A refusal's field errors land at the form's fields, the
 * rest of it in the form's problem box (a correction's 400 or 409 at the correction's form).
 */
export function loggingActions({ ctx, logging, render, customerId, ticketOf, reload }) {
  const { tr } = ctx;
  const base = () => hoursBase(customerId()) + "/time-registrations";

  /** The body of a form's draft, or {errors}: the time's and the ticket's together. */
  function check(draft) {
    const ticket = ticketOf(draft);
    const checked = registrationBody(draft, ticket.errors ? null : ticket.ticketNumber, tr);
    const errors = { ...(checked.errors || {}), ...(ticket.errors || {}) };
    return Object.keys(errors).length ? { errors } : checked;
  }

  /** One POST of a form; done(answer) on success, then reload(); a refusal's field errors land at the form's fields. */
  async function send(form, path, body, options, done) {
    form.busy = true;
    form.errors = {};
    form.error = null;
    form.notice = null;
    logging().notice = null;
    render();
    try {
      const answer = await ctx.api.post(path, body, options);
      form.busy = false;
      done(answer);
    } catch (e) {
      form.busy = false;
      form.error = e;
      form.errors = registrationErrors(e, tr);
      render();
      return;
    }
    await reload();
  }

  const refuse = (form, errors) => {
    form.errors = errors;
    form.error = null;
    form.notice = null;
    return render();
  };

  return {
    logTime() {
      const state = logging();
      const form = state.form;
      if (form.busy) return undefined;
      const checked = check(form.draft);
      if (checked.errors) return refuse(form, checked.errors);
      const key = idempotencyKeyFor(state.idempotency, checked.body, ctx.uuid);
      return send(form, base(), checked.body, { idempotencyKey: key }, answer => {
        const billed = (answer.lines || []).reduce((sum, line) => sum + (Number(line.minutes) || 0), 0);
        const notice = tr("timelog.logged", { hours: hm(checked.body.minutes), billed: hm(billed) });
        state.form = formOf(state.today, null, { notice: notice + overflowNotice(answer.lines, tr) });
      });
    },
    startCorrection(lines) {
      const state = logging();
      const first = lines[0];
      state.correcting = { registrationId: first.registrationId, date: first.date, form: formOf(state.today, first) };
      state.notice = null;
      render();
    },
    cancelCorrection() {
      logging().correcting = null;
      render();
    },
    submitCorrection() {
      const state = logging();
      const correcting = state.correcting;
      if (!correcting || correcting.form.busy) return undefined;
      const checked = check(correcting.form.draft);
      if (checked.errors) return refuse(correcting.form, checked.errors);
      return send(correcting.form, base() + "/" + encodeURIComponent(correcting.registrationId) + "/correction", checked.body, {},
        () => {
          state.correcting = null;
          state.notice = tr("timelog.corrected", { date: formatDay(correcting.date, ctx.lang) });
        });
    }
  };
}

/** The section's actions on the ticket page's state: register, list, correct. */
export function timeActions({ ctx, state, render }) {
  const ticket = () => state.detail.ticket;

  async function loadTime() {
    const time = state.time;
    if (time.listLoading) return;
    time.listLoading = true;
    time.listError = null;
    render();
    try {
      time.list = await ctx.api.get(registrationsPath(ticket().customerId,
        { ...ticketPeriod(time.today), ticket: String(ticket().number) }));
    } catch (e) {
      time.listError = e;
    }
    time.listLoading = false;
    render();
  }

  return {
    loadTime,
    ...loggingActions({ ctx, logging: () => state.time, render, customerId: () => ticket().customerId,
      ticketOf: () => ({ ticketNumber: ticket().number }), reload: loadTime })
  };
}

/**
 * Bundle time no bundle covered (none valid on its date, or too few minutes left) is booked as billable overflow: the
 * agent is told at once, not only by the type in the list below. Empty when every minute went on a bundle.
 */
export function overflowNotice(lines, tr) {
  const over = (lines || []).filter(line => line.overflow).reduce((sum, line) => sum + (Number(line.minutes) || 0), 0);
  return over > 0 ? " " + tr("timelog.overflow", { hours: hm(over) }) : "";
}
