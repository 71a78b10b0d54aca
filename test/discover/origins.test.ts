import { describe, expect, it } from 'vitest';
import { OriginMap, parseOriginArg } from '../../pipeline/discover/origins.ts';
import { ARCHIVE, WWW, testAgency } from '../support/agency.ts';

const agency = testAgency();
const MIRROR = 'http://127.0.0.1:8080';

describe('parseOriginArg', () => {
  it('reads a bare URL as the primary origin and name=url as a named one', () => {
    expect(parseOriginArg(MIRROR)).toEqual({ url: MIRROR });
    expect(parseOriginArg(`archive=${MIRROR}/a`)).toEqual({ name: 'archive', url: `${MIRROR}/a` });
  });

  it('does not mistake an = inside a URL for a name', () => {
    expect(parseOriginArg('http://127.0.0.1:8080/m?x=1')).toEqual({ url: 'http://127.0.0.1:8080/m?x=1' });
  });
});

describe('OriginMap without overrides', () => {
  const map = new OriginMap(agency);

  it('enables every origin, requesting the canonical one', () => {
    expect(map.overridden).toBe(false);
    expect(map.enabled()).toEqual([
      { name: 'www', canonical: WWW, request: WWW },
      { name: 'archive', canonical: ARCHIVE, request: ARCHIVE },
    ]);
  });

  it('maps canonical URLs to themselves, normalizing scheme and dropping fragments', () => {
    expect(map.toRequest(`${WWW}/briefings/x/?a=1`)).toBe(`${WWW}/briefings/x/?a=1`);
    expect(map.toCanonical('http://www.agency.example/briefings/x/#top')).toBe(`${WWW}/briefings/x/`);
    expect(map.toCanonical('https://WWW.Agency.Example/briefings/x/')).toBe(`${WWW}/briefings/x/`);
  });

  it('returns null for foreign hosts, other ports and garbage', () => {
    expect(map.toCanonical('https://www.elsewhere.example/x/')).toBeNull();
    expect(map.toCanonical('https://www.agency.example:8443/x/')).toBeNull();
    expect(map.toRequest('https://www.elsewhere.example/x/')).toBeNull();
    expect(map.toCanonical('not a url')).toBeNull();
  });

  it('allows the origins and the extra redirect hosts', () => {
    expect([...map.allowedHosts()].sort()).toEqual(['agency.example', 'archive.agency.example', 'www.agency.example']);
  });
});

describe('OriginMap with --origin <url> (primary replaced)', () => {
  const map = new OriginMap(agency, [MIRROR]);

  it('disables every origin without an override', () => {
    expect(map.overridden).toBe(true);
    expect(map.enabled()).toEqual([{ name: 'www', canonical: WWW, request: MIRROR }]);
    expect(map.toRequest(`${ARCHIVE}/briefings/x/`)).toBeNull();
  });

  it('maps canonical to mirror and back', () => {
    expect(map.toRequest(`${WWW}/briefings/x/?p=2`)).toBe(`${MIRROR}/briefings/x/?p=2`);
    expect(map.toRequest(WWW)).toBe(`${MIRROR}/`);
    expect(map.toCanonical(`${MIRROR}/briefings/x/`)).toBe(`${WWW}/briefings/x/`);
    // Canonical URLs listed in a mirrored sitemap stay canonical, also for a disabled origin.
    expect(map.toCanonical(`${WWW}/briefings/x/`)).toBe(`${WWW}/briefings/x/`);
    expect(map.toCanonical(`${ARCHIVE}/briefings/y/`)).toBe(`${ARCHIVE}/briefings/y/`);
  });

  it('only allows the mirror host: no extra host can lead a mirror run to a real site', () => {
    expect([...map.allowedHosts()]).toEqual(['127.0.0.1:8080']);
  });
});

describe('OriginMap with named overrides under path prefixes', () => {
  const map = new OriginMap(agency, [`www=${MIRROR}/www/`, { name: 'archive', url: `${MIRROR}/archive` }]);

  it('maps each origin to its own prefix on one mirror', () => {
    expect(map.enabled()).toEqual([
      { name: 'www', canonical: WWW, request: `${MIRROR}/www` },
      { name: 'archive', canonical: ARCHIVE, request: `${MIRROR}/archive` },
    ]);
    expect(map.toRequest(`${ARCHIVE}/b/c/`)).toBe(`${MIRROR}/archive/b/c/`);
    expect(map.toCanonical(`${MIRROR}/archive/b/c/`)).toBe(`${ARCHIVE}/b/c/`);
    expect(map.toCanonical(`${MIRROR}/www`)).toBe(`${WWW}/`);
    expect([...map.allowedHosts()]).toEqual(['127.0.0.1:8080']);
  });

  it('matches prefixes on segment boundaries only', () => {
    expect(map.toCanonical(`${MIRROR}/wwwx/a/`)).toBeNull();
    expect(map.toCanonical(`${MIRROR}/other/a/`)).toBeNull();
  });

  it('leaves an origin named alone disabled', () => {
    const only = new OriginMap(agency, [`archive=${MIRROR}`]);
    expect(only.enabled().map((origin) => origin.name)).toEqual(['archive']);
    expect(only.toRequest(`${WWW}/a/`)).toBeNull();
  });
});

describe('OriginMap refuses bad overrides', () => {
  it.each([
    [[`nope=${MIRROR}`], /no origin named "nope" \(known: www, archive\)/],
    [[MIRROR, `www=${MIRROR}/2`], /given twice for origin "www"/],
    [['ftp://127.0.0.1/'], /not an http\(s\) URL/],
    [['127.0.0.1:8080'], /not an http\(s\) URL/],
    [[`${MIRROR}/?x=1`], /without query/],
    [[`www=${MIRROR}`, `archive=${MIRROR}/`], /both request http:\/\/127\.0\.0\.1:8080/],
  ])('%j', (overrides, message) => {
    expect(() => new OriginMap(agency, overrides)).toThrow(message);
  });

  it('refuses an agency without origins', () => {
    expect(() => new OriginMap(testAgency({ origins: [] }))).toThrow(/declares no origins/);
  });
});
