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
});
