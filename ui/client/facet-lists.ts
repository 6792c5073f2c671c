/**
 * What the facet lists need from the script: the country box narrows the country list as you
 * type, and "Show more" stays open when the region is replaced.
 */

/** The "Show more" lists the user opened, by facet, kept across the region's updates. */
const opened = new Set<string>();
/** What was typed in each find box, kept across the region's updates. */
const typed = new Map<string, string>();

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Says, under a find box, that nothing matches what was typed (empty and hidden otherwise). */
const sayNone = (group: Element, facet: string, shown: number) => {
  const typedText = typed.get(facet) ?? "";
  let none = group.querySelector<HTMLElement>(".filter-none");
  if (!none) {
    none = document.createElement("p");
    none.className = "filter-none";
    none.setAttribute("role", "status");
    group.append(none);
  }
  none.hidden = typedText.trim() === "" || shown > 0;
  none.textContent = none.hidden ? "" : `No ${facet} matches “${typedText}”`;
};

/** Hides the options of a facet whose label does not contain the text typed in its box. */
const narrow = (region: HTMLElement, facet: string) => {
  const text = fold((typed.get(facet) ?? "").trim());
  const group = region.querySelector(`[data-group="${facet}"]`);
  if (!group) return;
  let shown = 0;
  group.querySelectorAll<HTMLElement>(".filter-option").forEach((option) => {
    option.hidden = text !== "" && !fold(option.textContent ?? "").includes(text);
    shown += option.hidden ? 0 : 1;
  });
  const more = group.querySelector<HTMLDetailsElement>("details");
  if (more && text !== "") more.open = true;
  sayNone(group, facet, shown);
};

/**
 * Wires the find boxes and "Show more" lists of the region; call `reapply` after each update.
 *
 * @example
 * const facets = facetLists(region);
 */
export const facetLists = (region: HTMLElement) => {
  region.addEventListener("input", (event) => {
    const box = event.target as HTMLInputElement;
    if (!box.dataset.find) return;
    typed.set(box.dataset.find, box.value);
    narrow(region, box.dataset.find);
  });
  region.addEventListener(
    "toggle",
    (event) => {
      const more = event.target as HTMLDetailsElement;
      if (!more.dataset?.more) return;
      if (more.open) opened.add(more.dataset.more);
      else opened.delete(more.dataset.more);
    },
    true,
  );
  const reapply = () => {
    for (const facet of opened)
      region
        .querySelector<HTMLDetailsElement>(`details[data-more="${facet}"]`)
        ?.setAttribute("open", "");
    for (const [facet, text] of typed) {
      const box = region.querySelector<HTMLInputElement>(`[data-find="${facet}"]`);
      if (box) box.value = text;
      narrow(region, facet);
    }
  };
  return { reapply };
};
