import { z } from "zod";

/** The selectors a profile may name, as an error message lists them. */
const SELECTORS = "record (required), title, country, label, body";

const selector = z.string({ error: "a CSS selector (text), required" }).min(1, {
  error: "a CSS selector, not empty",
});

/**
 * CSS selectors for a site whose listing the generic record finder does not read well.
 * `record` picks each record's container; the others are looked up inside it.
 */
export const siteProfileSchema = z.strictObject(
  {
    record: selector,
    title: selector.optional(),
    country: selector.optional(),
    label: selector.optional(),
    body: selector.optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `no selector is called ${issue.keys.join(", ")}: ${SELECTORS}`
        : `an object of CSS selectors: ${SELECTORS}`,
  },
);

export type SiteProfile = z.infer<typeof siteProfileSchema>;
