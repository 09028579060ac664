# syntax=docker/dockerfile:1
# The bot in a container: Debian slim, Node 22, runs as the unprivileged `node` user.
#   docker build -t tenmien-bot .
#   docker run -d --name tenmien-bot -v tenmien-data:/var/lib/bot --env-file .env -p 127.0.0.1:9464:9464 tenmien-bot
# The SQLite file, the Zalo login and the Zalo QR code live in the volume /var/lib/bot.
# README "Deploy" explains every step; compose.yaml runs two replicas on PostgreSQL.

# --- build: compile better-sqlite3 and the TypeScript -----------------------------------------
FROM node:22-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# --- run: only what the bot needs -----------------------------------------------------------------
FROM node:22-bookworm-slim
# DejaVu Sans draws the Vietnamese text of the /stats charts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=9464 \
    DATABASE_PATH=/var/lib/bot/bot.sqlite \
    ZALO_SESSION_PATH=/var/lib/bot/zalo-session.json \
    ZALO_QR_PATH=/var/lib/bot/zalo-login-qr.png
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Staff-editable facts and every text; data/ and locales/ are read next to dist/.
COPY data ./data
COPY locales ./locales
RUN mkdir -p /var/lib/bot && chown node:node /var/lib/bot
USER node
VOLUME ["/var/lib/bot"]
# 9464: /healthz, /readyz, /metrics (and webhooks that share it); 8080: Telegram webhook.
EXPOSE 9464 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || '9464') + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
