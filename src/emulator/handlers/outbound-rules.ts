/**
 * Outbound rules: list/get/put/delete under a workspace. PUT and DELETE are LROs (202 + Location +
 * Azure-AsyncOperation; duration `ruleWrite`); rule writes are one at a time per workspace (409 Conflict while one
 * runs). A Project reports its hub's rules and cannot write its own (unverified; the facts say projects use the
 * hub's network).
 */
import { ArmError, validationError } from '../arm-error';
import { lroResponse, startLro, type HandlerContext } from '../context';
import { asRecord, noContent, type EmuResponse } from '../http-types';
import { networkOwner } from '../model/network';
import type { UserRuleRecord, WorkspaceRecord } from '../model/records';
import { checkRuleName, validateUserRule } from '../model/rule-validation';
import type { Params, Route } from '../router';
import { effectiveRules, ruleResource, userRuleView } from '../views/rules-view';
import { ML, WS_BASE, listPage, param, requireWorkspace, requireWritableWorkspace } from './common';

const RULES = `${WS_BASE}/outboundRules`;

export function outboundRuleRoutes(): Route[] {
  return [
    { method: 'GET', pattern: RULES, apiVersions: ML, handler: listRules },
    { method: 'GET', pattern: `${RULES}/:rule`, apiVersions: ML, handler: getRule },
    { method: 'PUT', pattern: `${RULES}/:rule`, apiVersions: ML, handler: putRule },
    { method: 'DELETE', pattern: `${RULES}/:rule`, apiVersions: ML, handler: deleteRule },
  ];
}

function listRules(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWorkspace(ctx, params);
  return listPage(ctx, effectiveRules(ctx.state, ws).map(([name, rule]) => ruleResource(ws, name, rule)));
}

function getRule(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWorkspace(ctx, params);
  const name = param(params, 'rule');
  const found = effectiveRules(ctx.state, ws).find(([n]) => n.toLowerCase() === name.toLowerCase());
  if (found === undefined) {
    throw new ArmError(404, 'ResourceNotFound', `Outbound rule '${name}' was not found in workspace '${ws.name}'.`, { target: `${ws.id}/outboundRules/${name}` });
  }
  return { status: 200, body: ruleResource(ws, found[0], found[1]) };
}

function ownerForWrite(ctx: HandlerContext, ws: WorkspaceRecord): WorkspaceRecord {
  if (networkOwner(ctx.state, ws) !== ws) throw validationError(`Workspace '${ws.name}' is a Project; outbound rules are managed on its hub.`);
  const running = ctx.state.ops.activeUnder(`${ws.id}/outboundRules`)[0];
  if (running !== undefined) {
    throw new ArmError(409, 'Conflict', `Another outbound rule operation is in progress on workspace '${ws.name}' (${running.target.split('/').pop() ?? ''}); outbound rules are updated one at a time.`, { target: ws.id });
  }
  return ws;
}

function putRule(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = ownerForWrite(ctx, requireWritableWorkspace(ctx, params));
  const name = param(params, 'rule');
  checkRuleName(name);
  const body = asRecord(ctx.req.body);
  const rule = validateUserRule(ctx.state, ws, ws.managedNetwork.isolationMode, name, body.properties);
  const existing = ws.userRules.get(name.toLowerCase());
  const rec: UserRuleRecord = { name: existing?.name ?? name, rule, pending: 'Provisioning' };
  ws.userRules.set(name.toLowerCase(), rec);
  ctx.state.touch(ws);
  const state = ctx.state;
  const id = `${ws.id}/outboundRules/${rec.name}`;
  const op = startLro(ctx, {
    kind: 'ruleWrite',
    target: id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: ctx.settings.durations.ruleWrite,
    onSucceeded: () => {
      delete rec.pending;
      rec.failed = false;
      state.touch(ws);
    },
    onFailed: () => {
      delete rec.pending;
      rec.failed = true;
      state.touch(ws);
    },
    finalBody: () => ruleResource(ws, rec.name, userRuleView(state, ws, rec)),
  });
  return lroResponse(ctx, op, { status: 202 });
}

function deleteRule(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = ownerForWrite(ctx, requireWritableWorkspace(ctx, params));
  const name = param(params, 'rule');
  if (name.startsWith('__SYS')) throw validationError(`Outbound rule '${name}' is a Required rule and cannot be deleted.`, name);
  const rec = ws.userRules.get(name.toLowerCase());
  if (rec === undefined) return noContent();
  rec.pending = 'Deleting';
  ctx.state.touch(ws);
  const state = ctx.state;
  const op = startLro(ctx, {
    kind: 'ruleDelete',
    target: `${ws.id}/outboundRules/${rec.name}`,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: ctx.settings.durations.ruleWrite,
    onSucceeded: () => {
      if (ws.userRules.get(name.toLowerCase()) === rec) ws.userRules.delete(name.toLowerCase());
      state.touch(ws);
    },
    onFailed: () => {
      delete rec.pending;
      state.touch(ws);
    },
  });
  return lroResponse(ctx, op, { status: 202 });
}
