/** HTML listing pages as a discovery channel (`type: 'listing'`), on hand-written markup. */
import { describe, expect, it } from 'vitest';
import type { ListingSource } from '../../pipeline/agencies/types.ts';
import { DiscoveryError, parseListing } from '../../pipeline/discover/index.ts';
import { fixture } from '../support/fixtures.ts';

const WH: ListingSource = {
  type: 'listing', path: '/briefings-statements/', item: 'li.wp-block-post', link: '.wp-block-post-title a',
  date: { selector: '.wp-block-post-date time', attr: 'datetime' },
};

describe('parseListing', () => {
  it('reads each entry\'s link, absolute or relative, and its datetime', () => {
    const entries = parseListing(fixture('whitehouse/www/briefings-statements/index.html'), 'http://127.0.0.1:8080/briefings-statements/', WH);
    expect(entries).toEqual([
      { loc: 'https://www.whitehouse.gov/briefings-statements/2025/03/press-briefing-by-press-secretary-karoline-leavitt-2/', date: '2025-03-11T17:52:09-04:00' },
      { loc: 'http://127.0.0.1:8080/briefings-statements/2025/03/statement-on-the-national-day-of-examplestan/', date: '2025-03-10T11:00:00-04:00' },
    ]);
  });

  it('takes the item itself as the link, and a printed date as its calendar day', () => {
    const html = '<div><a class="t" href="/a/1/">One</a><span>Sept. 15, 2026</span></div><div><a class="t" href="/a/2/">Two</a></div>';
    expect(parseListing(html, 'https://x.example/list/', { type: 'listing', path: '/list/', item: 'a.t' })).toEqual([
      { loc: 'https://x.example/a/1/' },
      { loc: 'https://x.example/a/2/' },
    ]);
    expect(parseListing(html, 'https://x.example/list/', { type: 'listing', path: '/list/', item: 'div', date: 'span' })[0]).toEqual({
      loc: 'https://x.example/a/1/', date: '2026-09-15',
    });
  });

  it('fails, naming the selector, when no entry matches (a changed template)', () => {
    expect(() => parseListing('<main><p>Nothing here</p></main>', 'https://x.example/list/', WH)).toThrow(DiscoveryError);
    expect(() => parseListing('<main></main>', 'https://x.example/list/', WH)).toThrow(/no entry matching li\.wp-block-post/);
  });
});
