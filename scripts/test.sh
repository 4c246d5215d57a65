#!/usr/bin/env bash
# The README's test command: everything the tests need, then ./mvnw verify (arguments are passed on to Maven).
# The embedded stores start in-process; the directory sign-in test (LdapDirectoryIT) starts a real OpenLDAP slapd,
# which comes from Debian's package and is installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/sbin/slapd ]; then
  echo "Installing Debian's slapd for the directory sign-in test (LdapDirectoryIT)…"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "slapd is missing and this user cannot install packages: run 'apt-get install -y slapd' as root, then this again" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y --no-install-recommends slapd >/dev/null \
    || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y --no-install-recommends slapd >/dev/null; }
fi
export AXONIQ_UPDATE_CHECKER_DISABLED=true
exec ./mvnw verify "$@"
