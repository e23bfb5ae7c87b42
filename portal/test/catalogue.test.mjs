// The provider admin's catalogue page #/admin/catalogue (catalogue.mjs) and mail routes page #/admin/mail-routes (admin.mjs):
// the list in each language, the exact PUT bodies CatalogueAdmin and MailRouteInput take, questions of every kind added,
// moved and removed, the API's field errors at their inputs, refusals keeping the form, and a route removed only after a
// confirmation. Against the recording fake API and the DOM shim.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { openSignedIn } from "../router.mjs";
import { navLinks, parseRoute, routeHash } from "../routes.mjs";
import { cataloguePage, fieldNameOf, KIND_MAX_LENGTH, KINDS, requestTypeBody, requestTypeDraft, slugOf } from "../catalogue.mjs";
import { mailRouteBody, mailRoutesPage } from "../admin.mjs";
import { context, EVIL, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const byId = (view, id) => findAll(view, n => n.attrs.id === id)[0];
const typeInto = (view, id, value) => {
  const node = byId(view, id);
  assert.ok(node, "an input " + id);
  return node.attrs.on.input({ target: { value } });
};
const choose = (view, id, value) => byId(view, id).attrs.on.change({ target: { value } });
const tick = (view, id, checked) => byId(view, id).attrs.on.change({ target: { checked } });
const submit = view => findAll(view, n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
const buttons = (view, label) => findAll(view, n => n.tag === "button" && textOf(n) === label);
const press = (view, label, index = 0) => buttons(view, label)[index].attrs.on.click();
const pressId = (view, id) => byId(view, id).attrs.on.click();
const errorOf = (view, id) => textOf(byId(view, "e-" + id) || { children: [] });
const t3 = (nlText, en, de) => ({ nl: nlText, en: en ?? nlText + " (en)", de: de ?? nlText + " (de)" });
const problem = (status, code, extra = {}) => new ApiError(status, { type: "urn:klantportaal:problem:" + code, title: "Titel " + code, ...extra });

/** The catalogue as GET /catalogue answers it (CatalogueView): a retired category, a retired type, a type of a category unknown. */
function catalogueAnswer() {
  return {
    categories: [
      { id: "email", name: t3("E-mail en Microsoft 365", "E-mail and Microsoft 365", "E-Mail und Microsoft 365"), active: true,
        version: 0 },
      { id: "printing", name: t3("Printen " + EVIL, "Printing", "Drucken"), active: false, version: 3 },
      { id: "accounts", name: t3("Accounts en toegang", "Accounts and access", "Konten und Zugriff"), active: true, version: 1 }
    ],
    requestTypes: [
      { id: "teams-team-or-channel", name: t3("Teams-team aanmaken", "Create a Teams team", "Teams-Team anlegen"),
        description: t3("Een nieuw team " + EVIL, "A new team", "Ein neues Team"), category: "email",
        form: { fields: [
          { name: "requestKind", kind: "choice", label: t3("Type verzoek", "Kind of request", "Art der Anfrage"), required: true,
            options: [{ value: "team", label: t3("Nieuw team", "New team", "Neues Team") },
              { value: "channel", label: t3("Extra kanaal", "Extra channel", "Zusätzlicher Kanal") }], maxLength: 100 },
          { name: "name", kind: "text", label: t3("Naam", "Name", "Name"), required: true, options: [], maxLength: 64 },
          { name: "purpose", kind: "textarea", label: t3("Doel", "Purpose", "Zweck"), required: false, options: [], maxLength: 4000 }
        ] },
        approvalRequired: true, active: true, version: 2 },
      { id: "old-printer", name: t3("Oude printer", "Old printer", "Alter Drucker"), description: t3("Weg", "Gone", "Weg"),
        category: "printing", form: { fields: [{ name: "model", kind: "text", label: t3("Model"), required: false, options: [],
          maxLength: 500 }] }, approvalRequired: false, active: false, version: 0 },
      { id: "stray", name: t3("Los verzoek", "Stray request", "Lose Anfrage"), description: t3("x"), category: "gone",
        form: { fields: [{ name: "x", kind: "date", label: t3("Datum"), required: false, options: [], maxLength: 254 }] },
        approvalRequired: false, active: true, version: 0 }
    ]
  };
}

/**
 * A fake API of the catalogue routes: PUT answers as CatalogueHandler does (the saved view, one version on), or
 * overrides[method path] (given the body and the catalogue held, which it may change: another admin's save).
 */
function catalogueApi(overrides = {}) {
  const held = { current: catalogueAnswer() };
  return fakeApi((method, path, body) => {
    const key = method + " " + path;
    if (overrides[key]) return overrides[key](body, held);
    const current = held.current;
    if (key === "GET /catalogue") return current;
    const category = /^\/catalogue\/categories\/([a-z0-9-]+)$/.exec(path);
    if (method === "PUT" && category) {
      const saved = { id: category[1], name: body.name, active: body.active, version: (body.version || 0) + 1 };
      held.current = { ...current, categories: [...current.categories.filter(c => c.id !== saved.id), saved] };
      return saved;
    }
    const type = /^\/catalogue\/request-types\/([a-z0-9-]+)$/.exec(path);
    if (method === "PUT" && type) {
      const saved = { id: type[1], name: body.name, description: body.description, category: body.category,
        form: { fields: body.fields }, approvalRequired: body.approvalRequired, active: body.active, version: (body.version || 0) + 1 };
      held.current = { ...current, requestTypes: [...current.requestTypes.filter(r => r.id !== saved.id), saved] };
      return saved;
    }
    throw new Error("unexpected " + key);
  });
}

async function openCatalogue(role = "provider-admin", lang = "nl", api = catalogueApi()) {
  const shown = [];
  const ctx = context(role, api, shown, lang);
  let forgotten = 0;
  ctx.catalogueChanged = () => { forgotten++; };
  const page = await cataloguePage(ctx);
  return { api, shown, page, view: () => last(shown), forgotten: () => forgotten };
}

const puts = api => api.calls.filter(c => c[0] === "PUT");

// ---------------------------------------------------------------------------------------------
// Routes, navigation, access

test("#/admin/catalogue and #/admin/mail-routes: routes, staff's navigation (the routes for provider admins), the router's pages", async () => {
  assert.deepEqual(parseRoute("#/admin/catalogue"), { name: "catalogue-admin" });
  assert.deepEqual(parseRoute("#/admin/mail-routes"), { name: "mail-routes" });
  assert.equal(routeHash({ name: "catalogue-admin" }), "#/admin/catalogue");
  assert.equal(routeHash({ name: "mail-routes" }), "#/admin/mail-routes");
  const hrefs = role => navLinks(role).map(l => l.href);
  assert.ok(hrefs("provider-admin").includes("#/admin/catalogue") && hrefs("provider-admin").includes("#/admin/mail-routes"));
  assert.ok(hrefs("provider-agent").includes("#/admin/catalogue"), "agents read the catalogue (GET /catalogue is any linked user's)");
  assert.ok(!hrefs("provider-agent").includes("#/admin/mail-routes"), "GET /mail-routes is provider admins' only");
  for (const role of ["customer-user", "customer-admin", "none"]) {
    assert.ok(!hrefs(role).some(h => h === "#/admin/catalogue" || h === "#/admin/mail-routes"), role);
  }
  // the router opens the pages; a customer gets "no access" and nothing is asked
  for (const [role, hash, calls] of [["customer-admin", "#/admin/catalogue", 0], ["customer-user", "#/admin/mail-routes", 0],
    ["provider-agent", "#/admin/mail-routes", 0], ["provider-agent", "#/admin/catalogue", 1], ["provider-admin", "#/admin/mail-routes", 1]]) {
    const api = fakeApi((method, path) => (path === "/catalogue" ? catalogueAnswer() : { items: [] }));
    const shown = [];
    await openSignedIn({ ...context(role, api, shown), mfa: true }, parseRoute(hash));
    assert.equal(api.calls.length, calls, role + " " + hash);
    if (!calls) assert.equal(textOf(findAll(last(shown), n => n.tag === "h1")[0]), nl("admin.notAllowed"), role + " " + hash);
  }
});

// ---------------------------------------------------------------------------------------------
// The list

test("the catalogue in each language: categories in the API's order with their request types, inactive ones shown and marked", async () => {
  const expected = {
    nl: { h1: "Catalogus", cats: ["E-mail en Microsoft 365", "Printen " + EVIL + " Inactief", "Accounts en toegang", "Zonder bekende categorie"],
      types: ["Teams-team aanmaken", "Oude printer Inactief", "Los verzoek"], facts: "id: teams-team-or-channel · goedkeuring nodig · 3 vragen",
      question: "Type verzoek (Keuze uit een lijst, verplicht: Nieuw team, Extra kanaal)" },
    en: { h1: "Service catalogue", cats: ["E-mail and Microsoft 365", "Printing Inactive", "Accounts and access", "Without a known category"],
      types: ["Create a Teams team", "Old printer Inactive", "Stray request"], facts: "id: teams-team-or-channel · approval needed · 3 questions",
      question: "Kind of request (Choice from a list, required: New team, Extra channel)" },
    de: { h1: "Servicekatalog", cats: ["E-Mail und Microsoft 365", "Drucken Inaktiv", "Konten und Zugriff", "Ohne bekannte Kategorie"],
      types: ["Teams-Team anlegen", "Alter Drucker Inaktiv", "Lose Anfrage"], facts: "ID: teams-team-or-channel · Genehmigung nötig · 3 Fragen",
      question: "Art der Anfrage (Auswahl aus einer Liste, Pflicht: Neues Team, Zusätzlicher Kanal)" }
  };
  for (const lang of LANGUAGES) {
    const { api, view } = await openCatalogue("provider-admin", lang);
    assert.deepEqual(api.calls, [["GET", "/catalogue"]], "opening only reads");
    const v = view();
    const e = expected[lang];
    assert.equal(textOf(findAll(v, n => n.tag === "h1")[0]), e.h1, lang);
    assert.deepEqual(findAll(v, n => n.tag === "h2").map(textOf), e.cats, lang);
    assert.deepEqual(findAll(v, n => n.tag === "h3").map(textOf), e.types, lang);
    assert.ok(textOf(v).includes(e.facts), lang + ": " + e.facts);
    assert.ok(findAll(v, n => n.tag === "li").some(li => textOf(li) === e.question), lang + ": the questions of a form");
    assert.equal(findAll(v, n => n.tag === "section" && /inactive/.test(n.attrs.class)).length, 1, "the retired category marked");
    assert.equal(findAll(v, n => n.tag === "li" && /catalogue-type inactive/.test(n.attrs.class)).length, 1, "the retired type marked");
    // under the request types of their category; the stray one under "without a known category", not editable as a category
    const sections = findAll(v, n => n.tag === "section");
    assert.deepEqual(sections.map(s => findAll(s, n => n.tag === "h3").map(textOf).length), [1, 1, 0, 1]);
    assert.equal(buttons(v, translator(lang)("cat.edit")).length, 3 + 3, lang + ": three categories and three types to change");
    const doc = shimDocument();
    mount(v, doc);
    assert.deepEqual(doc.parsed, [], "names and descriptions as text: nothing parsed");
    assert.ok(!doc.created.some(n => n.tagName === "script" || n.tagName === "img"));
  }
});

test("agents read the catalogue without a button to change it; the admins-only sentence says why", async () => {
  const { view } = await openCatalogue("provider-agent");
  assert.equal(buttons(view(), nl("cat.edit")).length, 0);
  assert.equal(buttons(view(), nl("cat.newCategory")).length, 0);
  assert.ok(textOf(view()).includes(nl("cat.adminsOnly")));
});

// ---------------------------------------------------------------------------------------------
// Categories

test("a category changed: PUT /catalogue/categories/{id} with exactly {name: {nl, en, de}, active, version}; saved is said, the list read again", async () => {
  const { api, view, page, forgotten } = await openCatalogue();
  press(view(), nl("cat.edit"), 2);   // the retired one (printing): after e-mail and its request type
  let v = view();
  assert.equal(byId(v, "f-cat.id"), undefined, "an id cannot change: no input");
  assert.ok(textOf(v).includes("id: printing"));
  assert.equal(byId(v, "f-cat.name.nl").attrs.value, "Printen " + EVIL);
  assert.equal(byId(v, "f-cat.active").attrs.checked, false);
  typeInto(v, "f-cat.name.nl", "Printen en scannen");
  tick(v, "f-cat.active", true);
  await submit(v);
  assert.deepEqual(puts(api), [["PUT", "/catalogue/categories/printing",
    { name: { nl: "Printen en scannen", en: "Printing", de: "Drucken" }, active: true, version: 3 }, undefined]],
  "the version read; no If-None-Match: a change");
  assert.deepEqual(api.calls.at(-1), ["GET", "/catalogue"], "read again");
  assert.equal(page.state.editing, null);
  v = view();
  assert.equal(textOf(findAll(v, n => n.attrs.role === "status" && /notice/.test(n.attrs.class))[0]),
    "De categorie ‘Printen en scannen’ is opgeslagen.");
  assert.equal(forgotten(), 1, "the shell's catalogue (the new-ticket form's) is read afresh");
});

test("a new category: its id follows the English name until typed; an id in use or of the wrong shape is said at the id, nothing sent", async () => {
  const { api, view, page } = await openCatalogue();
  press(view(), nl("cat.newCategory"));
  let v = view();
  typeInto(v, "f-cat.name.nl", "Telefonie & vergaderen");
  assert.equal(byId(view(), "f-cat.id").attrs.value, "telefonie-vergaderen", "from the Dutch while there is no English one");
  typeInto(view(), "f-cat.name.en", "Telephony & meetings");
  v = view();
  assert.equal(byId(v, "f-cat.id").attrs.value, "telephony-meetings");
  typeInto(v, "f-cat.name.de", "Telefonie");
  // an id in use: the PUT would replace that category
  typeInto(v, "f-cat.id", "email");
  await submit(v);
  assert.equal(puts(api).length, 0);
  assert.equal(errorOf(view(), "cat.id"), nl("cat.error.idInUse"));
  assert.equal(byId(view(), "f-cat.id").attrs["aria-invalid"], "true");
  typeInto(view(), "f-cat.id", "Telefonie!");
  await submit(view());
  assert.equal(errorOf(view(), "cat.id"), nl("cat.error.id"));
  assert.equal(puts(api).length, 0);
  typeInto(view(), "f-cat.id", "telephony");
  typeInto(view(), "f-cat.name.en", "Telephony and meetings");
  assert.equal(page.state.editing.form.draft.id, "telephony", "a typed id no longer follows the name");
  await submit(view());
  assert.deepEqual(puts(api)[0].slice(1, 3), ["/catalogue/categories/telephony",
    { name: { nl: "Telefonie & vergaderen", en: "Telephony and meetings", de: "Telefonie" }, active: true }]);
  assert.deepEqual(puts(api)[0][3], { ifNoneMatch: "*" }, "a new one only takes a free id: one taken meanwhile is a 409");
  assert.equal(findAll(view(), n => n.tag === "h2").map(textOf).includes("Telefonie & vergaderen"), true, "listed after the save");
  assert.equal(slugOf("Überweisung für Büro-Drucker"), "uberweisung-fur-buro-drucker");
});

test("a new category whose id another admin took meanwhile (409 already-exists): said at the id, the editor keeps what was typed", async () => {
  const api = catalogueApi({ "PUT /catalogue/categories/telephony": () => problem(409, "already-exists") });
  const { view, page } = await openCatalogue("provider-admin", "nl", api);
  press(view(), nl("cat.newCategory"));
  typeInto(view(), "f-cat.name.nl", "Telefonie");
  typeInto(view(), "f-cat.name.en", "Telephony");
  typeInto(view(), "f-cat.name.de", "Telefonie");
  await submit(view());
  assert.deepEqual(puts(api)[0][3], { ifNoneMatch: "*" });
  assert.equal(errorOf(view(), "cat.id"), "Titel already-exists", "the API's own title, at the id");
  assert.equal(page.state.editing.form.draft.name.en, "Telephony", "what was typed stays");
});

// ---------------------------------------------------------------------------------------------
// Request types

test("a request type changed as it is: the PUT body is the API's (CatalogueAdmin.RequestTypeInput), questions and choices as read", async () => {
  const { api, view } = await openCatalogue();
  press(view(), nl("cat.edit"), 1);   // the Teams request (the first type, after the first category's button)
  const v = view();
  assert.match(textOf(findAll(v, n => n.tag === "h4" && n.attrs.id === "rt-editor-h")[0]), /Soort verzoek wijzigen: Teams-team aanmaken/);
  await submit(v);
  const type = catalogueAnswer().requestTypes[0];
  assert.deepEqual(puts(api)[0].slice(1, 3), ["/catalogue/request-types/teams-team-or-channel", {
    name: type.name, description: type.description, category: "email",
    fields: type.form.fields.map(({ name, kind, label, required, options, maxLength }) => ({ name, kind, label, required, options, maxLength })),
    approvalRequired: true, active: true, version: 2 }]);
  assert.deepEqual(Object.keys(puts(api)[0][2]).sort(),
    ["active", "approvalRequired", "category", "description", "fields", "name", "version"],
    "only what the API reads; approvalRequired and active always (the API takes a missing one as true); the version read");
});

test("a new request type: a question of every kind added, a choice question's choices, names and values from the English text", async () => {
  const { api, view, page } = await openCatalogue();
  press(view(), nl("cat.newRequestType"));
  let v = view();
  const draft = () => page.state.editing.form.draft;
  assert.equal(draft().fields.length, 1, "a new form starts with one question");
  // the category: the active ones only
  assert.deepEqual(findAll(byId(v, "f-rt.category"), n => n.tag === "option").map(o => o.attrs.value), ["", "email", "accounts"]);
  typeInto(v, "f-rt.name.nl", "Vergaderruimte boeken");
  typeInto(view(), "f-rt.name.en", "Book a meeting room");
  typeInto(view(), "f-rt.name.de", "Besprechungsraum buchen");
  for (const l of LANGUAGES) typeInto(view(), "f-rt.description." + l, "Omschrijving " + l);
  choose(view(), "f-rt.category", "accounts");
  tick(view(), "f-rt.approvalRequired", false);
  assert.equal(byId(view(), "f-rt.id").attrs.value, "book-a-meeting-room");
  for (const [i, kind] of KINDS.entries()) {
    if (i > 0) pressId(view(), "rt.addField");
    const f = draft().fields[i];
    choose(view(), "f-rt.fields." + f.key + ".kind", kind);
    typeInto(view(), "f-rt.fields." + f.key + ".label.nl", "Vraag " + kind);
    typeInto(view(), "f-rt.fields." + f.key + ".label.en", "Question " + kind + " 2");
    typeInto(view(), "f-rt.fields." + f.key + ".label.de", "Frage " + kind);
    v = view();
    assert.equal(Boolean(byId(v, "f-rt.fields." + f.key + ".maxLength")), ["text", "textarea", "email"].includes(kind),
      kind + ": its maximum length typed only where it matters");
    if (kind === "choice") {
      assert.equal(f.options.length, 1, "a choice question starts with a choice");
      pressId(v, "rt.fields." + f.key + ".addOption");
      for (const [j, o] of f.options.entries()) {
        typeInto(view(), "f-rt.fields." + f.key + ".options." + o.key + ".label.nl", "Keuze " + j);
        typeInto(view(), "f-rt.fields." + f.key + ".options." + o.key + ".label.en", "Room " + (j ? "B" : "A"));
        typeInto(view(), "f-rt.fields." + f.key + ".options." + o.key + ".label.de", "Raum " + j);
      }
    }
    if (kind === "checkbox") tick(view(), "f-rt.fields." + f.key + ".required", true);
  }
  typeInto(view(), "f-rt.fields." + draft().fields[0].key + ".maxLength", "80");
  assert.equal(findAll(view(), n => n.tag === "fieldset" && /catalogue-field\b/.test(n.attrs.class)).length, 7);
  await submit(view());
  const [, path, body] = puts(api)[0];
  assert.equal(path, "/catalogue/request-types/book-a-meeting-room");
  const label = kind => ({ nl: "Vraag " + kind, en: "Question " + kind + " 2", de: "Frage " + kind });
  assert.deepEqual(body, {
    name: { nl: "Vergaderruimte boeken", en: "Book a meeting room", de: "Besprechungsraum buchen" },
    description: { nl: "Omschrijving nl", en: "Omschrijving en", de: "Omschrijving de" },
    category: "accounts",
    fields: KINDS.map(kind => ({
      name: fieldNameOf("Question " + kind + " 2"), kind, label: label(kind), required: kind === "checkbox",
      options: kind === "choice" ? [{ value: "room-a", label: { nl: "Keuze 0", en: "Room A", de: "Raum 0" } },
        { value: "room-b", label: { nl: "Keuze 1", en: "Room B", de: "Raum 1" } }] : [],
      maxLength: kind === "text" ? 80 : KIND_MAX_LENGTH[kind] })),
    approvalRequired: false, active: true });
  assert.deepEqual(body.fields.map(f => f.name), ["questionText2", "questionTextarea2", "questionChoice2", "questionCheckbox2",
    "questionNumber2", "questionDate2", "questionEmail2"]);
  assert.equal(textOf(findAll(view(), n => /notice/.test(n.attrs.class || ""))[0]), "Het soort verzoek ‘Vergaderruimte boeken’ is opgeslagen.");
});

test("questions and choices move up and down and are removed with buttons named by the question; the body follows the order", async () => {
  const { api, view, page } = await openCatalogue();
  press(view(), nl("cat.edit"), 1);
  const draft = page.state.editing.form.draft;
  const [kindQ, nameQ, purposeQ] = draft.fields;
  let v = view();
  const up = byId(v, "rt.fields." + purposeQ.key + ".up");
  assert.equal(up.attrs["aria-label"], "Vraag 3 (Doel) omhoog");
  assert.equal(byId(v, "rt.fields." + kindQ.key + ".up").attrs.disabled, true, "the first cannot move up");
  assert.equal(byId(v, "rt.fields." + purposeQ.key + ".down").attrs.disabled, true, "the last cannot move down");
  up.attrs.on.click();
  v = view();
  assert.equal(byId(v, "rt.fields." + purposeQ.key + ".up").attrs["aria-label"], "Vraag 2 (Doel) omhoog", "the same question, one up");
  pressId(v, "rt.fields." + kindQ.key + ".down");
  // the choices: the second up, then the first removed
  const [team, channel] = kindQ.options;
  pressId(view(), "rt.fields." + kindQ.key + ".options." + channel.key + ".up");
  pressId(view(), "rt.fields." + kindQ.key + ".options." + team.key + ".remove");
  pressId(view(), "rt.fields." + nameQ.key + ".remove");
  assert.equal(findAll(view(), n => n.tag === "fieldset" && /catalogue-field\b/.test(n.attrs.class)).length, 2);
  await submit(view());
  const body = puts(api)[0][2];
  assert.deepEqual(body.fields.map(f => f.name), ["purpose", "requestKind"]);
  assert.deepEqual(body.fields[1].options.map(o => o.value), ["channel"]);
  // a choice question changed to text sends no choices; its maximum length becomes the kind's
  const d = requestTypeDraft(catalogueAnswer().requestTypes[0]);
  d.fields[0].kind = "text";
  assert.deepEqual(requestTypeBody(d).fields[0].options, []);
});

test("the API's field errors land at their inputs (fields[i] and options[j] as sent), in words; what was typed stays", async () => {
  const errors = [
    { field: "description.de", code: "required", message: "is required" },
    { field: "category", code: "one-of", message: "is not an active category" },
    { field: "fields[0].options[1].value", code: "format", message: "must be a lower-case slug" },
    { field: "fields[1].name", code: "format", message: "must be a short camelCase identifier" },
    { field: "fields[2].label.en", code: "too-long", message: "must be at most 120 characters" },
    { field: "fields[2].maxLength", code: "range", message: "must be 1..4000" },
    { field: "fields", code: "duplicate", message: "field names must be unique" }
  ];
  const api = catalogueApi({ "PUT /catalogue/request-types/teams-team-or-channel": () =>
    new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer", errors }) });
  const { view, page } = await openCatalogue("provider-admin", "nl", api);
  press(view(), nl("cat.edit"), 1);
  const draft = page.state.editing.form.draft;
  const [kindQ, nameQ, purposeQ] = draft.fields;
  typeInto(view(), "f-rt.fields." + purposeQ.key + ".label.en", "P".repeat(130));
  typeInto(view(), "f-rt.description.de", "");
  await submit(view());
  let v = view();
  const at = (id, text) => {
    assert.equal(byId(v, "f-" + id).attrs["aria-invalid"], "true", id);
    assert.match(byId(v, "f-" + id).attrs["aria-describedby"], new RegExp("e-" + id.replace(/\./g, "\\.")), id);
    assert.equal(errorOf(v, id), text, id);
  };
  at("rt.description.de", nl("fieldRequired"));
  at("rt.category", nl("cat.error.inactiveCategory"));
  at("rt.fields." + kindQ.key + ".options." + kindQ.options[1].key + ".value", nl("cat.error.optionValue"));
  at("rt.fields." + nameQ.key + ".name", nl("cat.error.fieldName"));
  at("rt.fields." + purposeQ.key + ".label.en", nl("form.error.tooLong", { max: 120 }));
  at("rt.fields." + purposeQ.key + ".maxLength", nl("form.error.range", { min: 1, max: 4000 }));
  assert.equal(errorOf(v, "rt.fields"), nl("cat.error.duplicateNames"), "the whole form's questions");
  assert.equal(textOf(findAll(v, n => n.attrs.role === "alert" && /problem/.test(n.attrs.class))[0]).includes("must be"), false,
    "no English message of the API; every error was placed");
  assert.equal(byId(v, "f-rt.fields." + purposeQ.key + ".label.en").attrs.value, "P".repeat(130), "what was typed stays");
  assert.ok(page.state.editing, "the editor stays open");
  // moved after the refusal, the errors go with their question
  pressId(v, "rt.fields." + purposeQ.key + ".up");
  v = view();
  assert.equal(errorOf(v, "rt.fields." + purposeQ.key + ".label.en"), nl("form.error.tooLong", { max: 120 }));
});

test("a maximum length that is not a whole number of 1..4000 is said at it before anything is sent", async () => {
  const { api, view, page } = await openCatalogue();
  press(view(), nl("cat.edit"), 1);
  const nameQ = page.state.editing.form.draft.fields[1];
  typeInto(view(), "f-rt.fields." + nameQ.key + ".maxLength", "5000");
  await submit(view());
  assert.equal(puts(api).length, 0);
  assert.equal(errorOf(view(), "rt.fields." + nameQ.key + ".maxLength"), nl("cat.error.maxLength"));
});

test("a 409, a 403 and a 500 each say their next step; the editor stays open with what was typed", async () => {
  for (const [error, next] of [[problem(409, "conflict", { detail: "Changed meanwhile" }), "next.409"],
    [problem(403, "forbidden"), "next.403"], [problem(500, "internal"), "next.5xx"]]) {
    const api = catalogueApi({ "PUT /catalogue/categories/email": () => error });
    const { view, page } = await openCatalogue("provider-admin", "nl", api);
    press(view(), nl("cat.edit"), 0);
    typeInto(view(), "f-cat.name.en", "Mail and Microsoft 365");
    await submit(view());
    const v = view();
    const box = findAll(v, n => n.attrs.role === "alert" && /problem/.test(n.attrs.class))[0];
    assert.ok(box, error.status + ": a problem box");
    assert.ok(textOf(box).includes(error.title), error.status);
    assert.ok(textOf(box).includes(nl(next)), error.status + ": " + next);
    assert.equal(byId(v, "f-cat.name.en").attrs.value, "Mail and Microsoft 365", error.status + ": kept");
    assert.ok(page.state.editing, error.status + ": still editing");
    assert.equal(api.calls.filter(c => c[0] === "GET").length, 1, error.status + ": nothing read again");
  }
});

test("a change made on a stale version (409 version-conflict): the catalogue read again, said in the form in each language, what was typed kept and sent next on the new version", async () => {
  for (const lang of LANGUAGES) {
    const tr = translator(lang);
    const api = catalogueApi({ "PUT /catalogue/categories/printing": (body, held) => {
      const others = held.current.categories.filter(c => c.id !== "printing");
      if (body.version === 3) {
        // another admin saved it meanwhile: version 4, another name
        held.current = { ...held.current, categories: [...others, { id: "printing", name: t3("Printen van Bram", "Bram's printing",
          "Brams Drucken"), active: true, version: 4 }] };
        return problem(409, "version-conflict");
      }
      const saved = { id: "printing", name: body.name, active: body.active, version: body.version + 1 };
      held.current = { ...held.current, categories: [...others, saved] };
      return saved;
    } });
    const { view, page } = await openCatalogue("provider-admin", lang, api);
    press(view(), tr("cat.edit"), 2);   // printing, read at version 3
    typeInto(view(), "f-cat.name.en", "Printing and scanning");
    await submit(view());
    assert.equal(puts(api)[0][2].version, 3, lang + ": the version read");
    assert.equal(api.calls.filter(c => c[0] === "GET").length, 2, lang + ": the catalogue read again");
    const v = view();
    const form = findAll(v, n => n.tag === "form")[0];
    assert.equal(textOf(findAll(form, n => /warning/.test(n.attrs.class || ""))[0]), tr("cat.conflict"), lang + ": said in the form");
    assert.equal(findAll(form, n => /problem/.test(n.attrs.class || "")).length, 0, lang + ": no problem box besides");
    assert.equal(byId(v, "f-cat.name.en").attrs.value, "Printing and scanning", lang + ": what was typed stays");
    assert.ok(page.state.editing, lang + ": still editing");
    assert.ok(textOf(v).includes(tr("cat.editCategory", { name: lang === "en" ? "Bram's printing" : lang === "de" ? "Brams Drucken"
      : "Printen van Bram" })), lang + ": the heading names it as it is now");
    await submit(view());
    assert.equal(puts(api)[1][2].version, 4, lang + ": the next save is made on the version just read");
    assert.equal(puts(api)[1][2].name.en, "Printing and scanning");
    assert.equal(page.state.editing, null, lang + ": saved");
  }
  const rtApi = catalogueApi({ "PUT /catalogue/request-types/teams-team-or-channel": () => problem(409, "version-conflict") });
  const { view, page } = await openCatalogue("provider-admin", "nl", rtApi);
  press(view(), nl("cat.edit"), 1);
  typeInto(view(), "f-rt.name.nl", "Teams-team of -kanaal");
  await submit(view());
  assert.equal(puts(rtApi)[0][2].version, 2);
  assert.equal(textOf(findAll(view(), n => /warning/.test(n.attrs.class || ""))[0]), nl("cat.conflict"));
  assert.equal(page.state.editing.form.draft.name.nl, "Teams-team of -kanaal", "a request type's draft is kept too");
});

test("cancel closes the editor and sends nothing; while one editor is open no other can be opened", async () => {
  const { api, view } = await openCatalogue();
  press(view(), nl("cat.edit"), 0);
  assert.equal(buttons(view(), nl("cat.edit")).length, 0, "the other change buttons wait");
  assert.equal(buttons(view(), nl("cat.newCategory")).length, 0);
  press(view(), nl("sla.cancel"));
  assert.equal(buttons(view(), nl("cat.edit")).length, 6);
  assert.equal(puts(api).length, 0);
});

// ---------------------------------------------------------------------------------------------
// Mail routes

const ROUTES = [
  { domain: "acme.example", configurationSet: "second-provider", senderAddress: "support@mail2.provider.example",
    updatedAt: "2026-11-20T10:00:00Z", updatedBy: "u-petra", version: 1 },
  { domain: "bakkerij.example", configurationSet: "set_B", senderAddress: "noreply@provider.example", updatedAt: "2026-11-21T10:00:00Z",
    updatedBy: "u-petra", version: 4 }
];

/** A fake API of the mail routes: the list as held, a PUT one version on, or overrides[method path] (given the body and what is held). */
function routesApi(overrides = {}) {
  const held = { items: structuredClone(ROUTES) };
  return fakeApi((method, path, body) => {
    const key = method + " " + path;
    if (overrides[key]) return overrides[key](body, held);
    if (key === "GET /mail-routes") return { items: held.items };
    const put = /^\/mail-routes\/(.+)$/.exec(path);
    if (method === "PUT" && put) return { domain: decodeURIComponent(put[1]).toLowerCase(), ...body, updatedAt: "2026-12-01T09:00:00Z",
      updatedBy: "u-petra", version: (body.version || 0) + 1 };
    if (method === "DELETE" && /^\/mail-routes\/[^?]+\?version=\d+$/.test(path)) return null;
    throw new Error("unexpected " + key);
  });
}

async function openRoutes(api = routesApi(), lang = "nl") {
  const shown = [];
  const page = await mailRoutesPage(context("provider-admin", api, shown, lang));
  return { api, page, view: () => last(shown) };
}

test("the mail routes: a table of domain, sender, configuration set and when, in each language; none says mail goes the default way", async () => {
  for (const lang of LANGUAGES) {
    const tr = translator(lang);
    const { api, view } = await openRoutes(routesApi(), lang);
    assert.deepEqual(api.calls, [["GET", "/mail-routes"]]);
    const v = view();
    assert.equal(textOf(findAll(v, n => n.tag === "h1")[0]), tr("mailRoutes.heading"));
    assert.deepEqual(findAll(v, n => n.tag === "th" && n.attrs.scope === "col").map(textOf),
      ["mailRoutes.col.domain", "mailRoutes.col.sender", "mailRoutes.col.set", "mailRoutes.col.updated", "mailRoutes.col.actions"].map(k => tr(k)));
    const rows = findAll(v, n => n.tag === "tbody")[0].children;
    assert.deepEqual(rows[0].children.slice(0, 3).map(textOf), ["acme.example", "support@mail2.provider.example", "second-provider"]);
    assert.equal(findAll(rows[0], n => n.tag === "time")[0].attrs.datetime, "2026-11-20T10:00:00Z");
    assert.equal(findAll(v, n => n.tag === "button" && n.attrs["aria-label"] === tr("mailRoutes.removeOf", { domain: "acme.example" })).length, 1);
    for (const id of ["f-route-domain", "f-route-senderAddress", "f-route-configurationSet"]) {
      assert.equal(findAll(v, n => n.tag === "label" && n.attrs.for === id).length, 1, lang + ": a label for " + id);
    }
  }
  const { view } = await openRoutes(fakeApi(() => ({ items: [] })));
  assert.ok(textOf(view()).includes(nl("mailRoutes.none")));
});

test("a mail route added: PUT /mail-routes/{domain} with exactly {configurationSet, senderAddress} and If-None-Match: *; listed, said; an existing domain or none refused first", async () => {
  const { api, view } = await openRoutes();
  typeInto(view(), "f-route-senderAddress", " support@mail2.provider.example ");
  typeInto(view(), "f-route-configurationSet", "second-provider");
  await submit(view());
  assert.equal(api.calls.length, 1, "no domain: nothing sent");
  assert.equal(errorOf(view(), "route-domain"), nl("fieldRequired"));
  typeInto(view(), "f-route-domain", "ACME.example");
  await submit(view());
  assert.equal(api.calls.length, 1, "a domain listed: nothing sent (the PUT would replace its route)");
  assert.equal(errorOf(view(), "route-domain"), nl("mailRoutes.error.exists"));
  typeInto(view(), "f-route-domain", "klant.example");
  await submit(view());
  assert.deepEqual(api.calls.at(-1), ["PUT", "/mail-routes/klant.example",
    { configurationSet: "second-provider", senderAddress: "support@mail2.provider.example" }, { ifNoneMatch: "*" }],
  "a new route only: one another admin made meanwhile is refused, never replaced");
  const v = view();
  assert.deepEqual(findAll(v, n => n.tag === "tbody")[0].children.map(r => textOf(r.children[0])),
    ["acme.example", "bakkerij.example", "klant.example"]);
  assert.ok(textOf(v).includes(nl("mailRoutes.saved", { domain: "klant.example" })));
  assert.equal(byId(v, "f-route-domain").attrs.value, "", "the form is empty for the next one");
  assert.deepEqual(mailRouteBody({ domain: "x", configurationSet: " s ", senderAddress: " a@b.example " }),
    { configurationSet: "s", senderAddress: "a@b.example" });
  assert.deepEqual(mailRouteBody({ domain: "x", configurationSet: "s", senderAddress: "a@b.example" }, 0),
    { configurationSet: "s", senderAddress: "a@b.example", version: 0 });
});

test("a mail route changed: its form filled, PUT on its domain with the version read; the API's field errors at their fields, in words, typed text kept", async () => {
  let refuse = true;
  const api = routesApi({ "PUT /mail-routes/bakkerij.example": body => (refuse
    ? new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer", errors: [
      { field: "configurationSet", code: "format", message: "must be an SES configuration set name (letters, digits, _ and -)" },
      { field: "senderAddress", code: "format", message: "must be an e-mail address" }] })
    : { domain: "bakkerij.example", ...body, updatedAt: "2026-12-01T09:00:00Z", updatedBy: "u", version: 5 }) });
  const { view } = await openRoutes(api);
  findAll(view(), n => n.tag === "button" && n.attrs["aria-label"] === nl("mailRoutes.editOf", { domain: "bakkerij.example" }))[0].attrs.on.click();
  let v = view();
  assert.equal(byId(v, "f-route-domain"), undefined, "the domain is the route's: not typed again");
  assert.equal(textOf(findAll(v, n => n.attrs.id === "mail-route-form-h")[0]), nl("mailRoutes.editHeading", { domain: "bakkerij.example" }));
  assert.equal(byId(v, "f-route-configurationSet").attrs.value, "set_B");
  typeInto(v, "f-route-configurationSet", "set B!");
  typeInto(v, "f-route-senderAddress", "noreply");
  await submit(v);
  v = view();
  assert.deepEqual(api.calls.at(-1), ["PUT", "/mail-routes/bakkerij.example",
    { configurationSet: "set B!", senderAddress: "noreply", version: 4 }, undefined], "the version read; a change, not create-only");
  assert.equal(errorOf(v, "route-configurationSet"), nl("mailRoutes.error.configurationSet"));
  assert.equal(errorOf(v, "route-senderAddress"), nl("form.error.email"));
  assert.equal(byId(v, "f-route-configurationSet").attrs["aria-invalid"], "true");
  assert.equal(byId(v, "f-route-senderAddress").attrs.value, "noreply", "kept");
  refuse = false;
  typeInto(v, "f-route-configurationSet", "set_C");
  typeInto(v, "f-route-senderAddress", "noreply@provider.example");
  await submit(view());
  v = view();
  assert.equal(textOf(findAll(v, n => n.tag === "tbody")[0].children[1].children[2]), "set_C");
  assert.ok(textOf(v).includes(nl("mailRoutes.saved", { domain: "bakkerij.example" })));
});

test("a mail route changed on a stale version (409 version-conflict): the list read again, said in the form in each language, what was typed kept and sent next on the new version", async () => {
  for (const lang of LANGUAGES) {
    const tr = translator(lang);
    const api = routesApi({ "PUT /mail-routes/bakkerij.example": (body, held) => {
      if (body.version === 4) {
        // another admin changed it meanwhile: version 5
        held.items = held.items.map(r => (r.domain === "bakkerij.example" ? { ...r, configurationSet: "set_Bram", version: 5 } : r));
        return problem(409, "version-conflict");
      }
      return { domain: "bakkerij.example", ...body, updatedAt: "2026-12-01T09:00:00Z", updatedBy: "u", version: body.version + 1 };
    } });
    const { view, page } = await openRoutes(api, lang);
    findAll(view(), n => n.tag === "button" && n.attrs["aria-label"] === tr("mailRoutes.editOf", { domain: "bakkerij.example" }))[0]
      .attrs.on.click();
    typeInto(view(), "f-route-configurationSet", "set_C");
    await submit(view());
    assert.equal(api.calls.filter(c => c[0] === "PUT")[0][2].version, 4, lang + ": the version read");
    assert.deepEqual(api.calls.filter(c => c[0] === "GET").map(c => c[1]), ["/mail-routes", "/mail-routes"], lang + ": read again");
    let v = view();
    const form = findAll(v, n => n.tag === "form")[0];
    assert.equal(textOf(findAll(form, n => /warning/.test(n.attrs.class || ""))[0]), tr("mailRoutes.conflict"), lang + ": said in the form");
    assert.equal(byId(v, "f-route-configurationSet").attrs.value, "set_C", lang + ": what was typed stays");
    assert.equal(page.state.formFor, "bakkerij.example", lang + ": still changing that route");
    assert.equal(textOf(findAll(v, n => n.tag === "tbody")[0].children[1].children[2]), "set_Bram", lang + ": the list as it is now");
    await submit(view());
    const second = api.calls.filter(c => c[0] === "PUT")[1];
    assert.deepEqual(second.slice(2), [{ configurationSet: "set_C", senderAddress: "noreply@provider.example", version: 5 }, undefined],
      lang + ": the next save is made on the version just read");
    v = view();
    assert.ok(textOf(v).includes(tr("mailRoutes.saved", { domain: "bakkerij.example" })));
    assert.equal(page.state.formFor, null);
  }
});

test("a stale route on a later page: reading again goes as far as its page, so the next save has its new version", async () => {
  const first = { domain: "acme.example", configurationSet: "a", senderAddress: "a@provider.example", updatedAt: "2026-11-20T10:00:00Z",
    version: 1 };
  let later = { domain: "zuid.example", configurationSet: "z", senderAddress: "z@provider.example", updatedAt: "2026-11-20T10:00:00Z",
    version: 7 };
  const api = fakeApi((method, path, body) => {
    if (path === "/mail-routes") return { items: [first], nextCursor: "p2" };
    if (path === "/mail-routes?cursor=p2") return { items: [later] };
    if (method === "PUT" && body.version === 7) {
      later = { ...later, configurationSet: "z2", version: 8 };
      return problem(409, "version-conflict");
    }
    if (method === "PUT") return { ...later, ...body, version: body.version + 1 };
    throw new Error("unexpected " + method + " " + path);
  });
  const { view } = await openRoutes(api);
  await press(view(), nl("more"));
  findAll(view(), n => n.tag === "button" && n.attrs["aria-label"] === nl("mailRoutes.editOf", { domain: "zuid.example" }))[0].attrs.on.click();
  typeInto(view(), "f-route-configurationSet", "z3");
  await submit(view());
  assert.deepEqual(api.calls.filter(c => c[0] === "GET").map(c => c[1]),
    ["/mail-routes", "/mail-routes?cursor=p2", "/mail-routes", "/mail-routes?cursor=p2"], "read again as far as its page");
  await submit(view());
  assert.equal(api.calls.filter(c => c[0] === "PUT")[1][2].version, 8);
});

test("a new mail route for a domain another admin gave one meanwhile (409 already-exists): said at the domain, what was typed kept", async () => {
  const api = routesApi({ "PUT /mail-routes/klant.example": () => problem(409, "already-exists") });
  const { view, page } = await openRoutes(api);
  typeInto(view(), "f-route-domain", "klant.example");
  typeInto(view(), "f-route-senderAddress", "support@mail2.provider.example");
  typeInto(view(), "f-route-configurationSet", "second-provider");
  await submit(view());
  assert.deepEqual(api.calls.at(-1)[3], { ifNoneMatch: "*" });
  assert.equal(errorOf(view(), "route-domain"), "Titel already-exists", "the API's own title, at the domain");
  assert.equal(findAll(view(), n => /problem/.test(n.attrs.class || "") && n.attrs.role === "alert").length, 0, "not said twice");
  assert.equal(page.state.form.draft.configurationSet, "second-provider", "what was typed stays");
});

test("a mail route removed only after the confirmation: cancel sends nothing, confirm DELETEs it on the version listed; a 404 drops the row too, a 500 stays at its row", async () => {
  const { api, view } = await openRoutes();
  const removeOf = domain => findAll(view(), n => n.tag === "button" && n.attrs["aria-label"] === nl("mailRoutes.removeOf", { domain }))[0];
  removeOf("acme.example").attrs.on.click();
  assert.equal(api.calls.length, 1, "asking sends nothing");
  const confirm = findAll(view(), n => /confirm/.test(n.attrs.class || ""))[0];
  assert.equal(textOf(confirm.children[0]), nl("mailRoutes.confirm", { domain: "acme.example" }));
  press(view(), nl("sla.cancel"));
  assert.equal(api.calls.length, 1, "cancel sends nothing");
  removeOf("acme.example").attrs.on.click();
  await press(view(), nl("mailRoutes.remove"), 0);   // the confirmation's own button (the other rows' are named by their domain)
  assert.deepEqual(api.calls.at(-1), ["DELETE", "/mail-routes/acme.example?version=1"]);
  assert.deepEqual(findAll(view(), n => n.tag === "tbody")[0].children.map(r => textOf(r.children[0])), ["bakkerij.example"]);
  assert.ok(textOf(view()).includes(nl("mailRoutes.removed", { domain: "acme.example" })));

  const failing = routesApi({ "DELETE /mail-routes/acme.example?version=1": () => problem(500, "internal"),
    "DELETE /mail-routes/bakkerij.example?version=4": () => problem(404, "not-found") });
  const second = await openRoutes(failing);
  const removeIn = domain => findAll(second.view(), n => n.tag === "button" && n.attrs["aria-label"] === nl("mailRoutes.removeOf", { domain }))[0];
  removeIn("acme.example").attrs.on.click();
  await press(second.view(), nl("mailRoutes.remove"), 0);
  let rows = findAll(second.view(), n => n.tag === "tbody")[0].children;
  assert.equal(rows.length, 2, "a 500 keeps the row");
  assert.ok(textOf(rows[0]).includes(nl("next.5xx")), "said at its row");
  press(second.view(), nl("sla.cancel"));
  removeIn("bakkerij.example").attrs.on.click();
  await press(second.view(), nl("mailRoutes.remove"), 1);
  rows = findAll(second.view(), n => n.tag === "tbody")[0].children;
  assert.deepEqual(rows.map(r => textOf(r.children[0])), ["acme.example"], "a 404: gone already");
  assert.ok(textOf(second.view()).includes(nl("mailRoutes.gone", { domain: "bakkerij.example" })));
});

test("a mail route changed by someone else meanwhile is not removed: the 409 reads the list again and says so, the row stays with its new version", async () => {
  const api = routesApi({ "DELETE /mail-routes/acme.example?version=1": (body, held) => {
    held.items = held.items.map(r => r.domain === "acme.example" ? { ...r, configurationSet: "third-provider", version: 2 } : r);
    return problem(409, "version-conflict");
  } });
  const { view } = await openRoutes(api);
  const removeOf = domain => findAll(view(), n => n.tag === "button" && n.attrs["aria-label"] === nl("mailRoutes.removeOf", { domain }))[0];
  removeOf("acme.example").attrs.on.click();
  await press(view(), nl("mailRoutes.remove"), 0);
  assert.deepEqual(api.calls.slice(-2), [["DELETE", "/mail-routes/acme.example?version=1"], ["GET", "/mail-routes"]]);
  const rows = findAll(view(), n => n.tag === "tbody")[0].children;
  assert.deepEqual(rows.map(r => textOf(r.children[0])), ["acme.example", "bakkerij.example"], "the changed route stays");
  assert.ok(textOf(rows[0]).includes("third-provider"), "with the change it was not removed over");
  assert.ok(textOf(view()).includes(nl("mailRoutes.removeConflict", { domain: "acme.example" })));
  assert.equal(findAll(view(), n => /confirm/.test(n.attrs.class || "")).length, 0, "the confirmation is closed");

  removeOf("acme.example").attrs.on.click();
  await press(view(), nl("mailRoutes.remove"), 0);
  assert.deepEqual(api.calls.at(-1), ["DELETE", "/mail-routes/acme.example?version=2"], "removed again, on the version now listed");
  assert.deepEqual(findAll(view(), n => n.tag === "tbody")[0].children.map(r => textOf(r.children[0])), ["bakkerij.example"]);
});

// ---------------------------------------------------------------------------------------------
// Texts

test("every catalogue and mail route text in nl, en and de, the kinds' words included", () => {
  const keys = Object.keys(texts.nl).filter(k => /^(cat\.|mailRoutes\.|nav\.(catalogue|mailRoutes)$)/.test(k));
  assert.ok(keys.length > 90, "found " + keys.length);
  for (const lang of LANGUAGES) {
    for (const key of keys) assert.ok(key in texts[lang], key + " in " + lang);
    for (const kind of KINDS) assert.ok("cat.kind." + kind in texts[lang], kind + " in " + lang);
    assert.deepEqual(Object.keys(texts[lang]).filter(k => /^(cat\.|mailRoutes\.)/.test(k)).sort(),
      keys.filter(k => !k.startsWith("nav.")).sort(), lang + ": the same keys");
  }
});
