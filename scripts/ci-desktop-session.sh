#!/usr/bin/env bash
# Runs a command where the Electron app can open its window and keep a secret
# (.github/workflows/electron.yml). On Linux: a private D-Bus session with gnome-keyring's
# Secret Service unlocked (an empty password), and an Xvfb display (xvfb-run -a); the app
# is told to use that keyring (PLEX_SIGNIN_E2E_PASSWORD_STORE=gnome-libsecret, passed as
# Chromium's --password-store by e2e/support/electron-app.ts, since under a bare X server
# Chromium would pick basic_text). Elsewhere the runner's own desktop session already has
# a display and the keychain (mocked on macOS by the harness): the command runs as is.
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: scripts/ci-desktop-session.sh <command> [args...]" >&2
  exit 2
fi
if [ "$(uname -s)" != "Linux" ]; then
  exec "$@"
fi
export PLEX_SIGNIN_E2E_PASSWORD_STORE=gnome-libsecret
# Inside the session: start and unlock the keyring, then the command under Xvfb.
exec dbus-run-session -- bash -c '
  set -euo pipefail
  printf "\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec xvfb-run -a "$@"
' ci-desktop-session "$@"
