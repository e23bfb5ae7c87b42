// Working a ticket: triage by provider staff (PATCH /tickets/{id}), the involved persons
// (PUT /tickets/{id}/involved), the audit trail for staff, and the people directories that give
// the ids of the API (assignee, involved persons, audit actors) their names.
//
// Who is who: provider staff read GET /staff and GET /customers/{id}/users; a customer admin reads
// GET /customers/{id}/users of its own organisation; a customer user may read neither (403), so the
// portal names involved persons only from what the ticket itself shows (reporter, authors of
// replies, uploaders) and offers such a reporter to remove persons, not to add them: the API takes
// user ids only and has no look-up by e-mail address for customer users.

import { loadAll } from "./api.mjs";
import { h } from "./dom.mjs";
import { CUSTOMER_ROLES } from "./forms.mjs";
import { localized } from "./i18n.mjs";
import { field, formatDate, labelOf, PRIORITIES, problemBox, select, valueOf, scrolling } from "./widgets.mjs";

/** The active people of a customer who can be reporter or involved (GET /customers/{id}/users). */
export function activeMembers(users, customerId) {
  return (users || []).filter(u => u && u.active !== false && CUSTOMER_ROLES.includes(u.role)
    && (u.customerId === undefined || u.customerId === customerId));
}

export function byName(a, b) {
  return String(a.displayName || a.email || "").localeCompare(String(b.displayName || b.email || ""));
}

/** A person's label: "Name <e-mail>", or whichever is known. */
export function personLabel(user) {
  if (!user) return "";
  const name = user.displayName || "";
  return user.email && user.email !== name ? (name ? name + " <" + user.email + ">" : user.email) : name;
}

/** The customer select's choices (staff raising a ticket on a customer's behalf): "choose", then every customer by name. */
export function customerChoices(tr, customers) {
  const sorted = (customers || []).slice().sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return [["", tr("choose")], ...sorted.map(c => [c.id, c.name + " (" + c.id + ")"])];
}

/** The reporter select's choices: "choose" (or "loading" while they are read), then the customer's active people. */
export function reporterChoices(tr, reporters) {
  return [["", reporters && reporters.loading ? tr("loading") : tr("choose")],
    ...((reporters && reporters.items) || []).map(u => [u.userId, personLabel(u)])];
}

/** Whether the chosen customer's people, read, hold nobody to report for (said as work.onBehalf.noReporters). */
export function noReporters(reporters) {
  return !!reporters && !reporters.loading && !reporters.error && (reporters.items || []).length === 0;
}

/** The people a ticket of a customer can be raised for, by name (staff: GET /customers/{id}/users, every page). */
export async function reportersOf(ctx, customerId) {
  return activeMembers(await loadAll(ctx.api, "/customers/" + encodeURIComponent(customerId) + "/users"), customerId).sort(byName);
}

/** Who may read which directory: staff both, a customer admin its own organisation's people. */
export function directoriesFor(ctx) {
  return { staff: !!ctx.staff, members: !!ctx.staff || ctx.role === "customer-admin" };
}

/** Loads the directories the caller may read; a failure is kept per directory and named in its section. */
export async function loadPeople(ctx, customerId) {
  const may = directoriesFor(ctx);
  const people = { staff: [], members: [], staffError: null, membersError: null, loaded: true };
  await Promise.all([
    may.staff ? loadAll(ctx.api, "/staff").then(items => { people.staff = items; }, e => { people.staffError = e; }) : null,
    may.members && customerId
      ? loadAll(ctx.api, "/customers/" + encodeURIComponent(customerId) + "/users")
        .then(items => { people.members = items; }, e => { people.membersError = e; })
      : null
  ]);
  return people;
}

/** id → display name from the directories and from what the ticket itself shows. */
export function namesOf(detail, people) {
  const names = new Map();
  const put = (id, name) => { if (id && name && !names.has(id)) names.set(id, String(name)); };
  for (const u of (people && people.staff) || []) put(u.userId, u.displayName || u.email);
  for (const u of (people && people.members) || []) put(u.userId, u.displayName || u.email);
  const ticket = detail && detail.ticket;
  if (ticket && ticket.reporter) put(ticket.reporter.id, ticket.reporter.name);
  for (const m of (detail && detail.messages) || []) put(m.authorId, m.authorName);
  for (const a of (detail && detail.attachments) || []) put(a.uploadedBy, a.uploadedByName);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Triage (provider staff): priority, category, assignee

/** The value the triage form shows: the draft's where the user changed it, else the ticket's. */
export function triageValue(ticket, draft, key) {
  if (draft && key in draft) return draft[key];
  if (key === "assigneeId") return ticket.assigneeId || "";
  return ticket[key] || "";
}

/** The PATCH body: the drafted fields that differ from the ticket, and the version read; null when nothing changed. */
export function triageBody(ticket, draft, keys = ["priority", "category", "assigneeId"]) {
  const body = {};
  for (const key of keys) {
    if (!draft || !(key in draft)) continue;
    const current = key === "assigneeId" ? ticket.assigneeId || "" : ticket[key];
    if (draft[key] !== current) body[key] = draft[key];
  }
  if (Object.keys(body).length === 0) return null;
  body.version = ticket.version;
  return body;
}

export function triageSection(ticket, state, ctx, actions) {
  const { tr, lang } = ctx;
  if (ticket.status === "closed") return null;
  const draft = state.drafts.triage || {};
  const people = state.people || {};
  const errors = state.errors || {};
  const categories = ((state.catalogue && state.catalogue.categories) || []).filter(c => c.active);
  const categoryOptions = categories.map(c => [c.id, localized(c.name, lang)]);
  const category = triageValue(ticket, draft, "category");
  if (category && !categoryOptions.some(([id]) => id === category)) categoryOptions.unshift([category, category]);
  const staff = (people.staff || []).filter(u => u.active !== false).sort(byName);
  const assignee = triageValue(ticket, draft, "assigneeId");
  const staffOptions = [["", tr("work.triage.nobody")], ...staff.map(u => [u.userId, personLabel(u)])];
  if (assignee && !staffOptions.some(([id]) => id === assignee)) staffOptions.push([assignee, tr("work.triage.unknownColleague")]);
  const set = key => e => { state.drafts.triage = { ...(state.drafts.triage || {}), [key]: valueOf(e) }; };
  const mine = ctx.userId && ticket.assigneeId === ctx.userId;
  return h("section", { class: "triage", "aria-labelledby": "triage-heading" },
    h("h2", { id: "triage-heading" }, tr("work.triage.heading")),
    people.staffError ? h("p", { class: "hint" }, tr("work.triage.staffUnavailable")) : null,
    h("form", { novalidate: true, on: { submit: e => { e.preventDefault(); return actions.triage(); } } },
      field("priority", tr("field.priority"), select(PRIORITIES.map(p => [p, tr("priority." + p)]),
        triageValue(ticket, draft, "priority"), set("priority")), { error: errors.priority, tr }),
      field("category", tr("field.category"), select(categoryOptions, category, set("category")), { error: errors.category, tr }),
      field("assigneeId", tr("work.triage.assignee"), select(staffOptions, assignee, set("assigneeId")),
        { error: errors.assigneeId, tr }),
      h("div", { class: "buttons" },
        h("button", { type: "submit", class: "primary", disabled: state.busy }, tr("work.triage.save")),
        ctx.userId && !mine ? h("button", { type: "button", disabled: state.busy, on: { click: () => actions.assignToMe() } },
          tr("work.triage.assignToMe")) : null,
        ticket.assigneeId ? h("button", { type: "button", disabled: state.busy, on: { click: () => actions.unassign() } },
          tr("work.triage.unassign")) : null)));
}

/** The assignee as staff see it in the ticket's facts. */
export function assigneeText(ticket, names, ctx) {
  if (!ticket.assigneeId) return ctx.tr("work.triage.nobody");
  if (ctx.userId && ticket.assigneeId === ctx.userId) return ctx.tr("work.triage.me", { name: names.get(ticket.assigneeId) || "" }).trim();
  return names.get(ticket.assigneeId) || ctx.tr("work.triage.unknownColleague");
}

// ---------------------------------------------------------------------------------------------
// Involved persons

/** Whether the caller may change who is involved (ChangeInvolved: reporter, customer admin, staff; not when closed). */
export function mayChangeInvolved(ticket, ctx) {
  if (ticket.status === "closed") return false;
  return !!ctx.staff || ctx.role === "customer-admin" || (!!ctx.userId && ticket.reporter && ticket.reporter.id === ctx.userId);
}

export function involvedDraft(ticket, state) {
  return state.drafts.involved || (ticket.involved || []).slice();
}

export function involvedSection(ticket, state, ctx, actions) {
  const { tr } = ctx;
  const names = state.names || new Map();
  const errors = state.errors || {};
  const people = state.people || {};
  const editable = mayChangeInvolved(ticket, ctx);
  const current = ticket.involved || [];
  const nameOf = id => names.get(id) || tr("work.involved.unknown");
  const heading = h("h2", { id: "involved-heading" }, tr("work.involved.heading"));
  if (!editable) {
    return h("section", { class: "involved", "aria-labelledby": "involved-heading" }, heading,
      current.length ? h("ul", { class: "people" }, current.map(id => h("li", null, nameOf(id))))
        : h("p", { class: "hint" }, tr("work.involved.none")));
  }
  const draft = involvedDraft(ticket, state);
  const changed = JSON.stringify(draft) !== JSON.stringify(current);
  const reporterId = ticket.reporter && ticket.reporter.id;
  const canList = directoriesFor(ctx).members;
  const candidates = activeMembers(people.members, ticket.customerId)
    .filter(u => u.userId !== reporterId && !draft.includes(u.userId)).sort(byName);
  const pick = state.drafts.involvedPick || "";
  return h("section", { class: "involved", "aria-labelledby": "involved-heading" }, heading,
    h("p", { class: "hint" }, tr("work.involved.intro")),
    draft.length ? h("ul", { class: "people" }, draft.map((id, i) => {
      const error = errors["involved[" + i + "]"];
      return h("li", null,
        h("span", { class: "person" }, nameOf(id)), " ",
        h("button", { type: "button", class: "remove", disabled: state.busy, on: { click: () => actions.removeInvolved(id) } },
          tr("work.involved.remove"), h("span", { class: "visually-hidden" }, " " + nameOf(id))),
        error ? h("p", { class: "field-error", id: "e-involved-" + i }, error) : null);
    })) : h("p", { class: "hint" }, tr("work.involved.none")),
    canList
      ? [people.membersError ? problemBox(people.membersError, tr) : null,
        field("involvedPick", tr("work.involved.add"), select([["", tr("choose")], ...candidates.map(u => [u.userId, personLabel(u)])],
          pick, e => { state.drafts.involvedPick = valueOf(e); }), { error: errors.involved, tr }),
        h("button", { type: "button", disabled: state.busy, on: { click: () => actions.addInvolved() } }, tr("work.involved.addButton"))]
      : [h("p", { class: "hint" }, tr("work.involved.cannotAdd")),
        errors.involved ? h("p", { class: "field-error" }, errors.involved) : null],
    h("div", { class: "buttons" },
      h("button", { type: "button", class: "primary", disabled: state.busy || !changed, on: { click: () => actions.saveInvolved() } },
        tr("work.involved.save")),
      changed ? h("button", { type: "button", disabled: state.busy, on: { click: () => actions.resetInvolved() } },
        tr("work.involved.reset")) : null));
}

// ---------------------------------------------------------------------------------------------
// The actions of triage and involved persons, run through the ticket page's change() (busy flag,
// reload afterwards, 409 version-conflict: reload, say so, keep the drafts)

export function workActions({ ctx, state, path, change, render }) {
  const { tr } = ctx;
  function patch(keys, doneText) {
    const ticket = state.detail.ticket;
    const body = triageBody(ticket, state.drafts.triage, keys);
    if (!body) {
      state.notice = tr("work.triage.unchanged");
      state.warning = null;
      return render();
    }
    return change(() => ctx.api.patch(path, body), () => {
      const rest = { ...(state.drafts.triage || {}) };
      for (const key of keys) delete rest[key];
      state.drafts.triage = Object.keys(rest).length ? rest : null;
      state.notice = doneText;
    });
  }
  return {
    triage: () => patch(["priority", "category", "assigneeId"], tr("work.triage.saved")),
    assignToMe() {
      state.drafts.triage = { ...(state.drafts.triage || {}), assigneeId: ctx.userId };
      return patch(["assigneeId"], tr("work.triage.assignedToMe"));
    },
    unassign() {
      state.drafts.triage = { ...(state.drafts.triage || {}), assigneeId: "" };
      return patch(["assigneeId"], tr("work.triage.unassigned"));
    },
    addInvolved() {
      const id = state.drafts.involvedPick;
      if (!id) {
        state.errors = { involved: tr("work.involved.pickFirst") };
        return render();
      }
      const draft = involvedDraft(state.detail.ticket, state);
      if (!draft.includes(id)) draft.push(id);
      state.drafts.involved = draft;
      state.drafts.involvedPick = "";
      state.errors = {};
      render();
    },
    removeInvolved(id) {
      state.drafts.involved = involvedDraft(state.detail.ticket, state).filter(x => x !== id);
      state.errors = {};
      render();
    },
    resetInvolved() {
      state.drafts.involved = null;
      state.errors = {};
      render();
    },
    saveInvolved() {
      const ticket = state.detail.ticket;
      const involved = involvedDraft(ticket, state);
      return change(() => ctx.api.put(path + "/involved", { involved, version: ticket.version }), () => {
        state.drafts.involved = null;
        state.notice = tr("work.involved.saved");
      });
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The audit trail (provider staff; customers never receive `audit`)

/** An audit detail's value in words: priorities, statuses, people and categories by name. */
export function auditDetail(key, value, names, ctx, catalogue) {
  const { tr, lang } = ctx;
  const person = id => (id === "none" || id === "" ? tr("work.triage.nobody") : names.get(id) || tr("work.involved.unknown"));
  const arrow = (text, one) => String(text).split(" → ").map(one).join(" → ");
  const category = id => {
    const found = ((catalogue && catalogue.categories) || []).find(c => c.id === id);
    return found ? localized(found.name, lang) : id;
  };
  switch (key) {
    case "priority": return arrow(value, p => labelOf(tr, "priority.", p));
    case "from": case "to": return labelOf(tr, "status.", value);
    case "assignee": return arrow(value, person);
    case "category": return arrow(value, category);
    case "involved": return value ? String(value).split(",").map(person).join(", ") : tr("work.involved.none");
    case "uploadedBy": return person(value);
    case "source": return labelOf(tr, "work.source.", value);
    case "type": return labelOf(tr, "type.", value);
    case "autoCloseAt": case "dueAt": return formatDate(value, lang);
    case "followUpOf": return "#" + value;
    case "score": return labelOf(tr, "rating.score.", value);
    case "via": return labelOf(tr, "rating.via.", value);
    default: return String(value);
  }
}

export function auditSection(detail, state, ctx) {
  const { tr, lang } = ctx;
  if (!ctx.staff || !Array.isArray(detail.audit)) return null;
  const names = state.names || new Map();
  const entries = detail.audit;
  const actor = a => a.actorId === "system" || a.actorRole === "system" ? tr("work.audit.system")
    : (names.get(a.actorId) || tr("work.involved.unknown")) + " (" + labelOf(tr, "work.role.", a.actorRole) + ")";
  const action = a => labelOf(tr, "work.audit.action.", a.action);
  return h("section", { class: "audit", "aria-labelledby": "audit-heading" },
    h("details", null,
      h("summary", null, h("h2", { id: "audit-heading", class: "inline" }, tr("work.audit.heading", { n: entries.length }))),
      h("p", { class: "hint" }, tr("work.audit.intro")),
      entries.length === 0 ? h("p", null, tr("work.audit.none")) : scrolling(tr, h("table", { class: "audit-trail" },
        h("caption", { class: "visually-hidden" }, tr("work.audit.heading", { n: entries.length })),
        h("thead", null, h("tr", null, ["work.audit.col.at", "work.audit.col.who", "work.audit.col.what", "work.audit.col.details"]
          .map(key => h("th", { scope: "col" }, tr(key))))),
        h("tbody", null, entries.map(a => h("tr", { class: a.action === "internal-note" ? "internal" : null },
          h("td", null, h("time", { datetime: a.at }, formatDate(a.at, lang))),
          h("td", null, actor(a)),
          h("td", null, action(a), a.action === "internal-note" ? [" ", h("strong", { class: "internal-label" },
            tr("work.audit.internal"))] : null),
          h("td", null, Object.keys(a.details || {}).length ? h("dl", { class: "audit-details" },
            Object.entries(a.details).map(([key, value]) => [h("dt", null, labelOf(tr, "work.audit.detail.", key)),
              h("dd", null, auditDetail(key, value, names, ctx, state.catalogue))])) : null))))))));
}
