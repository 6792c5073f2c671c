import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import type { Hono } from "hono";
import { clientErrorHandler } from "../api/error-handler.ts";
import { AppError } from "../core/app-error.ts";

export type Listening = { url: string; close: () => Promise<void> };

/**
 * Serves `app` on `host:port` (port 0 picks a free one) and resolves once it listens.
 * Rejects with an `AppError` (code `listen_failed`) when the address cannot be used.
 *
 * @example
 * const { url, close } = await listen(app, "127.0.0.1", 3000);
 */
export const listen = (app: Hono, host: string, port: number): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const server: ServerType = serve(
      { fetch: app.fetch, hostname: host, port },
      (info: AddressInfo) => {
        const close = () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ("closeAllConnections" in server) server.closeAllConnections();
          });
        resolve({ url: `http://${host}:${info.port}`, close });
      },
    );
    // Requests Node's parser refuses (a URL or headers too large) get the JSON error body too.
    server.on("clientError", clientErrorHandler);
    server.once("error", (error) =>
      reject(
        new AppError("listen_failed", `Cannot listen on ${host}:${port}: ${error.message}`, {
          cause: error,
        }),
      ),
    );
  });
