import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tagThemes } from "../../../indexer/enrich/tag-themes.ts";
import { defaultTaxonomy } from "../../../indexer/enrich/taxonomy.ts";
import { fixture } from "../../helpers/seed.ts";
import { seedDocuments } from "../../helpers/seed-documents.ts";

const MIN_PRECISION = 0.85;
const MIN_RECALL = 0.85;

type Labels = { cities: Record<string, { required: string[]; acceptable: string[] }> };
const labels = JSON.parse(readFileSync(fixture("theme-labels.json"), "utf8")) as Labels;

const themesOf = (city: string) => seedDocuments().find((d) => d.city === city)?.themes ?? [];
const tagsFor = (text: string, section = "plan") =>
  tagThemes({ [section]: text }, defaultTaxonomy()).map((tag) => tag.id);

type Tally = { tp: number; fp: number; fn: number };

const evaluate = () => {
  const perTheme = new Map<string, Tally>();
  const tally = (id: string) => {
    if (!perTheme.has(id)) perTheme.set(id, { tp: 0, fp: 0, fn: 0 });
    return perTheme.get(id) as Tally;
  };
  for (const document of seedDocuments()) {
    const label = labels.cities[document.id];
    if (!label) throw new Error(`no labels for ${document.id}`);
    const allowed = new Set([...label.required, ...label.acceptable]);
    for (const id of document.themes) tally(id)[allowed.has(id) ? "tp" : "fp"]++;
    for (const id of label.required) if (!document.themes.includes(id)) tally(id).fn++;
  }
  return perTheme;
};

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

describe("tagThemes on the hand-labelled seed cities", () => {
  it("reaches micro precision and recall of at least 0.85", () => {
    const perTheme = evaluate();
    const rows = [...perTheme.entries()].sort(([a], [b]) => a.localeCompare(b));
    const sum = rows.reduce(
      (all, [, t]) => ({ tp: all.tp + t.tp, fp: all.fp + t.fp, fn: all.fn + t.fn }),
      {
        tp: 0,
        fp: 0,
        fn: 0,
      },
    );
    const required = Object.values(labels.cities).reduce(
      (n, label) => n + label.required.length,
      0,
    );
    const precision = ratio(sum.tp, sum.tp + sum.fp);
    const recall = ratio(required - sum.fn, required);
    console.log(
      [
        "theme                       tagged  wrong  missed  precision",
        ...rows.map(
          ([id, t]) =>
            `${id.padEnd(28)}${String(t.tp + t.fp).padStart(6)}${String(t.fp).padStart(7)}${String(t.fn).padStart(8)}${ratio(
              t.tp,
              t.tp + t.fp,
            )
              .toFixed(2)
              .padStart(11)}`,
        ),
        `micro precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${required} required labels)`,
      ].join("\n"),
    );
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it("tags the themes a reader finds obvious", () => {
    expect(themesOf("Beijing")).toContain("ageing");
    expect(themesOf("Espoo")).toContain("migration");
    expect(themesOf("Villa María")).toEqual(
      expect.arrayContaining(["literacy", "gender-equality"]),
    );
    expect(themesOf("Sønderborg")).toContain("sustainability");
  });

  it("gives every seed city themes, each with a label, a score and evidence from a section", () => {
    for (const document of seedDocuments()) {
      expect(document.themes.length, document.id).toBeGreaterThan(0);
      expect(document.themeTags.map((tag) => tag.id)).toEqual(document.themes);
      for (const tag of document.themeTags) {
        expect(tag.score).toBeGreaterThan(0);
        expect(tag.evidence.length).toBeGreaterThan(0);
        for (const item of tag.evidence) {
          expect(["tagline", "intro", "vision", "challenges", "plan"]).toContain(item.section);
          expect(document.text.toLowerCase()).toContain(item.phrase.toLowerCase());
        }
      }
    }
  });
});

describe("tagThemes on sentences outside the seed", () => {
  it.each([
    ["literacy", "Adult literacy classes teach reading and writing to illiterate parents."],
    ["ageing", "The university of the third age serves older people and senior citizens."],
    ["migration", "Language courses help refugees and asylum seekers settle in the city."],
    ["gender-equality", "Programmes empower women and girls through gender-sensitive training."],
    ["digital-learning", "An online platform and ICT courses teach digital skills."],
    ["early-childhood", "Kindergartens and childcare services support early childhood education."],
    ["higher-education", "The universities share research with citizens through PhD students."],
    ["learning-spaces", "Every district has a library and a learning centre."],
    ["health-wellbeing", "Health education promotes wellbeing and healthy lifestyles."],
  ])("tags %s from a plain statement of it", (theme, sentence) => {
    expect(tagsFor(sentence)).toContain(theme);
  });

  it("does not make a culture of learning into culture and heritage", () => {
    expect(
      tagsFor("The city builds a culture of lifelong learning and a learning culture."),
    ).not.toContain("culture-heritage");
    expect(tagsFor("Museums and the arts keep the city's heritage alive.")).toContain(
      "culture-heritage",
    );
  });

  it("ignores boilerplate every GNLC profile says", () => {
    expect(
      tagsFor(
        "By joining the UNESCO Global Network of Learning Cities the city promotes lifelong learning.",
      ),
    ).toEqual([]);
  });

  it("does not take ages or an age group for ageing", () => {
    expect(tagsFor("Learning for citizens of all ages in every age group.")).not.toContain(
      "ageing",
    );
  });

  it("weighs a tagline more than the plan, so the same words score higher there", () => {
    const taxonomy = defaultTaxonomy();
    const inTagline =
      tagThemes({ tagline: "literacy for all", plan: "x" }, taxonomy)[0]?.score ?? 0;
    const inPlan = tagThemes({ tagline: "x", plan: "literacy for all" }, taxonomy)[0]?.score ?? 0;
    expect(inTagline).toBeGreaterThan(inPlan);
  });
});
