// Working tickets: triage, involved persons, attachments, raising on a customer's behalf, follow-ups
// and the audit trail, against the recording fake API of fakes.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { findAll, mount, textOf } from "../dom.mjs";
import { ApiError } from "../api.mjs";
import { LANGUAGES, texts, translator } from "../i18n.mjs";
import { parseRoute, routeHash } from "../routes.mjs";
import { newTicketPage, SOURCES, ticketPage, ticketView } from "../tickets.mjs";
import { ATTACHMENT_TYPES, contentTypeFor, formatSize, kindName, transferUrlAllowed } from "../attachments.mjs";
import { triageBody } from "../work.mjs";
import { click, context, detail, EVIL, fakeApi, last, shimDocument, ticket } from "./fakes.mjs";

const portal = join(dirname(fileURLToPath(import.meta.url)), "..");
const nl = translator("nl");
const AGENT = "0a1b2c3d-0000-4000-8000-0000000a0001";
const OTHER_AGENT = "0a1b2c3d-0000-4000-8000-0000000a0002";
const JAN = "u1";
const PIET = "u2";
const KLAAS = "u3";

const STAFF = [
  { userId: AGENT, email: "agent@provider.example.test", displayName: "Anna Agent", role: "provider-agent", active: true },
  { userId: OTHER_AGENT, email: "bert@provider.example.test", displayName: "Bert Beheer", role: "provider-admin", active: true },
  { userId: "gone", email: "oud@provider.example.test", displayName: "Oud", role: "provider-agent", active: false }
];
const MEMBERS = [
  { userId: JAN, email: "jan@acme.example.test", displayName: "Jan Jansen", role: "customer-user", customerId: "acme", active: true },
  { userId: PIET, email: "piet@acme.example.test", displayName: "Piet Pieters", role: "customer-user", customerId: "acme", active: true },
  { userId: KLAAS, email: "klaas@acme.example.test", displayName: "Klaas Admin", role: "customer-admin", customerId: "acme", active: true },
  { userId: "u9", email: "weg@acme.example.test", displayName: "Weg", role: "customer-user", customerId: "acme", active: false }
];

/** A ctx with what the shell adds for working tickets: the caller's id, the page origin, the storage fetch, downloads. */
function workContext(role, api, shown, { userId = AGENT, origin = "https://portal.example.test", transfer } = {}) {
  const ctx = context(role, api, shown);
  const opened = [];
  const transfers = [];
  Object.assign(ctx, {
    userId, origin, opened, transfers,
    transfer: async (url, init) => {
      transfers.push([url, init]);
      return transfer ? transfer(url, init) : { ok: true, status: 200 };
    },
    openDownload: url => opened.push(url)
  });
  return ctx;
}

/** A fake API for the ticket page: the ticket (detail overrides), the directories, and answers for changes. */
function ticketApi(overrides = {}, { extra = {}, change } = {}) {
  let version = overrides.version || 3;
  return fakeApi((method, path, body, calls) => {
    if (method === "GET" && path.startsWith("/staff")) return { items: STAFF };
    if (method === "GET" && path.startsWith("/customers/acme/users")) return { items: MEMBERS };
    if (method === "GET" && path === "/tickets/acme-7") return { ...detail({ status: "open", ...overrides, version }, []), ...extra };
    if (change) {
      const answer = change(method, path, body, calls);
      if (answer && answer.bump) {
        version = answer.bump;
        return ticket({ version });
      }
      return answer;
    }
    return ticket({ version: ++version });
  });
}

const byId = (desc, id) => findAll(desc, n => n.attrs.id === id)[0];

// ---------------------------------------------------------------------------------------------
// triage

test("triage: PATCH sends only the changed fields with the version read; nothing changed sends nothing", async () => {
  const api = ticketApi({ priority: "high", category: "email" });
  const shown = [];
  const page = await ticketPage(workContext("provider-agent", api, shown), { name: "ticket", token: "acme-7" });
  assert.deepEqual(api.calls.map(c => c[0] + " " + c[1]).sort(),
    ["GET /customers/acme/users?limit=100", "GET /staff?limit=100", "GET /tickets/acme-7"], "loading only reads");
  const options = findAll(byId(last(shown), "f-assigneeId"), n => n.tag === "option").map(textOf);
  assert.deepEqual(options, [nl("work.triage.nobody"), "Anna Agent <agent@provider.example.test>",
    "Bert Beheer <bert@provider.example.test>"], "active colleagues by name, nobody first");

  await findAll(last(shown), n => n.tag === "form" && n.attrs.class === undefined
    && findAll(n, x => x.attrs.id === "f-priority").length)[0].attrs.on.submit({ preventDefault() {} });
  assert.equal(api.calls.filter(c => c[0] === "PATCH").length, 0, "no request without a change");
  assert.equal(page.state.notice, nl("work.triage.unchanged"));

  byId(last(shown), "f-priority").attrs.on.change({ target: { value: "critical" } });
  byId(last(shown), "f-assigneeId").attrs.on.change({ target: { value: OTHER_AGENT } });
  const form = findAll(last(shown), n => n.tag === "form" && findAll(n, x => x.attrs.id === "f-priority").length)[0];
  await form.attrs.on.submit({ preventDefault() {} });
  const patch = api.calls.find(c => c[0] === "PATCH");
  assert.deepEqual(patch.slice(1, 3), ["/tickets/acme-7", { priority: "critical", assigneeId: OTHER_AGENT, version: 3 }]);
  assert.equal(page.state.notice, nl("work.triage.saved"));
  assert.equal(page.state.drafts.triage, null, "the saved choice is the ticket's now");
  assert.equal(triageBody({ priority: "low", category: "x", version: 9 }, { category: "y" }).version, 9);
});

test("triage: a stale version reloads the ticket, says so and keeps the choice for the next save", async () => {
  // the first PATCH answers 409: someone else moved the ticket to version 4 meanwhile
  let patches = 0;
  let version = 3;
  const combined = fakeApi((method, path, body) => {
    if (method === "GET" && path.startsWith("/staff")) return { items: STAFF };
    if (method === "GET" && path.startsWith("/customers/")) return { items: MEMBERS };
    if (method === "GET") return detail({ status: "open", priority: "normal", version }, []);
    if (++patches === 1) {
      version = 4;
      return new ApiError(409, { type: "urn:klantportaal:problem:version-conflict", title: "Versieconflict" });
    }
    return ticket({ version: 5, priority: body.priority });
  });
  const shown = [];
  const page = await ticketPage(workContext("provider-agent", combined, shown), { name: "ticket", token: "acme-7" });
  byId(last(shown), "f-priority").attrs.on.change({ target: { value: "high" } });
  const submit = () => findAll(last(shown), n => n.tag === "form" && findAll(n, x => x.attrs.id === "f-priority").length)[0]
    .attrs.on.submit({ preventDefault() {} });
  await submit();
  assert.equal(page.state.warning, nl("versionConflict"), "says so");
  assert.equal(page.state.detail.ticket.version, 4, "reloaded");
  assert.deepEqual(page.state.drafts.triage, { priority: "high" }, "the choice is kept");
  const select = byId(last(shown), "f-priority");
  assert.equal(findAll(select, n => n.tag === "option" && n.attrs.selected).map(n => n.attrs.value)[0], "high",
    "the kept choice is what the form shows");
  await submit();
  const sent = combined.calls.filter(c => c[0] === "PATCH").map(c => c[2]);
  assert.deepEqual(sent, [{ priority: "high", version: 3 }, { priority: "high", version: 4 }], "the retry sends the new version");
  assert.equal(page.state.warning, null);
});

test("assign to me uses the caller's own id; unassign sends an empty assignee; both keep other drafted fields", async () => {
  const api = ticketApi({ assigneeId: OTHER_AGENT });
  const shown = [];
  const page = await ticketPage(workContext("provider-agent", api, shown), { name: "ticket", token: "acme-7" });
  assert.match(textOf(last(shown)), /Bert Beheer/, "the assignee is named in the facts");
  byId(last(shown), "f-category").attrs.on.change({ target: { value: "email" } });
  byId(last(shown), "f-priority").attrs.on.change({ target: { value: "low" } });
  await click(last(shown), nl("work.triage.assignToMe")).attrs.on.click();
  assert.deepEqual(api.calls.filter(c => c[0] === "PATCH").map(c => c[2]), [{ assigneeId: AGENT, version: 3 }],
    "one click, only the assignee");
  assert.deepEqual(page.state.drafts.triage, { category: "email", priority: "low" }, "the other drafted fields stay");
  assert.equal(page.state.notice, nl("work.triage.assignedToMe"));

  const mine = ticketApi({ assigneeId: AGENT });
  const mineShown = [];
  await ticketPage(workContext("provider-admin", mine, mineShown), { name: "ticket", token: "acme-7" });
  const labels = findAll(last(mineShown), n => n.tag === "button").map(textOf);
  assert.ok(!labels.includes(nl("work.triage.assignToMe")), "no assign-to-me when it is mine");
  assert.match(textOf(last(mineShown)), /Anna Agent \(uzelf\)/);
  await click(last(mineShown), nl("work.triage.unassign")).attrs.on.click();
  assert.deepEqual(mine.calls.find(c => c[0] === "PATCH").slice(1, 3), ["/tickets/acme-7", { assigneeId: "", version: 3 }]);

  const customerShown = [];
  const customerApi = ticketApi();
  await ticketPage(workContext("customer-admin", customerApi, customerShown, { userId: KLAAS }), { name: "ticket", token: "acme-7" });
  assert.equal(byId(last(customerShown), "f-priority"), undefined, "no triage for customers");
  assert.ok(!customerApi.calls.some(c => c[1].startsWith("/staff")), "customers never ask for the staff list");
});

// ---------------------------------------------------------------------------------------------
// involved persons

test("involved persons: a customer admin adds and removes colleagues of its organisation and saves with the version", async () => {
  const api = ticketApi({ reporter: { id: JAN, name: "Jan Jansen" }, involved: [PIET] }, { change: (method, path, body) => {
    if (method === "PUT" && body.involved.includes("u9")) {
      return new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
        errors: [{ field: "involved[1]", code: "unknown", message: "is not an active user of this customer" }] });
    }
    return ticket({ version: 4, involved: body.involved });
  } });
  const shown = [];
  const page = await ticketPage(workContext("customer-admin", api, shown, { userId: KLAAS }), { name: "ticket", token: "acme-7" });
  assert.ok(api.calls.some(c => c[1] === "/customers/acme/users?limit=100"), "the admin's own organisation is listed");
  const section = () => findAll(last(shown), n => n.attrs.class === "involved")[0];
  assert.match(textOf(section()), /Piet Pieters/, "involved persons by name");
  const candidates = findAll(byId(last(shown), "f-involvedPick"), n => n.tag === "option").map(n => n.attrs.value);
  assert.deepEqual(candidates, ["", KLAAS], "active colleagues not yet involved, without the reporter");

  byId(last(shown), "f-involvedPick").attrs.on.change({ target: { value: KLAAS } });
  await click(last(shown), nl("work.involved.addButton")).attrs.on.click();
  await click(section(), nl("work.involved.remove") + " Piet Pieters").attrs.on.click();
  await click(last(shown), nl("work.involved.save")).attrs.on.click();
  assert.deepEqual(api.calls.find(c => c[0] === "PUT").slice(1, 3), ["/tickets/acme-7/involved", { involved: [KLAAS], version: 3 }]);
  assert.equal(page.state.notice, nl("work.involved.saved"));

  // a refused person: the error sits at its row, the draft stays
  page.state.drafts.involved = [KLAAS, "u9"];
  page.state.detail.ticket.version = 4;
  await click(last(shown), nl("work.involved.save")).attrs.on.click();
  assert.equal(textOf(byId(last(shown), "e-involved-1")), nl("form.error.unknown"));
  assert.deepEqual(page.state.drafts.involved, [KLAAS, "u9"]);
  assert.doesNotMatch(textOf(findAll(last(shown), n => n.attrs.class === "problem")[0]), /involved\[1\]/,
    "a shown field error is not repeated in the problem box");
});

test("involved persons: a customer user who reported may only remove (no colleague list for it); others only read", async () => {
  const api = ticketApi({ reporter: { id: JAN, name: "Jan Jansen" }, involved: [PIET] }, {
    extra: { messages: [{ id: "m1", authorId: PIET, authorName: "Piet Pieters", side: "customer", body: "hoi", internal: false,
      source: "portal", at: "2026-11-21T10:00:00Z" }] } });
  const shown = [];
  await ticketPage(workContext("customer-user", api, shown, { userId: JAN }), { name: "ticket", token: "acme-7" });
  assert.deepEqual(api.calls.map(c => c[1]), ["/tickets/acme-7"], "a customer user reads no directory (the API refuses it)");
  const section = findAll(last(shown), n => n.attrs.class === "involved")[0];
  assert.match(textOf(section), /Piet Pieters/, "named from the conversation");
  assert.match(textOf(section), new RegExp(nl("work.involved.cannotAdd").slice(0, 30)));
  assert.equal(byId(last(shown), "f-involvedPick"), undefined, "no way to add an id it cannot know");
  await click(section, nl("work.involved.remove") + " Piet Pieters").attrs.on.click();
  await click(last(shown), nl("work.involved.save")).attrs.on.click();
  assert.deepEqual(api.calls.find(c => c[0] === "PUT")[2], { involved: [], version: 3 });

  const colleagueShown = [];
  await ticketPage(workContext("customer-user", ticketApi({ reporter: { id: JAN, name: "Jan" }, involved: [PIET] }), colleagueShown,
    { userId: PIET }), { name: "ticket", token: "acme-7" });
  const labels = findAll(findAll(last(colleagueShown), n => n.attrs.class === "involved")[0], n => n.tag === "button");
  assert.equal(labels.length, 0, "an involved colleague who did not report only reads");

  const closedShown = [];
  await ticketPage(workContext("provider-agent", ticketApi({ status: "closed", involved: [PIET] }), closedShown),
    { name: "ticket", token: "acme-7" });
  assert.equal(findAll(findAll(last(closedShown), n => n.attrs.class === "involved")[0], n => n.tag === "button").length, 0,
    "a closed ticket takes no changes");
});

// ---------------------------------------------------------------------------------------------
// attachments

const file = (name, size = 2048, type = "") => ({ name, size, type });

test("the attachments' kind column says a word in the user's language (Tekst, E-mailbericht), a format by its own name", async () => {
  const attachments = [["a.txt", "text/plain"], ["b.eml", "message/rfc822"], ["c.pdf", "application/pdf"]].map(([fileName, contentType], i) =>
    ({ id: "att-" + i, fileName, contentType, size: 10, uploadedBy: JAN, uploadedAt: "2026-11-21T10:00:00Z" }));
  for (const [lang, words] of [["nl", ["Tekst", "E-mailbericht", "PDF"]], ["de", ["Text", "E-Mail-Nachricht", "PDF"]],
    ["en", ["Text", "E-mail message", "PDF"]]]) {
    const api = fakeApi((method, path) => (path === "/tickets/acme-7" ? { ...detail({ status: "open" }, []), attachments } : { items: [] }));
    const shown = [];
    const ctx = { ...workContext("customer-user", api, shown), lang, tr: translator(lang) };
    await ticketPage(ctx, { name: "ticket", token: "acme-7" });
    const table = findAll(last(shown), n => n.tag === "table" && n.attrs.class === "attachment-list")[0];
    const kinds = findAll(table, n => n.tag === "tr").slice(1).map(row => textOf(findAll(row, n => n.tag === "td")[1]));
    assert.deepEqual(kinds, words, lang);
  }
  assert.equal(kindName("application/x-unknown"), "application/x-unknown", "an unknown type as itself");
});

test("upload: announce with the extension's content type, PUT with exactly the signed headers, confirm, reload", async () => {
  const offer = { uploadId: "11111111-2222-4333-8444-555555555555", fileName: "export.csv", contentType: "text/csv", size: 2048,
    expiresAt: "2026-11-22T10:00:00Z", upload: { method: "PUT", url: "https://local-bucket.s3.eu-west-1.amazonaws.com/quarantine/x?X-Amz-Signature=abc",
      headers: { "content-type": "text/csv" }, expiresAt: "2026-11-21T10:15:00Z" } };
  let attachments = [];
  const api = fakeApi((method, path) => {
    if (method === "GET" && path === "/tickets/acme-7") return { ...detail({ status: "open" }, []), attachments };
    if (method === "POST" && path === "/tickets/acme-7/attachments") return offer;
    if (method === "POST" && path.endsWith("/confirm")) {
      attachments = [{ id: offer.uploadId, fileName: "export.csv", contentType: "text/csv", size: 2048, uploadedBy: JAN,
        uploadedByName: "Jan Jansen", at: "2026-11-21T10:01:00Z" }];
      return attachments[0];
    }
    return {};
  });
  const shown = [];
  const ctx = workContext("customer-user", api, shown, { userId: JAN });
  const page = await ticketPage(ctx, { name: "ticket", token: "acme-7" });
  assert.match(textOf(last(shown)), new RegExp(nl("work.attach.none")));
  const chosen = file("export.csv", 2048, "application/vnd.ms-excel");
  byId(last(shown), "f-file").attrs.on.change({ target: { files: [chosen] } });
  assert.match(textOf(last(shown)), /export\.csv \(2 KB\)/, "the chosen file is named");
  await findAll(last(shown), n => n.attrs.class === "upload")[0].attrs.on.submit({ preventDefault() {} });

  assert.deepEqual(api.calls.filter(c => c[0] === "POST").map(c => [c[1], c[2]]), [
    ["/tickets/acme-7/attachments", { fileName: "export.csv", contentType: "text/csv", size: 2048 }],
    ["/tickets/acme-7/attachments/11111111-2222-4333-8444-555555555555/confirm", undefined]]);
  assert.equal(ctx.transfers.length, 1);
  const [url, init] = ctx.transfers[0];
  assert.equal(url, offer.upload.url);
  assert.equal(init.method, "PUT");
  assert.deepEqual(init.headers, { "content-type": "text/csv" }, "exactly the signed headers, no token");
  assert.equal(init.body, chosen);
  assert.equal(init.credentials, "omit");
  assert.equal(api.calls.filter(c => c[1] === "/tickets/acme-7").length, 2, "the ticket is read again");
  assert.equal(page.state.upload.done, nl("work.attach.added", { name: "export.csv" }));
  assert.equal(page.state.upload.file, null);
  assert.match(textOf(findAll(last(shown), n => n.attrs.class === "attachment-list")[0]), /export\.csvCSV2 KBJan Jansen/);
  assert.equal(contentTypeFor(file("Scan.JPEG")), "image/jpeg");
  assert.equal(contentTypeFor(file("setup.exe", 1, "application/x-msdownload")), "application/x-msdownload",
    "an unknown extension is announced as the browser says, for the API to refuse");
  assert.equal(formatSize(26214400, "nl"), "25 MB");
  assert.equal(ATTACHMENT_TYPES.length, 14);
});

test("a file chosen on the new-ticket form: checked at once, handed to the ticket page that opens, which adds it there", async () => {
  const handed = [];
  const formApi = fakeApi((method, path) => (method === "POST" && path === "/tickets" ? { id: "acme-7", number: 7 } : {}));
  const formShown = [];
  const formCtx = { ...context("customer-user", formApi, formShown), handOver: value => handed.push(value) };
  const form = await newTicketPage(formCtx);
  const choose = chosen => byId(last(formShown), "f-file").attrs.on.change({ target: { files: [chosen] } });
  const submit = () => findAll(last(formShown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  form.actions.set("category", "email");
  form.actions.title("Printer doet het niet");
  form.actions.set("description", "Sinds vanochtend.");

  choose(file("setup.exe", 4096));
  assert.match(textOf(last(formShown)), new RegExp(nl("work.attach.error.extension", { extensions: "png" }).slice(0, 20)),
    "an extension outside the allow-list is said at the field at once");
  await submit();
  assert.equal(formApi.calls.filter(c => c[0] === "POST").length, 0, "no ticket raised with a file that would be refused");
  choose(file("leeg.png", 0));
  assert.ok(textOf(last(formShown)).includes(nl("work.attach.error.empty")));
  choose(file("groot.pdf", 26 * 1024 * 1024));
  assert.ok(textOf(last(formShown)).includes(nl("work.attach.error.tooLarge", { max: "25 MB" })));

  const screenshot = file("scherm.png", 2048, "image/png");
  choose(screenshot);
  assert.ok(!findAll(last(formShown), n => n.attrs.id === "e-file").length, "a good file clears the field's error");
  assert.match(textOf(last(formShown)), /scherm\.png \(2 KB\)/, "the chosen file is named");
  await submit();
  assert.deepEqual(formApi.calls.filter(c => c[0] === "POST").map(c => c[1]), ["/tickets"], "the file is not part of the create");
  assert.deepEqual(handed, [{ ticketId: "acme-7", file: screenshot }]);
  assert.deepEqual(formShown.at(-1), { navigated: "#/tickets/acme-7" });

  const offer = { uploadId: "33333333-2222-4333-8444-555555555555", upload: { method: "PUT",
    url: "https://b.s3.eu-west-1.amazonaws.com/quarantine/x?sig", headers: { "content-type": "image/png" } } };
  let attachments = [];
  const api = fakeApi((method, path) => {
    if (method === "GET" && path === "/tickets/acme-7") return { ...detail({ status: "new" }, []), attachments };
    if (method === "POST" && path === "/tickets/acme-7/attachments") return offer;
    if (method === "POST" && path.endsWith("/confirm")) {
      attachments = [{ id: offer.uploadId, fileName: "scherm.png", contentType: "image/png", size: 2048, uploadedBy: JAN,
        uploadedByName: "Jan Jansen", at: "2026-11-21T10:01:00Z" }];
      return attachments[0];
    }
    return {};
  });
  const shown = [];
  const ctx = { ...workContext("customer-user", api, shown, { userId: JAN }), handedOver: handed[0] };
  const page = await ticketPage(ctx, { name: "ticket", token: "acme-7" });
  assert.deepEqual(api.calls.filter(c => c[0] === "POST").map(c => [c[1], c[2]]), [
    ["/tickets/acme-7/attachments", { fileName: "scherm.png", contentType: "image/png", size: 2048 }],
    ["/tickets/acme-7/attachments/33333333-2222-4333-8444-555555555555/confirm", undefined]]);
  assert.equal(page.state.upload.done, nl("work.attach.added", { name: "scherm.png" }));
  assert.match(textOf(findAll(last(shown), n => n.attrs.class === "attachment-list")[0]), /scherm\.png/);

  const other = fakeApi(method => (method === "GET" ? { ...detail({ id: "acme-8", status: "new" }, []), attachments: [] } : {}));
  await ticketPage({ ...workContext("customer-user", other, [], { userId: JAN }), handedOver: handed[0] }, { name: "ticket", token: "acme-8" });
  assert.equal(other.calls.filter(c => c[0] === "POST").length, 0, "another ticket's page adds nothing");
});

test("upload refusals: field errors in words at the file, 415/422/413 explained, the file kept; a lost confirm is confirmed again", async () => {
  const offer = { uploadId: "aaaaaaaa-2222-4333-8444-555555555555", upload: { method: "PUT",
    url: "https://b.s3.eu-west-1.amazonaws.com/q?sig", headers: { "content-type": "application/pdf" } } };
  let step = 0;
  const api = fakeApi((method, path) => {
    if (method === "GET") return { ...detail({ status: "open" }, []), attachments: [] };
    if (path.endsWith("/attachments")) {
      step++;
      if (step === 1) {
        return new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "De invoer is niet geldig",
          errors: [{ field: "size", code: "too-large", message: "must be at most 26214400 bytes (25 MiB)" },
            { field: "contentType", code: "one-of", message: "must be one of [image/png, application/pdf]" }] });
      }
      return offer;
    }
    if (path.endsWith("/confirm")) {
      step++;
      if (step === 3) {
        return new ApiError(415, { type: "urn:klantportaal:problem:attachment-type-not-allowed",
          title: "Dit soort bestand kan niet worden bijgevoegd", detail: "The file's content is not application/pdf as announced" });
      }
      if (step === 5) return new ApiError(0, { title: "network" });
      return { id: offer.uploadId, fileName: "scan.pdf" };
    }
    return {};
  });
  const shown = [];
  const ctx = workContext("provider-agent", api, shown);
  const page = await ticketPage(ctx, { name: "ticket", token: "acme-7" });
  const submit = () => findAll(last(shown), n => n.attrs.class === "upload")[0].attrs.on.submit({ preventDefault() {} });

  await submit();
  assert.equal(textOf(byId(last(shown), "e-file")), nl("work.attach.chooseFirst"), "no file, no request");
  assert.equal(api.calls.filter(c => c[0] === "POST").length, 0);

  const big = file("scan.pdf", 30 * 1024 * 1024);
  byId(last(shown), "f-file").attrs.on.change({ target: { files: [big] } });
  await submit();
  const fileError = textOf(byId(last(shown), "e-file"));
  assert.match(fileError, /te groot: maximaal 25 MB/, "the limit from the API's answer, in words");
  assert.match(fileError, /Toegestaan: \.png, \.pdf/, "the allowed types from the API's answer");
  assert.equal(byId(last(shown), "f-file").attrs["aria-invalid"], "true");
  assert.equal(page.state.upload.file, big, "the chosen file is kept");

  const scan = file("scan.pdf", 1234);
  byId(last(shown), "f-file").attrs.on.change({ target: { files: [scan] } });
  await submit();
  const text = textOf(last(shown));
  assert.match(text, /Dit soort bestand kan niet worden bijgevoegd/, "the API's title");
  assert.match(text, new RegExp(nl("work.attach.problem.typeNotAllowed").slice(0, 40).replace(/[()]/g, ".")), "explained");
  assert.equal(page.state.upload.pending, null, "a refused upload is announced anew next time");
  assert.equal(page.state.upload.file, scan);

  await submit(); // step 4: announce again, step 5: confirm lost on the network
  assert.match(textOf(last(shown)), /niet bereikbaar/);
  assert.equal(page.state.upload.pending.stage, "confirm");
  const announcements = api.calls.filter(c => c[1].endsWith("/attachments")).length;
  const puts = ctx.transfers.length;
  await submit(); // step 6: only the confirm again
  assert.equal(api.calls.filter(c => c[1].endsWith("/attachments")).length, announcements, "not announced twice");
  assert.equal(ctx.transfers.length, puts, "not uploaded twice");
  assert.equal(page.state.upload.done, nl("work.attach.added", { name: "scan.pdf" }));

  for (const [status, code, key] of [[422, "attachment-size-mismatch", "work.attach.problem.sizeMismatch"],
    [413, "payload-too-large", "work.attach.problem.tooLarge"], [410, "upload-expired", "work.attach.problem.expired"]]) {
    const refusing = fakeApi((method, path) => method === "GET" ? { ...detail({ status: "open" }, []), attachments: [] }
      : path.endsWith("/attachments") && status === 413 ? new ApiError(413, { type: "urn:klantportaal:problem:" + code, title: "T" })
        : path.endsWith("/attachments") ? offer : new ApiError(status, { type: "urn:klantportaal:problem:" + code, title: "T" }));
    const s = [];
    await ticketPage(workContext("customer-admin", refusing, s, { userId: KLAAS }), { name: "ticket", token: "acme-7" });
    byId(last(s), "f-file").attrs.on.change({ target: { files: [file("a.pdf")] } });
    await findAll(last(s), n => n.attrs.class === "upload")[0].attrs.on.submit({ preventDefault() {} });
    assert.ok(textOf(last(s)).includes(nl(key)), code + " explained");
  }

  const failingStorage = workContext("customer-user", fakeApi((method, path) => method === "GET"
    ? { ...detail({ status: "open" }, []), attachments: [] } : offer), [], { userId: JAN, transfer: () => ({ ok: false, status: 403 }) });
  const storagePage = await ticketPage(failingStorage, { name: "ticket", token: "acme-7" });
  storagePage.actions.chooseFile(file("a.pdf"));
  await storagePage.actions.upload();
  assert.equal(storagePage.state.upload.error.title, nl("work.attach.problem.storage"));
  assert.equal(failingStorage.api.calls.filter(c => c[1].endsWith("/confirm")).length, 0, "nothing confirmed after a failed PUT");
});

test("closed tickets take no uploads; a presigned upload URL that is not trusted is not used", async () => {
  const shown = [];
  await ticketPage(workContext("customer-user", ticketApi({ status: "closed" }), shown, { userId: JAN }), { name: "ticket", token: "acme-7" });
  assert.equal(findAll(last(shown), n => n.attrs.class === "upload").length, 0);
  assert.match(textOf(last(shown)), new RegExp(nl("work.attach.closed").slice(0, 25)));

  const api = fakeApi((method) => method === "GET" ? { ...detail({ status: "open" }, []), attachments: [] }
    : { uploadId: "x", upload: { method: "PUT", url: "http://evil.example.test/steal", headers: {} } });
  const ctx = workContext("customer-user", api, [], { userId: JAN });
  const page = await ticketPage(ctx, { name: "ticket", token: "acme-7" });
  page.actions.chooseFile(file("a.pdf"));
  await page.actions.upload();
  assert.equal(ctx.transfers.length, 0, "the file is not sent to plain http on the internet");
  assert.equal(page.state.upload.error.title, nl("work.attach.problem.untrusted"));
});

test("download: fetches the presigned link and follows it only when it is https or the local S3 from a local portal", async () => {
  const att = { id: "bbbbbbbb-2222-4333-8444-555555555555", fileName: "a.pdf", contentType: "application/pdf", size: 10,
    uploadedBy: JAN, uploadedByName: "Jan", at: "2026-11-21T10:00:00Z" };
  let url = "https://b.s3.eu-west-1.amazonaws.com/attachments/a?X-Amz-Signature=1";
  const api = fakeApi((method, path) => path === "/tickets/acme-7" ? { ...detail({ status: "open" }, []), attachments: [att] }
    : { attachment: att, download: { method: "GET", url, headers: {}, expiresAt: "2026-11-21T10:05:00Z" } });
  const shown = [];
  const ctx = workContext("customer-user", api, shown, { userId: JAN });
  await ticketPage(ctx, { name: "ticket", token: "acme-7" });
  const download = () => click(last(shown), nl("work.attach.download") + " a.pdf").attrs.on.click();
  await download();
  assert.deepEqual(api.calls.at(-1).slice(0, 2), ["GET", "/tickets/acme-7/attachments/bbbbbbbb-2222-4333-8444-555555555555"]);
  assert.deepEqual(ctx.opened, [url]);

  for (const bad of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "http://evil.example.test/a",
    "http://127.0.0.1:9000/local-attachmentsbucket/a", "https://user:pw@b.s3.amazonaws.com/a", "//evil.example.test/a", "not a url"]) {
    url = bad;
    await download();
    assert.equal(ctx.opened.length, 1, "not followed: " + bad);
    assert.match(textOf(last(shown)), new RegExp(nl("work.attach.problem.untrusted").slice(0, 20)));
  }

  const local = workContext("customer-user", api, shown, { userId: JAN, origin: "http://127.0.0.1:3000" });
  await ticketPage(local, { name: "ticket", token: "acme-7" });
  url = "http://127.0.0.1:9000/local-attachmentsbucket/attachments/a?X-Amz-Signature=1";
  await download();
  assert.deepEqual(local.opened, [url], "the local cloud's S3 from the local portal");

  assert.equal(transferUrlAllowed("https://x.s3.amazonaws.com/a", "https://portal.example.test"), true);
  assert.equal(transferUrlAllowed("http://localhost:9000/a", "http://localhost:3000"), true);
  assert.equal(transferUrlAllowed("http://localhost:9000/a", "https://portal.example.test"), false);
  assert.equal(transferUrlAllowed("http://10.0.0.1:9000/a", "http://127.0.0.1:3000"), false);
  assert.equal(transferUrlAllowed("ftp://x/a", "http://127.0.0.1:3000"), false);
});

test("remove: its uploader (ticket open) or staff remove a file after a second press; others see no remove button", async () => {
  const att = { id: "bbbbbbbb-2222-4333-8444-555555555555", fileName: "wachtwoorden.txt", contentType: "text/plain", size: 10,
    uploadedBy: JAN, uploadedByName: "Jan", at: "2026-11-21T10:00:00Z" };
  let attachments = [att];
  const api = fakeApi((method, path) => {
    if (method === "DELETE") { attachments = []; return {}; }
    return { ...detail({ status: "open" }, []), attachments };
  });
  const shown = [];
  await ticketPage(workContext("customer-user", api, shown, { userId: JAN }), { name: "ticket", token: "acme-7" });
  click(last(shown), nl("work.attach.remove") + " wachtwoorden.txt").attrs.on.click();
  assert.equal(api.calls.filter(c => c[0] === "DELETE").length, 0, "the first press only asks");
  assert.match(textOf(last(shown)), /wachtwoorden\.txt verwijderen\?/);
  await click(last(shown), nl("work.attach.removeYes")).attrs.on.click();
  assert.deepEqual(api.calls.find(c => c[0] === "DELETE"), ["DELETE", "/tickets/acme-7/attachments/" + att.id]);
  assert.match(textOf(last(shown)), /wachtwoorden\.txt is verwijderd/);
  assert.doesNotMatch(textOf(last(shown)), new RegExp(nl("work.attach.download") + " wachtwoorden"), "read again: gone");

  const other = [];
  const colleague = fakeApi(() => ({ ...detail({ status: "open" }, []), attachments: [att] }));
  await ticketPage(workContext("customer-admin", colleague, other, { userId: PIET }), { name: "ticket", token: "acme-7" });
  assert.equal(findAll(last(other), n => n.tag === "button" && textOf(n).startsWith(nl("work.attach.remove"))).length, 0);
  const closed = [];
  const closedApi = fakeApi(() => ({ ...detail({ status: "closed" }, []), attachments: [att] }));
  await ticketPage(workContext("customer-user", closedApi, closed, { userId: JAN }), { name: "ticket", token: "acme-7" });
  assert.equal(findAll(last(closed), n => n.tag === "button" && textOf(n).startsWith(nl("work.attach.remove"))).length, 0,
    "a closed ticket: only the service desk removes files");
  const staff = [];
  await ticketPage(workContext("provider-agent", closedApi, staff), { name: "ticket", token: "acme-7" });
  assert.equal(findAll(last(staff), n => n.tag === "button" && textOf(n).startsWith(nl("work.attach.remove"))).length, 1);
});

test("the CSP lets the portal PUT to S3 (and the local s3proxy) and nothing else off-origin", () => {
  const html = readFileSync(join(portal, "index.html"), "utf8");
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  const connect = csp.split(";").map(s => s.trim()).find(s => s.startsWith("connect-src"));
  assert.equal(connect, "connect-src 'self' https://*.amazonaws.com http://127.0.0.1:*");
  assert.match(csp, /script-src 'self';/);
});

// ---------------------------------------------------------------------------------------------
// raising on a customer's behalf, follow-ups

test("raise on behalf: staff choose customer, reporter and source; errors next to the fields, nothing typed lost", async () => {
  let posts = 0;
  const api = fakeApi((method, path, body) => {
    if (method === "GET" && path.startsWith("/customers?")) {
      return path.includes("cursor=") ? { items: [{ id: "beta", name: "Beta BV" }] }
        : { items: [{ id: "acme", name: "Acme " + EVIL }], nextCursor: "c2" };
    }
    if (method === "GET" && path.startsWith("/customers/acme/users")) return { items: MEMBERS };
    if (method === "POST" && ++posts === 1) {
      return new ApiError(400, { type: "urn:klantportaal:problem:validation-failed", title: "Ongeldige invoer",
        errors: [{ field: "reporterId", code: "required", message: "is required" }] });
    }
    return ticket({ id: "acme-8", number: 8, ...body });
  });
  const shown = [];
  const page = await newTicketPage(workContext("provider-agent", api, shown), { name: "new" });
  assert.deepEqual(api.calls.map(c => c[1]), ["/customers?limit=100", "/customers?limit=100&cursor=c2"], "every customer, paged");
  const customers = findAll(byId(last(shown), "f-customerId"), n => n.tag === "option").map(n => n.attrs.value);
  assert.deepEqual(customers, ["", "acme", "beta"]);
  await byId(last(shown), "f-customerId").attrs.on.change({ target: { value: "acme" } });
  assert.equal(api.calls.at(-1)[1], "/customers/acme/users?limit=100");
  const reporters = findAll(byId(last(shown), "f-reporterId"), n => n.tag === "option").map(n => n.attrs.value);
  assert.deepEqual(reporters, ["", JAN, KLAAS, PIET], "active people of that customer, by name");
  assert.deepEqual(findAll(byId(last(shown), "f-source"), n => n.tag === "option").map(n => n.attrs.value), SOURCES);
  byId(last(shown), "f-source").attrs.on.change({ target: { value: "email" } });
  byId(last(shown), "f-category").attrs.on.change({ target: { value: "email" } });
  byId(last(shown), "f-title").attrs.on.input({ target: { value: "Printer kapot (telefonisch)" } });
  byId(last(shown), "f-description").attrs.on.input({ target: { value: "Klant belde." } });
  const submit = () => findAll(last(shown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  await submit();
  assert.equal(textOf(byId(last(shown), "e-reporterId")), nl("fieldRequired"), "next to the reporter");
  assert.equal(byId(last(shown), "f-title").attrs.value, "Printer kapot (telefonisch)", "typed text kept");
  assert.equal(page.state.draft.source, "email");
  byId(last(shown), "f-reporterId").attrs.on.change({ target: { value: PIET } });
  await submit();
  const bodies = api.calls.filter(c => c[0] === "POST").map(c => c[2]);
  assert.deepEqual(bodies[1], { type: "incident", category: "email", priority: "normal", title: "Printer kapot (telefonisch)",
    description: "Klant belde.", customerId: "acme", reporterId: PIET, source: "email" });
  assert.equal(bodies[0].reporterId, null, "not chosen: null, so the API names the field");
  assert.deepEqual(shown.filter(s => s.navigated), [{ navigated: "#/tickets/acme-8" }]);
  const doc = shimDocument();
  mount(last(shown), doc);
  assert.ok(!doc.created.some(n => n.tagName === "img" || n.tagName === "script"), "a customer name with markup stays text");
});

test("follow-up: a closed ticket links to the new-ticket form with followUpOf; the form sends the number", async () => {
  assert.deepEqual(parseRoute("#/tickets/new?followUpOf=acme-7"), { name: "new", followUpOf: "acme-7" });
  assert.deepEqual(parseRoute("#/tickets/new?followUpOf=<b>"), { name: "new" }, "only a ticket token");
  assert.equal(routeHash({ name: "new", followUpOf: "acme-7" }), "#/tickets/new?followUpOf=acme-7");

  const shown = [];
  await ticketPage(workContext("customer-user", ticketApi({ status: "closed" }), shown, { userId: JAN }), { name: "ticket", token: "acme-7" });
  const link = findAll(last(shown), n => n.tag === "a" && textOf(n) === nl("work.followUp.create"))[0];
  assert.equal(link.attrs.href, "#/tickets/new?followUpOf=acme-7");
  const openShown = [];
  await ticketPage(workContext("customer-user", ticketApi({ status: "open" }), openShown, { userId: JAN }), { name: "ticket", token: "acme-7" });
  assert.equal(findAll(last(openShown), n => n.tag === "a" && textOf(n) === nl("work.followUp.create")).length, 0);

  const api = fakeApi((method, path, body) => method === "GET"
    ? detail({ status: "closed", category: "email", priority: "high", title: "Printer " + EVIL }, [])
    : ticket({ id: "acme-9", number: 9, followUpOf: "acme-7", ...body }));
  const customerShown = [];
  const page = await newTicketPage(workContext("customer-user", api, customerShown, { userId: JAN }), parseRoute("#/tickets/new?followUpOf=acme-7"));
  assert.deepEqual(api.calls.map(c => c[1]), ["/tickets/acme-7"], "the closed ticket is read, nothing else");
  assert.equal(textOf(findAll(last(customerShown), n => n.tag === "h1")[0]), nl("work.followUp.heading", { id: "#7" }));
  assert.equal(page.state.draft.category, "email", "the category carries over");
  page.state.draft.title = "Printer weer kapot";
  page.state.draft.description = "Zelfde fout";
  await findAll(last(customerShown), n => n.tag === "form")[0].attrs.on.submit({ preventDefault() {} });
  assert.deepEqual(api.calls.at(-1)[2], { type: "incident", category: "email", priority: "high", title: "Printer weer kapot",
    description: "Zelfde fout", followUpOf: 7 });

  const staffApi = fakeApi((method, path, body) => path.startsWith("/customers?") ? { items: [{ id: "acme", name: "Acme" }] }
    : path.startsWith("/customers/acme/users") ? { items: MEMBERS }
      : method === "GET" ? detail({ status: "closed", reporter: { id: PIET, name: "Piet Pieters" } }, []) : ticket(body));
  const staffShown = [];
  const staffPage = await newTicketPage(workContext("provider-agent", staffApi, staffShown), { name: "new", followUpOf: "acme-7" });
  assert.equal(byId(last(staffShown), "f-customerId"), undefined, "the customer is the closed ticket's");
  assert.equal(staffPage.state.draft.reporterId, PIET, "the reporter carries over");
  Object.assign(staffPage.state.draft, { title: "T", description: "D" });
  await staffPage.actions.submit();
  const body = staffApi.calls.at(-1)[2];
  assert.deepEqual([body.customerId, body.reporterId, body.source, body.followUpOf], ["acme", PIET, "phone", 7]);
});

// ---------------------------------------------------------------------------------------------
// audit trail, and data only as text

const AUDIT = [
  { at: "2026-11-20T10:00:00Z", actorId: JAN, actorRole: "customer-user", action: "created", details: { type: "incident", source: "portal" } },
  { at: "2026-11-20T11:00:00Z", actorId: AGENT, actorRole: "provider-agent", action: "triaged",
    details: { priority: "normal → critical", assignee: "none → " + AGENT } },
  { at: "2026-11-20T12:00:00Z", actorId: AGENT, actorRole: "provider-agent", action: "internal-note",
    details: { messageId: "m-42" } },
  { at: "2026-11-20T13:00:00Z", actorId: JAN, actorRole: "customer-user", action: "attachment-added",
    details: { fileName: EVIL + ".pdf", uploadedBy: JAN } },
  { at: "2026-11-27T10:00:00Z", actorId: "system", actorRole: "system", action: "auto-close", details: { after: "P7D" } }
];

test("the audit trail: staff get it collapsed with names and words; internal notes marked; customers never", async () => {
  const shown = [];
  await ticketPage(workContext("provider-agent", ticketApi({}, { extra: { audit: AUDIT } }), shown), { name: "ticket", token: "acme-7" });
  const section = findAll(last(shown), n => n.attrs.class === "audit")[0];
  assert.ok(findAll(section, n => n.tag === "details").length === 1 && findAll(section, n => n.tag === "summary").length === 1,
    "collapsible");
  const text = textOf(section);
  assert.match(text, /Audit-trail \(5\)/);
  assert.match(text, /Jan Jansen \(klant\)/);
  assert.match(text, /Anna Agent \(medewerker\)TriagePrioriteitNormaal → KritiekBehandelaarNiemand → Anna Agent/);
  // ReplyToTicket records the message's id on public-reply and internal-note entries (the portal e2e found it unnamed)
  assert.match(text, /\(intern\)Bericht-idm-42/);
  assert.match(text, /Systeem/);
  assert.match(text, /Automatisch gesloten/);
  const internal = findAll(section, n => n.tag === "tr" && n.attrs.class === "internal");
  assert.equal(internal.length, 1);
  assert.match(textOf(internal[0]), /Interne notitie.*\(intern\)/);

  for (const role of ["customer-user", "customer-admin"]) {
    const customerShown = [];
    await ticketPage(workContext(role, ticketApi({}, { extra: { audit: AUDIT } }), customerShown, { userId: JAN }),
      { name: "ticket", token: "acme-7" });
    assert.equal(findAll(last(customerShown), n => n.attrs.class === "audit").length, 0, role + " sees no audit trail");
    assert.doesNotMatch(textOf(last(customerShown)), /Audit/);
  }
});

test("malicious names, file names and audit details are rendered as text only", async () => {
  const evilStaff = STAFF.map(s => ({ ...s, displayName: EVIL + s.displayName }));
  const evilMembers = MEMBERS.map(m => ({ ...m, displayName: EVIL + m.displayName, email: EVIL }));
  const api = fakeApi((method, path) => path.startsWith("/staff") ? { items: evilStaff }
    : path.startsWith("/customers/") ? { items: evilMembers }
      : { ...detail({ status: "open", involved: [PIET], assigneeId: AGENT, followUpOf: "acme-3" }), audit: AUDIT,
        attachments: [{ id: "cccccccc-2222-4333-8444-555555555555", fileName: EVIL + ".pdf", contentType: "application/pdf",
          size: 1, uploadedBy: PIET, uploadedByName: EVIL, at: "2026-11-21T10:00:00Z" }] });
  const shown = [];
  const page = await ticketPage(workContext("provider-admin", api, shown), { name: "ticket", token: "acme-7" });
  page.actions.chooseFile(file(EVIL + ".pdf"));
  const desc = ticketView(page.state, workContext("provider-admin", api, []), page.actions);
  for (const view of [last(shown), desc]) {
    const doc = shimDocument();
    const root = mount(view, doc);
    const tags = new Set(doc.created.map(n => n.tagName));
    assert.ok(!tags.has("img") && !tags.has("script"), "no element made from data: " + [...tags]);
    for (const node of doc.created) {
      for (const [name, value] of Object.entries(node.attributes)) {
        assert.ok(!name.startsWith("on"), "no handler attribute " + name);
        assert.ok(!String(value).includes("<"), `attribute ${name} carries data: ${value}`);
      }
    }
    assert.ok(root.textContent.split(EVIL).length - 1 >= 8, "names, file names and details shown as text");
  }
});

// ---------------------------------------------------------------------------------------------
// texts

test("every work text exists in nl, en and de, including the families filled in by value", () => {
  const sources = ["work.mjs", "attachments.mjs", "tickets.mjs"].map(f => readFileSync(join(portal, f), "utf8"));
  const used = new Set();
  for (const source of sources) {
    for (const m of source.matchAll(/"(work\.[A-Za-z0-9.-]*[A-Za-z0-9])"/g)) used.add(m[1]);
  }
  for (const s of SOURCES) used.add("work.source." + s);
  for (const r of ["customer-user", "customer-admin", "provider-agent", "provider-admin", "none"]) used.add("work.role." + r);
  for (const a of ["created", "public-reply", "internal-note", "triaged", "involved-changed", "open", "wait-for-customer",
    "resume", "resolve", "accept", "reject", "approved", "approval-rejected", "auto-close", "sla-reminder", "priority-dropped",
    "attachment-added", "attachment-refused", "rated"]) used.add("work.audit.action." + a);
  for (const d of ["type", "priority", "source", "followUpOf", "requestType", "category", "assignee", "involved", "from", "to",
    "autoCloseAt", "after", "dueAt", "attachmentId", "messageId", "fileName", "contentType", "size", "uploadedBy", "reason",
    "score", "via"]) {
    used.add("work.audit.detail." + d);
  }
  const defined = Object.keys(texts.nl).filter(k => k.startsWith("work."));
  assert.deepEqual(defined.filter(k => !used.has(k)), [], "no work text is left unused");
  for (const key of used) for (const l of LANGUAGES) assert.ok(key in texts[l], `${key} missing in ${l}`);
  assert.equal(translator("de")("work.triage.assignToMe"), "Mir zuweisen");
  assert.equal(translator("en")("work.followUp.heading", { id: "#7" }), "Follow-up ticket of #7");
});
