/**
 * The filters as a drawer on narrow screens: "Filters (n)" opens it, Tab cycles inside it
 * while it is open (it covers the page), "Show results" or Escape closes it and brings the
 * results into view (Escape returns the focus to "Filters (n)"). The drawer is the same fieldsets, so
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

/** What Tab can reach inside the open drawer, in order. */
const FOCUSABLE =
  "input:not([disabled]), button:not([disabled]), summary, a[href], select, [tabindex='0']";

/** Keeps Tab and Shift+Tab inside the open drawer: past its last control comes its first. */
const trapTab = (event: KeyboardEvent, panel: HTMLElement | null) => {
  const inside = [...(panel?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
    (element) => element.getClientRects().length > 0,
  );
  const [first, last] = [inside[0], inside.at(-1)];
  if (!first || !last) return;
  const active = document.activeElement;
  const leaving = event.shiftKey ? active === first : active === last;
  if (leaving || !panel?.contains(active)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
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
      // The button just pressed is hidden with the drawer: the focus goes on to the results.
      showResults();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (!open) return;
    if (event.key === "Tab") trapTab(event, region.querySelector(".filters__panel"));
    if (event.key !== "Escape") return;
    set(false);
    region.querySelector<HTMLElement>(".filters__toggle")?.focus();
  });
  return { reapply: () => apply(region) };
};
