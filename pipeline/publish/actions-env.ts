/**
 * The files GitHub Actions gives a step to talk back through: `$GITHUB_STEP_SUMMARY` (Markdown
 * shown on the run's page) and `$GITHUB_OUTPUT` (`name=value` lines later steps and jobs read).
 * Outside Actions the variables are unset and nothing is written.
 */
import { appendFile } from 'node:fs/promises';

/** Appends Markdown to the step summary; false when not running in Actions. */
export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (!file) return false;
  await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return true;
}

/**
 * Sets step outputs. Values are single-line by construction (booleans, SHAs); one with a newline
 * is refused, since it would let a value forge further outputs.
 */
export async function setOutputs(outputs: Record<string, string>, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const file = env['GITHUB_OUTPUT'];
  if (!file) return false;
  const lines = Object.entries(outputs).map(([name, value]) => {
    if (/[\r\n]/.test(value)) throw new Error(`step output ${name} must be one line`);
    return `${name}=${value}\n`;
  });
  await appendFile(file, lines.join(''));
  return true;
}
