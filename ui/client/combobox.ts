/**
 * The search box's suggestions: an ARIA 1.2 combobox (list autocomplete) over `/api/suggest`.
 * ↓ and ↑ move through the options (`aria-activedescendant`), Enter picks one, Escape closes
 * the list. Picking a city opens its page; a theme or a country filters on it; a keyphrase
 * becomes the query.
 */

type Suggestion = { type: "city" | "country" | "theme" | "keyphrase"; value: string; id?: string };

/** What a picked suggestion does: go to a page, or search with a new query string. */
export type Pick = { href: string } | { query: (current: URLSearchParams) => URLSearchParams };

const KIND: Record<Suggestion["type"], string> = {
  city: "City",
  country: "Country",
  theme: "Theme",
  keyphrase: "Topic",
};
/** Most options shown at once. */
const MAX_OPTIONS = 8;

const pickOf = (s: Suggestion): Pick => {
  if (s.type === "city" && s.id) return { href: `/city/${encodeURIComponent(s.id)}` };
  const name = s.type === "theme" ? "theme" : s.type === "country" ? "country" : undefined;
  const value = s.type === "theme" ? (s.id ?? s.value) : s.value;
  return {
    query: (current) => {
      const next = new URLSearchParams(current);
      next.delete("page");
      if (!name) next.set("q", s.value);
      else {
        next.delete("q");
        if (!next.getAll(name).includes(value)) next.append(name, value);
      }
      return next;
    },
  };
};

const optionElement = (s: Suggestion, i: number) => {
  const li = document.createElement("div");
  li.id = `q-option-${i}`;
  li.setAttribute("role", "option");
  li.setAttribute("aria-selected", "false");
  const kind = document.createElement("span");
  kind.className = "suggestions__kind";
  kind.textContent = ` ${KIND[s.type]}`;
  li.append(document.createTextNode(s.value), kind);
  return li;
};

/**
 * Wires the combobox to an input and its listbox; `onPick` acts on the chosen suggestion.
 *
 * @example
 * combobox(input, listbox, (pick) => ("href" in pick ? location.assign(pick.href) : search(pick)));
 */
export const combobox = (input: HTMLInputElement, list: HTMLElement, onPick: (p: Pick) => void) => {
  let options: Suggestion[] = [];
  let active = -1;
  let controller: AbortController | undefined;
  const setActive = (index: number) => {
    active = index;
    list.querySelectorAll("[role=option]").forEach((el, i) => {
      el.setAttribute("aria-selected", String(i === index));
    });
    if (index < 0) input.removeAttribute("aria-activedescendant");
    else input.setAttribute("aria-activedescendant", `q-option-${index}`);
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  };
  const show = (found: Suggestion[]) => {
    options = found.slice(0, MAX_OPTIONS);
    list.replaceChildren(...options.map(optionElement));
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", String(options.length > 0));
    setActive(-1);
  };
  const pick = (index: number) => {
    const chosen = options[index];
    close();
    if (chosen) onPick(pickOf(chosen));
  };
  const suggest = async () => {
    controller?.abort();
    const q = input.value.trim();
    if (q.length < 2) return close();
    controller = new AbortController();
    try {
      const response = await fetch(`/api/suggest?${new URLSearchParams({ q })}`, {
        signal: controller.signal,
      });
      if (response.ok) show(((await response.json()) as { suggestions: Suggestion[] }).suggestions);
    } catch {
      // No suggestions is fine: the search itself still runs.
    }
  };
  input.addEventListener("input", () => void suggest());
  input.addEventListener("blur", () => window.setTimeout(close, 150));
  input.addEventListener("keydown", (event) => {
    if (list.hidden && event.key !== "ArrowDown") return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves) {
      event.preventDefault();
      if (list.hidden) return void suggest();
      // The options and the input itself form a ring: past the last option is the input.
      const n = options.length;
      const next = ((active < 0 ? n : active) + (moves[event.key] ?? 0) + n + 1) % (n + 1);
      setActive(next === n ? -1 : next);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      pick(active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  list.addEventListener("mousedown", (event) => {
    const option = (event.target as HTMLElement).closest("[role=option]");
    if (!option) return;
    event.preventDefault();
    pick([...list.children].indexOf(option));
  });
  return { close };
};
