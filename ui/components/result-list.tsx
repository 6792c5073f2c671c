import { raw } from "hono/html";
import { THEMES } from "../../core/themes.ts";
import type { SearchHit } from "../../search/result-schemas.ts";
import type { SearchParams } from "../../search/search-params.ts";
import { escapeHtml } from "../../search/snippet.ts";
import { markQueryWords, wholeWordMarks } from "../highlight.ts";
import { cityHref, searchHref, toggleFilter } from "../url-state.ts";

const LABELS = new Map(THEMES.map((theme) => [theme.id, theme.label]));

/** A theme id's label, or the id itself for a theme the taxonomy no longer has. */
export const themeLabel = (id: string) => LABELS.get(id) ?? id;

/**
 * The city's name with what matched marked: Meilisearch's highlight (typos included), widened
 * to whole words, or, when it marked nothing, the query's words as typed, accents ignored.
 */
const cityTitle = (hit: SearchHit, q: string) =>
  hit.highlights.city.includes("<mark>")
    ? wholeWordMarks(hit.highlights.city)
    : markQueryWords(hit.city, q);

/** Why a hit is here, in a few words: its words matched, or only its meaning did. */
const Reason = ({ hit }: { hit: SearchHit }) =>
  hit.why && !hit.why.words && hit.why.passage ? (
    <p class="result__why">Found by meaning: this passage is close to what you asked.</p>
  ) : null;

/**
 * The snippet less the tagline shown above it: a crop in which nothing matched starts where the
 * profile's text does, with the tagline. Empty when nothing is left.
 */
export const snippetAfterTagline = (hit: Pick<SearchHit, "snippet" | "tagline">): string => {
  const tagline = hit.tagline ? escapeHtml(hit.tagline.trim()) : "";
  const snippet = hit.snippet.trim();
  if (!tagline || snippet.includes("<mark>") || !snippet.startsWith(tagline)) return snippet;
  return snippet
    .slice(tagline.length)
    .replace(/^[\s.:;,]+/, "")
    .replace(/^…$/, "");
};

/** A snippet worth showing: never a repeat of the tagline (as for an empty query). */
const Snippet = ({ hit }: { hit: SearchHit }) => {
  const snippet = snippetAfterTagline(hit);
  // The snippet is escaped by the search layer; only <mark> is markup in it.
  return snippet ? <p class="result__snippet">{raw(wholeWordMarks(snippet))}</p> : null;
};

/** The hit's themes as links that add (or, when it is filtered on, remove) the theme filter. */
const ThemeChips = ({ hit, params }: { hit: SearchHit; params: SearchParams }) => (
  <ul class="chips" aria-label={`Themes of ${hit.city}`}>
    {hit.themes.map((id) => {
      const on = params.theme.includes(id);
      return (
        <li>
          <a
            class={on ? "chip chip--on" : "chip"}
            data-nav
            href={searchHref(toggleFilter(params, "theme", id))}
          >
            {on ? (
              <span aria-hidden="true">✓ </span>
            ) : (
              <span class="visually-hidden">Filter by </span>
            )}
            {hit.highlights.themes.includes(id) ? <mark>{themeLabel(id)}</mark> : themeLabel(id)}
            {on ? <span class="visually-hidden">, filtered on: remove</span> : null}
          </a>
        </li>
      );
    })}
  </ul>
);

const ResultItem = ({ hit, params }: { hit: SearchHit; params: SearchParams }) => (
  <li class="result">
    <h3 class="result__title">
      {/* The name is escaped by the search layer or markQueryWords; only <mark> is markup in it. */}
      <a href={cityHref(hit.id, params)}>{raw(cityTitle(hit, params.q))}</a>
    </h3>
    <p class="result__place">
      {hit.country} · {hit.region}
    </p>
    {hit.tagline ? <p class="result__tagline">{hit.tagline}</p> : null}
    <Snippet hit={hit} />
    <Reason hit={hit} />
    <ThemeChips hit={hit} params={params} />
  </li>
);

/**
 * The list of matching cities: name (linking to the city page, query words marked), place,
 * tagline, highlighted snippet and theme chips that filter.
 *
 * @example
 * <ResultList hits={result.hits} params={params} />
 */
export const ResultList = ({ hits, params }: { hits: SearchHit[]; params: SearchParams }) => (
  <ol class="results" id="results" tabindex={-1} aria-label="Matching cities">
    {hits.map((hit) => (
      <ResultItem hit={hit} params={params} />
    ))}
  </ol>
);
