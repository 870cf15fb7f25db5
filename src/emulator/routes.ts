/** The full route table, most specific first (generic dependency resources last). */
import { authorizationRoutes } from './handlers/authorization';
import { computeRoutes } from './handlers/computes';
import { endpointRoutes } from './handlers/endpoints';
import { resourceGraphRoutes } from './handlers/resource-graph';
import { genericResourceRoutes } from './handlers/generic-resources';
import { operationRoutes } from './handlers/operations';
import { outboundRuleRoutes } from './handlers/outbound-rules';
import { resourceManagerRoutes } from './handlers/resource-manager';
import { workspaceRoutes } from './handlers/workspaces';
import { Router } from './router';

export function buildRouter(): Router {
  const router = new Router();
  router.add(
    ...operationRoutes(),
    ...resourceGraphRoutes(),
    ...workspaceRoutes(),
    ...outboundRuleRoutes(),
    ...computeRoutes(),
    ...endpointRoutes(),
    ...authorizationRoutes(),
    ...resourceManagerRoutes(),
    ...genericResourceRoutes(),
  );
  return router;
}
