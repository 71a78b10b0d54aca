/** Kind classification, driven by the agency's ordered rules. */
import type { Kind, GroundRules } from '../schema/types.ts';
import type { KindRule } from '../agencies/types.ts';

export interface KindFacts {
  docType: string | null;
  title: string;
  location: string | null;
  attribution: GroundRules['attribution'];
}

/** The first rule whose every given test matches; `other` when none does. */
export function classifyKind(rules: readonly KindRule[], facts: KindFacts): Kind {
  for (const rule of rules) {
    if (rule.docType && !(facts.docType && rule.docType.test(facts.docType))) continue;
    if (rule.title && !rule.title.test(facts.title)) continue;
    if (rule.location && !(facts.location && rule.location.test(facts.location))) continue;
    if (rule.attribution && rule.attribution !== facts.attribution) continue;
    return rule.kind;
  }
  return 'other';
}
