/** `podium reprocess`: rebuild every record from its stored raw page, offline. */
import { getAgency, loadAgencies } from '../agencies/index.ts';
import { LockedError } from '../run/lock.ts';
import { reprocessDataset } from '../run/reprocess.ts';
import { defineCommand } from './define.ts';
import { EXIT } from './types.ts';

export const reprocessCommand = defineCommand({
  name: 'reprocess',
  summary: 'rebuild records from stored raw pages after a parser change (offline)',
  description: [
    'Re-extracts every stored transcript from the raw page kept at its last fetch (output/raw/), without any network. Records that come out different get a new revision marked "reprocessed": a technical upgrade by a newer Podium, listed apart from source edits in the changelog. Records that come out the same are not touched.',
  ],
  options: {
    out: { type: 'string', value: 'dir', default: 'output', description: 'dataset directory' },
    agency: { type: 'string', value: 'id', multiple: true, description: "only this agency's records; repeat for several (default: all)" },
    outdated: { type: 'boolean', description: 'only records made by an older parser (their engine version differs from this Podium\'s); nothing to do when none are — scrape.yml runs this before scraping' },
  },
  notes: [
    'Exit status: 0 when every record was reprocessed, 2 when some could not be (missing raw page, extraction error: those records are left as they were).',
  ],
  async run({ options: values }) {
    const agencies = values.agency?.length ? await Promise.all(values.agency.map(getAgency)) : await loadAgencies();
    try {
      const report = await reprocessDataset({ out: values.out, agencies, outdated: values.outdated === true });
      console.log(`reprocess: ${report.checked} records checked, ${report.reprocessed.length} reprocessed, ${report.failures.length} failed` +
        (report.changed ? ` — dataset ${report.datasetVersion}` : ' — no file changed'));
      for (const f of report.failures) console.log(`  failed ${f.message}`);
      return report.failures.length ? EXIT.partial : EXIT.ok;
    } catch (error) {
      if (error instanceof LockedError) {
        console.error(`podium reprocess: ${error.message}`);
        return EXIT.fatal;
      }
      throw error;
    }
  },
});
