/** The shape of a CLI command; pipeline/cli.ts registers objects of this shape. */
export interface Command {
  /** The subcommand: `podium <name>`. */
  name: string;
  /** One line for `podium --help`. */
  summary: string;
  /** Full help text, printed by `podium <name> --help`. */
  usage: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, fatal: 1, partial: 2, usage: 64 } as const;
