/** Milliseconds to wait after the last keystroke before searching. */
const DEBOUNCE_MS = 150;

type Hit = { id: string; city: string; country: string };
type SearchBody = { totalHits: number; processingTimeMs: number; hits: Hit[] };
type ErrorBody = { error?: { message?: string } };

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
};

const form = byId<HTMLFormElement>("search-form");
const input = byId<HTMLInputElement>("q");
const status = byId<HTMLElement>("status");
const results = byId<HTMLOListElement>("results");

const renderHits = (hits: Hit[]) => {
  results.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement("li");
      const city = document.createElement("strong");
      city.textContent = hit.city;
      item.append(city, ` — ${hit.country}`);
      return item;
    }),
  );
};

let controller: AbortController | undefined;

const search = async (q: string) => {
  controller?.abort();
  controller = new AbortController();
  const url = new URL(location.href);
  url.searchParams.set("q", q);
  history.replaceState(null, "", url);
  try {
    const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, {
      signal: controller.signal,
    });
    const body = (await response.json()) as SearchBody & ErrorBody;
    if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
    status.textContent = `${body.totalHits} ${body.totalHits === 1 ? "city" : "cities"} (${body.processingTimeMs} ms)`;
    renderHits(body.hits);
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    status.textContent = `Search failed: ${(error as Error).message}`;
    results.replaceChildren();
  }
};

let timer: number | undefined;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = window.setTimeout(() => void search(input.value), DEBOUNCE_MS);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void search(input.value);
});
input.value = new URLSearchParams(location.search).get("q") ?? "";
void search(input.value);
