import version from '../../schemas/version.json' with { type: 'json' };

/** SemVer of the data schemas (schemas/version.json); written into every record and index. */
export const SCHEMA_VERSION: string = version.schemaVersion;
