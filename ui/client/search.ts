/**
 * The search page's client script: search as you type, filters that apply at once, the URL
 * kept in sync, back and forward restoring the state. The server renders every piece of HTML
 * (`/results` answers the results region); this script only fetches it and swaps it in.
 */

/** Wait after the last keystroke before searching. */
const DEBOUNCE_MS = 100;

const form = document.querySelector<HTMLFormElement>("#search-form");
const input = document.querySelector<HTMLInputElement>("#q");
const region = document.querySelector<HTMLElement>("#results-region");

type History = "push" | "replace" | "none";

/** The form's state as a query string, without empty values or page 1. */
const formQuery = (): string => {
  if (!form) return "";
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "") query.append(name, value);
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

/** The focused filter inside the region, to focus its twin once the region is replaced. */
const focusedFilter = (): string | undefined => {
  const active = document.activeElement;
  if (!(active instanceof HTMLInputElement) || !region?.contains(active) || !active.name)
    return undefined;
  return `input[name="${CSS.escape(active.name)}"][value="${CSS.escape(active.value)}"]`;
};

/** Fetches the results region for a query, swaps it in and updates the address bar. */
const load = async (query: string, history: History) => {
  if (!region) return;
  window.clearTimeout(timer);
  controller?.abort();
  const current = new AbortController();
  controller = current;
  region.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(`/results?${query}`, { signal: current.signal });
    if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
    const refocus = focusedFilter();
    region.innerHTML = await response.text();
    if (refocus) region.querySelector<HTMLInputElement>(refocus)?.focus();
    const url = query ? `/?${query}` : "/";
    if (history === "push") window.history.pushState(null, "", url);
    if (history === "replace") window.history.replaceState(null, "", url);
  } catch (error) {
    if ((error as Error).name !== "AbortError") showError();
  } finally {
    if (controller === current) region.removeAttribute("aria-busy");
  }
};

input?.addEventListener("input", () => {
  window.clearTimeout(timer);
  timer = window.setTimeout(() => void load(formQuery(), "replace"), DEBOUNCE_MS);
});

form?.addEventListener("change", (event) => {
  if ((event.target as HTMLElement).matches("input[type=checkbox]")) void load(formQuery(), "push");
});

form?.addEventListener("submit", (event) => {
  event.preventDefault();
  window.clearTimeout(timer);
  void load(formQuery(), "push");
});

region?.addEventListener("click", (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-nav]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  const query = new URL(link.href).search.slice(1);
  if (input) input.value = new URLSearchParams(query).get("q") ?? "";
  void load(query, "push");
  input?.focus({ preventScroll: true });
});

window.addEventListener("popstate", () => {
  if (input) input.value = new URLSearchParams(location.search).get("q") ?? "";
  void load(location.search.slice(1), "none");
});

document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement;
  const typing = target.matches("input, textarea, select, [contenteditable]");
  if (event.key === "/" && !typing && input) {
    event.preventDefault();
    input.focus();
    input.select();
  }
});

document.documentElement.classList.add("js");
