import { raw } from "hono/html";
import { THEMES } from "../../core/themes.ts";
import type { SearchHit } from "../../search/result-schemas.ts";

const LABELS = new Map(THEMES.map((theme) => [theme.id, theme.label]));

/** A theme id's label, or the id itself for a theme the taxonomy no longer has. */
export const themeLabel = (id: string) => LABELS.get(id) ?? id;

/** Why a hit is here, in a few words: its words matched, or only its meaning did. */
const Reason = ({ hit }: { hit: SearchHit }) =>
  hit.why && !hit.why.words && hit.why.passage ? (
    <p class="result__why">Found by meaning: this passage is close to what you asked.</p>
  ) : null;

const ResultItem = ({ hit }: { hit: SearchHit }) => (
  <li class="result">
    <h3 class="result__title">
      <a href={`/city/${hit.id}`}>{hit.city}</a>
    </h3>
    <p class="result__place">
      {hit.country} · {hit.region}
    </p>
    {hit.tagline ? <p class="result__tagline">{hit.tagline}</p> : null}
    {/* The snippet is escaped by the search layer; only <mark> is markup in it. */}
    <p class="result__snippet">{raw(hit.snippet)}</p>
    <Reason hit={hit} />
    <ul class="chips" aria-label={`Themes of ${hit.city}`}>
      {hit.themes.map((id) => (
        <li class="chip">{themeLabel(id)}</li>
      ))}
    </ul>
  </li>
);

/**
 * The list of matching cities: name (linking to the city page), place, tagline, highlighted
 * snippet and theme chips.
 *
 * @example
 * <ResultList hits={result.hits} />
 */
export const ResultList = ({ hits }: { hits: SearchHit[] }) => (
  <ol class="results" aria-label="Matching cities">
    {hits.map((hit) => (
      <ResultItem hit={hit} />
    ))}
  </ol>
);
