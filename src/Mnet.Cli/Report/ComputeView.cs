namespace Mnet.Cli.Report;

public sealed record ComputeView(string Name, string ComputeType, string? ProvisioningState = null);
