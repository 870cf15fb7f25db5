namespace Mnet.Core.Policy;

public sealed record PolicyPrivateEndpointDestination(
    string ServiceResourceId,
    string SubresourceTarget,
    bool SparkEnabled);
