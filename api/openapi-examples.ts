import type {
  CityBody,
  SearchResult,
  SimilarBody,
  SuggestBody,
  ThemeCount,
} from "../search/result-schemas.ts";
import type { HealthBody, ReindexSummary } from "./schemas.ts";

const BEIJING_CARD = {
  id: "beijing-china",
  city: "Beijing",
  country: "China",
  countryCode: "CN",
  region: "Asia and the Pacific",
  year: 2021,
  tagline: "Capital of Learning for comprehensive development",
  themes: ["ageing", "digital-learning", "sustainability"],
} as const;

/** What `/api/search?q=ageing` answers, cut to one hit. */
export const SEARCH_EXAMPLE: SearchResult = {
  query: "ageing",
  mode: "hybrid",
  page: 1,
  hitsPerPage: 20,
  totalHits: 1,
  totalPages: 1,
  processingTimeMs: 3,
  hits: [
    {
      ...BEIJING_CARD,
      themes: [...BEIJING_CARD.themes],
      snippet: "Facilitating an education project for the <mark>ageing</mark> population.",
      highlights: { city: "Beijing", themes: ["ageing"] },
    },
  ],
  facets: {
    theme: { ageing: 1, "digital-learning": 1, sustainability: 1 },
    country: { China: 1 },
    region: { "Asia and the Pacific": 1 },
    year: { "2021": 1 },
  },
  themeCounts: { ageing: 1, "digital-learning": 1, sustainability: 1 },
};

/** What `/api/cities/beijing-china` answers, its text shortened. */
export const CITY_EXAMPLE: CityBody = {
  ...BEIJING_CARD,
  source: {
    label: "UNESCO Global Network of Learning cities",
    file: "unesco-gnlc-listing-page1.txt",
    retrievedAt: "2026-01-01T00:00:00.000Z",
    date: "2021-11-10",
  },
  sections: {
    intro: "Beijing officially launched its learning city agenda in 1999.",
    vision: "",
    challenges: "",
    plan: "",
  },
  blocks: {
    intro: [
      {
        type: "paragraph",
        sentences: ["Beijing officially launched its learning city agenda in 1999."],
      },
    ],
  },
  text: "Capital of Learning for comprehensive development\nBeijing officially launched its learning city agenda in 1999.",
  rawText: "Capital of Learning for comprehensive developmentAs the Chinese national capital…",
  keyphrases: ["credit bank", "learning demonstration"],
  _geo: { lat: 39.9075, lng: 116.39723 },
  contentHash: "0".repeat(64),
  themes: [
    {
      id: "ageing",
      label: "Ageing",
      score: 1.2,
      evidence: [{ phrase: "ageing population", section: "plan" }],
    },
  ],
};

/** What `/api/cities/beijing-china/similar` answers, cut to one city. */
export const SIMILAR_EXAMPLE: SimilarBody = {
  hits: [
    {
      id: "hangzhou-china",
      city: "Hangzhou",
      country: "China",
      countryCode: "CN",
      region: "Asia and the Pacific",
      year: 2021,
      tagline: "Innovation alongside antiquity and prosperity",
      themes: ["culture-heritage", "economic-development"],
    },
  ],
};

/** What `/api/themes` answers, cut to one theme. */
export const THEMES_EXAMPLE: ThemeCount[] = [
  {
    id: "ageing",
    label: "Ageing",
    description: "Learning in later life and for an ageing population.",
    count: 3,
  },
];

/** What `/api/suggest?q=be` answers. */
export const SUGGEST_EXAMPLE: SuggestBody = {
  query: "be",
  suggestions: [{ type: "city", value: "Beijing", id: "beijing-china" }],
};

/** What `/health` answers when Meilisearch answers, and when it does not. */
export const HEALTH_EXAMPLE: HealthBody = { status: "ok", meilisearch: "available", documents: 12 };
export const HEALTH_DOWN_EXAMPLE: HealthBody = {
  status: "unavailable",
  meilisearch: "unavailable",
  documents: null,
};

/** What a reindex reports. */
export const REINDEX_EXAMPLE: ReindexSummary = {
  read: 12,
  indexed: 1,
  unchanged: 11,
  skipped: 0,
  deleted: 0,
  problems: [],
};
