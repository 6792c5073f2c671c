/**
 * The search page's client script: search as you type with suggestions, filters that apply at
 * once (in a drawer on phones), the URL kept in sync, back and forward restoring the state,
 * the tab title and a stable live region following the results. The server renders every
 * piece of HTML (`/results` answers the results region); this script only fetches it and
 * swaps it in. On other pages it only makes `/` focus the header's search box.
 */
import { combobox, type Pick } from "./combobox.ts";
import { filtersDrawer } from "./drawer.ts";
import { facetLists } from "./facet-lists.ts";

/** Wait after the last keystroke before searching. */
const DEBOUNCE_MS = 100;
/** Values the form always holds that a URL leaves out. */
const DEFAULTS: Record<string, string> = { sort: "relevance", hitsPerPage: "20" };

const form = document.querySelector<HTMLFormElement>("#search-form");
const input = document.querySelector<HTMLInputElement>("#q");
const region = document.querySelector<HTMLElement>("#results-region");
const live = document.querySelector<HTMLElement>("#live-status");

type History = "push" | "replace" | "none";

/** The form's state as a query string, without empty or default values. */
const formQuery = (): string => {
  if (!form) return "";
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string" || value.trim() === "" || DEFAULTS[name] === value) continue;
    query.append(name, value);
  }
  return query.toString();
};

const showError = () => {
  if (!region) return;
  const alert = document.createElement("div");
  alert.className = "error-state";
  alert.setAttribute("role", "alert");
  const heading = document.createElement("h2");
  heading.textContent = "Search is unavailable right now";
  const text = document.createElement("p");
  text.textContent = "The search engine did not answer. Try again in a moment.";
  alert.append(heading, text);
  region.replaceChildren(alert);
};

let controller: AbortController | undefined;
let timer: number | undefined;
/** The search part of the URL whose results the region shows, or is fetching. */
let wantedSearch: string | undefined = location.search;

/** The focused field inside the region, to focus its twin once the region is replaced. */
const focusedField = (): string | undefined => {
  const active = document.activeElement;
  if (!(active instanceof HTMLInputElement || active instanceof HTMLSelectElement)) return;
  if (!region?.contains(active)) return undefined;
  if (active.dataset.find) return `[data-find="${CSS.escape(active.dataset.find)}"]`;
  if (active instanceof HTMLSelectElement) return `select[name="${CSS.escape(active.name)}"]`;
  if (!active.name) return undefined;
  return `input[name="${CSS.escape(active.name)}"][value="${CSS.escape(active.value)}"]`;
};

const drawer = region ? filtersDrawer(region, () => scrollToResults(true)) : undefined;
const facets = region ? facetLists(region) : undefined;

/** After the swap: the tab title, the announcement, and what the user had open. */
const afterSwap = () => {
  const layout = region?.querySelector<HTMLElement>("[data-title]");
  if (layout?.dataset.title) document.title = layout.dataset.title;
  if (live) live.textContent = layout?.dataset.status ?? "";
  drawer?.reapply();
  facets?.reapply();
};

/** Fetches the results region for a query, swaps it in and updates the address bar. */
const load = async (query: string, history: History) => {
  if (!region) return;
  window.clearTimeout(timer);
  controller?.abort();
  const current = new AbortController();
  controller = current;
  region.setAttribute("aria-busy", "true");
  wantedSearch = query ? `?${query}` : "";
  try {
    const response = await fetch(`/results?${query}`, { signal: current.signal });
    if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
    const refocus = focusedField();
    region.innerHTML = await response.text();
    afterSwap();
    if (refocus) region.querySelector<HTMLElement>(refocus)?.focus();
    const url = query ? `/?${query}` : "/";
    if (history === "push") window.history.pushState(null, "", url);
    if (history === "replace") window.history.replaceState(null, "", url);
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    // Failed: the region shows no search, so coming back to this one must fetch it again.
    wantedSearch = undefined;
    showError();
  } finally {
    if (controller === current) region.removeAttribute("aria-busy");
  }
};

/** Brings the results into view (and focus, after a page change, for keyboard users). */
function scrollToResults(focus: boolean) {
  const heading = document.querySelector<HTMLElement>("#results-heading");
  const column = document.querySelector<HTMLElement>(".results-column");
  column?.scrollIntoView({ block: "start" });
  if (focus) heading?.focus({ preventScroll: true });
}

const setInput = (query: string) => {
  if (input) input.value = new URLSearchParams(query).get("q") ?? "";
};

const onPick = (pick: Pick) => {
  if ("href" in pick) return window.location.assign(pick.href);
  const query = pick.query(new URLSearchParams(formQuery())).toString();
  setInput(query);
  void load(query, "push");
};
const suggestions = document.querySelector<HTMLElement>("#q-suggestions");
if (input && suggestions) combobox(input, suggestions, onPick);

input?.addEventListener("input", () => {
  window.clearTimeout(timer);
  timer = window.setTimeout(() => void load(formQuery(), "replace"), DEBOUNCE_MS);
});

form?.addEventListener("change", (event) => {
  if ((event.target as HTMLElement).matches("input[type=checkbox], select"))
    void load(formQuery(), "push");
});

form?.addEventListener("submit", (event) => {
  event.preventDefault();
  window.clearTimeout(timer);
  void load(formQuery(), "push");
});

region?.addEventListener("click", async (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement | SVGAElement>("a[data-nav]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  const href = link instanceof SVGAElement ? link.href.baseVal : link.href;
  const query = new URL(href, location.href).search.slice(1);
  setInput(query);
  const paging = link.matches("[rel=prev], [rel=next]");
  await load(query, "push");
  if (paging) scrollToResults(true);
  else input?.focus({ preventScroll: true });
});

window.addEventListener("popstate", () => {
  // Following an in-page link (the skip link's #results) changes the entry, not the search:
  // the region stays, with the focus the link gave.
  if (location.search === wantedSearch) return;
  setInput(location.search);
  void load(location.search.slice(1), "none");
});

document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement;
  const typing = target.matches("input, textarea, select, [contenteditable]");
  const box = document.querySelector<HTMLInputElement>("[data-search-input]");
  if (event.key === "/" && !typing && box) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});
