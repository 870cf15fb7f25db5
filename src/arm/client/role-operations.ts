/** Role assignments and custom role definitions, under deterministic names (see role-names.ts). */
import { AUTHORIZATION_API_VERSION } from '../api-versions';
import type { RoleAssignment, RoleDefinition } from '../types';
import type { ArmClient } from './arm-client';
import type { ClientContext } from './context';
import { ArmError } from './errors';
import { asResource, listAll } from './paging';
import { roleAssignmentName, roleDefinitionGuid, roleDefinitionName, roleDefinitionResourceId } from './role-names';
import { armPath, childId, requireId } from './urls';

type RoleOperations = Pick<
  ArmClient,
  'putRoleAssignment' | 'getRoleAssignment' | 'listRoleAssignments' | 'putRoleDefinition' | 'getRoleDefinition'
>;

const AUTHZ = 'providers/Microsoft.Authorization';

export function roleOperations(ctx: ClientContext): RoleOperations {
  const { transport } = ctx;
  return {
    async putRoleAssignment(input) {
      const scope = requireId(input.scope);
      const roleDefinitionId = roleDefinitionResourceId(scope, input.roleDefinitionId);
      const name = roleAssignmentName(scope, input.principalId, roleDefinitionId);
      const id = `${scope}/${AUTHZ}/roleAssignments/${name}`;
      const properties: Record<string, string> = {
        roleDefinitionId,
        principalId: input.principalId,
        principalType: input.principalType ?? 'ServicePrincipal',
      };
      if (input.description !== undefined) properties['description'] = input.description;
      if (input.condition !== undefined) {
        properties['condition'] = input.condition;
        properties['conditionVersion'] = input.conditionVersion ?? '2.0';
      }
      try {
        const res = await transport.send({ method: 'PUT', url: armPath(id, AUTHORIZATION_API_VERSION), operation: 'writeRoleAssignment', resourceId: id, body: { properties } });
        return { created: res.status === 201, alreadyExisted: res.status !== 201, name, id };
      } catch (e) {
        // The one failure that is a success: the same grant already exists under another name.
        if (e instanceof ArmError && e.status === 409 && e.code === 'RoleAssignmentExists') {
          return { created: false, alreadyExisted: true, name, id };
        }
        throw e;
      }
    },

    async getRoleAssignment(scope, name) {
      const id = childId(`${requireId(scope)}/${AUTHZ}`, 'roleAssignments', name);
      const res = await transport.send({ method: 'GET', url: armPath(id, AUTHORIZATION_API_VERSION), operation: 'readRoleAssignments', resourceId: id });
      return asResource<RoleAssignment>(res.body, { operation: 'readRoleAssignments', resourceId: id, status: res.status });
    },

    async listRoleAssignments(scope, options) {
      const scopeId = requireId(scope);
      const principalId = options?.principalId?.trim().toLowerCase();
      const all = await listAll<RoleAssignment>(transport, {
        url: armPath(`${scopeId}/${AUTHZ}/roleAssignments`, AUTHORIZATION_API_VERSION, {
          $filter: principalId !== undefined ? `principalId eq '${principalId}'` : undefined,
        }),
        operation: 'readRoleAssignments',
        resourceId: scopeId,
      });
      // Filter again locally: a service that ignores $filter must not widen the answer.
      return principalId === undefined ? all : all.filter((a) => a.properties.principalId.toLowerCase() === principalId);
    },

    async putRoleDefinition(input) {
      const scope = requireId(input.scope);
      const name = roleDefinitionName(scope, input.roleName);
      const id = `${scope}/${AUTHZ}/roleDefinitions/${name}`;
      const body = {
        properties: {
          roleName: input.roleName,
          description: input.description ?? '',
          type: 'CustomRole',
          permissions: [{ actions: input.actions, notActions: input.notActions ?? [], dataActions: [], notDataActions: [] }],
          assignableScopes: input.assignableScopes ?? [scope],
        },
      };
      const res = await transport.send({ method: 'PUT', url: armPath(id, AUTHORIZATION_API_VERSION), operation: 'writeRoleDefinition', resourceId: id, body });
      return asResource<RoleDefinition>(res.body, { operation: 'writeRoleDefinition', resourceId: id, status: res.status });
    },

    async getRoleDefinition(scope, roleDefinitionId) {
      const id = `${requireId(scope)}/${AUTHZ}/roleDefinitions/${roleDefinitionGuid(roleDefinitionId)}`;
      const res = await transport.send({ method: 'GET', url: armPath(id, AUTHORIZATION_API_VERSION), operation: 'readRoleDefinitions', resourceId: id });
      return asResource<RoleDefinition>(res.body, { operation: 'readRoleDefinitions', resourceId: id, status: res.status });
    },
  };
}
