import { describe, expect, it } from "vitest";
import { seedDocuments } from "../../helpers/seed-documents.ts";
import {
  type Counts,
  f1,
  precision,
  recall,
  scoreStructure,
  structureLabels,
} from "../../helpers/structure-metrics.ts";

/** The targets, held on the held-out (`test`) half of the labels. */
const TARGETS = { boundaryPrecision: 0.9, boundaryRecall: 0.85, itemF1: 0.85 };

const figures = (name: string, { boundaries, items }: { boundaries: Counts; items: Counts }) =>
  `${name}: boundaries P ${precision(boundaries).toFixed(3)} R ${recall(boundaries).toFixed(3)}` +
  ` (${boundaries.expected} labelled); list items P ${precision(items).toFixed(3)}` +
  ` R ${recall(items).toFixed(3)} F1 ${f1(items).toFixed(3)} (${items.expected} labelled)`;

describe("structure recovery against the hand labels (test/fixtures/structure-labels.json)", () => {
  const labels = structureLabels();
  const documents = seedDocuments();

  it("meets the targets on the held-out half, and reports both halves", () => {
    const dev = scoreStructure(documents, labels, labels.split.dev);
    const test = scoreStructure(documents, labels, labels.split.test);
    console.info(`${figures("dev (tuned on)", dev)}\n${figures("test (held out)", test)}`);
    expect(precision(test.boundaries)).toBeGreaterThanOrEqual(TARGETS.boundaryPrecision);
    expect(recall(test.boundaries)).toBeGreaterThanOrEqual(TARGETS.boundaryRecall);
    expect(f1(test.items)).toBeGreaterThanOrEqual(TARGETS.itemF1);
  });

  it("restores Villa María's challenges as a five-item list and its intro as three sentences", () => {
    const villa = documents.find((document) => document.id === "villa-maria-argentina");
    expect(villa?.blocks.challenges?.find((block) => block.type === "list")).toEqual({
      type: "list",
      items: [
        "Adult illiteracy",
        "Childcare",
        "Inclusive learning",
        "Learning in families and communities",
        "Sustainability",
      ],
    });
    const intro = villa?.blocks.intro ?? [];
    expect(intro).toHaveLength(1);
    expect(intro[0]?.type === "paragraph" ? intro[0].sentences : []).toHaveLength(3);
  });
});
