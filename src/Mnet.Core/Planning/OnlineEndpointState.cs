using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>An online endpoint with its deployments, as read.</summary>
public sealed record OnlineEndpointState(OnlineEndpoint Endpoint, IReadOnlyList<OnlineDeployment> Deployments);
