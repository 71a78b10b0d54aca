/** Encodes text as Windows-1252 bytes, the way an old Windows editor saved a page. */
const SPECIALS: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b,
  'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99,
  'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

export function encodeWindows1252(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const special = SPECIALS[ch];
    const code = ch.codePointAt(0)!;
    if (special !== undefined) out.push(special);
    else if (code < 0x100) out.push(code);
    else throw new Error(`${ch} has no Windows-1252 byte`);
  }
  return Uint8Array.from(out);
}
