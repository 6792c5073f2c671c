import { describe, expect, it } from "vitest";
import { syntheticRecords } from "../../bench/synthetic-corpus.ts";
import { createTermCounter, termsOf } from "../../indexer/corpus-statistics.ts";
import { buildRepairContext, createRepairVocabulary } from "../../indexer/repair.ts";

const textsOf = (
  record: ReturnType<typeof syntheticRecords> extends Generator<infer R> ? R : never,
) => [
  record.tagline,
  ...record.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.type === "paragraph" ? b.sentences : [b.intro, ...b.items])),
  ),
];

describe("termsOf", () => {
  it("gives a text's distinct words and phrases of up to three words, never across punctuation", () => {
    expect([...termsOf(["Older adults learn. Libraries"])].sort()).toEqual(
      [
        "adults",
        "adults learn",
        "learn",
        "libraries",
        "older",
        "older adults",
        "older adults learn",
      ].sort(),
    );
  });
});

describe("createTermCounter", () => {
  it("counts the documents holding a term, never fewer than hold it", () => {
    const counter = createTermCounter();
    const exact = new Map<string, number>();
    for (const record of syntheticRecords(200, 3)) {
      const texts = textsOf(record);
      counter.add(texts);
      for (const term of termsOf(texts)) exact.set(term, (exact.get(term) ?? 0) + 1);
    }
    const statistics = counter.statistics();
    expect(statistics.documents).toBe(200);
    // One assertion over all the terms: an `expect` per term took most of the test's time.
    const under: string[] = [];
    let over = 0;
    for (const [term, count] of exact) {
      const estimate = statistics.documentFrequency(term);
      if (estimate < count) under.push(`${term}: ${estimate} < ${count}`);
      if (estimate > count) over++;
    }
    expect(under).toEqual([]);
    // 200 profiles hold a few hundred thousand terms: the sketch is nearly exact for them.
    expect(over / exact.size).toBeLessThan(0.01);
    expect(statistics.documentFrequency("no such phrase here")).toBe(0);
  });
});

describe("createRepairVocabulary", () => {
  it("gives, text by text, the context buildRepairContext gives for all the texts at once", () => {
    const records = [...syntheticRecords(50, 9)];
    const vocabulary = createRepairVocabulary();
    for (const record of records) vocabulary.add(textsOf(record), [record.city, record.country]);
    const whole = buildRepairContext(
      records.flatMap(textsOf),
      records.flatMap((record) => [record.city, record.country]),
    );
    expect([...vocabulary.context().protectedWords].sort()).toEqual(
      [...whole.protectedWords].sort(),
    );
    // A capitalised word is a name only while no text writes it in lower case.
    const names = createRepairVocabulary();
    names.add(["Cork learns", "GNLC and EcCoWell"]);
    expect(names.context().protectedWords).toEqual(new Set(["Cork", "GNLC", "EcCoWell"]));
    names.add(["the cork tree"]);
    expect(names.context().protectedWords.has("Cork")).toBe(false);
  });
});
