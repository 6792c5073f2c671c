import type { SearchParams } from "../../search/search-params.ts";
import { searchHref } from "../url-state.ts";

/**
 * Previous and next page links with the current position; nothing for a single page.
 *
 * @example
 * <Pagination params={params} totalPages={3} />
 */
export const Pagination = ({
  params,
  totalPages,
}: {
  params: SearchParams;
  totalPages: number;
}) => {
  if (totalPages <= 1) return null;
  const page = Math.min(params.page, totalPages);
  return (
    <nav class="pagination" aria-label="Result pages">
      {page > 1 ? (
        <a data-nav rel="prev" href={searchHref({ ...params, page: page - 1 })}>
          ← Previous
        </a>
      ) : null}
      <span aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a data-nav rel="next" href={searchHref({ ...params, page: page + 1 })}>
          Next →
        </a>
      ) : null}
    </nav>
  );
};
