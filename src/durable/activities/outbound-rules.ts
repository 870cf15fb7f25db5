/**
 * Outbound rules, one at a time (concurrent rule writes conflict; the client serializes them per workspace).
 * Never replaces the rule set: each call reads the one rule and writes only when it differs.
 */
import type { InvocationContext } from '@azure/functions';
import { notFoundAsUndefined } from '../../arm/client/errors';
import type { OutboundRule } from '../../arm/types';
import { ruleDifferences } from '../../planner/arm-rule';
import { getActivityDependencies, logWrite } from './dependencies';

export interface PutOutboundRuleInput {
  workspaceId: string;
  name: string;
  rule: OutboundRule;
}

export interface RuleWriteOutput {
  changed: boolean;
}

export async function putOutboundRule(input: PutOutboundRuleInput, _context?: InvocationContext): Promise<RuleWriteOutput> {
  const { arm } = getActivityDependencies();
  const existing = await notFoundAsUndefined(arm.getOutboundRule(input.workspaceId, input.name));
  // Same comparison as the planner's, so a rule the plan considers equal is never rewritten.
  if (existing !== undefined && ruleDifferences(existing.properties, input.rule).length === 0) return { changed: false };
  await arm.putOutboundRule(input.workspaceId, input.name, writableRule(input.rule));
  logWrite(`outbound rule ${input.name} written`, { workspaceId: input.workspaceId });
  return { changed: true };
}

export interface DeleteOutboundRuleInput {
  workspaceId: string;
  name: string;
}

export async function deleteOutboundRule(input: DeleteOutboundRuleInput, _context?: InvocationContext): Promise<RuleWriteOutput> {
  const { arm } = getActivityDependencies();
  const existing = await notFoundAsUndefined(arm.getOutboundRule(input.workspaceId, input.name));
  if (existing === undefined) return { changed: false };
  if (existing.properties.category === 'Required') {
    // The planner never asks for this; refuse rather than fight the service.
    throw new Error(`[RequiredRule] outbound rule ${input.name} is a Required rule and is never removed`);
  }
  await arm.deleteOutboundRule(input.workspaceId, input.name);
  logWrite(`outbound rule ${input.name} removed`, { workspaceId: input.workspaceId });
  return { changed: true };
}

/** Only what the product sets: type, destination, category (status and error information are read-only). */
export function writableRule(rule: OutboundRule): OutboundRule {
  const out: Record<string, unknown> = { type: rule.type, destination: writableDestination(rule) };
  out['category'] = rule.category ?? 'UserDefined';
  return out as unknown as OutboundRule;
}

function writableDestination(rule: OutboundRule): unknown {
  switch (rule.type) {
    case 'FQDN':
      return rule.destination;
    case 'PrivateEndpoint': {
      const d = rule.destination;
      return { serviceResourceId: d.serviceResourceId, subresourceTarget: d.subresourceTarget, sparkEnabled: d.sparkEnabled === true };
    }
    case 'ServiceTag': {
      const d = rule.destination;
      const out: Record<string, unknown> = { serviceTag: d.serviceTag, protocol: d.protocol, portRanges: d.portRanges };
      if (d.action !== undefined) out['action'] = d.action;
      return out;
    }
  }
}
