using Mnet.Core.Posture;

namespace Mnet.Service.Ports;

/// <summary>Reading what the posture audit needs about one workspace (Resource Graph first, then GETs).</summary>
public interface IPostureReading
{
    /// <summary>
    /// The workspace with its dependencies, private endpoints, VNets, computes and online endpoints; null when the
    /// workspace does not exist. ARM failures throw <see cref="UpstreamException"/>.
    /// </summary>
    Task<PostureInput?> ReadAsync(string workspaceId, CancellationToken cancellationToken = default);
}
