// The keyboard focus across a page's renders (the shell's show(): every render replaces the page's nodes, so the
// control that had the focus is a new element afterwards, or gone). Pure functions on the DOM's elements; the shell
// keeps the state between renders.
//
// - A control with an id gets the focus back by its id; one without (a form's button) by its kind and words, the one
//   nearest its place among the page's controls, and by its accessible name where it has one (focusRecord, findAgain).
// - While it cannot take it (a button disabled, and maybe relabelled, while its request runs: the control at its place
//   is of its kind and disabled) the focus waits for the next render.
// - A control that is gone (a button whose press opened a confirmation or a form in its place, the confirmation's
//   "Annuleren", a row's button after the row went): the focus goes to the first of the controls the render added nearest its
//   place (the confirmation's button, the form's first field), and the control pressed is remembered as its opener; when the
//   focus is lost again (cancel, done), it returns to the opener if the page still has it. Otherwise the control now at
//   its place (a removed row's twin in the next row) or the last before it in the page's content, else the page's
//   heading (fallbackFocus).

export const CONTROLS = "a[href], button, input, select, textarea, [tabindex]";
/** What the fallback may move the focus to: real controls, not a scrolling table's group or a heading. */
const TAKES_FOCUS = new Set(["A", "BUTTON", "INPUT", "SELECT", "TEXTAREA"]);

export function controlsIn(root) {
  return root && root.querySelectorAll ? [...root.querySelectorAll(CONTROLS)] : [];
}

const attribute = (control, name) => (typeof control.getAttribute === "function" ? control.getAttribute(name) : null);
export const isDisabled = control => control.disabled === true || attribute(control, "disabled") !== null;
const tagOf = control => String(control.tagName || "").toUpperCase();

/** A control as the next render may have it again: kind, id, words and accessible name. */
export function signatureOf(control) {
  return [tagOf(control), control.id || "", control.textContent || "", attribute(control, "aria-label") || ""].join("\u0001");
}

/** The focused control of root as a record to find it again (null when the focus is not in root). */
export function focusRecord(root, active, selection = null) {
  if (!active || !root.contains(active)) return null;
  const controls = controlsIn(root);
  const record = { tag: tagOf(active), text: active.textContent, signature: signatureOf(active), place: controls.indexOf(active) };
  if (active.id) Object.assign(record, { id: active.id, selection });
  return record;
}

/** Which controls of `after` a render added: those outside a longest common subsequence with `before` (signatures). */
export function addedControls(before, after) {
  const a = before;
  const b = after.map(signatureOf);
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const added = new Set();
  let i = 0;
  let j = 0;
  while (j < m) {
    if (i < n && a[i] === b[j]) { i++; j++; } else if (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) i++; else added.add(after[j++]);
  }
  return added;
}

const nearest = (controls, place, test) => controls.map((c, i) => ({ c, distance: Math.abs(i - place), i }))
  .filter(({ c }) => test(c)).sort((x, y) => x.distance - y.distance || x.i - y.i).map(({ c }) => c)[0] || null;

/**
 * The control of `wanted` (a focusRecord) in root after a render: {target} to focus, {wait: true} while it cannot take
 * the focus yet, or {gone: true}.
 */
export function findAgain(root, wanted, byId) {
  const controls = controlsIn(root);
  if (wanted.id) {
    const target = byId(wanted.id);
    if (target) return isDisabled(target) ? { wait: true } : { target };
  } else {
    const same = c => signatureOf(c) === wanted.signature;   // a row's button named by its row (aria-label) is not its twin
    const target = nearest(controls, wanted.place, c => same(c) && !isDisabled(c));
    if (target) return { target };
    if (controls.some(same)) return { wait: true };
  }
  const there = controls[wanted.place];
  if (there && tagOf(there) === wanted.tag && isDisabled(there)) return { wait: true };   // relabelled while its request runs
  return { gone: true };
}

/**
 * Where the focus goes when its control is gone: {target, opener} — the opener remembered when the target is a control
 * this render added (its confirmation or form), null otherwise. `before` are the signatures of the controls before the
 * render; `opener` the one remembered earlier.
 */
export function fallbackFocus(root, wanted, before, opener) {
  const controls = controlsIn(root);
  const usable = c => TAKES_FOCUS.has(tagOf(c)) && !isDisabled(c);
  if (opener) {
    const back = nearest(controls, opener.place, c => signatureOf(c) === opener.signature && usable(c));
    if (back) return { target: back, opener: null };
  }
  const added = addedControls(before, controls);
  let at = controls.indexOf(nearest(controls, wanted.place, c => added.has(c) && usable(c)));
  if (at >= 0) {
    // the start of what opened there: the first of the run of added controls (the confirm button, the form's first field),
    // not the one that happens to sit at the old place (a confirmation replacing three buttons would give its Cancel)
    while (at > 0 && added.has(controls[at - 1]) && usable(controls[at - 1])) at--;
    return { target: controls[at], opener: { signature: wanted.signature, place: wanted.place } };
  }
  // the control now at its place (a removed row's twin in the next row), or the last one before it, but in the page's
  // content (after its heading), not the menu
  const heading = root.querySelector ? root.querySelector("h1") : null;
  const contentStart = heading ? [...root.querySelectorAll(CONTROLS + ", h1")].indexOf(heading) : 0;
  const there = Math.min(wanted.place, controls.length - 1);
  if (wanted.place >= 0 && there >= contentStart && usable(controls[there])) return { target: controls[there], opener: null };
  if (heading) heading.setAttribute("tabindex", "-1");
  return { target: heading, opener: null };
}

/** The caret and selection of a text field ({start, end, direction}), or null for a control without one. */
function selectionOf(control) {
  try {
    return typeof control.selectionStart === "number"
      ? { start: control.selectionStart, end: control.selectionEnd, direction: control.selectionDirection || "none" } : null;
  } catch (e) {
    if (e instanceof DOMException) return null;   // reading it throws on input types without a selection
    throw e;
  }
}

/**
 * The shell's keeper of the focus across renders of `doc`: render(root, replace) records the focus, runs replace() (which
 * mounts the page anew) and puts the focus back as above; reset() forgets what waits (a new route).
 */
export function focusKeeper(doc) {
  let pending = null;   // focusRecord: the control that had the focus, waiting to take it again
  let opener = null;    // {signature, place}: the control whose press opened what has the focus now

  function focusOf(root) {
    const active = doc.activeElement;
    // a text field keeps its caret (and selection) too: a page shown again while the user types (the new-ticket page's
    // suggestions, a list's search results) must not move the next key to the start of the field
    if (active && root.contains(active)) return focusRecord(root, active, active.id ? selectionOf(active) : null);
    return !active || active === doc.body ? pending : null;
  }

  function restore(root, wanted, before) {
    const found = findAgain(root, wanted, id => doc.getElementById(id));
    if (found.wait) {
      pending = wanted;
      return;
    }
    let target = found.target;
    if (found.gone) ({ target, opener } = fallbackFocus(root, wanted, before, opener));
    if (target) target.focus();
    if (target && wanted.selection && doc.activeElement === target && typeof target.setSelectionRange === "function") {
      try { target.setSelectionRange(wanted.selection.start, wanted.selection.end, wanted.selection.direction); } catch (e) {
        if (!(e instanceof DOMException)) throw e;   // an input type without a caret (email, number): the browser keeps its own
      }
    }
    pending = target && doc.activeElement === target ? null : wanted;
  }

  return {
    reset() { pending = null; opener = null; },
    /**
     * Runs replace() (root's new content) and keeps the focus, unless takeIt() (after replace) moved it itself (a new page's
     * heading).
     */
    render(root, replace, takeIt = () => false) {
      const wanted = focusOf(root);
      const before = controlsIn(root).map(signatureOf);
      replace();
      if (takeIt()) this.reset();
      else if (wanted) restore(root, wanted, before);
    }
  };
}
