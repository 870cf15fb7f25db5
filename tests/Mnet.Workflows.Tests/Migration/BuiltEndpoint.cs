using Mnet.Core.Resources;

namespace Mnet.Workflows.Tests.Migration;

public sealed record BuiltEndpoint(OnlineEndpoint Endpoint, IReadOnlyList<OnlineDeployment> Deployments);
