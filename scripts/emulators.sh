# Sourced by ./klantportaal and infrastructure/local/start: installs the npm emulators of the local cloud
# (cognito-local, aws-ses-v2-local, and oidc-provider, which plays Entra ID for single sign-on) from the committed infrastructure/local/package-lock.json when missing.
# The tests need them too, and they must be installed before Maven forks test JVMs: a child process that
# shares a forked JVM's stdin/stdout corrupts Surefire's channel.

install_emulators() {
  local dir="$1"
  if [[ -d "$dir/node_modules/cognito-local" && -d "$dir/node_modules/aws-ses-v2-local" && -d "$dir/node_modules/oidc-provider" ]]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || {
    echo "npm is not on the PATH; it installs the emulators pinned in $dir/package-lock.json." >&2; return 2; }
  echo "Installing the emulators (npm ci in $dir) ..."
  (cd "$dir" && npm ci --no-audit --no-fund < /dev/null) || { echo "npm ci failed in $dir." >&2; return 2; }
}
