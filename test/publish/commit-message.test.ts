import { describe, expect, it } from 'vitest';
import type { PublishedChanges } from '../../pipeline/publish/changes.ts';
import { commitMessage, formatCommitMessage } from '../../pipeline/publish/commit-message.ts';

function changes(overrides: Partial<PublishedChanges> = {}): PublishedChanges {
  return {
    runId: '12345678', datasetVersion: '2026.11.28.2',
    added: [], revised: [], withdrawn: [], restored: [], reprocessed: [], failures: [],
    ...overrides,
  };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `state/2022-01-${String(i + 1).padStart(2, '0')}/briefing-${i + 1}`);

describe('commitMessage', () => {
  it('says in the subject what changed, as the issue asks', () => {
    const message = commitMessage(changes({
      added: ids(3),
      revised: [{ id: 'state/2021-06-02/department-press-briefing-june-2-2021', revision: 2, change: 'minor' }],
    }));
    expect(message.subject).toBe('data: 3 new, 1 revised (minor), 0 withdrawn — dataset 2026.11.28.2');
    expect(message.body).toBe([
      'Added (3):',
      '  state/2022-01-01/briefing-1',
      '  state/2022-01-02/briefing-2',
      '  state/2022-01-03/briefing-3',
      '',
      'Revised (1):',
      '  state/2021-06-02/department-press-briefing-june-2-2021 r2 minor',
      '',
      'Podium-Run: 12345678',
    ].join('\n'));
  });

  it('counts revisions per class, mildest first, and names reverts', () => {
    const message = commitMessage(changes({
      revised: [
        { id: 'state/2022-01-03/c', revision: 3, change: 'substantive' },
        { id: 'state/2022-01-01/a', revision: 2, change: 'minor' },
        { id: 'state/2022-01-02/b', revision: 4, change: 'revert', revertOf: 2 },
        { id: 'state/2022-01-04/d', revision: 2, change: 'substantive' },
      ],
    }));
    expect(message.subject).toBe('data: 0 new, 4 revised (1 minor, 2 substantive, 1 revert), 0 withdrawn — dataset 2026.11.28.2');
    expect(message.body).toContain('  state/2022-01-02/b r4 revert of r2');
  });

  it('mentions restored and reprocessed records only when there are some', () => {
    const message = commitMessage(changes({ withdrawn: ['state/2022-01-05/gone'], restored: ['state/2022-01-06/back'], reprocessed: ids(2) }));
    expect(message.subject).toBe('data: 0 new, 0 revised, 1 withdrawn, 1 restored, 2 reprocessed — dataset 2026.11.28.2');
    expect(message.body).toMatch(/^Withdrawn \(1\):\n  state\/2022-01-05\/gone\n\nRestored \(1\):\n  state\/2022-01-06\/back\n\nReprocessed \(2\):/);
  });

  it('says so when only the crawl state changed', () => {
    const message = commitMessage(changes());
    expect(message.subject).toBe('data: 0 new, 0 revised, 0 withdrawn — dataset 2026.11.28.2');
    expect(message.body).toBe('No transcript changed.\n\nPodium-Run: 12345678');
  });

  it('keeps a backfill commit readable: long lists are cut and point at the changelog', () => {
    const message = commitMessage(changes({ added: ids(7) }), { maxIds: 5 });
    expect(message.subject).toBe('data: 7 new, 0 revised, 0 withdrawn — dataset 2026.11.28.2');
    const lines = message.body.split('\n');
    expect(lines.slice(0, 7)).toEqual(['Added (7):', ...ids(5).map((id) => `  ${id}`), '  … and 2 more (see changelog.json)']);
  });

  it('puts each failure on one line, cut when a page quotes too much', () => {
    const message = commitMessage(changes({
      failures: [{ url: 'https://www.state.gov/x/', stage: 'extract', message: `https://www.state.gov/x/: the page is a "Press\n\nBriefing${' very'.repeat(100)} long"` }],
    }));
    const line = message.body.split('\n').find((l) => l.includes('[extract]'))!;
    expect(line.startsWith('  [extract] https://www.state.gov/x/: the page is a "Press Briefing very')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(2 + 240);
    expect(line.endsWith('…')).toBe(true);
  });

  it('formats subject, blank line, body for git commit -F -', () => {
    expect(formatCommitMessage({ subject: 'data: x', body: 'y' })).toBe('data: x\n\ny\n');
  });
});
