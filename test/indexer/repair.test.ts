import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseListingText } from "../../indexer/extract/listing-text.ts";
import {
  buildRepairContext,
  type GluedSplit,
  type RepairContext,
  repairGluedWords,
} from "../../indexer/repair.ts";
import { fixture, SEED_FILE } from "../helpers/seed.ts";

type GluedLabel = { city: string; token: string; split: string };
type GluedFixture = { about: string; glued: GluedLabel[]; intact: string[] };
type CityScore = { city: string; labelled: number; made: number; correct: number };

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.95;

const labels = JSON.parse(readFileSync(fixture("glued-tokens.json"), "utf8")) as GluedFixture;
const origin = { location: "seed.txt", retrievedAt: "2021-11-10T00:00:00Z" };
const { records } = parseListingText(readFileSync(SEED_FILE, "utf8"), origin);
const context: RepairContext = buildRepairContext(
  records.map((record) => record.rawText ?? ""),
  records.flatMap((record) => [record.city, record.country]),
);

const repairedText = (city: string): string => {
  const record = records.find((candidate) => candidate.city === city);
  return repairGluedWords(record?.rawText ?? "", context).text;
};

const words = (text: string): string[] => text.toLowerCase().split(/\s+/);

/** Whether `repaired` is `original` with nothing but spaces inserted. */
const onlyInsertsSpaces = (original: string, repaired: string): boolean => {
  let at = 0;
  for (const char of repaired) {
    if (char === original[at]) at += 1;
    else if (char !== " ") return false;
  }
  return at === original.length;
};

const intactNote = (split: GluedSplit): string =>
  labels.intact.includes(split.original) ? " (labelled intact)" : "";

/** Matches the splits made in one record against its labels: each label is used at most once. */
const scoreSplits = (city: string, splits: GluedSplit[]) => {
  const open = labels.glued.filter((label) => label.city === city);
  const wrong: string[] = [];
  for (const split of splits) {
    const at = open.findIndex(
      (label) => label.token === split.original && label.split === split.replacement,
    );
    if (at >= 0) open.splice(at, 1);
    else wrong.push(`${city}: ${split.original} -> ${split.replacement}${intactNote(split)}`);
  }
  const missed = open.map((label) => `${city}: ${label.token} (want "${label.split}")`);
  return { correct: splits.length - wrong.length, wrong, missed };
};

describe("repairGluedWords on the hand-labelled seed corpus", () => {
  it("splits the labelled glued tokens with precision and recall of at least 0.95", () => {
    const scores: CityScore[] = [];
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const record of records) {
      const { splits } = repairGluedWords(record.rawText ?? "", context);
      const score = scoreSplits(record.city, splits);
      wrong.push(...score.wrong);
      missed.push(...score.missed);
      const labelled = labels.glued.filter((label) => label.city === record.city).length;
      scores.push({ city: record.city, labelled, made: splits.length, correct: score.correct });
    }
    const sum = (key: "labelled" | "made" | "correct") =>
      scores.reduce((total, score) => total + score[key], 0);
    const precision = sum("correct") / sum("made");
    const recall = sum("correct") / sum("labelled");
    console.table(scores);
    console.log(
      `glued-word repair: precision ${precision.toFixed(3)} (${sum("correct")}/${sum("made")}),`,
      `recall ${recall.toFixed(3)} (${sum("correct")}/${sum("labelled")})`,
    );
    console.log(`wrong or unlabelled splits:\n  ${wrong.join("\n  ") || "none"}`);
    console.log(`missed glued tokens:\n  ${missed.join("\n  ") || "none"}`);
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it("labels only tokens of their record and intact words of the seed", () => {
    const text = records.map((record) => record.rawText ?? "").join(" ");
    for (const label of labels.glued) {
      const record = records.find((candidate) => candidate.city === label.city);
      expect(record?.rawText?.split(/\s+/), label.token).toContain(label.token);
    }
    for (const word of labels.intact) expect(text, word).toContain(word);
  });
});

describe("repairGluedWords", () => {
  it("splits a word glued to a capitalised word at the lower-to-upper case boundary", () => {
    const { text, splits } = repairGluedWords(
      "and inclusivenessVision a ZEROcarbon future",
      context,
    );
    expect(text).toBe("and inclusiveness Vision a ZERO carbon future");
    expect(splits).toEqual([
      { original: "inclusivenessVision", replacement: "inclusiveness Vision" },
      { original: "ZEROcarbon", replacement: "ZERO carbon" },
    ]);
  });

  it("splits a run of lowercase words into dictionary words", () => {
    const glued = "a lifelong learning structuremobilizing educational resourcescreating a";
    expect(repairGluedWords(glued, context).text).toBe(
      "a lifelong learning structure mobilizing educational resources creating a",
    );
  });

  it("splits letters glued after a number but leaves ordinals and decades whole", () => {
    const { text } = repairGluedWords("in 2014two the 15minute 1st 2nd 1990s 270Shenzhen", context);
    expect(text).toBe("in 2014 two the 15 minute 1st 2nd 1990s 270 Shenzhen");
  });

  it("leaves protected names, mixed-case names and known words untouched", () => {
    const whole =
      "Dilijan Namyangju Contagem Sønderborg Espoo Plovdiv EcCoWell GLLiC iPhone prioritising " +
      "articulators livable wellbeing nonformal socioeconomic citys Espoos";
    expect(repairGluedWords(whole, context)).toEqual({ text: whole, splits: [] });
  });

  it("leaves acronyms, their plurals and numbers untouched", () => {
    const whole = "GNLC UNESCO SDGs CO2 PhD ICT 41742 88600";
    expect(repairGluedWords(whole, context)).toEqual({ text: whole, splits: [] });
  });

  it("keeps a protected name whole inside a glued token", () => {
    expect(repairGluedWords("happinessNamyangjus learningGLLiC", context).text).toBe(
      "happiness Namyangjus learning GLLiC",
    );
  });

  it("only inserts spaces, so the original text can be recovered and whitespace is kept", () => {
    const sample = "first  lineandthe\n\tsecond lineVision   end\n";
    const repaired = repairGluedWords(sample, context).text;
    expect(repaired).toBe("first  line and the\n\tsecond line Vision   end\n");
    expect(onlyInsertsSpaces(sample, repaired)).toBe(true);
    for (const record of records) {
      expect(
        onlyInsertsSpaces(
          record.rawText ?? "",
          repairGluedWords(record.rawText ?? "", context).text,
        ),
      ).toBe(true);
    }
  });

  it("turns mobilizing, racism and libraries into words of their repaired records", () => {
    expect(words(records.find((record) => record.city === "Beijing")?.rawText ?? "")).not.toContain(
      "mobilizing",
    );
    expect(words(repairedText("Beijing"))).toContain("mobilizing");
    expect(words(repairedText("Contagem"))).toContain("racism");
    expect(words(repairedText("Namyangju"))).toContain("libraries");
  });

  it("gives the same result on every run", () => {
    const text = records.map((record) => record.rawText ?? "").join("\n");
    expect(repairGluedWords(text, context)).toEqual(repairGluedWords(text, context));
  });
});

describe("buildRepairContext", () => {
  it("protects the given names, acronyms, mixed-case names and standalone proper nouns", () => {
    const { protectedWords } = context;
    for (const word of ["Villa María", "María", "Korea", "GNLC", "SDGs", "EcCoWell", "Tumo"]) {
      expect(protectedWords.has(word), word).toBe(true);
    }
  });

  it("does not protect a capitalised word that also appears in lower case", () => {
    const { protectedWords } = buildRepairContext(["The plan", "the Plan of Cork"]);
    expect([...protectedWords].sort()).toEqual(["Cork"]);
  });
});
