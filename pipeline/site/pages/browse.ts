/** Browse: filters and a search box; the list itself is drawn by assets/browse.js from the split catalog (catalog.ts). */
import { page } from '../layout.ts';

export function browsePage(base: string): string {
  const body = `<h1>Browse transcripts</h1>
<form id="filters" class="filters" role="search" action="">
<label>Words in the title or the turns <input type="search" name="q" id="q" autocomplete="off"></label>
<label>Agency <select name="agency"><option value="">All</option></select></label>
<label>Kind <select name="kind"><option value="">All</option></select></label>
<label>Year <select name="year"><option value="">All</option></select></label>
<label>Speaker <input type="text" name="speaker" list="speakers" autocomplete="off"></label>
<datalist id="speakers"></datalist>
<button type="submit">Search</button>
</form>
<p id="status" role="status" aria-live="polite">Loading the catalog…</p>
<noscript><p>Search and filters need JavaScript. Every transcript is also listed in <a href="../data/index.json">index.json</a>.</p></noscript>
<ol id="results" class="results"></ol>
<button type="button" id="more" hidden>Show more</button>`;
  return page({ base, title: 'Browse', body, path: 'browse/', scripts: ['assets/browse.js'] });
}
