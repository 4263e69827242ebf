#!/usr/bin/env bash
# `unload serve` over TLS (clinic.md "TLS"): a self-signed certificate made with openssl, the
# server started on a free port, curl as the client. HTTPS answers with HSTS, plain HTTP on the
# same port is refused, the session cookie is `__Host-` prefixed and Secure, and a clinic refuses
# to listen beyond loopback without TLS.
set -u
unload="$1"; root="$2"
tmp=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
source "$(dirname "$0")/lib.sh"
export UNLOAD_DB="sqlite:$tmp/unload.db" TZ=UTC UNLOAD_CONTENT="$root/content" XDG_CONFIG_HOME="$tmp/config"

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
printf 'correct horse battery\n' >"$tmp/password"
check account 0 "$unload" account add ben --role person --password-file "$tmp/password"

# A clinic beyond loopback without TLS: refused before it listens.
cat >"$tmp/plain.toml" <<TOML
[server]
token = "0123456789abcdef0123456789abcdef"
TOML
check clinic-needs-tls 2 "$unload" serve --config "$tmp/plain.toml" --listen 0.0.0.0:0
expect_in clinic-needs-tls-msg "$tmp/err" "tls_cert"
# Half a TLS setting is an error naming the missing half.
printf '[server]\ntls_cert = "%s"\n' "$tmp/cert.pem" >"$tmp/half.toml"
check half-tls 2 "$unload" serve --config "$tmp/half.toml" --listen 127.0.0.1:0
expect_in half-tls-msg "$tmp/err" "tls_key"
# A trusted proxy sits on this machine: loopback only.
printf '[server]\ntrust_proxy = true\n' >"$tmp/proxy.toml"
check proxy-loopback 2 "$unload" serve --config "$tmp/proxy.toml" --listen 0.0.0.0:0
expect_in proxy-loopback-msg "$tmp/err" "trust_proxy"

cat >"$tmp/tls.toml" <<TOML
[server]
tls_cert = "$tmp/cert.pem"
tls_key = "$tmp/key.pem"
TOML
"$unload" --format json serve --config "$tmp/tls.toml" --listen 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
for _ in $(seq 1 100); do [ -s "$tmp/serve.out" ] && break; sleep 0.05; done
port=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['port'])" "$tmp/serve.out")
expect_py https-url 'd["url"].startswith("https://")' "$tmp/serve.out"
base="https://127.0.0.1:$port"
tls() { curl -sS --cacert "$tmp/cert.pem" "$@"; }

check health 0 tls -D "$tmp/headers" -o "$tmp/body" "$base/healthz"
expect_in health-hsts "$tmp/headers" "Strict-Transport-Security: max-age=31536000"
expect_in health-body "$tmp/body" '"ok"'
# Old protocols are refused.
check no-tls-1.1 35 tls --tls-max 1.1 -o /dev/null "$base/healthz"
# Plain HTTP on the TLS port: a refusal saying what to use, then the connection closes.
check plain-http 0 curl -sS -o "$tmp/plain" -w '%{http_code}' "http://127.0.0.1:$port/healthz"
expect_in plain-http-status "$tmp/out" "400"
expect_in plain-http-msg "$tmp/plain" "HTTPS only"

# Signing in over TLS sets a __Host- cookie marked Secure, which then reaches the record.
check login 0 tls -D "$tmp/login-headers" -c "$tmp/jar" -H 'Content-Type: application/json' \
    --data '{"username": "ben", "password": "correct horse battery"}' "$base/api/v1/login"
expect_in cookie-host-prefix "$tmp/login-headers" "Set-Cookie: __Host-unload_session="
expect_in cookie-secure "$tmp/login-headers" "; Secure"
check me 0 tls -b "$tmp/jar" "$base/api/v1/me"
expect_py me-ben 'd["account"]["username"] == "ben"' "$tmp/out"
check record-without-cookie 0 tls -o /dev/null -w '%{http_code}' "$base/api/v1/program"
expect_in record-401 "$tmp/out" "401"

finish
