/**
 * Entry point of the function app (package.json `main`: dist/app.js). At load it reads and validates every
 * setting - a bad or missing one throws ConfigError naming it, so the host refuses to start - then registers
 * the orchestrations, activities and triggers. Clients and stores are built on first use (see
 * service/composition.ts) to keep cold starts short.
 */
import * as df from 'durable-functions';
import { setActivityDependencies } from './durable/activities/dependencies';
import { registerDurableFunctions } from './durable/registry';
import { registerTriggerFunctions } from './functions/register';
import { loadAppConfig, type AppConfig } from './service/app-config';
import { useAppServices } from './service/app-services';
import { AzureResources, createAzureAppServices } from './service/composition';
import { DurableClientGateway } from './service/durable-client-gateway';

export { loadAppConfig };

/** Everything start-up does, for a given environment; returns the validated configuration. */
export function startApp(env: Record<string, string | undefined>): AppConfig {
  const config = loadAppConfig(env);
  const resources = new AzureResources(config);
  // Activities may run before any trigger in this process (orchestrations resume after a restart).
  setActivityDependencies(resources.activityDependencies());
  useAppServices(() => createAzureAppServices(config, resources, (context) => new DurableClientGateway(df.getClient(context))));
  registerDurableFunctions();
  registerTriggerFunctions(df.input.durableClient());
  return config;
}

export const appConfig: AppConfig = startApp(process.env);
