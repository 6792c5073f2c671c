/** The search page's HTML shell: it works as a plain form and the client script enhances it. */
export const SearchPage = ({ query }: { query: string }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>Learning Cities Search</title>
      <link rel="stylesheet" href="/assets/style.css" />
    </head>
    <body>
      <main>
        <h1>Learning Cities Search</h1>
        <search>
          <form id="search-form" action="/" method="get">
            <label for="q">Search the city profiles</label>
            <input
              id="q"
              name="q"
              type="search"
              value={query}
              placeholder="ageing, digital learning, Espoo…"
              autocomplete="off"
            />
            <button type="submit">Search</button>
          </form>
        </search>
        <p id="status" aria-live="polite" />
        <ol id="results" />
      </main>
      <script type="module" src="/assets/search.js" />
    </body>
  </html>
);
