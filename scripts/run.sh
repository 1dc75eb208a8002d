#!/usr/bin/env bash
# The single entry behind the npm scripts: `bash scripts/run.sh <entry> [args…]`.
# Makes the checkout runnable (npm ci when node_modules is missing or stale, Prisma's schema-engine wasm,
# `prisma generate` when the schema changed, swc build to dist/), then runs `node dist/<entry>.js args…`.
# Services (Postgres, Redis) are provided by the node side: scripts/lib/services.ts.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
entry="${1:-}"
if [ -z "$entry" ]; then
  echo "usage: bash scripts/run.sh <entry> [args…]   (runs dist/<entry>.js, e.g. scripts/test)" >&2
  exit 2
fi
shift
[ "${1:-}" = "--" ] && shift # `run.sh <entry> -- args` = `run.sh <entry> args`
entry="${entry%.ts}"
entry="${entry%.js}"

say() { printf '› %s\n' "$*" >&2; }
die() { printf '✖ %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || die "Node.js 20.19+ is required but \`node\` is not on PATH (see https://nodejs.org)."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  die "Node.js 20.19+ is required, found $(node --version)."

mkdir -p .data
# One preparation at a time per checkout (parallel runs would race on node_modules and dist/).
locked=no
if command -v flock >/dev/null 2>&1; then
  exec 9>.data/prepare.lock
  flock 9
  locked=yes
fi

# 1. npm dependencies: (re)install when node_modules is missing or older than package-lock.json.
stamp=node_modules/.run-sh-lock-checksum
lock_sum="$(cksum <package-lock.json)"
need_install=no
if [ ! -d node_modules ]; then
  need_install=yes
elif [ -f "$stamp" ]; then
  [ "$(cat "$stamp")" = "$lock_sum" ] || need_install=yes
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  need_install=yes
fi
if [ "$need_install" = yes ]; then
  command -v npm >/dev/null 2>&1 || die "npm is required to install dependencies but is not on PATH."
  say "installing npm dependencies (npm ci)"
  start=$SECONDS
  npm ci --no-audit --no-fund --loglevel=error >&2 ||
    die "npm ci failed: package-lock.json must match package.json and list every platform's optional packages (npm install --package-lock-only rewrites it)."
  say "dependencies installed in $((SECONDS - start)) s"
fi
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ] || printf '%s' "$lock_sum" >"$stamp"

# 2. Prisma's WebAssembly schema engine: @prisma/internals loads it from its build/ folder, which npm leaves empty.
wasm_src=node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm
wasm_dst=node_modules/@prisma/internals/build/schema_engine_bg.wasm
if [ -f "$wasm_src" ] && [ -d node_modules/@prisma/internals ] && ! cmp -s "$wasm_src" "$wasm_dst" 2>/dev/null; then
  mkdir -p "$(dirname "$wasm_dst")"
  cp "$wasm_src" "$wasm_dst"
fi

# 3. Prisma client: regenerate when the schema (or config, or the installed packages) changed.
if [ -e prisma/schema.prisma ]; then
  gen_stamp=prisma/generated/.generated-from-schema
  if [ ! -f "$gen_stamp" ] || [ -n "$(find prisma/schema.prisma prisma.config.ts "$stamp" -newer "$gen_stamp" 2>/dev/null | head -n1)" ]; then
    say "generating the Prisma client"
    # Generation is WebAssembly; the CLI only checks that a schema engine binary exists (it cannot be
    # downloaded offline), so point it at the wasm engine's file when none is configured.
    export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/$wasm_src}"
    export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
    node node_modules/prisma/build/index.js generate >&2 || die "prisma generate failed (see above)."
    mkdir -p prisma/generated
    touch "$gen_stamp"
  fi
fi

# 4. Build: swc compiles all TypeScript to dist/ (`npm run build`, a second or two; tsc only type-checks).
npm run --silent build:server >&2 || die "the swc build failed (see above)."

if [ "$locked" = yes ]; then exec 9>&-; fi

[ -f "dist/$entry.js" ] || die "dist/$entry.js does not exist: is there a $entry.ts?"
exec node --enable-source-maps "dist/$entry.js" "$@"
