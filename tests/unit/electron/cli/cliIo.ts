/** A `factcheck` verb run in this process with the lines it prints collected, for the CLI tests. */

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** An `io` for a verb, keeping its lines in `out` and `err`. */
export function captureIo(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => out.push(line), err: (line) => err.push(line) }, out, err };
}

/** Runs `command` with `args`: its exit code, the lines it printed, and the last line of its output. */
export async function run(command: (args: string[], io: Io) => Promise<number>, ...args: string[]) {
  const { io, out, err } = captureIo();
  const code = await command(args, io);
  return { code, out, err, last: out.at(-1) };
}
