#!/usr/bin/env bash
# hired sync over https, against a small TLS git server of the test's own
# (https_git_server.py: git http-backend, basic authentication with one
# token). The token comes from HIRED_GIT_TOKEN and is never stored; a
# certificate nobody vouches for, a missing or wrong token are exit 4 and
# leave the journal as it was.
source "$(dirname "$0")/lib.sh"

have openssl || fail "openssl is missing (scripts/test installs it)"
have python3 || fail "python3 is missing"

S="$T/server"
mkdir -p "$S/repos"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -keyout "$S/key.pem" -out "$S/cert.pem" -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost 2>/dev/null
git init -q --bare "$S/repos/remote.git"
TOKEN="tok-$RANDOM-$RANDOM"
python3 "$HIRED_SOURCE_DIR/tests/e2e/https_git_server.py" "$S/repos" "$S/cert.pem" "$S/key.pem" "$TOKEN" \
    "$S/port" 2>"$S/log" &
SERVER=$!
trap 'rc=$?; kill $SERVER 2>/dev/null; (exit $rc); _on_exit' EXIT
for _ in $(seq 1 100); do [ -s "$S/port" ] && break; sleep 0.1; done
[ -s "$S/port" ] || { cat "$S/log" >&2; fail "the https server did not start"; }
URL="https://localhost:$(cat "$S/port")/remote.git"

unset SSL_CERT_DIR HIRED_GIT_TOKEN
export HIRED_TODAY=2026-03-01
source "$HIRED_SOURCE_DIR/tests/e2e/sync_lib.sh"
# The server's certificate is trusted only through SSL_CERT_FILE.
trusted() { SSL_CERT_FILE="$S/cert.pem" "$@"; }
ON_ENV=(HIRED_GIT_TOKEN="$TOKEN" SSL_CERT_FILE="$S/cert.pem")
round_trip "$URL"

# The token is in no file of the journal and in nothing printed.
if grep -rq -- "$TOKEN" "$T/laptop/.git" "$T/desktop/.git" "$T/out" "$T/err"; then
    fail "the token was written down"
fi

on laptop contact add "Ines Duarte"
before=$(head_of laptop)
# A certificate nobody vouches for (the system's CAs only).
HIRED_JOURNAL="$T/laptop" HIRED_GIT_TOKEN="$TOKEN" SSL_CERT_FILE= run 4 "$HIRED" sync
expect_err "TLS certificate of localhost could not be verified"
# No token, then a wrong one.
HIRED_JOURNAL="$T/laptop" trusted run 4 "$HIRED" sync
expect_err "set HIRED_GIT_TOKEN"
HIRED_JOURNAL="$T/laptop" HIRED_GIT_TOKEN=wrong trusted run 4 "$HIRED" sync
expect_err "refused the token"
[ "$(head_of laptop)" = "$before" ] || fail "the journal moved after a refused sync"

on laptop sync
expect_out "pushed"
on desktop sync
on desktop contact show "Ines Duarte"
[ -z "$(git -C "$T/desktop" status --porcelain)" ] || fail "desktop: git status not clean"
HIRED_JOURNAL="$T/desktop" run 0 "$HIRED" check

pass
