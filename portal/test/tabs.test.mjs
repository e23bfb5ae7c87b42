// tabs.mjs on the platform's own BroadcastChannel (Node's has the browser's API): what one tab announces another hears,
// only the kinds of a session change pass, and without a channel nothing breaks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CHANNEL, tabsChannel } from "../tabs.mjs";

test("a sign-out and a sign-in reach the other tab, with the kind only; anything else on the channel is dropped", async () => {
  const one = tabsChannel();
  const two = tabsChannel();
  const heard = [];
  two.listen(kind => heard.push(kind));
  const intruder = new BroadcastChannel(CHANNEL);
  one.announce("signed-out");
  intruder.postMessage({ kind: "delete-everything" });
  intruder.postMessage({ idToken: "eyJ.x.y" });
  one.announce("signed-in");
  await new Promise(resolve => setTimeout(resolve, 50));
  assert.deepEqual(heard, ["signed-out", "signed-in"]);
  assert.throws(() => one.announce("token"), /not a session change/);
  for (const channel of [one, two]) channel.close();
  intruder.close();
});

test("a browser without BroadcastChannel: announcing and listening do nothing", () => {
  const none = tabsChannel(null);
  none.listen(() => assert.fail("nothing to hear"));
  none.announce("signed-out");
  none.close();
});
