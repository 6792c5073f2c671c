import { z } from "zod";
import headingsFile from "../reference/section-headings.json" with { type: "json" };
import { type CitySections, sectionsSchema } from "./city-document.ts";

const labelsSchema = z.object({ labels: sectionsSchema });

/**
 * The heading people see for each section of a profile, in profile order, from
 * `reference/section-headings.json`.
 *
 * @example
 * SECTION_LABELS.challenges; // "Challenges and goals"
 */
export const SECTION_LABELS: Readonly<CitySections> = labelsSchema.parse(headingsFile).labels;

/** The sections in profile order, each with its label. */
export const LABELLED_SECTIONS = Object.entries(SECTION_LABELS) as Array<
  [keyof CitySections, string]
>;
