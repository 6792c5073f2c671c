# The app image for docker compose: it talks to the Meilisearch container through MEILI_URL,
# so the embedded Meilisearch binary (an optional dependency) is removed after install.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci && rm -rf node_modules/@gaubee && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
CMD ["npx", "tsx", "bin/start.ts"]
