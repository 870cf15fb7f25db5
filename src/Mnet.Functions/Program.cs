using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Mnet.Functions.Composition;
using Mnet.Functions.Startup;
using Mnet.Functions.Telemetry;

// Every setting is read by name and validated before anything else: a missing or invalid one stops start-up with a
// message naming it (the host then reports the worker as failed instead of failing on the first request).
var builder = FunctionsApplication.CreateBuilder(args);
var settings = StartupSettings.Load(builder.Configuration, Console.Error);
if (settings is null) return StartupSettings.InvalidConfigurationExitCode;

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<InvocationScopeMiddleware>();
builder.Services.AddMnetFunctions(settings);
builder.Services.AddMnetTelemetry(settings);
await builder.Build().RunAsync();
return 0;
