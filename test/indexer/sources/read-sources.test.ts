import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ParsedSource } from "../../../indexer/extract/raw-record.ts";
import { type ReadOptions, readSources } from "../../../indexer/sources/read-sources.ts";
import { fixture } from "../../helpers/seed.ts";
import { useTempDir } from "../../helpers/temp-dir.ts";

// readFile is spied on to show that a file over the size limit is never loaded.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const tempDir = useTempDir();
const MB = 1024 * 1024;

const cities = (parsed: ParsedSource) => parsed.records.map((record) => record.city);
const record = (city: string, country: string) => JSON.stringify({ city, country, text: city });

/** Writes files (by path relative to `dir`, directories made as needed) and returns `dir`. */
const writeTree = (dir: string, files: Record<string, string | Buffer>) => {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
};

describe("readSources on files and directories", () => {
  it("reads a directory recursively in name order, numbers in names by their value", async () => {
    const dir = writeTree(tempDir(), {
      "z-last.json": record("Cork", "Ireland"),
      "pages/page-10.ndjson": `${record("Plovdiv", "Bulgaria")}\n${record("Dilijan", "Armenia")}`,
      "pages/page-2.json": record("Espoo", "Finland"),
      "a-first.json": record("Beijing", "China"),
    });
    const seen: string[] = [];
    const parsed = await readSources([dir], { onSource: (location) => seen.push(location) });
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual(["Beijing", "Espoo", "Plovdiv", "Dilijan", "Cork"]);
    expect(seen).toEqual(
      ["a-first.json", "pages/page-2.json", "pages/page-10.ndjson", "z-last.json"].map((name) =>
        join(dir, name),
      ),
    );
  });

  it("skips hidden files and hidden directories", async () => {
    const dir = writeTree(tempDir(), {
      "cities.json": record("Espoo", "Finland"),
      ".draft.json": record("Atlantis City", "Atlantis"),
      ".git/objects/info.json": "not a source",
      ".DS_Store": Buffer.from([0x00, 0x00, 0x00, 0x01, 0x42, 0x75, 0x64, 0x31]),
    });
    const parsed = await readSources([dir]);
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual(["Espoo"]);
  });

  it("reads a single file, located relative to the working directory when inside it", async () => {
    const parsed = await readSources([fixture("json/array.json")]);
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual(["Espoo", "Cork"]);
    expect(parsed.records[0]?.location).toBe("test/fixtures/json/array.json");
  });

  it("locates a file outside the working directory by its absolute path", async () => {
    const file = join(writeTree(tempDir(), { "one.json": record("Cork", "Ireland") }), "one.json");
    const parsed = await readSources([file]);
    expect(parsed.records[0]?.location).toBe(file);
  });

  it("takes each record's retrievedAt from its file's modification time", async () => {
    const file = join(writeTree(tempDir(), { "one.json": record("Cork", "Ireland") }), "one.json");
    const modified = new Date("2024-05-06T07:08:09.000Z");
    utimesSync(file, modified, modified);
    const parsed = await readSources([file]);
    expect(parsed.records[0]?.retrievedAt).toBe("2024-05-06T07:08:09.000Z");
  });

  it("reports a missing path as a problem instead of throwing, and reads the other sources", async () => {
    const missing = join(tempDir(), "no-such-dir");
    const parsed = await readSources([missing, fixture("json/array.json")]);
    expect(cities(parsed)).toEqual(["Espoo", "Cork"]);
    expect(parsed.problems).toEqual([
      { source: missing, message: expect.stringMatching(/^cannot read: ENOENT/) },
    ]);
  });

  it("reports a dangling symlink in a directory and still reads the files after it", async () => {
    const dir = writeTree(tempDir(), { "b.json": record("Cork", "Ireland") });
    symlinkSync(join(dir, "gone.json"), join(dir, "a-link.json"));
    const parsed = await readSources([dir]);
    expect(cities(parsed)).toEqual(["Cork"]);
    expect(parsed.problems).toEqual([
      { source: join(dir, "a-link.json"), message: expect.stringMatching(/^cannot read: ENOENT/) },
    ]);
  });

  it("reads each file once when a symlink loops back to a directory above it", async () => {
    const dir = writeTree(tempDir(), { "data/cities.json": record("Espoo", "Finland") });
    symlinkSync(join(dir, "data"), join(dir, "data", "loop"));
    const parsed = await readSources([join(dir, "data")]);
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual(["Espoo"]);
  });
});

describe("readSources on bad input", () => {
  const HUGE_BYTES = 50 * MB;

  /** A directory of every kind of bad file next to a good one, in name order a-… to h-…. */
  const badDirectory = () => {
    const dir = writeTree(tempDir(), {
      "b-windows-1252.txt": Buffer.from("Villa Mar\xeda\nArgentina\n", "latin1"),
      "c-empty.json": "",
      "d-blank.ndjson": "\n   \n\t\n",
    });
    copyFileSync(fixture("json/array.json"), join(dir, "a-good.json"));
    writeFileSync(join(dir, "e-huge.ndjson"), "");
    truncateSync(join(dir, "e-huge.ndjson"), HUGE_BYTES);
    copyFileSync(fixture("listing-site/no-results.html"), join(dir, "f-no-results.html"));
    copyFileSync(fixture("listing-truncated.txt"), join(dir, "g-listing-truncated.txt"));
    copyFileSync(fixture("json/truncated.json"), join(dir, "h-truncated.json"));
    return dir;
  };

  it("gives each bad file a clear problem and still reads the good records", async () => {
    const dir = badDirectory();
    const parsed = await readSources([dir]);
    const at = (name: string) => join(dir, name);
    expect(parsed.records.map((r) => [r.city, r.location])).toEqual([
      ["Espoo", at("a-good.json")],
      ["Cork", at("a-good.json")],
      ["Espoo", at("g-listing-truncated.txt")],
    ]);
    expect(parsed.problems).toEqual([
      { source: at("b-windows-1252.txt"), message: expect.stringMatching(/^not valid UTF-8/) },
      { source: at("c-empty.json"), message: "empty file: nothing to read" },
      { source: at("d-blank.ndjson"), message: "empty file: only white space" },
      { source: at("e-huge.ndjson"), message: expect.stringMatching(/^too large: 50\.0 MB/) },
      { source: at("f-no-results.html"), message: expect.stringMatching(/no city records/) },
      {
        source: at("g-listing-truncated.txt"),
        position: "line 11",
        message: expect.stringMatching(/^incomplete record/),
      },
      { source: at("g-listing-truncated.txt"), message: expect.stringMatching(/truncated/) },
      { source: at("h-truncated.json"), message: expect.stringMatching(/^not valid JSON at line/) },
    ]);
  });

  it("reports a 50 MB file as too large, quickly and without loading it", async () => {
    const huge = join(writeTree(tempDir(), {}), "huge.ndjson");
    writeFileSync(huge, "");
    truncateSync(huge, HUGE_BYTES);
    vi.mocked(readFile).mockClear();
    const parsed = await readSources([huge]);
    expect(parsed.problems).toEqual([
      {
        source: huge,
        message: expect.stringMatching(/^too large: 50\.0 MB .*more than the 20\.0 MB limit/),
      },
    ]);
    expect(vi.mocked(readFile)).not.toHaveBeenCalled();
  });

  it("reads the files of a directory that holds a 50 MB file, loading only those", async () => {
    const dir = badDirectory();
    vi.mocked(readFile).mockClear();
    await readSources([dir]);
    const loaded = vi.mocked(readFile).mock.calls.map(([path]) => String(path));
    expect(loaded).toContain(join(dir, "a-good.json"));
    expect(loaded).not.toContain(join(dir, "e-huge.ndjson"));
  });
});

describe("readSources on http sources", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
    );
  });

  /** Serves the two-page listing fixture on 127.0.0.1; other paths (robots.txt too) are 404. */
  const serveListing = async () => {
    const pages: Record<string, string> = {
      "/en/learning-cities": readFileSync(fixture("listing-site/page-1.html"), "utf8"),
      "/en/learning-cities?page=1": readFileSync(fixture("listing-site/page-2.html"), "utf8"),
    };
    const requested: string[] = [];
    const server = createServer((request, response) => {
      const page = pages[request.url ?? ""];
      requested.push(request.url ?? "");
      response.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      response.end(page ?? "<p>Not found</p>");
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { origin: `http://127.0.0.1:${port}`, requested };
  };

  const crawlOptions = (): ReadOptions => ({
    crawl: { hostDelayMs: 0, retries: 0, cacheDir: tempDir() },
  });

  it("reads both pages of a listing linked by rel=next, each record at its page's URL", async () => {
    const { origin, requested } = await serveListing();
    const start = `${origin}/en/learning-cities`;
    const parsed = await readSources([start], crawlOptions());
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => [r.city, r.country, r.location])).toEqual([
      ["Beijing", "China", start],
      ["Villa María", "Argentina", start],
      ["Contagem", "Brazil", `${start}?page=1`],
      ["Sønderborg", "Denmark", `${start}?page=1`],
    ]);
    expect(requested.filter((path) => path.startsWith("/en/"))).toEqual([
      "/en/learning-cities",
      "/en/learning-cities?page=1",
    ]);
  });

  it("gives fetched records their profile URL and the time they were fetched", async () => {
    const { origin } = await serveListing();
    const before = new Date().toISOString();
    const parsed = await readSources([`${origin}/en/learning-cities`], crawlOptions());
    expect(parsed.records[0]?.url).toBe(`${origin}/en/articles/learning-city-beijing`);
    for (const fetched of parsed.records) {
      expect(fetched.retrievedAt >= before).toBe(true);
      expect(fetched.retrievedAt <= new Date().toISOString()).toBe(true);
    }
  });

  it("reports an unreachable URL as a problem and still reads the other sources", async () => {
    const { origin } = await serveListing();
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const url = `${origin}/en/learning-cities`;
    const parsed = await readSources([url, fixture("json/array.json")], crawlOptions());
    expect(cities(parsed)).toEqual(["Espoo", "Cork"]);
    expect(parsed.problems).toEqual([
      { source: url, message: expect.stringMatching(/unreachable.*ECONNREFUSED/) },
    ]);
  });
});
