# Sourced by ./klantportaal test: what the portal's browser tests (BrowserIT, portal/e2e/browser.mjs) need.
#  - Debian's chromium: installed with apt-get when it is missing and this user can (root, apt-get present);
#  - puppeteer-core and axe-core, pinned in portal/e2e/package-lock.json: npm ci when missing or stale.
# It never fails the run itself: when something cannot be installed it says so, and BrowserIT then fails
# with the same clear message (the browser tests never skip).

chromium_binary() {
  local name
  for name in "${KP_CHROMIUM:-}" chromium chromium-browser; do
    [[ -n "$name" ]] || continue
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  done
  return 1
}

install_browser_tests() {
  local e2e="$1"
  if ! chromium_binary >/dev/null; then
    if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing Debian's chromium for the browser tests (apt-get) ..."
      { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } < /dev/null > "$e2e/apt-chromium.log" 2>&1 \
        || echo "browser tests: apt-get could not install chromium (see $e2e/apt-chromium.log); BrowserIT will fail." >&2
    else
      echo "browser tests: chromium is missing and cannot be installed here (needs root and apt-get); BrowserIT will fail." >&2
    fi
  fi
  if [[ ! -f "$e2e/node_modules/.package-lock.json" || "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]]; then
    if command -v npm >/dev/null 2>&1; then
      echo "Installing the browser tests' driver (npm ci in $e2e) ..."
      (cd "$e2e" && npm ci --no-audit --no-fund < /dev/null) || echo "browser tests: npm ci failed in $e2e; BrowserIT will fail." >&2
    else
      echo "browser tests: npm is not on the PATH; BrowserIT will fail." >&2
    fi
  fi
  return 0
}
