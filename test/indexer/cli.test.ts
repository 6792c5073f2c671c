import { execFile } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import type { CityDocument } from "../../core/city-document.ts";
import { readConfig } from "../../core/config.ts";
import { type CliIo, runIndexCli } from "../../indexer/cli.ts";
import { connectMeili } from "../../meili/connect-meili.ts";
import { countDocuments } from "../../meili/count-documents.ts";
import { databasePath } from "../../meili/embedded-meili.ts";
import { findMeiliProcesses } from "../../meili/process-identity.ts";
import { silentLogger, testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";
import { fixture, SEED_FILE } from "../helpers/seed.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const tempDir = useTempDir();

/**
 * Two of the seed's records (Villa María, Cork; see the file's preamble). The CLI runs the whole
 * pipeline at every call, so only the test of the seed's documents reads all 12: the others run
 * on these two, which are enough to build, change, drop and explain a city.
 */
const TWO_CITIES = fixture("listing-two-cities.txt");

const run = async (argv: string[], env: Record<string, string> = {}) => {
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    isTty: false,
  };
  const code = await runIndexCli(argv, io, { ...env, LOG_LEVEL: "silent" });
  return { code, ...out };
};

const readNdjson = (file: string): CityDocument[] =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as CityDocument);

describe("npm run index --dry-run", () => {
  it("writes the seed's 12 documents as NDJSON with countries and all three sections", async () => {
    const out = join(tempDir(), "seed.ndjson");
    const { code, stderr } = await run(["--dry-run", "--out", out, SEED_FILE]);
    expect(code).toBe(0);
    expect(stderr).toContain("read 12, 12 built (dry run), 0 unchanged, 0 skipped");
    const documents = readNdjson(out);
    expect(documents.map((d) => d.countryCode)).toEqual([
      "CN",
      "AR",
      "BR",
      "DK",
      "CN",
      "CN",
      "CN",
      "AM",
      "BG",
      "FI",
      "KR",
      "IE",
    ]);
    for (const document of documents) {
      expect(document.themeTags.length, document.id).toBeGreaterThan(0);
      expect(document.themeTags[0]?.evidence.length, document.id).toBeGreaterThan(0);
      expect(document.sections.vision, document.id).not.toBe("");
      expect(document.sections.challenges, document.id).not.toBe("");
      expect(document.sections.plan, document.id).not.toBe("");
    }
  });

  it("runs as the README says, through npm, and writes nothing but the file", async () => {
    const out = join(tempDir(), "two.ndjson");
    const exec = promisify(execFile);
    const args = [
      "run",
      "--silent",
      "index",
      "--",
      "--dry-run",
      "--out",
      out,
      "test/fixtures/listing-two-cities.txt",
    ];
    const { stdout } = await exec("npm", args, { env: { ...process.env, LOG_LEVEL: "silent" } });
    expect(stdout).toBe("");
    expect(readNdjson(out).map((d) => d.id)).toEqual(["villa-maria-argentina", "cork-ireland"]);
  });

  it("prints the documents to stdout when no --out is given", async () => {
    const { code, stdout } = await run(["--dry-run", TWO_CITIES]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as CityDocument).city)).toEqual([
      "Villa María",
      "Cork",
    ]);
  });

  it("exits 1 and says why when no source holds a usable record", async () => {
    const empty = join(tempDir(), "empty.txt");
    writeFileSync(empty, "");
    const { code, stderr } = await run(["--dry-run", empty]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/warning: .*empty\.txt: empty file/);
    expect(stderr).toContain("read 0, 0 built (dry run)");
  });

  it("exits 0 when one source is bad and another is good, reporting the bad one", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "broken.json"), "{ not json");
    copyFileSync(TWO_CITIES, join(dir, "two.txt"));
    const { code, stderr } = await run(["--dry-run", "--out", join(tempDir(), "out.ndjson"), dir]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: .*broken\.json: not valid JSON/);
    expect(stderr).toContain("read 2, 2 built");
  });

  it("rejects an unknown option with exit code 2 and the usage", async () => {
    const { code, stderr } = await run(["--frobnicate"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: npm run index");
  });

  it.each([
    [["--out", "x.ndjson", "data"], "--out writes the documents of a dry run"],
    [["--offline", "--refresh", "data"], "--offline reads crawled pages from the cache only"],
  ])(
    "refuses %j, options that contradict each other, with exit code 2 and why",
    async (argv, why) => {
      const { code, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stderr).toContain(`error: ${why}`);
      expect(stderr).toContain("Usage: npm run index");
    },
  );

  it("refuses an --out that is one of the sources, leaving the source as it was", async () => {
    const source = join(tempDir(), "two.txt");
    copyFileSync(TWO_CITIES, source);
    const { code, stderr } = await run(["--dry-run", "--out", source, source]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `--out ${source} would overwrite the source ${source} before it is read`,
    );
    expect(readFileSync(source, "utf8")).toBe(readFileSync(TWO_CITIES, "utf8"));
  });

  it("refuses an --out inside a source directory, which the run would read", async () => {
    const dir = tempDir();
    copyFileSync(TWO_CITIES, join(dir, "two.txt"));
    const { code, stderr } = await run(["--dry-run", "--out", join(dir, "out.ndjson"), dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(`lies in the source directory ${dir}, which the run reads`);
  });

  it("names a site profile's unknown selector and the ones it may hold", async () => {
    const profile = join(tempDir(), "profile.json");
    writeFileSync(profile, JSON.stringify({ record: ".card", titel: "h2" }));
    const { code, stderr } = await run(["--dry-run", "--profile", profile, TWO_CITIES]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `error: --profile ${profile}: no selector is called titel: record (required), title, country, label, body\n`,
    );
  });

  it("explains a city's themes with scores and evidence for --explain, found without diacritics", async () => {
    const { code, stdout } = await run(["--explain", "villa maria", TWO_CITIES]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Villa María \(Argentina\): \d+ themes/);
    expect(stdout).toMatch(
      /sustainability +\d+\.\d\d +"sustainab[a-z]*" \((tagline|intro|vision|challenges|plan)\)/,
    );
    expect(stdout).toContain("keyphrases: ");
  });

  it("exits 1 for --explain of a city the sources do not hold, naming those they do", async () => {
    const { code, stderr } = await run(["--explain", "Atlantis", TWO_CITIES]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no city "Atlantis".*Villa María, Cork/);
  });

  it("prints the usage for --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--dry-run");
  });
});

describe("npm run index into Meilisearch", () => {
  const meiliEnv = (indexName: string) => ({
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliKey"),
    MEILI_INDEX: indexName,
  });

  // Six runs of the indexer, each waiting on the shared Meilisearch, whose one task queue the
  // integration files use at the same time: 10 s alone, over 30 s on a loaded machine.
  it("sends only changed documents, and with --full deletes those no source holds", {
    timeout: 90_000,
  }, async () => {
    const env = meiliEnv(uniqueIndexName("cli"));
    const dir = tempDir();
    const listing = join(dir, "listing.txt");
    copyFileSync(TWO_CITIES, listing);

    expect((await run([listing], env)).stderr).toContain("read 2, 2 indexed, 0 unchanged");
    expect((await run([listing], env)).stderr).toContain("read 2, 0 indexed, 2 unchanged");

    const two = readFileSync(TWO_CITIES, "utf8");
    writeFileSync(listing, two.replace("Its rich agricultural land", "Its fertile land"));
    expect((await run([listing], env)).stderr).toContain("read 2, 1 indexed, 1 unchanged");

    const withoutCork = two.replace(
      /UNESCO Global Network of Learning cities\nCork\n.*\nIreland\n/,
      "",
    );
    writeFileSync(listing, withoutCork);
    expect((await run([listing], env)).stderr).toContain("0 deleted");
    expect((await run(["--full", listing], env)).stderr).toContain(
      "read 1, 1 indexed, 0 unchanged, 0 skipped, 1 deleted",
    );

    const index = testMeiliClient().index(env.MEILI_INDEX);
    expect((await index.getStats()).numberOfDocuments).toBe(1);

    writeFileSync(listing, "");
    const refused = await run(["--full", listing], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Refusing to rebuild the index from no documents/);
    expect((await index.getStats()).numberOfDocuments).toBe(1);
    await testMeiliClient().deleteIndex(env.MEILI_INDEX).waitTask();
  });
});

describe("npm run index while npm start runs on the same data directory", () => {
  it("indexes into the app's Meilisearch instead of starting a second one on its database", async () => {
    const dataDir = join(tempDir(), "meili");
    const env = { MEILI_DATA_DIR: dataDir, MEILI_INDEX: "cities" };
    const app = await connectMeili(readConfig(env), silentLogger);
    try {
      const { code, stderr } = await run([TWO_CITIES], env);
      expect(stderr).toContain("read 2, 2 indexed");
      expect(code).toBe(0);
      expect(await countDocuments(app.client, "cities")).toBe(2);
      expect(findMeiliProcesses(databasePath(dataDir))).toEqual([app.embedded?.pid()]);
    } finally {
      await app.close();
    }
  });
});
