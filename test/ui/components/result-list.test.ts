import { describe, expect, it } from "vitest";
import { snippetAfterTagline } from "../../../ui/components/result-list.tsx";

const tagline = "Learning for a better city";

describe("snippetAfterTagline", () => {
  it("leaves out the tagline a snippet in which nothing matched starts with", () => {
    const snippet = `${tagline}. The city has 6 districts…`;
    expect(snippetAfterTagline({ tagline, snippet })).toBe("The city has 6 districts…");
  });

  it("leaves nothing of a snippet that is only the tagline", () => {
    expect(snippetAfterTagline({ tagline, snippet: `${tagline}.` })).toBe("");
  });

  it("keeps a snippet in which a word matched, tagline and all", () => {
    const snippet = `${tagline}. <mark>Digital</mark> skills…`;
    expect(snippetAfterTagline({ tagline, snippet })).toBe(snippet);
  });

  it("compares the tagline as the snippet holds it, escaped", () => {
    const snippet = "Parks &amp; libraries. Open to all…";
    expect(snippetAfterTagline({ tagline: "Parks & libraries", snippet })).toBe("Open to all…");
  });
});
