// The ticket page's time section (provider staff): register time worked on the ticket — date (today by
// default), minutes or h:mm, type, what the customer reads, an internal note — with the ticket's number on
// the customer's time registrations (POST /customers/{customerId}/time-registrations); the ticket's
// registrations (GET …/time-registrations?ticket=<n>, read when asked for, so opening a ticket reads no more
// than before); and "Corrigeren": the replacement of a registration, which the API books as reversal lines
// plus a new registration (POST …/time-registrations/{registrationId}/correction).
//
// A section of tickets.mjs's ticket page, like work.mjs: node descriptions, the state lives in the page's.

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

/** The section's state in the ticket page's state (staff only). */
export function timeState(ctx) {
  const today = todayOf(ctx);
  return { today, form: formOf(today), idempotency: {}, list: null, listLoading: false, listError: null, correcting: null,
    notice: null };
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

/** The section's actions on the ticket page's state: register, list, correct. */
export function timeActions({ ctx, state, render }) {
  const { tr } = ctx;
  const ticket = () => state.detail.ticket;
  const base = () => hoursBase(ticket().customerId) + "/time-registrations";

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

  /** One POST of a form; done(answer) on success; a refusal's field errors land at the form's fields. */
  async function send(form, path, body, options, done) {
    form.busy = true;
    form.errors = {};
    form.error = null;
    form.notice = null;
    state.time.notice = null;
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
    await loadTime();
  }

  return {
    loadTime,
    logTime() {
      const time = state.time;
      const form = time.form;
      if (form.busy) return undefined;
      const checked = registrationBody(form.draft, ticket().number, tr);
      if (checked.errors) {
        form.errors = checked.errors;
        form.error = null;
        form.notice = null;
        return render();
      }
      const key = idempotencyKeyFor(time.idempotency, checked.body, ctx.uuid);
      return send(form, base(), checked.body, { idempotencyKey: key }, answer => {
        const billed = (answer.lines || []).reduce((sum, line) => sum + (Number(line.minutes) || 0), 0);
        time.form = formOf(time.today, null, { notice: tr("timelog.logged", { hours: hm(checked.body.minutes), billed: hm(billed) }) });
      });
    },
    startCorrection(lines) {
      const time = state.time;
      const first = lines[0];
      time.correcting = { registrationId: first.registrationId, date: first.date, form: formOf(time.today, first) };
      time.notice = null;
      render();
    },
    cancelCorrection() {
      state.time.correcting = null;
      render();
    },
    submitCorrection() {
      const time = state.time;
      const correcting = time.correcting;
      if (!correcting || correcting.form.busy) return undefined;
      const checked = registrationBody(correcting.form.draft, ticket().number, tr);
      if (checked.errors) {
        correcting.form.errors = checked.errors;
        correcting.form.error = null;
        return render();
      }
      return send(correcting.form, base() + "/" + encodeURIComponent(correcting.registrationId) + "/correction", checked.body, {},
        () => {
          time.correcting = null;
          time.notice = tr("timelog.corrected", { date: formatDay(correcting.date, ctx.lang) });
        });
    }
  };
}
