/** A dataset file published as it is (data/index.json, data/changelog.json). */
import { readFile } from 'node:fs/promises';
import { resultOf, type SiteContext, type SiteExport } from './export.ts';

export function datasetFileExport(file: string, description: string, resource: { name: string } & Record<string, unknown>): SiteExport {
  const path = `data/${file}`;
  let site: SiteContext;
  return {
    path,
    mediaType: 'application/json',
    description,
    download: 'file',
    resource,
    async open(s) {
      site = s;
    },
    async add() {},
    async close() {
      const body = await readFile(site.dataset.path(file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!body) return null;
      await site.files.put(path, body);
      return resultOf(path, 'application/json', body);
    },
  };
}
