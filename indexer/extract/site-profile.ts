import { z } from "zod";

/**
 * CSS selectors for a site whose listing the generic record finder does not read well.
 * `record` picks each record's container; the others are looked up inside it.
 */
export const siteProfileSchema = z.object({
  record: z.string().min(1),
  title: z.string().min(1).optional(),
  country: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  body: z.string().min(1).optional(),
});

export type SiteProfile = z.infer<typeof siteProfileSchema>;
