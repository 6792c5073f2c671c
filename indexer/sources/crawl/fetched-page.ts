/** A page as fetched (or read back from the cache); only 2xx answers become pages. */
export type FetchedPage = {
  /** The URL asked for, normalised (see `normaliseUrl`). */
  url: string;
  /** The URL that answered, after same-host redirects. */
  finalUrl: string;
  status: number;
  contentType: string;
  body: Buffer;
  /** When the page was fetched from the server, as an ISO date-time. */
  retrievedAt: string;
  fromCache: boolean;
};
