namespace Mnet.Core.Catalog;

/// <summary>
/// Azure Resource Manager's request limits (token buckets, since 2024): per subscription, per security principal,
/// per operation type, per region; the tenant-level buckets are the same size. A request over the bucket is throttled
/// (429). Source: Microsoft Learn, "Request limits and throttling" (Azure Resource Manager).
/// </summary>
public static class ArmRequestLimits
{
    /// <summary>Read tokens refilled per second (bucket of <see cref="ReadBucketSize"/>).</summary>
    public const int ReadsPerSecond = 25;

    /// <summary>Write tokens refilled per second (bucket of <see cref="WriteBucketSize"/>).</summary>
    public const int WritesPerSecond = 10;

    /// <summary>Delete tokens refilled per second (bucket of <see cref="DeleteBucketSize"/>).</summary>
    public const int DeletesPerSecond = 10;

    public const int ReadBucketSize = 250;
    public const int WriteBucketSize = 200;
    public const int DeleteBucketSize = 200;

    /// <summary>
    /// The sustained rate of non-GET requests (writes and deletes: the product's ARM client counts both against one
    /// write ceiling) that stays inside both buckets.
    /// </summary>
    public const int ChangesPerSecond = WritesPerSecond < DeletesPerSecond ? WritesPerSecond : DeletesPerSecond;
}
