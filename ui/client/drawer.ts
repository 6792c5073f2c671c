/**
 * The filters as a drawer on narrow screens: "Filters (n)" opens it, "Show results" or
 * Escape closes it and brings the results into view. The drawer is the same fieldsets, so
 * filters apply at once while it is open. The button lives in the results region, which is
 * replaced on every search: the drawer's state is kept on the region and re-applied.
 */

const OPEN_CLASS = "filters--open";

/** Whether the drawer is open, kept across the region's updates. */
let open = false;

const apply = (region: HTMLElement) => {
  const filters = region.querySelector<HTMLElement>(".filters");
  filters?.classList.toggle(OPEN_CLASS, open);
  region.querySelector(".filters__toggle")?.setAttribute("aria-expanded", String(open));
  document.documentElement.classList.toggle("drawer-open", open);
};

/**
 * Wires the drawer's buttons inside the region; call `reapply` after each update.
 *
 * @example
 * const drawer = filtersDrawer(region, () => results.scrollIntoView());
 */
export const filtersDrawer = (region: HTMLElement, showResults: () => void) => {
  const set = (value: boolean) => {
    open = value;
    apply(region);
  };
  region.addEventListener("click", (event) => {
    const target = event.target as HTMLElement;
    if (target.closest(".filters__toggle")) {
      set(!open);
      if (open) region.querySelector<HTMLElement>(".filters__panel input:not([disabled])")?.focus();
    } else if (target.closest(".filters__close")) {
      set(false);
      showResults();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !open) return;
    set(false);
    region.querySelector<HTMLElement>(".filters__toggle")?.focus();
  });
  return { reapply: () => apply(region) };
};
