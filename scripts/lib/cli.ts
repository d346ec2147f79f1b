// What every command-line entry in scripts/cli/ shares: reading options and failing cleanly.

/** The value after `--name` on the command line, if given. */
export function option(name: string, argv: readonly string[] = process.argv): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** The arguments that are not options: `tsx x.ts --out dir site` → ["site"]. */
export function positional(argv: readonly string[] = process.argv): string[] {
  return argv.slice(2).filter((arg, i, all) => !arg.startsWith("--") && !all[i - 1]?.startsWith("--"));
}

/**
 * Run a command: its resolved number is the exit code. A thrown error prints its message, which
 * for a data mistake is already the editor's file:line list; a stack trace only with DEBUG=1.
 */
export function runCommand(main: () => Promise<number | void> | number | void, onError?: () => void): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => process.exit(code ?? 0),
      (error: unknown) => {
        console.error(errorMessage(error));
        if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
        onError?.();
        process.exit(1);
      },
    );
}

/**
 * An error's message, and those of the errors it wraps: Eleventy reports a mistake inside a
 * template as "Having trouble rendering njk template …", with the real cause underneath.
 */
function errorMessage(error: unknown): string {
  const lines: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (!lines.includes(message)) lines.push(message);
    current = current instanceof Error ? ((current as { originalError?: unknown }).originalError ?? current.cause) : undefined;
  }
  return lines.join("\n  ");
}
