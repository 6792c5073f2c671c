import { describe, expect, it } from "vitest";
import type { SearchResult } from "../../search/result-schemas.ts";
import { useSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSeededApp("typo-highlights");

const search = async (query: string) =>
  (await (await seeded.app.request(`/api/search${query}`)).json()) as SearchResult;

const page = async (query: string) => (await seeded.app.request(`/${query}`)).text();

/** The part of a page that shows one city's result. */
const resultOf = (html: string, city: string) =>
  html.split('<li class="result">').find((item) => item.includes(`>${city}<`)) ?? "";

describe("highlights of typo matches", () => {
  it.each(["keyword", "hybrid"])(
    "marks the theme label a typo matched: digtal finds Chengdu by Digital learning (%s)",
    async (mode) => {
      const body = await search(`?q=digtal&mode=${mode}&explain=1`);
      const chengdu = body.hits.find((hit) => hit.city === "Chengdu");
      expect(chengdu?.highlights.themes).toEqual(["digital-learning"]);
      expect(chengdu?.why?.words).toBe(true);
    },
  );

  it("shows the matched theme marked on the page, and the typo in the snippet as a whole word", async () => {
    const html = await page("?q=digtal");
    expect(resultOf(html, "Chengdu")).toContain("<mark>Digital learning</mark>");
    expect(resultOf(html, "Chengdu")).not.toContain("Found by meaning");
    expect(resultOf(html, "Beijing")).toContain("<mark>digital</mark> network platform");
  });

  it("marks a city's name matched with a typo", async () => {
    const body = await search("?q=sonderbrog&mode=keyword");
    expect(body.hits[0]?.highlights.city).toBe("<mark>Sønderborg</mark>");
    expect(resultOf(await page("?q=sonderbrog"), "<mark>Sønderborg</mark>")).toContain(
      'href="/city/sonderborg-denmark',
    );
  });

  it("escapes the highlighted name: only <mark> is markup in it", async () => {
    const body = await search("?q=beijing");
    for (const hit of body.hits)
      expect(hit.highlights.city.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });
});
