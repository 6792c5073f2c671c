import { describe, expect, it } from "vitest";
import { cityId } from "../../indexer/city-id.ts";

describe("cityId", () => {
  it("slugs city and country into lowercase ASCII joined by dashes", () => {
    expect(cityId("Villa María", "Argentina")).toBe("villa-maria-argentina");
    expect(cityId("Sønderborg", "Denmark")).toBe("sonderborg-denmark");
    expect(cityId("Namyangju", "Republic of Korea")).toBe("namyangju-republic-of-korea");
  });

  it("gives the same id whatever the spacing or case of the input", () => {
    expect(cityId("  Cork ", "IRELAND")).toBe(cityId("Cork", "Ireland"));
  });

  it("tells apart cities of the same name in different countries", () => {
    expect(cityId("Santa Cruz", "Bolivia")).not.toBe(cityId("Santa Cruz", "Spain"));
  });

  it("names cities the slug cannot spell by a hash, so that two of a country never share an id", () => {
    const beijing = cityId("北京", "China");
    expect(beijing).toMatch(/^[0-9a-f]{10}-china$/);
    expect(cityId("上海", "China")).not.toBe(beijing);
    expect(cityId("北京", "China")).toBe(beijing);
  });

  it("reads fullwidth letters as the letters they stand for", () => {
    expect(cityId("Ｅspoo", "Finland")).toBe("espoo-finland");
  });
});
