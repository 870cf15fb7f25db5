/**
 * The PUT body that recreates a fetched compute (cluster or instance), e.g. inside a newly enabled managed
 * network. Keeps everything the user chose (size, scale settings, assigned user, setup scripts, schedules,
 * enableNodePublicIp, identity, tags, sku) and drops what the service computes (read-only-fields.ts).
 * Inside a managed network the compute cannot sit in a customer subnet, so `subnet` is dropped there.
 */
import type { ComputeResource } from '../types';
import { writableIdentity } from './identity';
import {
  COMPUTE_READ_ONLY,
  COMPUTE_TYPE_READ_ONLY,
  isPlainObject,
  omitKeys,
  SCHEDULE_READ_ONLY,
  SSH_SETTINGS_READ_ONLY,
} from './read-only-fields';
import type { ComputeCreateBody } from './types';

export interface ComputeRecreateOptions {
  insideManagedNetwork: boolean;
}

export function computeRecreateBody(compute: ComputeResource, options: ComputeRecreateOptions): ComputeCreateBody {
  const source = structuredClone(compute);
  const properties = omitKeys(source.properties, COMPUTE_READ_ONLY) as ComputeCreateBody['properties'];
  if (isPlainObject(source.properties.properties)) {
    properties.properties = typeSpecificProperties(source.properties.properties, options);
  }
  const body: ComputeCreateBody = { properties };
  if (source.location !== undefined) body.location = source.location;
  if (source.tags !== undefined) body.tags = source.tags;
  if (source.sku !== undefined) body.sku = source.sku;
  if (source.identity !== undefined) body.identity = writableIdentity(source.identity);
  return body;
}

function typeSpecificProperties(inner: Record<string, unknown>, options: ComputeRecreateOptions): Record<string, unknown> {
  const drop: string[] = [...COMPUTE_TYPE_READ_ONLY];
  if (options.insideManagedNetwork) drop.push('subnet');
  const out = omitKeys(inner, drop);
  if (isPlainObject(out['sshSettings'])) out['sshSettings'] = omitKeys(out['sshSettings'], SSH_SETTINGS_READ_ONLY);
  if (isPlainObject(out['schedules'])) out['schedules'] = writableSchedules(out['schedules']);
  return out;
}

function writableSchedules(schedules: Record<string, unknown>): Record<string, unknown> {
  const out = { ...schedules };
  const startStop = schedules['computeStartStop'];
  if (Array.isArray(startStop)) {
    out['computeStartStop'] = startStop.map((entry: unknown) => (isPlainObject(entry) ? omitKeys(entry, SCHEDULE_READ_ONLY) : entry));
  }
  return out;
}
