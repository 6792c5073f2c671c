import { AppError } from "../core/app-error.ts";
import { readConfig } from "../core/config.ts";
import { createLogger } from "../core/logger.ts";
import { startServer } from "../server/start-server.ts";

const fail = (error: unknown): never => {
  const message = error instanceof AppError ? error.message : `Unexpected error: ${String(error)}`;
  process.stderr.write(`learning-cities-search could not start.\n${message}\n`);
  process.exit(1);
};

const main = async () => {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const running = await startServer(config, logger);
  process.stderr.write(`\nLearning Cities Search is running at ${running.url}\n\n`);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown).once("SIGTERM", shutdown).once("SIGHUP", shutdown);
};

main().catch(fail);
