// The new-ticket form's draft (tickets.mjs): what counts as something the user wrote, kept across a re-sign-in.
import { test } from "node:test";
import assert from "node:assert/strict";

import { draftHasContent, emptyDraft } from "../tickets.mjs";

test("a new-ticket draft is kept only when it holds something the user wrote", () => {
  assert.equal(draftHasContent(emptyDraft()), false, "the page's own defaults are no draft");
  assert.equal(draftHasContent({ ...emptyDraft(), type: "service-request", priority: "high", customerId: "acme" }), false,
    "choices alone are no draft");
  assert.equal(draftHasContent({ ...emptyDraft(), title: "  " }), false, "blank text is no draft");
  assert.equal(draftHasContent({ ...emptyDraft(), title: "Printer" }), true);
  assert.equal(draftHasContent({ ...emptyDraft(), description: "Kapot." }), true);
  assert.equal(draftHasContent({ ...emptyDraft(), answers: { hours: 6 } }), true);
  assert.equal(draftHasContent(null), false);
});
