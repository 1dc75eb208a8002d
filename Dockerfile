# syntax=docker/dockerfile:1.7
# One image, four entry points (docker-compose.yml runs each as a service):
#   docker run IMAGE                                             → API         (port 3000)
#   docker run IMAGE node dist/apps/worker/src/main.js           → worker      (health/metrics port 3001)
#   docker run IMAGE node dist/scripts/db-migrate.js             → apply prisma/migrations, exit
#   docker run IMAGE node dist/apps/cli/src/main.js <command>    → admin CLI
# Configuration is the environment (docs/configuration.md); a bad or missing variable exits 1 naming it.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Everything needed to build (dev dependencies included).
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

# Prisma client generation and the swc build to dist/.
FROM deps AS build
COPY . .
RUN npm run prisma:generate && npm run build

# Production dependencies only, installed clean (no dev leftovers from a prune).
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma/migrations ./prisma/migrations
# The migration engine (WASM) is put where @prisma/internals looks for it now, as root, so the app
# files stay read-only for the runtime user and `db-migrate` needs no write access.
RUN node --input-type=module -e "(await import('./dist/scripts/lib/migrations.js')).ensureSchemaEngineWasm()"
USER node
EXPOSE 3000 3001
# The processes handle SIGTERM themselves (graceful shutdown, docs/operations.md); run with an init
# (compose `init: true`, `docker run --init`) so PID 1 forwards signals and reaps zombies.
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]
