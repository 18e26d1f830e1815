#!/bin/sh
# Regenerates the FAKE test certificates and keys used by the TLS rule fixtures (testdata/rules/GW01xx) and the
# unit tests of io.gwctl.validators.tls. They protect nothing: generated for this repository, never used anywhere.
# Validity windows are chosen so that every fixture expectation holds on any date before 2120:
#   valid:         2020-01-01 .. 2126-01-01
#   expired:       2020-01-01 .. 2021-01-01
#   not yet valid: 2120-01-01 .. 2126-01-01
#   long:          2020-01-01 .. 2126-06-01 (still far from expiry when a test sets "now" to late 2125)
#   CA:            2020-01-01 .. 2130-01-01
#   doc-expiring:  2020-01-01 .. 2027-01-15, self-signed with rsa.key.pem: the "bad" example of docs/rules/GW0103.md,
#                  which the rule meta-test checks at its fixed clock 2027-01-01 (RuleFixtures.DEFAULT_NOW)
# Usage: sh generate.sh   (writes *.pem next to this script; needs openssl >= 1.1). The fixtures embed these files
# base64-encoded in Secret data: after regenerating, re-encode them there (base64 -w0 FILE).
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/new"
: > "$work/index.txt"
echo 1000 > "$work/serial"
cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = testca
[testca]
dir = $work
database = $work/index.txt
new_certs_dir = $work/new
serial = $work/serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = copy
email_in_dn = no
[anything]
commonName = supplied
[root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = CA:false
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
CNF

# Root CA (RSA, self-signed, 2020-01-01 .. 2130-01-01), used for the chains and as ca.crt of the mutual TLS fixtures.
openssl req -new -newkey rsa:2048 -nodes -keyout ca.key.pem -subj "/CN=gwctl test CA" -out "$work/ca.csr" 2>/dev/null
openssl ca -batch -selfsign -config "$work/ca.cnf" -keyfile ca.key.pem -extensions root \
  -startdate 20200101000000Z -enddate 21300101000000Z -in "$work/ca.csr" -out "$work/ca.full" 2>/dev/null
openssl x509 -in "$work/ca.full" -out ca.crt.pem

# sign NAME CN START END SANS: CSR from NAME.key.pem, signed by the CA with explicit dates.
sign() {
  openssl req -new -key "$1.key.pem" -subj "/CN=$2" -addext "subjectAltName=$5" -out "$work/$1.csr" 2>/dev/null
  openssl ca -batch -config "$work/ca.cnf" -cert ca.crt.pem -keyfile ca.key.pem -extensions leaf \
    -startdate "$3" -enddate "$4" -in "$work/$1.csr" -out "$work/$1.full" 2>/dev/null
  openssl x509 -in "$work/$1.full" -out "$1.crt.pem"
}

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key.pem 2>/dev/null
openssl rsa -in rsa.key.pem -traditional -out rsa.pkcs1.key.pem 2>/dev/null
sign rsa httpbin.example.com 20200101000000Z 21260101000000Z "DNS:httpbin.example.com,DNS:*.apps.example.com"

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.key.pem 2>/dev/null
openssl ec -in ec.key.pem -out ec.sec1.key.pem 2>/dev/null
sign ec ec.example.com 20200101000000Z 21260101000000Z "DNS:ec.example.com"

openssl genpkey -algorithm ED25519 -out ed25519.key.pem 2>/dev/null
sign ed25519 ed.example.com 20200101000000Z 21260101000000Z "DNS:ed.example.com"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out other-rsa.key.pem 2>/dev/null
cp rsa.key.pem expired.key.pem
sign expired expired.example.com 20200101000000Z 20210101000000Z "DNS:expired.example.com"
cp rsa.key.pem future.key.pem
sign future future.example.com 21200101000000Z 21260101000000Z "DNS:future.example.com"
cp rsa.key.pem long.key.pem
sign long long.example.com 20200101000000Z 21260601000000Z "DNS:long.example.com"
# A certificate without SANs: its CN is what clients would match (GW0104).
cp rsa.key.pem nosan.key.pem
openssl req -new -key nosan.key.pem -subj "/CN=cn-only.example.com" -out "$work/nosan.csr" 2>/dev/null
openssl ca -batch -config "$work/ca.cnf" -cert ca.crt.pem -keyfile ca.key.pem -extensions leaf \
  -startdate 20200101000000Z -enddate 21260101000000Z -in "$work/nosan.csr" -out "$work/nosan.full" 2>/dev/null
openssl x509 -in "$work/nosan.full" -out nosan.crt.pem
# selfsign NAME CN START END SANS: a self-signed certificate for rsa.key.pem (no CA needed), explicit dates.
selfsign() {
  openssl req -new -key rsa.key.pem -subj "/CN=$2" -addext "subjectAltName=$5" -out "$work/$1.csr" 2>/dev/null
  openssl ca -batch -selfsign -config "$work/ca.cnf" -keyfile rsa.key.pem -extensions leaf \
    -startdate "$3" -enddate "$4" -in "$work/$1.csr" -out "$work/$1.full" 2>/dev/null
  openssl x509 -in "$work/$1.full" -out "$1.crt.pem"
}
selfsign doc-expiring httpbin.example.com 20200101000000Z 20270115000000Z "DNS:httpbin.example.com"
rm -f expired.key.pem future.key.pem long.key.pem nosan.key.pem ca.key.pem
