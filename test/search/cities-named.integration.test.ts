import { describe, expect, it } from "vitest";
import { citiesNamed } from "../../search/cities-named.ts";
import { useSharedSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSharedSeededApp();

describe("citiesNamed", () => {
  it("finds the city a shortened id names", async () => {
    const [first] = await citiesNamed(seeded.client, seeded.indexName, "espoo");
    expect(first).toEqual({ id: "espoo-finland", city: "Espoo", country: "Finland" });
  });

  it("tolerates a typo in the id's words", async () => {
    const found = await citiesNamed(seeded.client, seeded.indexName, "sonderborg-denmrk");
    expect(found.map((city) => city.id)).toContain("sonderborg-denmark");
  });

  it("offers nothing for an id of no words, or of words no name holds", async () => {
    expect(await citiesNamed(seeded.client, seeded.indexName, "--")).toEqual([]);
    expect(await citiesNamed(seeded.client, seeded.indexName, "atlantis-nowhere")).toEqual([]);
  });
});
