import { describe, expect, it } from "vitest";
import { joinedWords } from "../../../indexer/structure/joined-words.ts";
import { recoverStructure } from "../../../indexer/structure/recover-structure.ts";

/** Structure of one glued section (raw as a browser rendered it, repaired as repair wrote it). */
const structure = (raw: string, repaired: string, names: string[] = []) =>
  recoverStructure(joinedWords(raw, repaired), new Set(names));

describe("recoverStructure", () => {
  it("restores a list announced by 'the following areas' from its glue points", () => {
    // Villa María's challenges, as the GNLC listing export renders them.
    const raw = "It works in the following areasAdult illiteracyChildcareInclusive learning";
    const repaired =
      "It works in the following areas Adult illiteracy Childcare Inclusive learning";
    expect(structure(raw, repaired)).toEqual([
      { type: "paragraph", sentences: ["It works in the following areas:"] },
      { type: "list", items: ["Adult illiteracy", "Childcare", "Inclusive learning"] },
    ]);
  });

  it("splits sentences at a capitalised word that is no name, and adds their periods", () => {
    const text = "Villa María is a city of 88600 inhabitants Its land is rich";
    expect(structure(text, text, ["Villa", "María"])).toEqual([
      {
        type: "paragraph",
        sentences: ["Villa María is a city of 88600 inhabitants.", "Its land is rich."],
      },
    ]);
  });

  it("restores lowercase verb items glued after a modal, with capitals", () => {
    const raw = "The city willcreate new spacespromote public eventsintensify actions";
    const repaired = "The city will create new spaces promote public events intensify actions";
    expect(structure(raw, repaired)).toEqual([
      { type: "paragraph", sentences: ["The city will:"] },
      { type: "list", items: ["Create new spaces", "Promote public events", "Intensify actions"] },
    ]);
  });

  it("leaves a lone lowercase glue point inside prose (a hyphen the rendering lost)", () => {
    const raw = "It achieves a soft landing for its fastgrowing economy";
    const repaired = "It achieves a soft landing for its fast growing economy";
    expect(structure(raw, repaired)).toEqual([
      {
        type: "paragraph",
        sentences: ["It achieves a soft landing for its fast growing economy."],
      },
    ]);
  });

  it("ends a list at a clause that is not parallel to its items", () => {
    const raw =
      "It will pursue the following objectivesbuilding a structurecreating an atmosphereWith these pillars it aims high";
    const repaired =
      "It will pursue the following objectives building a structure creating an atmosphere With these pillars it aims high";
    expect(structure(raw, repaired).map((block) => block.type)).toEqual([
      "paragraph",
      "list",
      "paragraph",
    ]);
  });

  it("reads an enumeration 1 … 2 … 3 … as a list", () => {
    const text = "Its network includes 1 a college 2 a centre 3 a school";
    expect(structure(text, text)).toEqual([
      { type: "paragraph", sentences: ["Its network includes:"] },
      { type: "list", items: ["1 a college", "2 a centre", "3 a school"] },
    ]);
  });

  it("keeps a section without evidence of structure as one paragraph", () => {
    const text = "a city with many learning spaces for all its citizens";
    expect(structure(text, text)).toEqual([
      { type: "paragraph", sentences: ["A city with many learning spaces for all its citizens."] },
    ]);
  });

  it("keeps the sentences of a source whose punctuation survived", () => {
    const text = "Cork is a city. Its people learn.";
    expect(structure(text, text, ["Cork"])).toEqual([
      { type: "paragraph", sentences: ["Cork is a city.", "Its people learn."] },
    ]);
  });

  it("returns no block for a section without words", () => {
    expect(structure("", "")).toEqual([]);
  });
});
