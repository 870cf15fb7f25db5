/**
 * The compute migration step. Enabling the managed network (Disabled -> a managed mode) has no in-place path for
 * computes: every managed compute and managed online endpoint is snapshotted, deleted, and recreated once the
 * managed network is provisioned. The policy decides whether that may happen and who approves it.
 */
import type { PolicyComputeMigration } from '../policy/types';
import type { ComputeInventory } from './compute-inventory';
import { flags, stepId } from './steps';
import { emptyPartial, type PartialPlan } from './types';

function list(items: readonly { name: string; computeType: string }[]): string {
  return items.map((c) => `${c.name} (${c.computeType})`).join(', ');
}

export function planComputeMigration(
  workspaceId: string,
  inventory: ComputeInventory,
  migration: PolicyComputeMigration,
): PartialPlan {
  const out = emptyPartial();
  const { migrate, endpoints, unsupported } = inventory;
  const affected = migrate.length + endpoints.length;

  if (unsupported.length > 0 && !migration.skip_unsupported) {
    out.refused = {
      rule: 'unsupported-computes',
      reason:
        `Computes not supported in a managed network: ${list(unsupported)}. ` +
        'Remove them first, or set compute_migration.skip_unsupported to leave them in place.',
    };
    return out;
  }
  if (affected > 0 && migration.mode === 'never') {
    const endpointText = endpoints.length > 0 ? `; online endpoints: ${endpoints.map((e) => e.name).join(', ')}` : '';
    out.refused = {
      rule: 'compute-migration-never',
      reason:
        `Enabling the managed network deletes and recreates every managed compute (${list(migrate) || 'none'}${endpointText}), ` +
        'and compute_migration.mode is never.',
    };
    return out;
  }
  if (unsupported.length > 0) {
    out.warnings.push({
      code: 'unsupported-computes-left',
      message: `Left in place (not supported in a managed network; they will not run inside it): ${list(unsupported)}.`,
    });
  }
  if (affected === 0) return out;

  const id = stepId('migrate-computes');
  const names = [...migrate.map((c) => `${c.name} (${c.computeType})`), ...endpoints.map((e) => `${e.name} (online endpoint)`)];
  out.steps.push({
    id,
    kind: 'migrate-computes',
    target: workspaceId,
    reason: `enabling the managed network requires deleting and recreating ${affected} compute resource(s): ${names.join(', ')}`,
    flags: flags({ disruptive: true, needsApproval: migration.mode !== 'automatic' }),
    params: {
      computes: migrate,
      onlineEndpoints: endpoints,
      skipped: unsupported,
      approval: migration.mode === 'automatic' ? 'automatic' : 'require_approval',
      approvalTimeoutHours: migration.approval_timeout_hours,
      maxParallelDeletes: migration.max_parallel_deletes,
      phases: ['snapshot', 'delete', 'recreate'],
      recreateAfterStep: 'provision-network',
    },
  });
  out.warnings.push({
    code: 'computes-recreated',
    stepId: id,
    message:
      `These are deleted and recreated (running jobs stop, compute instance local disks are lost): ${names.join(', ')}. ` +
      'Recreated computes and endpoints with system-assigned identities get NEW principals: roles granted to the old ' +
      'identities must be granted again. Endpoint keys change.',
  });
  return out;
}
