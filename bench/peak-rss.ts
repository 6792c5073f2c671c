import { writeFileSync } from "node:fs";

/**
 * Preloaded into a process the scale bench measures (`node --import ./bench/peak-rss.ts …`): on
 * exit, writes the process's resident-set high-water mark in bytes to `$BENCH_PEAK_RSS_FILE`.
 */
const file = process.env.BENCH_PEAK_RSS_FILE;
if (file)
  process.once("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
