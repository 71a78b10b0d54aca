/**
 * The site's two static assets: one stylesheet and the Browse page's script. No framework and no
 * CDN: the script builds every element with createElement/textContent, so dataset text is never
 * parsed as HTML in the browser either.
 */
import { RANGES, SHARDS, STOPWORDS } from './search-index.ts';

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
blockquote.passage{margin:.35rem 0 .5rem;padding:.25rem .75rem;border-left:3px solid var(--line);background:#fafafa}blockquote.passage p{margin:.2rem 0}blockquote.passage .who a{color:var(--muted)}
mark{background:#ffe58a;color:inherit}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-.05rem}
`;

/**
 * The Browse page: filters over the split catalog (catalog/, laid out in catalog.ts: only the chunks
 * holding the results on screen are fetched, the facets and speakers only when filtered on), passage
 * search over the shards in search/ (laid out in search-index.ts): a query walks the transcripts
 * newest first and stops at a page of hits, fetching a common word's later ranges only when the
 * walk reaches them and its rarest word holds a transcript there. A hit is
 * a transcript holding every word; its passages are the turns holding them all, read (text, speaker)
 * from the transcript's own page with DOMParser, which runs nothing. A quoted phrase must appear as
 * consecutive words in one turn; that is checked on the page text, for at most PHRASE_CHECKS
 * candidate transcripts (newest first) per query, and the status says when it stopped there.
 */
export const BROWSE_JS = `'use strict';
(function () {
  var SHARDS = ${SHARDS}, RANGES = ${RANGES};
  var STOP = new Set(${JSON.stringify(STOPWORDS)});
  var PAGE = 25, PASSAGES = 3, PHRASE_CHECKS = 60, SNIPPET = 320;
  var base = document.body.getAttribute('data-base') || '/';
  var form = document.getElementById('filters');
  var list = document.getElementById('results');
  var status = document.getElementById('status');
  var more = document.getElementById('more');
  var meta = null, shown = 0, matches = [], shardCache = new Map(), rangeCache = new Map(), pageCache = new Map(), query = null, generation = 0;
  var chunkCache = new Map(), facets = null, speakerIndex = null, rendering = null;

  function words(text) { return text.toLowerCase().normalize('NFKC').match(/[\\p{L}\\p{N}]+/gu) || []; }
  function tokenize(text) {
    return words(text).filter(function (w) { return w.length > 1 && !STOP.has(w); });
  }
  function shardOf(word) {
    var h = 0x811c9dc5;
    for (var i = 0; i < word.length; i++) { h ^= word.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h % SHARDS;
  }
  function getJson(path) {
    return fetch(base + path).then(function (r) { if (!r.ok) throw new Error(path + ': HTTP ' + r.status); return r.json(); });
  }
  /** A search file, stored gzipped (page-sets.ts); a server that sent it with Content-Encoding has decoded it already. */
  function getGzJson(path) {
    return fetch(base + path).then(function (r) {
      if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (buf) {
      var bytes = new Uint8Array(buf);
      if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
      return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).json();
    });
  }
  function chunk(k) {
    if (!chunkCache.has(k)) chunkCache.set(k, getJson('catalog/' + k + '.json'));
    return chunkCache.get(k);
  }
  /** The catalog items ([id, title, date, agency, kind]) of transcripts ns, in that order. */
  function items(ns) {
    return Promise.all(ns.map(function (n) { return chunk(Math.floor(n / meta.chunk)).then(function (c) { return c[n % meta.chunk]; }); }));
  }
  function getFacets() { return facets || (facets = getJson('catalog/facets.json')); }
  /** Speaker names (also offered in the speaker box) and the transcripts each speaks in. */
  function getSpeakers() {
    if (!speakerIndex) speakerIndex = getJson('catalog/speakers.json').then(function (s) {
      var box = document.getElementById('speakers');
      s.names.forEach(function (name) { option(box, name, name); });
      return s;
    });
    return speakerIndex;
  }
  function shard(n) {
    if (!shardCache.has(n)) shardCache.set(n, getGzJson('search/' + n + '.json.gz'));
    return shardCache.get(n);
  }
  function rangeFile(s, k) {
    var key = s + '/' + k;
    if (!rangeCache.has(key)) rangeCache.set(key, getGzJson('search/' + key + '.json.gz'));
    return rangeCache.get(key);
  }
  function has(o, key) { return Object.prototype.hasOwnProperty.call(o, key); }
  /** The range of transcript numbers n lies in (rangeSize in search-index.ts). */
  function rangeOf(n) { return Math.floor(n / Math.max(1, Math.ceil(meta.count / RANGES))); }
  /** Adds a posting list (layout in search-index.ts) to docs: transcript number → parts holding the word. */
  function decode(list, docs) {
    var doc = 0;
    for (var i = 0, first = true; i < list.length; first = false) {
      doc = first ? list[i] : doc + list[i];
      var k = list[i + 1], parts = [];
      for (var j = 0; j < k; j++) parts.push(j ? parts[j - 1] + list[i + 2 + j] : list[i + 2]);
      docs.set(doc, parts); i += 2 + k;
    }
    return docs;
  }
  /**
   * A query word from its shard: the postings known so far (a long word's head: all of them up to
   * transcript last), how many transcripts hold it, and the ranges still to fetch for the rest.
   */
  function postings(word) {
    var s = shardOf(word);
    return shard(s).then(function (sh) {
      var e = has(sh, word) ? sh[word] : [], w = { word: word, shard: s, docs: new Map(), total: 0, last: Infinity, ranges: new Set(), loaded: new Set() };
      if (Array.isArray(e)) { decode(e, w.docs); w.total = w.docs.size; return w; }
      decode(e.p, w.docs); w.total = e.n; w.last = e.p.length ? Array.from(w.docs.keys()).pop() : -1;
      e.r.forEach(function (k) { w.ranges.add(k); });
      return w;
    });
  }
  /** Whether w's postings are known at transcript n. */
  function known(w, n) { if (n <= w.last) return true; var k = rangeOf(n); return !w.ranges.has(k) || w.loaded.has(k); }
  function complete(w) { return w.loaded.size === w.ranges.size; }
  function load(w, k) {
    return rangeFile(w.shard, k).then(function (f) {
      if (w.loaded.has(k)) return;
      if (has(f, w.word)) decode(f[w.word], w.docs);
      w.loaded.add(k);
    });
  }
  /** Whether transcript n passes the agency, kind and speaker filters. */
  function passes(n) {
    var f = query.filter;
    if (f.agency !== '' && String(f.facets.agency[n]) !== f.agency) return false;
    if (f.kind !== '' && String(f.facets.kind[n]) !== f.kind) return false;
    return !f.speakers || f.speakers.has(n);
  }
  /**
   * Walks the query's transcripts newest first from query.cursor until need of them hold every
   * word (with a phrase: all in one turn) or none are left. A word's range is fetched only when a
   * transcript in it could still match: the rarest word (the driver) has it, or it is the driver.
   */
  function scan(need) {
    var q = query;
    while (q === query && q.found.length < need && q.cursor < q.to) {
      var n = q.cursor, d = q.driver;
      if (d && !known(d, n)) return load(d, rangeOf(n)).then(function () { return scan(need); });
      if ((!d || d.docs.has(n)) && passes(n)) {
        var missing = q.ws.filter(function (w) { return !known(w, n); });
        if (missing.length) return Promise.all(missing.map(function (w) { return load(w, rangeOf(n)); })).then(function () { return scan(need); });
        var parts = null, all = true;
        for (var i = 0; i < q.ws.length && all; i++) {
          var here = q.ws[i].docs.get(n);
          if (!here) all = false;
          else parts = parts === null ? here : parts.filter(function (p) { return here.indexOf(p) >= 0; });
        }
        // Every word in the transcript; passages are the turns holding them all (maybe none).
        // A phrase lies inside one turn: only transcripts with such a turn can match it.
        if (all && (!q.phrases.length || (parts || []).some(function (p) { return p > 0; }))) { q.parts.set(n, parts || []); q.found.push(n); }
      }
      q.cursor++;
    }
    return Promise.resolve();
  }
  function exhausted() { return query.phrases.length > 0 || query.cursor >= query.to; }
  /** Quoted phrases ("…" or “…”) as word lists, and every indexed word of the query. */
  function parse(q) {
    var phrases = [];
    q.replace(/"([^"]+)"|\\u201c([^\\u201d]+)\\u201d/g, function (_, a, b) { var w = words(a || b); if (w.length > 1) phrases.push(w); return ' '; });
    return { text: q.trim(), words: Array.from(new Set(tokenize(q))), phrases: phrases };
  }
  function hasPhrase(seq, phrase) {
    outer: for (var i = 0; i + phrase.length <= seq.length; i++) {
      for (var j = 0; j < phrase.length; j++) if (seq[i + j] !== phrase[j]) continue outer;
      return true;
    }
    return false;
  }
  /** The transcript's page, parsed (never run): turn n → { speaker, paragraphs }. */
  function turnsOf(id) {
    if (!pageCache.has(id)) {
      pageCache.set(id, fetch(base + 't/' + id + '/').then(function (r) {
        if (!r.ok) throw new Error('t/' + id + '/: HTTP ' + r.status);
        return r.text();
      }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html'), turns = new Map();
        doc.querySelectorAll('.turn[id^="t"]').forEach(function (el) {
          var who = el.querySelector('.who strong');
          var paras = Array.from(el.querySelectorAll(':scope > p:not(.who)')).map(function (p) { return p.textContent; });
          turns.set(Number(el.id.slice(1)), { speaker: who ? who.textContent : '', paragraphs: paras });
        });
        return turns;
      }));
    }
    return pageCache.get(id);
  }
  /** Turns of this transcript that hold every word and every phrase, in order. */
  function passages(n, id) {
    var parts = query.parts.get(n) || [];
    var turnsWanted = parts.filter(function (p) { return p > 0; }).slice(0, query.phrases.length ? Infinity : PASSAGES);
    if (!turnsWanted.length) return Promise.resolve([]);
    return turnsOf(id).then(function (turns) {
      return turnsWanted.map(function (t) { return { n: t, turn: turns.get(t) }; }).filter(function (p) {
        if (!p.turn) return false;
        var seq = words(p.turn.paragraphs.join(' '));
        return query.phrases.every(function (ph) { return hasPhrase(seq, ph); });
      });
    });
  }
  function pattern() {
    var alts = query.phrases.map(function (ph) { return ph.map(escapeRe).join('[^\\\\p{L}\\\\p{N}]+'); }).concat(query.words.map(escapeRe));
    return alts.length ? new RegExp('(?<![\\\\p{L}\\\\p{N}])(?:' + alts.join('|') + ')(?![\\\\p{L}\\\\p{N}])', 'giu') : null;
  }
  function escapeRe(s) { return s.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&'); }
  /** A paragraph of the turn around its first match, the matches in <mark>, built from text nodes. */
  function snippet(turn) {
    var re = pattern(), para = turn.paragraphs.find(function (p) { re.lastIndex = 0; return re.test(p); }) || turn.paragraphs[0] || '';
    re.lastIndex = 0;
    var first = re.exec(para), start = 0;
    if (first && para.length > SNIPPET) start = Math.max(0, Math.min(first.index - SNIPPET / 3, para.length - SNIPPET));
    var text = (start > 0 ? '…' : '') + para.slice(start, start + SNIPPET) + (start + SNIPPET < para.length ? '…' : '');
    var p = document.createElement('p'), at = 0, m;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      p.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement('mark'); mark.textContent = m[0]; p.appendChild(mark);
      at = m.index + m[0].length;
    }
    p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }
  function showPassages(li, it, n, found) {
    found.slice(0, PASSAGES).forEach(function (hit) {
      var q = document.createElement('blockquote'); q.className = 'passage';
      var who = document.createElement('p'); who.className = 'who';
      var a = document.createElement('a'); a.href = base + 't/' + it[0] + '/#t' + hit.n; a.textContent = '#' + hit.n;
      var name = document.createElement('strong'); name.textContent = ' ' + hit.turn.speaker;
      var meta = document.createElement('span'); meta.className = 'small'; meta.textContent = ' · ' + it[1] + ' · ' + it[2];
      who.appendChild(a); who.appendChild(name); who.appendChild(meta);
      q.appendChild(who); q.appendChild(snippet(hit.turn)); li.appendChild(q);
    });
    var total = query.phrases.length ? found.length : (query.parts.get(n) || []).filter(function (p) { return p > 0; }).length;
    if (total > PASSAGES) {
      var rest = document.createElement('p'); rest.className = 'small'; rest.textContent = (total - PASSAGES) + ' more in this transcript';
      li.appendChild(rest);
    }
  }
  function option(select, value, label) {
    var o = document.createElement('option'); o.value = value; o.textContent = label; select.appendChild(o);
  }
  function fill() {
    var agency = form.elements.agency, kind = form.elements.kind, year = form.elements.year;
    meta.agencies.forEach(function (a, i) { option(agency, String(i), a); });
    meta.kinds.forEach(function (k, i) { option(kind, String(i), k); });
    meta.years.forEach(function (y) { option(year, y[0], y[0]); });
    var params = new URLSearchParams(location.search);
    ['q', 'agency', 'kind', 'year', 'speaker'].forEach(function (name) {
      var v = params.get(name); if (v === null) return;
      var el = form.elements[name];
      if (el.tagName === 'SELECT') {
        var idx = name === 'agency' ? meta.agencies.indexOf(v) : name === 'kind' ? meta.kinds.indexOf(v) : -1;
        el.value = idx >= 0 ? String(idx) : v;
      } else el.value = v;
    });
  }
  /** Draws the next PAGE matches once they are found and their catalog chunks are in; one draw at a time. */
  function render() {
    if (rendering) return rendering;
    var mine = generation;
    rendering = scan(shown + PAGE).then(function () {
      var slice = matches.slice(shown, shown + PAGE);
      return items(slice).then(function (its) { return { slice: slice, its: its }; });
    }).then(function (got) {
      rendering = null;
      if (mine !== generation) return;
      got.its.forEach(function (it, i) {
        var n = got.slice[i];
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.className = 'title';
        a.href = base + 't/' + it[0] + '/';
        a.textContent = it[1];
        var info = document.createElement('span');
        info.className = 'small';
        info.textContent = ' ' + it[2] + ' · ' + meta.agencies[it[3]] + ' · ' + meta.kinds[it[4]];
        li.appendChild(a); li.appendChild(info); list.appendChild(li);
        if (query.words.length) {
          var ready = query.checked.has(n) ? Promise.resolve(query.checked.get(n)) : passages(n, it[0]);
          ready.then(function (found) { if (mine === generation) showPassages(li, it, n, found); }).catch(function () {});
        }
      });
      shown += got.slice.length;
      more.hidden = shown >= matches.length && exhausted();
      status.textContent = describe();
    }, function (e) { rendering = null; throw e; });
    return rendering;
  }
  /** How many transcripts match: exact once the walk is done, or for one word unfiltered (its shard says). */
  function describe() {
    var count = matches.length, exact = exhausted();
    if (!exact && query.ws.length === 1 && !query.filtered) { count = query.ws[0].total; exact = true; }
    var what = query.phrases.length ? ' containing ' + query.text : query.words.length ? ' containing ' + query.words.join(' ') : '';
    return (exact ? '' : 'At least ') + count + (count === 1 ? ' transcript' : ' transcripts') + what + (query.capped ? ' among the newest ' + PHRASE_CHECKS + ' that hold its words' : '');
  }
  function apply() {
    var f = form.elements, mine = ++generation;
    query = parse(f.q.value);
    query.parts = new Map(); query.checked = new Map(); query.found = []; query.ws = []; query.driver = null; query.capped = false;
    query.cursor = 0; query.to = 0; query.filter = { agency: f.agency.value, kind: f.kind.value, facets: null, speakers: null };
    var speaker = f.speaker.value.trim().toLowerCase();
    var faceted = f.agency.value !== '' || f.kind.value !== '';
    query.filtered = faceted || speaker !== '' || f.year.value !== '';
    status.textContent = 'Searching…';
    rendering = null;
    return Promise.all([Promise.all(query.words.map(postings)), faceted ? getFacets() : null, speaker ? getSpeakers() : null]).then(function (got) {
      if (mine !== generation) return null;
      var sp = got[2], from = 0, to = meta.count;
      query.ws = got[0]; query.filter.facets = got[1];
      query.driver = query.ws.reduce(function (a, w) { return a && a.total <= w.total ? a : w; }, null);
      if (sp) {
        query.filter.speakers = new Set();
        sp.names.forEach(function (name, i) {
          if (name.toLowerCase().indexOf(speaker) < 0) return;
          var d = 0; sp.docs[i].forEach(function (x, j) { d = j ? d + x : x; query.filter.speakers.add(d); });
        });
      }
      // Newest first, so a year is one range of transcript numbers.
      if (f.year.value !== '') {
        var y = meta.years.filter(function (y) { return y[0] === f.year.value; })[0];
        from = y ? y[1] : 0; to = y ? y[2] : 0;
      }
      query.cursor = from; query.to = to;
      // Without fetching anything more, walk to the end for an exact count; else far enough for a page.
      if (!query.phrases.length) return scan(query.ws.every(complete) ? Infinity : PAGE).then(function () { return query.found; });
      return scan(PHRASE_CHECKS + 1).then(function () {
        query.capped = query.found.length > PHRASE_CHECKS;
        var check = query.found.slice(0, PHRASE_CHECKS);
        return items(check).then(function (its) {
          return Promise.all(check.map(function (n, i) {
            return passages(n, its[i][0]).then(function (found) { query.checked.set(n, found); return found.length ? n : -1; }, function () { return -1; });
          }));
        }).then(function (ns) { return ns.filter(function (n) { return n >= 0; }); });
      });
    }).then(function (result) {
      if (!result || mine !== generation) return;
      matches = result;
      list.textContent = ''; shown = 0;
      return render();
    }).catch(function (e) { if (mine === generation) status.textContent = 'Could not search: ' + e.message; });
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.addEventListener('change', function (e) { if (e.target.name !== 'q' && e.target.name !== 'speaker') apply(); });
  more.addEventListener('click', function () { render().catch(function (e) { status.textContent = 'Could not load more: ' + e.message; }); });
  form.elements.speaker.addEventListener('focus', function () { getSpeakers().catch(function () {}); });
  getJson('catalog/meta.json').then(function (m) { meta = m; fill(); return apply(); }).catch(function (e) { status.textContent = 'Could not load the catalog: ' + e.message; });
})();
`;
