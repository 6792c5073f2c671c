export type { AppOptions } from "./app-options.ts";
export { createApp } from "./create-app.ts";
export { type ErrorBody, errorHandler, notFoundHandler, toAppError } from "./error-handler.ts";
export type { HealthBody } from "./routes/health.ts";
export type { SearchBody } from "./routes/search.ts";
export type { SearchHit, SearchResult } from "./search/search-cities.ts";
