// The other tabs of this browser, told at once when the session changes (docs/portal.md, "Session"). The tabs share
// the session through the API's HttpOnly cookie, but each keeps its ID token in memory: without a word, a tab left
// open would go on working for up to 15 minutes after the user signed out in another. So a sign-out is announced on
// a BroadcastChannel (this origin only; it carries the kind of change, never a token), every other tab forgets its
// session and shows the sign-in screen; a sign-in is announced too, and a tab on the sign-in screen then restores the
// session from the cookie. A browser without BroadcastChannel gets the old behaviour (each tab until its renewal).

export const CHANNEL = "klantportaal-session";
const KINDS = ["signed-out", "signed-in"];

/** The channel to the other tabs: announce(kind) and listen(handler); both do nothing where the browser has no channel. */
export function tabsChannel(Channel = globalThis.BroadcastChannel) {
  if (typeof Channel !== "function") return { announce() {}, listen() {}, close() {} };
  const channel = new Channel(CHANNEL);
  // Node's channel would keep a test process alive; browsers have no unref
  if (typeof channel.unref === "function") channel.unref();
  return {
    announce(kind) {
      if (!KINDS.includes(kind)) throw new Error("not a session change: " + kind);
      channel.postMessage({ kind });
    },
    /** handler(kind) for each change another tab announces; anything else on the channel is ignored. */
    listen(handler) {
      channel.onmessage = event => {
        const kind = event && event.data && event.data.kind;
        if (KINDS.includes(kind)) handler(kind);
      };
    },
    close() { channel.close(); }
  };
}
