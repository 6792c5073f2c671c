import { z } from "zod";
import cuesFile from "../../reference/structure-cues.json" with { type: "json" };

const cuesSchema = z.object({
  window: z.number().int().min(1),
  introducers: z.array(z.string().min(1)),
});
const CUES = cuesSchema.parse(cuesFile);

/** The list introducers of `reference/structure-cues.json`, each as its lowercase words. */
export const LIST_INTRODUCERS: readonly string[][] = CUES.introducers.map((phrase) =>
  phrase.toLowerCase().split(/\s+/),
);
/** How many words at the end of a text an introducer may stand among. */
export const INTRODUCER_WINDOW = CUES.window;

const occursIn = (phrase: readonly string[], words: readonly string[]) =>
  words.some((_, at) => phrase.every((word, i) => words[at + i] === word));

/**
 * Whether a text's last words announce a list ("… in the following areas", "… such as").
 *
 * @example
 * endsWithIntroducer(["opportunities", "in", "the", "following", "areas"]); // true
 */
export const endsWithIntroducer = (words: readonly string[]): boolean => {
  const tail = words.slice(-INTRODUCER_WINDOW).map((word) => word.toLowerCase());
  return LIST_INTRODUCERS.some((phrase) => occursIn(phrase, tail));
};
