import { describe, expect, it } from 'vitest';
import { decidingRule, isAllowed, parseRobots, productToken } from '../../pipeline/fetch/robots.ts';

describe('parseRobots', () => {
  it('reads state.gov as quoted in 2026: crawl-delay, an empty Disallow, a sitemap', () => {
    const policy = parseRobots(
      'User-agent: *\ncrawl-delay: 5\n\n# Yoast\nUser-agent: *\nDisallow:\n\nSitemap: https://www.state.gov/sitemap_index.xml\n',
      'Podium',
    );
    expect(policy.crawlDelaySeconds).toBe(5);
    expect(policy.rules).toEqual([]);
    expect(policy.sitemaps).toEqual(['https://www.state.gov/sitemap_index.xml']);
    expect(isAllowed(policy, '/briefings/department-press-briefing-january-18-2022/')).toBe(true);
  });

  it('accepts a decimal crawl-delay and ignores an unreadable one', () => {
    expect(parseRobots('User-agent: *\nCrawl-delay: 0.2', 'Podium').crawlDelaySeconds).toBe(0.2);
    expect(parseRobots('User-agent: *\nCrawl-delay: soon', 'Podium').crawlDelaySeconds).toBeNull();
    expect(parseRobots('User-agent: *\nCrawl-delay: -1', 'Podium').crawlDelaySeconds).toBeNull();
  });

  it('prefers the group naming our agent over *, case-insensitively, and merges repeated groups', () => {
    const text = [
      'User-agent: *',
      'Disallow: /',
      'Crawl-delay: 30',
      '',
      'User-agent: podium',
      'Disallow: /search/',
      '',
      'User-agent: OtherBot',
      'Disallow: /briefings/',
      '',
      'User-agent: Podium/0.1',
      'Crawl-delay: 2',
    ].join('\n');
    const policy = parseRobots(text, 'Podium');
    expect(policy.crawlDelaySeconds).toBe(2);
    expect(isAllowed(policy, '/briefings/x/')).toBe(true);
    expect(isAllowed(policy, '/search/?q=iran')).toBe(false);
  });

  it('lets several User-agent lines share one group, and a rule line end it', () => {
    const policy = parseRobots('User-agent: a\nUser-agent: podium\nDisallow: /x\nUser-agent: b\nDisallow: /y', 'Podium');
    expect(isAllowed(policy, '/x/1')).toBe(false);
    expect(isAllowed(policy, '/y/1')).toBe(true);
  });

  it('ignores comments, blank lines, CRLF, a BOM and rules before any group', () => {
    const policy = parseRobots('\uFEFFDisallow: /early\r\nUser-agent: * # everyone\r\nDisallow: /private/ # keep out\r\n', 'Podium');
    expect(policy.rules).toEqual([{ allow: false, pattern: '/private/' }]);
  });

  it('allows everything when nothing applies', () => {
    const policy = parseRobots('User-agent: Googlebot\nDisallow: /', 'Podium');
    expect(policy.rules).toEqual([]);
    expect(isAllowed(policy, '/')).toBe(true);
  });
});

describe('isAllowed', () => {
  const policy = parseRobots(
    [
      'User-agent: *',
      'Disallow: /wp-admin/',
      'Allow: /wp-admin/admin-ajax.php',
      'Disallow: /*?s=',
      'Disallow: /*.pdf$',
      'Disallow: /dup',
      'Allow: /dup',
      'Disallow: /caf%C3%A9/',
    ].join('\n'),
    'Podium',
  );

  it('lets the longest match win', () => {
    expect(isAllowed(policy, '/wp-admin/options.php')).toBe(false);
    expect(isAllowed(policy, '/wp-admin/admin-ajax.php')).toBe(true);
    expect(decidingRule(policy, '/wp-admin/admin-ajax.php')).toEqual({ allow: true, pattern: '/wp-admin/admin-ajax.php' });
  });

  it('supports * and the $ anchor', () => {
    expect(isAllowed(policy, '/?s=ukraine')).toBe(false);
    expect(isAllowed(policy, '/briefings/?s=x')).toBe(false);
    expect(isAllowed(policy, '/files/report.pdf')).toBe(false);
    expect(isAllowed(policy, '/files/report.pdf?download=1')).toBe(true);
  });

  it('prefers Allow on an equally long match', () => {
    expect(isAllowed(policy, '/dup/page')).toBe(true);
  });

  it('compares percent-encoding and raw UTF-8 alike', () => {
    expect(isAllowed(policy, '/café/menu')).toBe(false);
    expect(isAllowed(policy, '/caf%c3%a9/menu')).toBe(false);
  });

  it('always allows /robots.txt itself', () => {
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /', 'Podium'), '/robots.txt')).toBe(true);
  });
});

describe('productToken', () => {
  it('takes the name before the version', () => {
    expect(productToken('Podium/0.1 (+https://github.com/podium-data/podium; briefing transcript archive)')).toBe('Podium');
    expect(productToken('*')).toBe('*');
  });
});
