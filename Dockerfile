# One image for every service; docker-compose.yml and deploy/k8s pick the entry point.
# Node 22 is a supported LTS line; the image runs compiled JavaScript with production
# dependencies only: no TypeScript, no test tools, no embedded PostgreSQL, no dev key, and
# no development package (@qn/dev) or generated data (scripts/release.sh leaves them out).
FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && scripts/release.sh /app

FROM node:22-bookworm-slim AS runtime-deps
WORKDIR /app
COPY --from=build /app ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:22-bookworm-slim
WORKDIR /app
COPY --from=runtime-deps --chown=root:root /app ./
ENV NODE_ENV=production HOST=0.0.0.0 PROBE_PORT=4000
USER node
EXPOSE 4000
# Ready when the service can serve (/ready); compose and Kubernetes set PROBE_PORT per service.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://localhost:'+process.env.PROBE_PORT+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "gateway/src/index.js"]
