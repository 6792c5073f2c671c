export type { AppOptions } from "./app-options.ts";
export { createApp } from "./create-app.ts";
export { type ErrorBody, errorHandler, notFoundHandler, toAppError } from "./error-handler.ts";
export type { HealthBody } from "./routes/health.ts";
export type { SearchBody, SearchHit } from "./routes/search.ts";
