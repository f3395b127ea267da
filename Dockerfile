# One image for every service; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/common/package.json packages/common/
COPY gateway/package.json gateway/
COPY subgraphs/labour/package.json subgraphs/labour/
COPY subgraphs/police/package.json subgraphs/police/
COPY subgraphs/health/package.json subgraphs/health/
COPY subgraphs/education/package.json subgraphs/education/
COPY subgraphs/information/package.json subgraphs/information/
RUN npm ci --omit=dev --no-audit --no-fund && npm install --no-save @swc-node/register@1.11.1 @swc/core@1.15.8
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0
USER node
