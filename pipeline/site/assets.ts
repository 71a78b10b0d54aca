/**
 * The site's two static assets: one stylesheet and the Browse page's script. No framework and no
 * CDN: the script builds every element with createElement/textContent, so dataset text is never
 * parsed as HTML in the browser either.
 */
import { SHARDS, STOPWORDS } from './search-index.ts';

export const STYLE_CSS = `:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--link:#0b5cad;--line:#d0d0d0;--official:#f1f6fc;--journalist:#fdf6ea;--moderator:#eef7ef;--ins:#d7f5dd;--del:#fbe0e0}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,main:focus-visible{outline:3px solid #e8a400;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
header.site,footer.site,main{max-width:60rem;margin:0 auto;padding:.75rem 1rem}
header.site{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;border-bottom:1px solid var(--line)}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none;color:var(--fg)}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
nav a[aria-current]{font-weight:700;text-decoration:none;color:var(--fg)}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.875rem}
h1{font-size:1.6rem;line-height:1.25}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border-bottom:1px solid var(--line);padding:.25rem .75rem .25rem 0;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.meta dt{font-weight:600}dl.meta dd{margin:0;min-width:0;overflow-wrap:anywhere}
.turn{border-left:4px solid var(--line);padding:.25rem .75rem;margin:.75rem 0}
.turn .who{margin:0;font-size:.95rem}.turn .who a{color:var(--muted);text-decoration:none;margin-right:.25rem}
.turn .role{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);margin-left:.4rem}
.role-official{background:var(--official);border-left-color:#3a6ea5}
.role-journalist{background:var(--journalist);border-left-color:#a86a00}
.role-moderator{background:var(--moderator);border-left-color:#2e7d32}
.turn:target{outline:3px solid #e8a400}
ins{background:var(--ins);text-decoration:underline}del{background:var(--del)}
.change{font-weight:700}
.diff-turn{border-left:4px solid var(--line);padding:.25rem .75rem;margin:.75rem 0}
.diff-turn h3{font-size:1rem;margin:.25rem 0}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end}
form.filters label{display:flex;flex-direction:column;font-size:.9rem}
input,select,button{font:inherit;padding:.3rem .4rem;min-height:2.25rem}
ol.results{padding-left:1.25rem}ol.results li{margin:.4rem 0}
.small{font-size:.875rem;color:var(--muted)}
pre{background:#f4f4f4;padding:.75rem;overflow-x:auto;white-space:pre-wrap}
.turn .who a.person,.turn .who a.outlet{color:var(--link);text-decoration:underline;margin:0}
.cite{background:#f4f4f4;padding:.5rem .75rem;overflow-wrap:anywhere}
.scroll{overflow-x:auto}.scroll caption{text-align:left}
figure.chart{margin:1rem 0}figure.chart svg{width:100%;height:auto;display:block}figure.chart figcaption{font-size:.875rem;color:var(--muted)}
ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.25rem 0;font-size:.875rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-.05rem}
`;

/** The Browse page: filters over catalog.json, word search over the shards in search/. */
export const BROWSE_JS = `'use strict';
(function () {
  var SHARDS = ${SHARDS};
  var STOP = new Set(${JSON.stringify(STOPWORDS)});
  var PAGE = 50;
  var base = document.body.getAttribute('data-base') || '/';
  var form = document.getElementById('filters');
  var list = document.getElementById('results');
  var status = document.getElementById('status');
  var more = document.getElementById('more');
  var catalog = null, shown = 0, matches = [], shardCache = new Map();

  function tokenize(text) {
    return (text.toLowerCase().normalize('NFKC').match(/[\\p{L}\\p{N}]+/gu) || []).filter(function (w) { return w.length > 1 && !STOP.has(w); });
  }
  function shardOf(word) {
    var h = 0x811c9dc5;
    for (var i = 0; i < word.length; i++) { h ^= word.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h % SHARDS;
  }
  function getJson(path) {
    return fetch(base + path).then(function (r) { if (!r.ok) throw new Error(path + ': HTTP ' + r.status); return r.json(); });
  }
  function shard(n) {
    if (!shardCache.has(n)) shardCache.set(n, getJson('search/' + n + '.json'));
    return shardCache.get(n);
  }
  function postings(word) {
    return shard(shardOf(word)).then(function (s) {
      var deltas = Object.prototype.hasOwnProperty.call(s, word) ? s[word] : [];
      var out = new Set(), doc = 0;
      for (var i = 0; i < deltas.length; i++) { doc = i === 0 ? deltas[0] : doc + deltas[i]; out.add(doc); }
      return out;
    });
  }
  function option(select, value, label) {
    var o = document.createElement('option'); o.value = value; o.textContent = label; select.appendChild(o);
  }
  function fill() {
    var agency = form.elements.agency, kind = form.elements.kind, year = form.elements.year, speakers = document.getElementById('speakers');
    catalog.agencies.forEach(function (a, i) { option(agency, String(i), a); });
    catalog.kinds.forEach(function (k, i) { option(kind, String(i), k); });
    var years = new Set(catalog.items.map(function (it) { return it[2].slice(0, 4); }));
    Array.from(years).sort().reverse().forEach(function (y) { option(year, y, y); });
    catalog.speakers.forEach(function (s) { option(speakers, s, s); });
    var params = new URLSearchParams(location.search);
    ['q', 'agency', 'kind', 'year', 'speaker'].forEach(function (name) {
      var v = params.get(name); if (v === null) return;
      var el = form.elements[name];
      if (el.tagName === 'SELECT') {
        var idx = name === 'agency' ? catalog.agencies.indexOf(v) : name === 'kind' ? catalog.kinds.indexOf(v) : -1;
        el.value = idx >= 0 ? String(idx) : v;
      } else el.value = v;
    });
  }
  function render() {
    var end = Math.min(matches.length, shown + PAGE);
    for (; shown < end; shown++) {
      var it = catalog.items[matches[shown]];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = base + 't/' + it[0] + '/';
      a.textContent = it[1];
      var meta = document.createElement('span');
      meta.className = 'small';
      meta.textContent = ' ' + it[2] + ' · ' + catalog.agencies[it[3]] + ' · ' + catalog.kinds[it[4]];
      li.appendChild(a); li.appendChild(meta); list.appendChild(li);
    }
    more.hidden = shown >= matches.length;
  }
  function apply() {
    var f = form.elements;
    var words = tokenize(f.q.value);
    var speaker = f.speaker.value.trim().toLowerCase();
    var speakerIds = speaker ? catalog.speakers.map(function (s, i) { return s.toLowerCase().indexOf(speaker) >= 0 ? i : -1; }).filter(function (i) { return i >= 0; }) : null;
    status.textContent = 'Searching…';
    return Promise.all(words.map(postings)).then(function (sets) {
      matches = [];
      catalog.items.forEach(function (it, n) {
        if (f.agency.value !== '' && String(it[3]) !== f.agency.value) return;
        if (f.kind.value !== '' && String(it[4]) !== f.kind.value) return;
        if (f.year.value !== '' && it[2].slice(0, 4) !== f.year.value) return;
        if (speakerIds && !it[5].some(function (s) { return speakerIds.indexOf(s) >= 0; })) return;
        for (var i = 0; i < sets.length; i++) if (!sets[i].has(n)) return;
        matches.push(n);
      });
      list.textContent = ''; shown = 0; render();
      status.textContent = matches.length + (matches.length === 1 ? ' transcript' : ' transcripts') + (words.length ? ' containing ' + words.join(' ') : '');
    });
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.addEventListener('change', function (e) { if (e.target.name !== 'q' && e.target.name !== 'speaker') apply(); });
  more.addEventListener('click', render);
  getJson('catalog.json').then(function (c) { catalog = c; fill(); return apply(); }).catch(function (e) { status.textContent = 'Could not load the catalog: ' + e.message; });
})();
`;
