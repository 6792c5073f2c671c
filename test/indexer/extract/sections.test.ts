import { readFileSync } from "node:fs";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { type Block, extractBlocks } from "../../../indexer/extract/html-blocks.ts";
import { classifyHeading, splitSections } from "../../../indexer/extract/sections.ts";
import headingsFile from "../../../reference/section-headings.json" with { type: "json" };
import { fixture } from "../../helpers/seed.ts";

const text = (...texts: string[]): Block[] => texts.map((t) => ({ kind: "text", text: t }));
const htmlBlocks = (name: string) =>
  extractBlocks(
    load(readFileSync(fixture(`html/${name}`), "utf8"))
      .root()
      .children(),
  );

describe("splitSections on text that lost its markup", () => {
  it("splits a repaired narrative at its run-in headings", () => {
    const sections = splitSections(
      text(
        "Capital of Learning for comprehensive development",
        "As the Chinese national capital Beijing launched its agenda to promote inclusiveness " +
          "Vision and motivation The overall objective is sustainable development " +
          "Challenges and goals By joining the GNLC Beijing will harness lifelong learning " +
          "Plan and implementation Constructing a modern lifelong learning system",
      ),
    );
    expect(sections).toEqual({
      tagline: "Capital of Learning for comprehensive development",
      intro: "As the Chinese national capital Beijing launched its agenda to promote inclusiveness",
      vision: "The overall objective is sustainable development",
      challenges: "By joining the GNLC Beijing will harness lifelong learning",
      plan: "Constructing a modern lifelong learning system",
    });
  });

  it("recognises the run-in variants the listing uses, in any case", () => {
    const sections = splitSections(
      text(
        "Learning for all",
        "Intro text Vision Motivation The vision " +
          "Challenges Areas of Support The challenges Plan and Implementation The plan",
      ),
    );
    expect(sections).toMatchObject({
      intro: "Intro text",
      vision: "The vision",
      challenges: "The challenges",
      plan: "The plan",
    });
  });

  it("leaves a heading phrase in the text when no capitalised word follows it", () => {
    const sections = splitSections(
      text("Learning for all", "The city shares its vision and motivation with all citizens"),
    );
    expect(sections.intro).toBe("The city shares its vision and motivation with all citizens");
    expect(sections.vision).toBe("");
  });

  it("opens a section at a heading phrase that ends a block, for the blocks that follow", () => {
    const sections = splitSections(
      text("Learning for all", "Intro text", "Challenges and goals", "Ageing", "Migration"),
    );
    expect(sections.intro).toBe("Intro text");
    expect(sections.challenges).toBe("Ageing\nMigration");
  });
});

describe("splitSections on blocks from HTML", () => {
  it("opens sections at heading blocks; an unknown heading stays text of the current one", () => {
    expect(splitSections(htmlBlocks("sections-headings.html"))).toEqual({
      tagline: "Creating the Espoo Story Together",
      intro: "Espoo is a city of learning\nKey facts\nPopulation 300,000",
      vision: "A positive place to live",
      challenges: "Segregation",
      plan: "The Espoo Story",
    });
  });

  it("finds no run-in headings in blocks whose sections have heading elements", () => {
    const sections = splitSections(htmlBlocks("sections-list-phrases.html"));
    expect(sections.challenges).toBe(
      [
        "the city has no shared vision and mission",
        "adult education lacks an implementation plan",
        "low participation of older adults",
      ].join("\n"),
    );
    expect(sections.vision).toBe("A positive place to live");
    expect(sections.plan).toBe("The Espoo Story");
  });

  it("still opens a section at a paragraph that is nothing but a heading phrase", () => {
    const sections = splitSections([
      { kind: "text", text: "Learning for all" },
      { kind: "heading", text: "Vision and motivation" },
      { kind: "text", text: "A positive place" },
      { kind: "text", text: "Challenges and goals:" },
      { kind: "text", text: "Segregation" },
    ]);
    expect(sections).toMatchObject({ vision: "A positive place", challenges: "Segregation" });
  });
});

describe("splitSections' tagline", () => {
  it("is the first block when it is short and more follows", () => {
    expect(splitSections(text("Learning for all", "Intro text")).tagline).toBe("Learning for all");
  });

  it("is empty when the first block is a section heading", () => {
    const sections = splitSections([
      { kind: "heading", text: "Vision and motivation" },
      { kind: "text", text: "A positive place" },
    ]);
    expect(sections).toMatchObject({ tagline: "", vision: "A positive place" });
  });

  it("is empty when the first block is too long to be one, which is then the intro", () => {
    const long = `Espoo ${"learns and grows ".repeat(20)}`.trim();
    expect(splitSections(text(long, "More intro"))).toMatchObject({
      tagline: "",
      intro: `${long}\nMore intro`,
    });
  });

  it("is empty when the narrative is a single block", () => {
    expect(splitSections(text("Learning for all"))).toMatchObject({
      tagline: "",
      intro: "Learning for all",
    });
  });

  it("is empty when the short first block runs into a section heading", () => {
    const sections = splitSections(
      text("Espoo is a learning city Vision and motivation The city wants to learn", "More"),
    );
    expect(sections).toMatchObject({
      tagline: "",
      intro: "Espoo is a learning city",
      vision: "The city wants to learn\nMore",
    });
  });
});

describe("splitSections' absent sections", () => {
  it("gives an empty string for every section the narrative does not have", () => {
    expect(splitSections(text("Learning for all", "Only an intro"))).toEqual({
      tagline: "Learning for all",
      intro: "Only an intro",
      vision: "",
      challenges: "",
      plan: "",
    });
    expect(splitSections([])).toEqual({
      tagline: "",
      intro: "",
      vision: "",
      challenges: "",
      plan: "",
    });
  });
});

describe("classifyHeading", () => {
  const sections = Object.entries(headingsFile.sections);

  it.each(sections.flatMap(([section, { phrases }]) => phrases.map((phrase) => [phrase, section])))(
    "classifies the heading %j as %s",
    (phrase, section) => {
      expect(classifyHeading(phrase)).toBe(section);
    },
  );

  it("classifies the listing's variants whatever their case", () => {
    expect(classifyHeading("Vision and Motivation")).toBe("vision");
    expect(classifyHeading("CHALLENGES AREAS OF SUPPORT")).toBe("challenges");
    expect(classifyHeading("Plan and Implementation")).toBe("plan");
  });

  it("leaves other headings unclassified", () => {
    expect(classifyHeading("Key facts")).toBeUndefined();
    expect(classifyHeading("Beijing")).toBeUndefined();
    expect(classifyHeading("")).toBeUndefined();
  });
});
