import { raw } from "hono/html";
import type { SectionBlock } from "../../core/city-document.ts";
import { escapeRegExp } from "../../core/escape-reg-exp.ts";
import { LABELLED_SECTIONS } from "../../core/section-labels.ts";
import type { NamedCity } from "../../search/cities-named.ts";
import type { CityBody, SimilarHit } from "../../search/result-schemas.ts";
import type { SearchParams } from "../../search/search-params.ts";
import { escapeHtml } from "../../search/snippet.ts";
import { cityHref, searchHref } from "../url-state.ts";
import { SITE_NAME } from "./layout.tsx";
import { themeLabel } from "./result-list.tsx";

/**
 * Escapes a section's text and marks the evidence phrases found in it, so a reader sees why a
 * theme was given. Only `<mark>` is markup in the result.
 *
 * @example
 * highlightEvidence("an ageing population", ["ageing"]); // "an <mark>ageing</mark> population"
 */
export const highlightEvidence = (text: string, phrases: string[]): string => {
  const unique = [...new Set(phrases.map((p) => p.toLowerCase()))].sort(
    (a, b) => b.length - a.length,
  );
  if (unique.length === 0) return escapeHtml(text);
  const pattern = new RegExp(
    `\\b(${unique.map((p) => escapeRegExp(p).replace(/\s+/g, "\\s+")).join("|")})\\b`,
    "gi",
  );
  return text
    .split(pattern)
    .map((part, i) => (i % 2 === 1 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join("");
};

const evidenceIn = (city: CityBody, section: string) =>
  city.themes.flatMap((tag) =>
    tag.evidence.filter((e) => e.section === section).map((e) => e.phrase),
  );

const Marked = ({ text, phrases }: { text: string; phrases: string[] }) =>
  raw(highlightEvidence(text, phrases));

/** A section as the source wrote it: paragraphs and bullet lists, evidence marked in each. */
const SectionBody = ({ blocks, phrases }: { blocks: SectionBlock[]; phrases: string[] }) => (
  <>
    {blocks.map((block) =>
      block.type === "list" ? (
        <ul class="city__list">
          {block.items.map((item) => (
            <li>
              <Marked text={item} phrases={phrases} />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          <Marked text={block.sentences.join(" ")} phrases={phrases} />
        </p>
      ),
    )}
  </>
);

const ThemeTags = ({ city }: { city: CityBody }) => (
  <ul class="theme-tags">
    {city.themes.map((tag) => (
      <li class="theme-tag">
        <a class="chip" href={`/?theme=${encodeURIComponent(tag.id)}`}>
          {tag.label}
        </a>
        <span class="theme-tag__why">
          {[...new Set(tag.evidence.map((e) => e.phrase.toLowerCase()))]
            .map((p) => `“${p}”`)
            .join(", ")}{" "}
          (score {tag.score.toFixed(1)}
          <span class="visually-hidden">: how strongly the profile speaks of it</span>)
        </span>
      </li>
    ))}
  </ul>
);

/** Similar cities, each link keeping the search the page came from, so the way back stays. */
const Similar = ({ hits, from }: { hits: SimilarHit[]; from: SearchParams }) => (
  <ul class="similar">
    {hits.map((hit) => (
      <li>
        <a href={cityHref(hit.id, from)}>{hit.city}</a>{" "}
        <span class="similar__place">{hit.country}</span>
        <span class="similar__themes">{hit.themes.slice(0, 3).map(themeLabel).join(" · ")}</span>
      </li>
    ))}
  </ul>
);

/** UNESCO's pages of the network, for a profile read from a file. */
const GNLC_URL = "https://www.uil.unesco.org/en/learning-cities";

/** Where the profile comes from, linking to it when the source has an address. */
const SourceLine = ({ source }: { source: CityBody["source"] }) => (
  <p class="city__source">
    Source:{" "}
    {source.url ? (
      <a href={source.url} rel="noopener">
        {source.label}
      </a>
    ) : (
      <>
        {source.label} (
        <a href={GNLC_URL} rel="noopener">
          UNESCO's learning-city profiles
        </a>
        )
      </>
    )}
    {source.date ? `, ${source.date}` : ""}
  </p>
);

/**
 * A city's page: its narrative by section with the evidence of its themes highlighted, its
 * theme tags with their evidence, keyphrases and similar cities.
 *
 * @example
 * <CityPage city={city} similar={similar.hits} />
 */
export const CityPage = ({
  city,
  similar,
  from,
}: {
  city: CityBody;
  similar: SimilarHit[];
  from: SearchParams;
}) => (
  <>
    <p class="breadcrumb">
      <a href={searchHref({ ...from, explain: false })}>
        {searchHref(from) === "/" ? "← All cities" : "← Back to your search"}
      </a>
    </p>
    <article class="city">
      <header class="city__header">
        <h1>{city.city}</h1>
        <p class="city__place">
          {city.country} · {city.region}
        </p>
        {city.tagline ? <p class="city__tagline">{city.tagline}</p> : null}
      </header>
      <div class="city__layout">
        <div class="city__narrative">
          <p class="city__legend">
            <mark>Highlighted</mark> words are the evidence for the city's themes (listed with the
            profile, each with a score: the more, and the more prominent, the evidence, the higher).
          </p>
          {LABELLED_SECTIONS.filter(([name]) => city.sections[name]).map(([name, heading]) => (
            <section>
              <h2>{heading}</h2>
              <SectionBody
                blocks={
                  city.blocks[name] ?? [{ type: "paragraph", sentences: [city.sections[name]] }]
                }
                phrases={evidenceIn(city, name)}
              />
            </section>
          ))}
        </div>
        <aside class="city__aside">
          <h2>Themes</h2>
          <ThemeTags city={city} />
          <h2>Keyphrases</h2>
          <ul class="chips">
            {city.keyphrases.map((phrase) => (
              <li class="chip">{phrase}</li>
            ))}
          </ul>
          <h2>Similar cities</h2>
          <Similar hits={similar} from={from} />
          <SourceLine source={city.source} />
        </aside>
      </div>
    </article>
  </>
);

/** The page for an unknown city id, with the cities whose names it holds (`citiesNamed`). */
export const CityNotFound = ({ id, named = [] }: { id: string; named?: NamedCity[] }) => (
  <>
    <h1>No city “{id}”</h1>
    {named.length > 0 ? (
      <>
        <p>Did you mean:</p>
        <ul class="city-not-found__named">
          {named.map((city) => (
            <li>
              <a href={`/city/${encodeURIComponent(city.id)}`}>
                {city.city}, {city.country}
              </a>
            </li>
          ))}
        </ul>
      </>
    ) : null}
    <p>
      <a href="/">Search all cities</a>
    </p>
  </>
);

/** The city page when the search engine does not answer. */
export const CityUnavailable = () => (
  <div class="error-state" role="alert">
    <h1>This city profile is unavailable right now</h1>
    <p>The search engine did not answer. Try again in a moment.</p>
  </div>
);

/** The titles of the city pages. */
export const CITY_PAGE_TITLES = {
  found: (city: CityBody) => `${city.city} · ${SITE_NAME}`,
  notFound: `City not found · ${SITE_NAME}`,
  unavailable: `Unavailable · ${SITE_NAME}`,
};
