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

/** The listbox's state and how it is shown: its options and the active one. */
const listState = (input: HTMLInputElement, list: HTMLElement) => {
  const state = { options: [] as Suggestion[], active: -1 };
  const setActive = (index: number) => {
    state.active = index;
    list.querySelectorAll("[role=option]").forEach((el, i) => {
      el.setAttribute("aria-selected", String(i === index));
    });
    if (index < 0) input.removeAttribute("aria-activedescendant");
    else input.setAttribute("aria-activedescendant", `q-option-${index}`);
  };
  const show = (found: Suggestion[]) => {
    state.options = found.slice(0, MAX_OPTIONS);
    list.replaceChildren(...state.options.map(optionElement));
    list.hidden = state.options.length === 0;
    input.setAttribute("aria-expanded", String(state.options.length > 0));
    setActive(-1);
  };
  return { state, setActive, show };
};

/** Fetches the suggestions for what is typed, cancelling the previous request; `cancel` too. */
const suggester = (input: HTMLInputElement, show: (found: Suggestion[]) => void) => {
  let controller: AbortController | undefined;
  const cancel = () => controller?.abort();
  const suggest = async () => {
    cancel();
    const q = input.value.trim();
    if (q.length < 2) return show([]);
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
  return { suggest, cancel };
};

/** The option after (or before) the active one; the input itself sits between last and first. */
const stepped = (active: number, count: number, step: number) => {
  const next = ((active < 0 ? count : active) + step + count + 1) % (count + 1);
  return next === count ? -1 : next;
};

/**
 * Wires the combobox to an input and its listbox; `onPick` acts on the chosen suggestion.
 *
 * @example
 * combobox(input, listbox, (pick) => ("href" in pick ? location.assign(pick.href) : search(pick)));
 */
export const combobox = (input: HTMLInputElement, list: HTMLElement, onPick: (p: Pick) => void) => {
  const { state, setActive, show } = listState(input, list);
  const { suggest, cancel } = suggester(input, show);
  // A suggestion still on its way must not reopen a list the user closed.
  const close = () => {
    cancel();
    show([]);
  };
  const pick = (index: number) => {
    const chosen = state.options[index];
    close();
    if (chosen) onPick(pickOf(chosen));
  };
  const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
  input.addEventListener("input", () => void suggest());
  input.addEventListener("blur", () => window.setTimeout(close, 150));
  input.addEventListener("keydown", (event) => {
    if (list.hidden && event.key !== "ArrowDown") return;
    const step = steps[event.key];
    if (step !== undefined) {
      if (list.hidden) void suggest();
      else setActive(stepped(state.active, state.options.length, step));
    } else if (event.key === "Enter") {
      // Enter on no option searches what was typed: the list closes, the form submits.
      if (state.active < 0) return close();
      pick(state.active);
    } else if (event.key === "Escape") close();
    else return;
    event.preventDefault();
  });
  list.addEventListener("mousedown", (event) => {
    const option = (event.target as HTMLElement).closest("[role=option]");
    if (!option) return;
    event.preventDefault();
    pick([...list.children].indexOf(option));
  });
  return { close };
};
