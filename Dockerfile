# syntax=docker/dockerfile:1.7
# One image, three entry points: api (default), worker, github-sim.
#   docker run IMAGE                                   → API
#   docker run IMAGE node dist/apps/worker/src/main.js → worker
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN PRISMA_SCHEMA_ENGINE_BINARY=node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm \
      CHECKPOINT_DISABLE=1 npx prisma generate \
 && npm run build \
 && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/prisma ./prisma
USER node
EXPOSE 3000 3001
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]
