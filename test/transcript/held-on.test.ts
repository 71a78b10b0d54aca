import { describe, expect, it } from 'vitest';
import { state } from '../../pipeline/agencies/state.ts';
import { whitehouse } from '../../pipeline/agencies/whitehouse.ts';
import { readHeader } from '../../pipeline/transcript/header.ts';
import { readHeldOn } from '../../pipeline/transcript/held-on.ts';
import { classifyKind } from '../../pipeline/transcript/kind.ts';

describe('heldOn: the day the event took place', () => {
  it('reads a date closing the title, which may be the day before publication', () => {
    expect(readHeldOn('Department Press Briefing – July 5, 2022', [], '2022-07-06')).toBe('2022-07-05');
    expect(readHeldOn('DEPARTMENT PRESS BRIEFING – June 17, 2021', [], '2021-06-17')).toBe('2021-06-17');
    expect(readHeldOn('Department Press Briefing –  June 2, 2022', [], '2022-06-03')).toBe('2022-06-02');
  });

  it('reads a dateline standing alone in the preamble', () => {
    expect(readHeldOn('Background Press Call', ['Via Teleconference', '(April 9, 2024)', '5:02 P.M. EDT'], '2024-04-10')).toBe('2024-04-09');
    expect(readHeldOn('World Press Freedom Day', ['Tuesday, May 3, 2022, at 11:00 am'], '2022-05-03')).toBe('2022-05-03');
    expect(readHeldOn('Briefing with an Official', ['Washington, D.C.', 'July 21, 2021'], '2021-07-21')).toBe('2021-07-21');
  });

  it('is null when the only dates are inside a sentence or the title does not end with one', () => {
    expect(readHeldOn('Press Briefing by Press Secretary Jen Psaki', ['From now until August 15th, 2021, consumers can enroll.'], '2021-05-06')).toBeNull();
    expect(readHeldOn('Remarks on the Anniversary of September 11, 2001 at the Memorial', [], '2021-09-11')).toBeNull();
    expect(readHeldOn('Remarks by the President', [], '2021-09-11')).toBeNull();
  });

  it('refuses a stated day after publication (beyond a day for time zones): it is not the event', () => {
    expect(readHeldOn('Preview of the Summit – June 9, 2022', [], '2022-06-01')).toBeNull();
    expect(readHeldOn('Remarks in Tokyo – May 24, 2022', [], '2022-05-23')).toBe('2022-05-24');
  });

  it('does not take a dateline for the location', () => {
    expect(readHeader(['July 21, 2021', 'Washington, D.C.'], [], 'Briefing').location).toBe('Washington, D.C.');
  });
});

describe('kinds from the title', () => {
  const kind = (agency: typeof state, title: string, docType: string | null = null) =>
    classifyKind(agency.kinds, { docType, title, location: null, attribution: 'on-record' });

  it('TV and radio programmes are interviews, with or without a printed content type', () => {
    for (const title of [
      'Secretary Antony J. Blinken on ABC’s This Week with George Stephanopoulos',
      'Secretary Antony J. Blinken on CNN’s State of the Union with Dana Bash',
      'Secretary Antony J. Blinken With Mika Brzezinski and Willie Geist of MSNBC’s Morning Joe',
      'Secretary Antony J. Blinken with Joe Scarborough, Mika Brzezinski, and Willie Geist of Morning Joe, MSNBC',
      'Secretary Antony J. Blinken with Kuwait Television',
    ]) expect(kind(state, title), title).toBe('interview');
  });

  it('opening remarks and briefings with an official are not interviews, even filed as one', () => {
    expect(kind(state, 'Opening Remarks with Secretary of Commerce Gina M. Raimondo and Japanese Foreign Minister Hayashi Yoshimasa', 'Interview')).toBe('remarks');
    expect(kind(state, 'Briefing with Deputy Secretary of State for Management and Resources Brian P. McKeon', 'Interview')).toBe('special-briefing');
    expect(kind(state, 'Briefing on This Week’s Ministerials')).toBe('special-briefing');
    expect(kind(state, 'Secretary Blinken With Deputy Secretary of Defense Kathleen Hicks of the Pentagon')).not.toBe('interview');
  });

  it('joint press conferences of leaders are press availabilities; press calls are teleconferences', () => {
    expect(kind(whitehouse, 'Remarks by President Biden and Prime Minister Kishida Fumio of Japan in Joint Press Conference', 'Speeches and Remarks')).toBe('press-availability');
    expect(kind(state, 'Secretary Antony J. Blinken and Moldovan President Maia Sandu At a Joint Press Availability', 'Remarks')).toBe('press-availability');
    expect(kind(whitehouse, 'On-the-Record Press Call on the Launch of the Indo-Pacific Economic Framework', 'Press Briefings')).toBe('teleconference');
  });
});
