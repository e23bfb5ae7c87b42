// The service catalogue's management #/admin/catalogue (provider staff; changes by provider admins): the categories and
// the request types customers choose from when they raise a ticket, as GET /catalogue answers them (the API's order:
// the shipped ones first, then those added, by id), labels in the user's language, inactive ones shown and marked.
// Provider admins change a category (names in nl, en and de, active) → PUT /catalogue/categories/{id}, and a request
// type (names, description, category, approval by a customer admin, active, and its form: questions added, removed and
// moved up or down with buttons, each with its kind, its question in three languages, required, the technical name its
// answers are kept under, a maximum length and, for a choice, its choices) → PUT /catalogue/request-types/{id}; a new
// one is the same PUT on a new id (typed, or derived from the English name) with If-None-Match: *, so a new one on an id
// in use is refused here before anything is sent, and one taken meanwhile by the API. A change sends the version read
// (GET /catalogue's, 0 for a shipped entry never changed): a stale one (409 version-conflict) reads the catalogue again,
// says so and keeps what was typed, which the next save sends on the new version. Field errors of errors[] land at
// their inputs (fields[2].label.en → the third question's English label), the form keeps what was typed, a save says so.
// The API's rules (CatalogueAdmin on the server): ids 2–40 of a-z, 0-9 and '-'; texts required in all three languages
// (category name 80, request type name 120, description 1000, question and choice 120); 1–30 questions with unique
// names ([a-z][a-zA-Z0-9]{0,39}); choices only on a choice question, which needs one ([a-z0-9][a-z0-9-]{0,39});
// maxLength 1–4000; approvalRequired and active are true when left out, so both are always sent.

import { h } from "./dom.mjs";
import { LANGUAGES, localized } from "./i18n.mjs";
import { badge, field, labelOf, notice, page, problemBox, select } from "./widgets.mjs";
import { checkbox, formHead, formState, input, run } from "./forms.mjs";

/** A category's or request type's id (CatalogueAdmin.SLUG). */
export const CATALOGUE_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
/** A question's technical name, the key of its answer. */
export const FIELD_NAME = /^[a-z][a-zA-Z0-9]{0,39}$/;
/** A choice's value, the answer stored. */
export const OPTION_VALUE = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** The kinds of question the API takes (FormField.Kind), in the order the select offers them. */
export const KINDS = ["text", "textarea", "choice", "checkbox", "number", "date", "email"];
/** A new question's maximum length per kind, as the shipped forms have it (FormField's factories; the API's default is 500). */
export const KIND_MAX_LENGTH = { text: 500, textarea: 4000, choice: 100, checkbox: 254, number: 254, date: 254, email: 254 };
/** The kinds whose maximum length a user types: the others are short by nature and keep theirs. */
const LENGTH_KINDS = ["text", "textarea", "email"];
export const MAX_FIELDS = 30;
const MAX_LENGTH = 4000;
const LIMITS = { categoryName: 80, typeName: 120, description: 1000, label: 120 };

const STAFF = ["provider-agent", "provider-admin"];
const text = value => (value === undefined || value === null ? "" : String(value));
const threeTexts = value => Object.fromEntries(LANGUAGES.map(l => [l, value && typeof value[l] === "string" ? value[l] : ""]));
const plain = value => text(value).normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** An id from a name: "Werkplek & laptop" → "werkplek-laptop" (at most 40; may still be too short for the API). */
export function slugOf(name) {
  return plain(name).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+/, "").slice(0, 40).replace(/-+$/, "");
}

/** A question's technical name from its question: "Desired name of the team" → "desiredNameOfTheTeam". */
export function fieldNameOf(question) {
  const words = plain(question).replace(/[^A-Za-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join("");
  return (name && !/^[a-z]/.test(name) ? "q" + name : name).slice(0, 40);
}

let keys = 0;
/** A key of its own for every question and choice in an editor: inputs, errors and the focus follow it when it moves. */
const nextKey = () => "k" + ++keys;

// ---------------------------------------------------------------------------------------------
// Drafts and the bodies the API takes

export function categoryDraft(category) {
  return category
    ? { isNew: false, id: text(category.id), idTouched: true, name: threeTexts(category.name), active: category.active !== false }
    : { isNew: true, id: "", idTouched: false, name: threeTexts(null), active: true };
}

export function optionDraft(option) {
  return { key: nextKey(), value: text(option && option.value), valueTouched: !!option, label: threeTexts(option && option.label) };
}

export function fieldDraft(f) {
  if (!f) {
    return { key: nextKey(), name: "", nameTouched: false, existing: false, kind: "text", label: threeTexts(null), required: false,
      maxLength: String(KIND_MAX_LENGTH.text), options: [] };
  }
  const kind = text(f.kind) || "text";
  return { key: nextKey(), name: text(f.name), nameTouched: true, existing: true, kind, label: threeTexts(f.label), required: !!f.required,
    maxLength: text(f.maxLength !== undefined && f.maxLength !== null ? f.maxLength : KIND_MAX_LENGTH[kind] || 500),
    options: (Array.isArray(f.options) ? f.options : []).map(optionDraft) };
}

export function requestTypeDraft(type, category = "") {
  if (!type) {
    return { isNew: true, id: "", idTouched: false, name: threeTexts(null), description: threeTexts(null), category,
      approvalRequired: true, active: true, fields: [fieldDraft(null)] };
  }
  return { isNew: false, id: text(type.id), idTouched: true, name: threeTexts(type.name), description: threeTexts(type.description),
    category: text(type.category), approvalRequired: !!type.approvalRequired, active: type.active !== false,
    fields: ((type.form && type.form.fields) || []).map(fieldDraft) };
}

/** The version a change is made on: the one read, as the catalogue now holds it (0 for a shipped entry never changed). */
export function versionOf(catalogue, kind, id) {
  const item = (kind === "category" ? catalogue.categories : catalogue.requestTypes).find(i => i.id === id);
  return item && Number.isInteger(item.version) ? item.version : 0;
}

/** {version} when a change is made on one; nothing for a new one (If-None-Match: * needs none). */
const versioned = version => (version === undefined || version === null ? {} : { version });

/** PUT /catalogue/categories/{id}: the names, whether customers can choose it and, for a change, the version read. */
export function categoryBody(draft, version) {
  return { name: { ...draft.name }, active: !!draft.active, ...versioned(version) };
}

/** PUT /catalogue/request-types/{id}: everything, in the form's order; choices only on a choice question; the version read. */
export function requestTypeBody(draft, version) {
  return {
    name: { ...draft.name },
    description: { ...draft.description },
    category: draft.category || null,
    fields: draft.fields.map(f => ({
      name: f.name.trim(), kind: f.kind, label: { ...f.label }, required: !!f.required,
      options: f.kind === "choice" ? f.options.map(o => ({ value: o.value.trim(), label: { ...o.label } })) : [],
      maxLength: Number(f.maxLength)
    })),
    approvalRequired: !!draft.approvalRequired,
    active: !!draft.active,
    ...versioned(version)
  };
}

/**
 * The input an error of the API belongs to: fields[i] and options[j] are the i-th question and j-th choice as they were
 * sent (sent: their keys then), named by their keys ("fields[2].label.en" → "fields.k7.label.en").
 */
export function errorKey(path, sent) {
  const m = /^fields\[(\d+)\](.*)$/.exec(String(path));
  if (!m || !sent[m[1]]) return String(path);
  const question = sent[m[1]];
  const rest = m[2].replace(/^\.options\[(\d+)\]/, (all, j) => (question.options[j] ? ".options." + question.options[j] : all));
  return "fields." + question.key + rest;
}

/** The portal's own words for the catalogue's refusals the general ones would say vaguely. */
function knownError(tr) {
  return e => {
    const path = text(e.field);
    if (e.code === "format" && path === "id") return tr("cat.error.id");
    if (e.code === "format" && /^fields\[\d+\]\.name$/.test(path)) return tr("cat.error.fieldName");
    if (e.code === "format" && /\.options\[\d+\]\.value$/.test(path)) return tr("cat.error.optionValue");
    if (e.code === "shape") return tr("cat.error.options");
    if (e.code === "duplicate" && path === "fields") return tr("cat.error.duplicateNames");
    if (e.code === "size" && path === "fields") return tr("cat.error.fieldCount");
    if (e.code === "one-of" && path === "category") return tr("cat.error.inactiveCategory");
    return null;
  };
}

/** What is said before anything is sent: a new id (its shape, not in use: the PUT would replace it), the maximum lengths. */
export function localErrors(editing, catalogue, tr) {
  const d = editing.form.draft;
  const errors = {};
  if (d.isNew) {
    const id = d.id.trim();
    const taken = (editing.kind === "category" ? catalogue.categories : catalogue.requestTypes).some(item => item.id === id);
    if (!id) errors.id = tr("fieldRequired");
    else if (!CATALOGUE_ID.test(id)) errors.id = tr("cat.error.id");
    else if (taken) errors.id = tr("cat.error.idInUse");
  }
  for (const f of d.fields || []) {
    const n = Number(f.maxLength);
    if (!/^\s*[0-9]+\s*$/.test(f.maxLength) || n < 1 || n > MAX_LENGTH) errors["fields." + f.key + ".maxLength"] = tr("cat.error.maxLength");
  }
  return Object.keys(errors).length ? errors : null;
}

// ---------------------------------------------------------------------------------------------
// The list

const nameOf = (item, lang) => localized(item && item.name, lang) || text(item && item.id);
const kindText = (tr, kind) => labelOf(tr, "cat.kind.", kind);
const inactiveBadge = tr => badge("catalogue", "inactive", tr("cat.inactive"));

function questionsSummary(type, ctx) {
  const { tr, lang } = ctx;
  const fields = (type.form && type.form.fields) || [];
  if (!fields.length) return null;
  return h("ol", { class: "catalogue-questions", "aria-label": tr("cat.questions") }, fields.map(f => h("li", null,
    localized(f.label, lang) || text(f.name), " (", kindText(tr, f.kind), f.required ? ", " + tr("cat.field.requiredWord") : "",
    f.kind === "choice" && Array.isArray(f.options) && f.options.length
      ? ": " + f.options.map(o => localized(o.label, lang) || text(o.value)).join(", ") : "", ")")));
}

function requestTypeItem(type, state, ctx, actions) {
  const { tr, lang } = ctx;
  const admin = ctx.role === "provider-admin";
  const editing = state.editing && state.editing.kind === "requestType" && !state.editing.form.draft.isNew && state.editing.id === type.id;
  const fields = (type.form && type.form.fields) || [];
  return h("li", { class: "catalogue-type" + (type.active === false ? " inactive" : "") },
    h("h3", null, nameOf(type, lang), type.active === false ? [" ", inactiveBadge(tr)] : null),
    h("p", { class: "hint catalogue-id" }, [tr("cat.idIs", { id: text(type.id) }),
      tr(type.approvalRequired ? "cat.approval.yes" : "cat.approval.no"),
      tr(fields.length === 1 ? "cat.fieldCount.one" : "cat.fieldCount.other", { n: fields.length })].join(" · ")),
    localized(type.description, lang) ? h("p", { class: "text" }, localized(type.description, lang)) : null,
    questionsSummary(type, ctx),
    admin && !state.editing ? h("button", { type: "button", "aria-label": tr("cat.editOf", { name: nameOf(type, lang) }),
      on: { click: () => actions.editRequestType(type) } }, tr("cat.edit")) : null,
    editing ? requestTypeEditor(state, ctx, actions) : null);
}

function categorySection(category, types, state, ctx, actions, { pseudo = false } = {}) {
  const { tr, lang } = ctx;
  const admin = ctx.role === "provider-admin" && !pseudo;
  const headingId = "cat-h-" + category.id;
  const editing = state.editing && state.editing.kind === "category" && !state.editing.form.draft.isNew && state.editing.id === category.id;
  return h("section", { class: "catalogue-category" + (category.active === false ? " inactive" : ""), "aria-labelledby": headingId },
    h("h2", { id: headingId }, nameOf(category, lang), category.active === false ? [" ", inactiveBadge(tr)] : null),
    pseudo ? h("p", { class: "hint" }, tr("cat.withoutCategoryHint")) : h("p", { class: "hint catalogue-id" }, tr("cat.idIs", { id: text(category.id) })),
    admin && !state.editing ? h("button", { type: "button", "aria-label": tr("cat.editOf", { name: nameOf(category, lang) }),
      on: { click: () => actions.editCategory(category) } }, tr("cat.edit")) : null,
    editing ? categoryEditor(state, ctx, actions) : null,
    types.length ? h("ul", { class: "catalogue-types" }, types.map(t => requestTypeItem(t, state, ctx, actions)))
      : h("p", { class: "hint" }, tr("cat.types.none")));
}

export function catalogueView(state, ctx, actions) {
  const { tr } = ctx;
  const admin = ctx.role === "provider-admin";
  const { categories, requestTypes } = state.catalogue;
  const known = new Set(categories.map(c => c.id));
  const orphans = requestTypes.filter(t => !known.has(t.category));
  const creating = state.editing && state.editing.form.draft.isNew ? state.editing.kind : null;
  return page(ctx,
    h("h1", null, tr("cat.heading")),
    h("p", null, tr("cat.intro")),
    admin ? null : h("p", { class: "hint" }, tr("cat.adminsOnly")),
    notice(state.notice),
    problemBox(state.error, tr),
    state.loading ? h("p", { role: "status" }, tr("loading")) : null,
    admin && !state.editing && !state.loading ? h("div", { class: "catalogue-actions" },
      h("button", { type: "button", on: { click: actions.newCategory } }, tr("cat.newCategory")),
      h("button", { type: "button", on: { click: actions.newRequestType } }, tr("cat.newRequestType"))) : null,
    creating === "category" ? categoryEditor(state, ctx, actions) : null,
    creating === "requestType" ? requestTypeEditor(state, ctx, actions) : null,
    !state.loading && !state.error && !categories.length && !requestTypes.length ? h("p", null, tr("cat.none")) : null,
    categories.length ? h("p", { class: "hint" }, tr("cat.orderNote")) : null,
    categories.map(c => categorySection(c, requestTypes.filter(t => t.category === c.id), state, ctx, actions)),
    orphans.length ? categorySection({ id: "-none", name: { [ctx.lang]: tr("cat.withoutCategory") } }, orphans, state, ctx, actions,
      { pseudo: true }) : null);
}

// ---------------------------------------------------------------------------------------------
// The editors

/** Three inputs of a text in nl, en and de; error keys <key>.<language>. */
function threeInputs(form, prefix, key, labelKey, values, { max, multiline = false, onInput = () => {} }) {
  const { tr } = form;
  return LANGUAGES.map(l => {
    const name = key + "." + l;
    const label = tr(labelKey, { language: tr("kb.language." + l) });
    if (!multiline) {
      return input(prefix + name, label, values[l], v => { values[l] = v; onInput(l, v); },
        { error: form.state.errors[name], required: true, tr, maxlength: max });
    }
    return field(prefix + name, label, h("textarea", { rows: 3, maxlength: max, on: { input: e => { values[l] = e.target.value; } } },
      values[l]), { error: form.state.errors[name], required: true, tr });
  });
}

function idInput(form, prefix, d, hintKey, render) {
  const { tr } = form;
  if (!d.isNew) return h("p", { class: "catalogue-id" }, tr("cat.idIs", { id: d.id }), " ", h("span", { class: "hint" }, tr("cat.idFixed")));
  return input(prefix + "id", tr("cat.id"), d.id, v => { d.id = v; d.idTouched = v.trim() !== ""; },
    { error: form.state.errors.id, required: true, tr, maxlength: 40, autocomplete: "off", hint: tr(hintKey) });
}

/** The English name (else the Dutch one) names a new item until its id is typed: the id follows it. */
function deriveId(d, render) {
  return () => {
    if (!d.isNew || d.idTouched) return;
    const derived = slugOf(d.name.en || d.name.nl);
    if (derived !== d.id) { d.id = derived; render(); }
  };
}

function editorButtons(form, tr, actions) {
  return h("div", { class: "catalogue-buttons" },
    h("button", { type: "submit", class: "primary", disabled: form.busy }, form.busy ? tr("sla.saving") : tr("sla.save")),
    h("button", { type: "button", disabled: form.busy, on: { click: actions.cancel } }, tr("sla.cancel")));
}

function categoryEditor(state, ctx, actions) {
  const { tr, lang } = ctx;
  const editing = state.editing;
  const form = editing.form;
  const d = form.draft;
  const p = "cat.";
  const helper = { tr, state: form };
  const heading = d.isNew ? tr("cat.newCategory") : tr("cat.editCategory", { name: nameOf(editing.original, lang) });
  const shown = ["id", ...LANGUAGES.map(l => "name." + l), "active"];
  const follow = deriveId(d, actions.render);
  return h("form", { novalidate: true, class: "catalogue-editor", "aria-labelledby": "cat-editor-h", on: { submit: actions.save } },
    h(d.isNew ? "h2" : "h3", { id: "cat-editor-h" }, heading),   // under the page's h1, or under its category's h2
    formHead(form, tr, d.isNew ? shown : shown.filter(s => s !== "id")),
    idInput(helper, p, d, "cat.idHint.category"),
    threeInputs(helper, p, "name", "cat.name", d.name, { max: LIMITS.categoryName, onInput: l => { if (l !== "de") follow(); } }),
    checkbox(p + "active", tr("cat.active"), d.active, v => { d.active = v; }),
    form.errors.active ? h("p", { class: "field-error" }, form.errors.active) : null,
    editorButtons(form, tr, actions));
}

function moveButtons(prefix, index, count, labels, actions, busy) {
  return h("div", { class: "catalogue-buttons" },
    h("button", { type: "button", id: prefix + ".up", disabled: busy || index === 0, "aria-label": labels.up, on: { click: actions.up } },
      labels.upText),
    h("button", { type: "button", id: prefix + ".down", disabled: busy || index === count - 1, "aria-label": labels.down,
      on: { click: actions.down } }, labels.downText),
    h("button", { type: "button", id: prefix + ".remove", disabled: busy, "aria-label": labels.remove, on: { click: actions.remove } },
      labels.removeText));
}

function optionEditor(f, o, j, form, helper, ctx, actions) {
  const { tr } = ctx;
  const key = "fields." + f.key + ".options." + o.key;
  const n = j + 1;
  return h("li", null, h("fieldset", { class: "catalogue-option" },
    h("legend", null, tr("cat.option.legend", { n })),
    form.errors[key] ? h("p", { class: "field-error" }, form.errors[key]) : null,
    threeInputs(helper, "rt.", key + ".label", "cat.option.label", o.label, { max: LIMITS.label, onInput: (l, v) => {
      if (l === "en" && !o.valueTouched) { o.value = slugOf(v); actions.render(); }
    } }),
    input("rt." + key + ".value", tr("cat.option.value"), o.value, v => { o.value = v; o.valueTouched = v.trim() !== ""; },
      { error: form.errors[key + ".value"], required: true, tr, maxlength: 40, autocomplete: "off", hint: tr("cat.option.valueHint") }),
    moveButtons("rt." + key, j, f.options.length, {
      up: tr("cat.option.upOf", { n }), down: tr("cat.option.downOf", { n }), remove: tr("cat.option.removeOf", { n }),
      upText: tr("cat.up"), downText: tr("cat.down"), removeText: tr("cat.remove")
    }, { up: () => actions.moveOption(f, j, -1), down: () => actions.moveOption(f, j, 1), remove: () => actions.removeOption(f, j) },
    form.busy)));
}

function fieldEditor(f, i, form, helper, ctx, actions) {
  const { tr, lang } = ctx;
  const d = form.draft;
  const key = "fields." + f.key;
  const n = i + 1;
  const question = localized(f.label, lang).trim() || tr("cat.field.new");
  const kinds = KINDS.includes(f.kind) ? KINDS : [...KINDS, f.kind];
  return h("li", null, h("fieldset", { class: "catalogue-field" },
    h("legend", null, tr("cat.field.legend", { n, question })),
    form.errors[key] ? h("p", { class: "field-error" }, form.errors[key]) : null,
    field("rt." + key + ".kind", tr("cat.field.kind"), select(kinds.map(k => [k, kindText(tr, k)]), f.kind,
      e => actions.setKind(f, e.target.value)), { error: form.errors[key + ".kind"], required: true, tr }),
    threeInputs(helper, "rt.", key + ".label", "cat.field.label", f.label, { max: LIMITS.label, onInput: (l, v) => {
      if (l === "en" && !f.nameTouched) { f.name = fieldNameOf(v); actions.render(); }
    } }),
    input("rt." + key + ".name", tr("cat.field.name"), f.name, v => { f.name = v; f.nameTouched = v.trim() !== ""; },
      { error: form.errors[key + ".name"], required: true, tr, maxlength: 40, autocomplete: "off",
        hint: tr(f.existing ? "cat.field.nameHintExisting" : "cat.field.nameHint") }),
    checkbox("rt." + key + ".required", tr("cat.field.required"), f.required, v => { f.required = v; }),
    form.errors[key + ".required"] ? h("p", { class: "field-error" }, form.errors[key + ".required"]) : null,
    LENGTH_KINDS.includes(f.kind) ? input("rt." + key + ".maxLength", tr("cat.field.maxLength"), f.maxLength, v => { f.maxLength = v; },
      { type: "number", inputmode: "numeric", error: form.errors[key + ".maxLength"], required: true, tr, hint: tr("cat.field.maxLengthHint") })
      : null,
    f.kind === "choice" ? h("fieldset", { class: "catalogue-options" },
      h("legend", null, tr("cat.options")),
      form.errors[key + ".options"] ? h("p", { class: "field-error", id: "e-rt." + key + ".options" }, form.errors[key + ".options"]) : null,
      h("ol", { class: "catalogue-option-list" }, f.options.map((o, j) => optionEditor(f, o, j, form, helper, ctx, actions))),
      h("button", { type: "button", id: "rt." + key + ".addOption", disabled: form.busy, on: { click: () => actions.addOption(f) } },
        tr("cat.option.add"))) : null,
    moveButtons("rt." + key, i, d.fields.length, {
      up: tr("cat.field.upOf", { n, question }), down: tr("cat.field.downOf", { n, question }),
      remove: tr("cat.field.removeOf", { n, question }),
      upText: tr("cat.up"), downText: tr("cat.down"), removeText: tr("cat.remove")
    }, { up: () => actions.moveField(i, -1), down: () => actions.moveField(i, 1), remove: () => actions.removeField(i) }, form.busy)));
}

/** The error keys a request type's form shows at an input (the rest go to the problem box). */
function requestTypeShown(d) {
  const three = key => LANGUAGES.map(l => key + "." + l);
  const shown = [...(d.isNew ? ["id"] : []), ...three("name"), ...three("description"), "category", "fields"];
  for (const f of d.fields) {
    const key = "fields." + f.key;
    shown.push(key, key + ".kind", ...three(key + ".label"), key + ".name", key + ".required");
    if (LENGTH_KINDS.includes(f.kind)) shown.push(key + ".maxLength");
    if (f.kind === "choice") {
      shown.push(key + ".options");
      for (const o of f.options) shown.push(key + ".options." + o.key, key + ".options." + o.key + ".value",
        ...three(key + ".options." + o.key + ".label"));
    }
  }
  return shown;
}

function requestTypeEditor(state, ctx, actions) {
  const { tr, lang } = ctx;
  const editing = state.editing;
  const form = editing.form;
  const d = form.draft;
  const helper = { tr, state: form };
  const heading = d.isNew ? tr("cat.newRequestType") : tr("cat.editRequestType", { name: nameOf(editing.original, lang) });
  const categories = state.catalogue.categories;
  const choices = [["", tr("choose")], ...categories.filter(c => c.active !== false || c.id === d.category)
    .map(c => [c.id, c.active === false ? tr("cat.categoryInactive", { name: nameOf(c, lang) }) : nameOf(c, lang)])];
  if (d.category && !categories.some(c => c.id === d.category)) choices.push([d.category, d.category]);
  const follow = deriveId(d, actions.render);
  return h("form", { novalidate: true, class: "catalogue-editor", "aria-labelledby": "rt-editor-h", on: { submit: actions.save } },
    h(d.isNew ? "h2" : "h4", { id: "rt-editor-h" }, heading),   // under the page's h1, or under its request type's h3
    formHead(form, tr, requestTypeShown(d)),
    idInput(helper, "rt.", d, "cat.idHint.requestType"),
    h("fieldset", null, h("legend", null, tr("cat.names")),
      threeInputs(helper, "rt.", "name", "cat.name", d.name, { max: LIMITS.typeName, onInput: l => { if (l !== "de") follow(); } })),
    h("fieldset", null, h("legend", null, tr("cat.descriptions")),
      threeInputs(helper, "rt.", "description", "cat.description", d.description, { max: LIMITS.description, multiline: true })),
    field("rt.category", tr("cat.category"), select(choices, d.category, e => { d.category = e.target.value; }),
      { error: form.errors.category, required: true, tr }),
    checkbox("rt.approvalRequired", tr("cat.approval"), d.approvalRequired, v => { d.approvalRequired = v; }),
    h("p", { class: "hint" }, tr("cat.approvalHint")),
    checkbox("rt.active", tr("cat.active"), d.active, v => { d.active = v; }),
    h("fieldset", { class: "catalogue-fields" },
      h("legend", null, tr("cat.fields")),
      h("p", { class: "hint" }, tr("cat.fieldsHint", { max: MAX_FIELDS })),
      form.errors.fields ? h("p", { class: "field-error", id: "e-rt.fields" }, form.errors.fields) : null,
      h("ol", { class: "catalogue-field-list" }, d.fields.map((f, i) => fieldEditor(f, i, form, helper, ctx, actions))),
      h("button", { type: "button", id: "rt.addField", disabled: form.busy || d.fields.length >= MAX_FIELDS, on: { click: actions.addField } },
        tr("cat.field.add"))),
    editorButtons(form, tr, actions));
}

// ---------------------------------------------------------------------------------------------
// The page

const move = (list, index, by) => {
  const to = index + by;
  if (to < 0 || to >= list.length) return;
  [list[index], list[to]] = [list[to], list[index]];
};

export async function cataloguePage(ctx) {
  const { tr } = ctx;
  if (!STAFF.includes(ctx.role)) {
    return ctx.show(page(ctx, h("h1", null, tr("admin.notAllowed")), h("p", null, tr("admin.notAllowedText")),
      h("p", null, h("a", { href: "#/tickets" }, tr("backToList")))));
  }
  const state = { catalogue: { categories: [], requestTypes: [] }, loading: true, error: null, notice: null, editing: null };
  const render = ctx.bind(() => ctx.show(catalogueView(state, ctx, actions)));
  async function load() {
    try {
      const answer = await ctx.api.get("/catalogue");
      state.catalogue = {
        categories: Array.isArray(answer && answer.categories) ? answer.categories : [],
        requestTypes: Array.isArray(answer && answer.requestTypes) ? answer.requestTypes : []
      };
      state.error = null;
    } catch (e) {
      state.error = e;
    }
  }
  const open = (kind, original, draft) => {
    state.editing = { kind, id: original ? original.id : null, original, form: formState(draft) };
    state.notice = null;
    render();
  };
  const fields = () => state.editing.form.draft.fields;
  const changed = fn => (...args) => { if (state.editing && !state.editing.form.busy) { fn(...args); render(); } };
  const actions = {
    render: () => render(),
    newCategory: () => open("category", null, categoryDraft(null)),
    newRequestType: () => open("requestType", null, requestTypeDraft(null)),
    editCategory: category => open("category", category, categoryDraft(category)),
    editRequestType: type => open("requestType", type, requestTypeDraft(type)),
    cancel() { state.editing = null; render(); },
    addField: changed(() => { if (fields().length < MAX_FIELDS) fields().push(fieldDraft(null)); }),
    removeField: changed(i => { fields().splice(i, 1); }),
    moveField: changed((i, by) => move(fields(), i, by)),
    setKind: changed((f, kind) => {
      const lengthWasDefault = Number(f.maxLength) === KIND_MAX_LENGTH[f.kind];
      const shown = LENGTH_KINDS.includes(kind);
      f.kind = kind;
      if ((lengthWasDefault || !shown) && KIND_MAX_LENGTH[kind]) f.maxLength = String(KIND_MAX_LENGTH[kind]);
      if (kind === "choice" && !f.options.length) f.options.push(optionDraft(null));
    }),
    addOption: changed(f => { f.options.push(optionDraft(null)); }),
    removeOption: changed((f, j) => { f.options.splice(j, 1); }),
    moveOption: changed((f, j, by) => move(f.options, j, by)),
    save(event) {
      if (event && event.preventDefault) event.preventDefault();
      const editing = state.editing;
      if (!editing) return null;
      const form = editing.form;
      const d = form.draft;
      if (form.busy) return null;
      const local = localErrors(editing, state.catalogue, tr);
      if (local) {
        form.errors = local;
        form.error = null;
        form.notice = null;
        render();
        return null;
      }
      const category = editing.kind === "category";
      const id = d.id.trim();
      // a change is made on the version read: after a 409 version-conflict the catalogue read again holds the new one
      const version = d.isNew ? undefined : versionOf(state.catalogue, editing.kind, id);
      const body = category ? categoryBody(d, version) : requestTypeBody(d, version);
      const sent = (d.fields || []).map(f => ({ key: f.key, options: f.kind === "choice" ? f.options.map(o => o.key) : [] }));
      return run(form, render, tr, {
        // a new one only takes a free id (If-None-Match: *): one someone else took meanwhile is a 409, never overwritten
        work: () => ctx.api.put((category ? "/catalogue/categories/" : "/catalogue/request-types/") + encodeURIComponent(id), body,
          d.isNew ? { ifNoneMatch: "*" } : undefined),
        done: async answer => {
          const name = localized((answer && answer.name) || body.name, ctx.lang);
          state.editing = null;
          state.notice = tr(category ? "cat.saved.category" : "cat.saved.requestType", { name });
          // the new-ticket form reads the catalogue once per sign-in: it reads the changed one
          if (ctx.catalogueChanged) ctx.catalogueChanged();
          await load();
        },
        // someone else saved it meanwhile (409 version-conflict): read the catalogue again, say so, keep the draft
        reload: async () => {
          await load();
          const list = category ? state.catalogue.categories : state.catalogue.requestTypes;
          editing.original = list.find(i => i.id === id) || editing.original;
        },
        conflictKey: "cat.conflict",
        // an id taken meanwhile (409 already-exists on a create-only PUT) is said at the id, as one the page knew of
        options: { rename: path => errorKey(path, sent), known: knownError(tr), problemFields: d.isNew ? { "already-exists": "id" } : {} }
      });
    }
  };
  render();
  await load();
  state.loading = false;
  render();
  return { state, actions };
}
