/**
 * Exit codes of the `mnet` CLI (scripts and CI depend on them; never renumber).
 *
 * | code | name    | meaning                                                                        |
 * |------|---------|--------------------------------------------------------------------------------|
 * | 0    | ok      | success: policy valid, plan computed (compliant or with steps)                 |
 * | 1    | failed  | the verdict is negative: policy invalid, plan refused, drift found             |
 * | 2    | usage   | the command cannot run as asked: unknown command/flag, missing argument,       |
 * |      |         | missing or unreadable input file, a state file that is not a workspace         |
 * | 3    | runtime | something failed while running: ARM call, network, unexpected internal error   |
 */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  runtime: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
