using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Arm.Posture;
using Mnet.Core.Posture;
using Mnet.Service.Ports;

namespace Mnet.Service.Posture;

/// <summary><see cref="IPostureReading"/> through <see cref="PostureReader"/>; ARM failures become <see cref="UpstreamException"/>.</summary>
public sealed class ArmPostureReading(IArmClient arm) : IPostureReading
{
    readonly PostureReader reader = new(arm ?? throw new ArgumentNullException(nameof(arm)));

    public async Task<PostureInput?> ReadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await reader.ReadAsync(workspaceId, cancellationToken);
        }
        catch (ArmNotFoundException)
        {
            return null;
        }
        catch (ArmException e)
        {
            throw new UpstreamException(e.Status, $"{e.Code}: {e.Message}", e);
        }
    }
}
