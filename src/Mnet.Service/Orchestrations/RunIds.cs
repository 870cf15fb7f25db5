using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mnet.Service.Orchestrations;

/// <summary>
/// Run ids: one instance id serves every run for its workspace (a finished instance is replaced), so an approval
/// must also name the run. The run is identified by the instance id and its creation time, which the engine sets
/// when the run is scheduled and never changes: <c>run-{16 hex}</c>.
/// </summary>
public static class RunIds
{
    public static string Of(string instanceId, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        string text = instanceId + "|" + createdAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
        return "run-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
