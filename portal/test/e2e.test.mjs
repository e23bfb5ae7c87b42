// The helpers of the portal e2e (e2e/smoke.mjs); the script itself runs against a local cloud
// (PortalAgainstApiIT in infrastructure/local), not here.
import { test } from "node:test";
import assert from "node:assert/strict";

import { main, properties, totp } from "../e2e/smoke.mjs";

test("TOTP codes as RFC 6238 (SHA1, 30 s, 6 digits) and the local cloud's Totp compute them", () => {
  const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890", the RFC's SHA1 key
  assert.equal(totp(secret, 59_000), "287082");
  assert.equal(totp(secret, 1_111_111_109_000), "081804");
  assert.equal(totp(secret, 2_000_000_000_000), "279037");
});

test("the demo accounts' secrets are read from the local cloud's properties file", () => {
  const file = "#Local demo accounts\n#Mon Nov 23 18:00:00 UTC 2026\njan@acme.example.test=ABCDEFGH\nit@acme.example.test = IJKLMNOP\n";
  assert.deepEqual(properties(file), { "jan@acme.example.test": "ABCDEFGH", "it@acme.example.test": "IJKLMNOP" });
});

test("without a gateway and a way to sign in the script says how to run it", async () => {
  await assert.rejects(main([], {}), /usage: smoke\.mjs --gateway URL/);
  await assert.rejects(main(["--gateway", "http://127.0.0.1:3000", "--nonsense", "x"], {}), /unknown: --nonsense/);
});
