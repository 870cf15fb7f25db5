/** Service-tag port ranges: "443", "80,443", "8000-8010", "80, 8080" (az ml writes a space after the comma). */
const MAX_PORT = 65535;

/** Returns the first problem, or undefined when every part is a port (1-65535) or a range a-b with a <= b. */
export function portRangesProblem(value: string): string | undefined {
  if (value.trim() === '') return 'must list at least one port';
  for (const raw of value.split(',')) {
    const part = raw.trim();
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (m === null) return `"${part}" is not a port or a range like 8000-8010`;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (const p of [from, to]) if (p < 1 || p > MAX_PORT) return `port ${p} is outside 1-${MAX_PORT}`;
    if (from > to) return `range ${part} runs backwards (the start must not exceed the end)`;
  }
  return undefined;
}
