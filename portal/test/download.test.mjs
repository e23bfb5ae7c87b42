// Files from the API (the exports of the time registrations): api.mjs download() with the token, its refresh and
// problems, the file name of Content-Disposition, and dom.mjs saveFile() through a blob: URL.
import { test } from "node:test";
import assert from "node:assert/strict";

import { saveFile } from "../dom.mjs";
import { ApiError, createApi, fileNameFrom } from "../api.mjs";

test("saveFile: an <a download> on an object URL of the blob, clicked, removed, the URL revoked afterwards", () => {
  const events = [];
  const body = { children: [], appendChild(node) { this.children.push(node); events.push("append"); } };
  const document = {
    body,
    createElement: tag => ({ tag, attrs: {}, setAttribute(n, v) { this.attrs[n] = v; }, click() { events.push("click " + this.attrs.download); },
      remove() { body.children = body.children.filter(c => c !== this); events.push("remove"); } })
  };
  const blob = new Blob(["x"]);
  let later = null;
  const URL = { createObjectURL: b => { assert.equal(b, blob); return "blob:https://portal.example.test/1"; },
    revokeObjectURL: url => events.push("revoke " + url) };
  saveFile({ blob, fileName: "urenregistraties-2026-11-01-2026-11-30.pdf" }, { document, URL, later: fn => { later = fn; } });
  assert.deepEqual(events, ["append", "click urenregistraties-2026-11-01-2026-11-30.pdf", "remove"]);
  assert.equal(body.children.length, 0);
  later();
  assert.equal(events.at(-1), "revoke blob:https://portal.example.test/1");
  assert.throws(() => saveFile({ blob, fileName: "x" }, { document, URL: { createObjectURL: () => "javascript:alert(1)" } }), /object URL/);
});

test("the file name of Content-Disposition: quoted, plain or RFC 5987, never a path", () => {
  assert.equal(fileNameFrom('attachment; filename="urenregistraties-2026-11-01-2026-11-30.pdf"'), "urenregistraties-2026-11-01-2026-11-30.pdf");
  assert.equal(fileNameFrom("attachment; filename=uren.xlsx"), "uren.xlsx");
  assert.equal(fileNameFrom("attachment; filename=\"a.pdf\"; filename*=UTF-8''%C3%BCbersicht.pdf"), "übersicht.pdf");
  assert.equal(fileNameFrom('attachment; filename="../../etc/passwd"'), "passwd");
  assert.equal(fileNameFrom('attachment; filename="..\\\\evil.exe"'), "evil.exe");
  assert.equal(fileNameFrom(null, "urenregistraties.pdf"), "urenregistraties.pdf");
  assert.equal(fileNameFrom('attachment; filename=".."', "fallback.pdf"), "fallback.pdf");
});

test("a download that fails is a problem like any answer: 401 renews the token once, a problem body is an ApiError", async () => {
  const requests = [];
  let session = { idToken: "old", refreshToken: "r1", userId: "u1", expiresAt: Date.now() + 3_600_000 };
  let exports = 0;
  const api = createApi({
    language: () => "de", session: () => session, setSession: s => { session = s; },
    fetch: async (path, init) => {
      requests.push([path, init.headers.authorization]);
      if (path === "/auth/refresh") {
        return { ok: true, status: 200, text: async () => JSON.stringify({ idToken: "h." + Buffer.from("{}").toString("base64url") + ".s" }) };
      }
      if (++exports === 1) return { ok: false, status: 401, statusText: "", text: async () => JSON.stringify({ title: "Unauthorized" }) };
      return { ok: false, status: 403, statusText: "", text: async () => JSON.stringify({ type: "urn:klantportaal:problem:forbidden",
        title: "Forbidden", detail: "admins only" }) };
    }
  });
  await assert.rejects(api.download("/time-registrations/export?format=pdf"), e => e instanceof ApiError && e.status === 403
    && e.code === "forbidden");
  assert.deepEqual(requests.map(r => r[0]), ["/time-registrations/export?format=pdf", "/auth/refresh", "/time-registrations/export?format=pdf"]);
  assert.equal(requests[0][1], "Bearer old");
});

test("an export the API names not is saved under the reader's language's name, as the API would name it", async () => {
  const { exportFallbackName, exportFile } = await import("../ledger.mjs");
  assert.equal(exportFallbackName("nl", "pdf"), "urenregistraties.pdf");
  assert.equal(exportFallbackName("en", "xlsx"), "time-registrations.xlsx");
  assert.equal(exportFallbackName("de", "pdf"), "Zeiterfassung.pdf");
  assert.equal(exportFallbackName("fr", "pdf"), "urenregistraties.pdf", "an unknown language reads Dutch, as the portal does");
  const saved = [];
  const ctx = { lang: "en", saveFile: f => saved.push(f.fileName),
    api: { download: async (path, fallback) => ({ blob: new Blob(["x"]), fileName: fileNameFrom(null, fallback) }) } };
  await exportFile(ctx, null, { from: "2026-11-01", to: "2026-11-30" }, "xlsx");
  assert.deepEqual(saved, ["time-registrations.xlsx"]);
});
