import { createServer } from "node:net";

/**
 * Asks the OS for a TCP port that is free on `host` right now.
 *
 * @example
 * const port = await findFreePort("127.0.0.1");
 */
export const findFreePort = (host = "127.0.0.1"): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
