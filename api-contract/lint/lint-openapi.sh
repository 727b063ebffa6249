#!/usr/bin/env bash
# Lints the services' OpenAPI documents as partners get them (run by Maven in module api-contract, test phase).
#   lint-openapi.sh <tools-dir> <openapi.json>...
# Installs the linters pinned in package-lock.json into <tools-dir> (npm ci, once per lock file), then runs
# Redocly's recommended-strict rules (recommended, warnings as errors) and Spectral's spectral:oas with the exceptions
# written in openapi-ruleset.yaml, failing on any error or warning.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$1"; shift
docs=("$@")

fail() { echo "api-contract: $*" >&2; exit 1; }

command -v node >/dev/null && command -v npm >/dev/null || fail "Node.js (20.19 or newer) and npm are required to lint the OpenAPI documents.
  Install them (Debian: apt-get install nodejs npm), or skip all tests with -DskipTests."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || fail "Node.js 20.19 or newer is required to lint the OpenAPI documents (found $(node --version))."
for doc in "${docs[@]}"; do
  [ -s "$doc" ] || fail "$doc is missing: it is written when its service is packaged (quarkus.smallrye-openapi.store-schema-directory)."
done

mkdir -p "$tools"
if ! cmp -s "$here/package-lock.json" "$tools/package-lock.json" || [ ! -d "$tools/node_modules" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$tools/"
  echo "api-contract: installing the pinned linters (npm ci)"
  (cd "$tools" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error) || fail "npm ci failed (see above)"
fi

# No telemetry or update checks from the linters (closed networks, reproducible output).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1 SCARF_ANALYTICS=false

status=0
echo "api-contract: Redocly lint (recommended-strict) on ${#docs[@]} documents"
out=$("$tools/node_modules/.bin/redocly" lint --extends recommended-strict --format stylish "${docs[@]}" 2>&1) || status=1
printf '%s\n' "$out" | grep -v '[║╔╚]' | grep -v '^ *$' || true  # (drops the Node.js deprecation banner)
echo "api-contract: Spectral lint (spectral:oas + openapi-ruleset.yaml) on ${#docs[@]} documents"
"$tools/node_modules/.bin/spectral" lint --ruleset "$here/openapi-ruleset.yaml" --fail-severity warn --format text "${docs[@]}" \
  || status=1
echo
[ "$status" = 0 ] || fail "the OpenAPI documents are not lint-clean (see above; rules: docs/api-conventions.md)"
echo "api-contract: the ${#docs[@]} OpenAPI documents are lint-clean (Redocly recommended-strict, Spectral spectral:oas)"
