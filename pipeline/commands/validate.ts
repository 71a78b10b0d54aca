/** `podium validate`: prints the dataset integrity check (pipeline/store/integrity.ts) as `<file>: <pointer>: <message>` lines. */
import { posix } from 'node:path';
import { validateDataset } from '../store/integrity.ts';
import { defineCommand } from './define.ts';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check every file of a dataset against the JSON Schemas',
  description: [
    'Checks every file of a dataset against schemas/ — index.json, transcripts/**/*.json, history/**/*.json, state/*.json and changelog.json — and that the index and the records agree (paths exist, ids match their paths, no record is missing from the index). Each failure is listed with its file and JSON pointer.',
  ],
  options: {
    out: { type: 'string', value: 'dir', default: 'output', description: 'dataset directory' },
  },
  notes: ['Exit status: 0 when the dataset is valid, 1 otherwise.'],
  async run({ options }) {
    const dir = options.out;
    const { files, failures } = await validateDataset(dir);
    for (const failure of failures) {
      const file = failure.file === '.' ? dir : posix.join(dir.replaceAll('\\', '/'), failure.file);
      process.stdout.write(`${file}: ${failure.pointer === '' ? '(root)' : failure.pointer}: ${failure.message}\n`);
    }
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    process.stdout.write(
      `validate: ${dir}: ${count(files, 'file')} checked, ${failures.length === 0 ? 'valid' : count(failures.length, 'failure')}\n`,
    );
    return failures.length === 0 ? 0 : 1;
  },
});
