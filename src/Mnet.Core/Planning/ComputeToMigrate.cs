namespace Mnet.Core.Planning;

/// <summary>A managed compute the migration snapshots, deletes and recreates.</summary>
/// <param name="DropsSubnet">A customer-VNet subnet the recreate must drop (computes live in the managed network once it is on).</param>
public sealed record ComputeToMigrate(string Name, string ComputeType, bool DropsSubnet)
{
    public string? Id { get; init; }
    public string? Location { get; init; }
    public string? VmSize { get; init; }
}
