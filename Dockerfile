# syntax=docker/dockerfile:1
# The playground as one small image: dependencies (better-sqlite3 compiles here), the standalone
# Next.js build, then a runner with only what the server needs. Serves port 3000 as user `node`.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3 builds its native module with node-gyp when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# postinstall copies ffmpeg.wasm into public/ffmpeg.
COPY scripts/copy-ffmpeg.mjs ./scripts/copy-ffmpeg.mjs
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# prebuild fills public/ffmpeg again; next.config.ts turns NEXT_OUTPUT into output: "standalone".
RUN npm run build && test -f .next/standalone/server.js

FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000 PLAYGROUND_DATA_DIR=/app/data
# The standalone build, its traced node_modules (better-sqlite3, pg), the static files, public/
# (ffmpeg.wasm, the simulator's sample clips) and the server that runs it behind the front door
# (scripts/serve.mjs). Owned by root: the server may only write to its data folder.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/scripts/serve.mjs /app/scripts/front-door.mjs ./scripts/
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Slim images have no curl; /api/health stays open when PLAYGROUND_PASSWORD is set.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/serve.mjs"]
