import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { type ApiLoadResult, formatApiLoad } from "./api-load.ts";
import { formatIndexBuild, type IndexBuildResult } from "./index-build.ts";
import { formatScale, QUICK_DOCS, type ScaleResult } from "./scale.ts";
import { scalePlotSvg, scalePoints } from "./scale-plot.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean" },
    docs: { type: "string" },
    json: { type: "string" },
    svg: { type: "string" },
  },
});
const docs = values.docs ?? (values.quick ? String(QUICK_DOCS) : undefined);

let current: ChildProcess | undefined;

/**
 * Runs one bench file in a child Node (with this process's tsx loader) and returns the JSON it
 * prints. A fresh process per bench keeps one bench's memory and warm code out of the other's
 * figures; its progress goes to stderr.
 */
const runBench = <T>(script: string, nodeFlags: string[] = [], args: string[] = []): Promise<T> =>
  new Promise((resolve, reject) => {
    const argv = [...process.execArgv, ...nodeFlags, script, "--json", ...args];
    const child = spawn(process.execPath, argv, {
      stdio: ["ignore", "pipe", "inherit"],
    });
    current = child;
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.once("error", reject);
    child.once("close", (code, signal) => {
      current = undefined;
      if (code !== 0) {
        reject(new Error(`${script} failed (${signal ?? `exit code ${code}`})`));
        return;
      }
      try {
        resolve(JSON.parse(output.trim().split("\n").at(-1) ?? "") as T);
      } catch (error) {
        reject(new Error(`${script} printed no JSON result`, { cause: error }));
      }
    });
  });

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    // The child closes its own server on the signal; wait for it, then leave.
    if (current) current.once("close", () => process.exit(130)).kill(signal);
    else process.exit(130);
  });

const started = performance.now();
process.stderr.write("[bench] index build (fresh process, --expose-gc)\n");
const build = await runBench<IndexBuildResult>("bench/index-build.ts", ["--expose-gc"]);
process.stderr.write("[bench] scale: synthetic corpus, enrich, ingest, memory (fresh process)\n");
const scale = await runBench<ScaleResult>("bench/scale.ts", [], docs ? ["--docs", docs] : []);
process.stderr.write("[bench] API load (fresh process)\n");
const api = await runBench<ApiLoadResult>("bench/api-load.ts");
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (values.json)
  writeFileSync(values.json, `${JSON.stringify({ ...scale, indexBuild: build, api }, null, 2)}\n`);
if (values.svg) writeFileSync(values.svg, scalePlotSvg(scalePoints([scale])));

process.stdout.write(
  [
    `## Benchmarks, ${new Date().toISOString().slice(0, 10)}`,
    `Node ${process.version}, ${cpus().length} cores, ${seconds} s in all. Compare ratios across runs, not absolute figures.`,
    "### Index build",
    formatIndexBuild(build),
    "### Scale (synthetic corpus)",
    formatScale(scale),
    "### API load",
    formatApiLoad(api),
    "",
  ].join("\n\n"),
);
