/**
 * Runs the CLI straight from the TypeScript sources (through tsx, a dev dependency): what `npm run demo` uses, so
 * a fresh clone does not compile twice (`npm ci` already built dist/ for bin/mnet.js).
 */
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mnet: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
