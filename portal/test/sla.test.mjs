// The SLA in the portal: the ticket page's two targets, against the recording fake API and the DOM shim of fakes.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";

import { findAll, mount, textOf } from "../dom.mjs";
import { translator } from "../i18n.mjs";
import { ticketPage } from "../pages.mjs";
import { context, detail, fakeApi, last, shimDocument } from "./fakes.mjs";

const nl = translator("nl");
const withClass = (desc, name) => findAll(desc, n => String(n.attrs.class || "").split(" ").includes(name));

// ---------------------------------------------------------------------------------------------
// the ticket page

const SLA = {
  tier: "koper",
  response: { state: "met", priority: "high", hours: 36, calendar: "24x7", dueAt: "2026-11-24T21:30:01Z",
    warningAt: "2026-11-24T14:18:01Z", metAt: "2026-11-23T09:30:02Z" },
  resolution: { state: "breached", priority: "high", hours: 96, calendar: "business", dueAt: "2026-07-01T10:00:00Z",
    warningAt: "2026-06-28T10:00:00Z" }
};

test("the ticket page shows both SLA targets to customers and staff: state, deadline in Amsterdam time, met time, breach marked", async () => {
  for (const role of ["customer-user", "provider-agent"]) {
    const shown = [];
    await ticketPage(context(role, fakeApi(() => ({ ...detail({ status: "open" }, []), sla: SLA })), shown),
      { name: "ticket", token: "acme-7" });
    const section = findAll(last(shown), n => n.tag === "section" && n.attrs.class === "sla")[0];
    assert.ok(section, role + " sees the SLA");
    const [response, resolution] = findAll(section, n => n.tag === "tr" && /sla-target/.test(n.attrs.class || ""));
    assert.match(textOf(section), /SLA-niveau: Koper/);
    assert.equal(textOf(response.children[0]), "Reactietijd");
    assert.equal(textOf(response.children[1]), "Gehaald");
    assert.equal(textOf(response.children[2]), "Hoog · 36 uur · 24×7 (dag en nacht)");
    assert.match(textOf(response.children[3]), /24 nov\.? 2026.*22:30/, "21:30Z is 22:30 in Amsterdam (CET)");
    assert.equal(findAll(response.children[3], n => n.tag === "time")[0].attrs.datetime, "2026-11-24T21:30:01Z");
    assert.match(textOf(response.children[4]), /23 nov\.? 2026.*10:30/, "met at 09:30Z");
    assert.equal(textOf(resolution.children[0]), "Oplostijd");
    assert.match(textOf(resolution.children[3]), /1 jul\.? 2026.*12:00/, "10:00Z is 12:00 in Amsterdam (CEST)");
    assert.equal(textOf(resolution.children[4]), "—", "not reached yet");
    const breached = withClass(section, "sla-breached");
    assert.equal(breached.length, 1, "the breach is marked by a class");
    assert.equal(textOf(breached[0]), "Overschreden", "and says so in words");
    assert.match(resolution.attrs.class, /sla-row-breached/);
    assert.ok(findAll(section, n => n.tag === "a" && n.attrs.href === "#/sla").length, "links to the SLA page");
  }

  const shown = [];
  await ticketPage(context("customer-user", fakeApi(() => ({ ...detail({ status: "open" }, []), sla: SLA })), shown, "de"),
    { name: "ticket", token: "acme-7" });
  const text = textOf(last(shown));
  assert.match(text, /Reaktionszeit.*Eingehalten.*Hoch · 36 Stunden · 24×7/);
  assert.match(text, /Lösungszeit.*Überschritten.*Nur zu Geschäftszeiten/);
  assert.match(text, /SLA-Stufe: Kupfer/);
});

test("the ticket page without an SLA (an old ticket) says so; a paused target without a deadline says the clock stopped", async () => {
  const shown = [];
  await ticketPage(context("customer-user", fakeApi(() => detail({ status: "open" }, [])), shown), { name: "ticket", token: "acme-7" });
  const section = findAll(last(shown), n => n.tag === "section" && n.attrs.class === "sla")[0];
  assert.equal(textOf(section), nl("sla.ticket.heading") + nl("sla.ticket.none"));
  assert.equal(findAll(section, n => n.tag === "table").length, 0);
  mount(last(shown), shimDocument());

  const paused = { tier: "brons", response: { state: "paused", priority: "normal", hours: 16, calendar: "business" },
    resolution: { state: "running", priority: "normal", hours: 40, calendar: "business", dueAt: "2026-11-27T12:00:00Z",
      warningAt: "2026-11-26T12:00:00Z" } };
  const again = [];
  await ticketPage(context("provider-admin", fakeApi(() => ({ ...detail({ status: "waiting-for-customer" }, []), sla: paused })), again),
    { name: "ticket", token: "acme-7" });
  const text = textOf(last(again));
  assert.match(text, /ReactietijdGepauzeerdNormaal · 16 uur · Binnen kantoortijdenNog geen deadline: de klok staat stil\.—/);
  assert.match(text, /OplostijdLoopt/);
  assert.equal(withClass(last(again), "sla-breached").length, 0);
});
