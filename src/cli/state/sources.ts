/**
 * Where `plan` gets a workspace's state from: a state file, or a live read through ARM. The command passes the
 * ARM reader; setLiveStateReader overrides it (tests). Without either, `--workspace` explains how to export a
 * state file instead.
 */
import { isWorkspaceId } from '../../arm/resource-id';
import type { WorkspaceState } from '../../planner/types';
import { UsageError } from '../errors';
import { readStateFile, StateFileError } from './state-file';

export interface StateSource {
  /** For messages: the file name or the workspace id. */
  describe: string;
  load(): Promise<WorkspaceState>;
}

/** Reads a workspace (with computes, endpoints, rules) from ARM. */
export type LiveStateReader = (workspaceId: string) => Promise<WorkspaceState>;

let liveReader: LiveStateReader | undefined;

/** Installed by the module that owns ARM access; undefined removes it (tests). */
export function setLiveStateReader(reader: LiveStateReader | undefined): void {
  liveReader = reader;
}

export function fileStateSource(path: string): StateSource {
  return {
    describe: path,
    async load() {
      try {
        return await readStateFile(path);
      } catch (e) {
        // An unusable input file is a usage error (exit 2), like a missing policy file.
        if (e instanceof StateFileError) throw new UsageError(e.message);
        throw e;
      }
    },
  };
}

export function liveStateSource(workspaceId: string, fallback?: LiveStateReader): StateSource {
  if (!isWorkspaceId(workspaceId)) {
    throw new UsageError(
      `--workspace needs a workspace resource id, got "${workspaceId}"`,
      'e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>',
    );
  }
  const reader = liveReader ?? fallback;
  if (reader === undefined) {
    throw new UsageError(
      '--workspace (reading the workspace from Azure) is not available in this build of mnet',
      'save the workspace as ARM returns it (az rest --method get --url "<workspace id>?api-version=2025-09-01") and pass it with --state <file>',
    );
  }
  return { describe: workspaceId, load: () => reader(workspaceId) };
}

/** Exactly one of --state / --workspace. */
export function stateSourceFromOptions(options: { state?: string; workspace?: string }, live?: LiveStateReader): StateSource {
  if (options.state !== undefined && options.workspace !== undefined) throw new UsageError('give either --state or --workspace, not both');
  if (options.state !== undefined) return fileStateSource(options.state);
  if (options.workspace !== undefined) return liveStateSource(options.workspace, live);
  throw new UsageError('plan needs the workspace: --state <file> or --workspace <id>');
}
