/**
 * Exit codes of the `mnet` CLI (scripts and CI depend on them; never renumber). README.md lists them too (a test
 * keeps both in step: tests/cli/readme-tables.ts).
 *
 * | code | name    | meaning                                                                                   |
 * |------|---------|-------------------------------------------------------------------------------------------|
 * | 0    | ok      | success: policy valid, plan computed, no drift, applied / migrated / compliant, dry run   |
 * | 1    | failed  | a negative verdict: policy invalid, drift found, plan refused, out of scope, declined at  |
 * |      |         | the prompt, approval rejected                                                             |
 * | 2    | usage   | the command cannot run as asked: unknown command/flag, missing argument, unreadable input |
 * |      |         | file, no terminal to confirm on without --yes, unknown --resume id                        |
 * | 3    | runtime | something failed while running: ARM call, sign-in, network, emulator not reachable, a     |
 * |      |         | failed orchestration step                                                                 |
 */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  runtime: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
