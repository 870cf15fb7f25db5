using Mnet.Core.Posture;

namespace Mnet.Service.Posture;

/// <summary>How many findings of each severity a posture report holds.</summary>
public sealed record PostureCounts(int High, int Medium, int Low, int Info)
{
    public static PostureCounts Of(PostureReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new PostureCounts(
            report.CountOf(PostureSeverity.High),
            report.CountOf(PostureSeverity.Medium),
            report.CountOf(PostureSeverity.Low),
            report.CountOf(PostureSeverity.Info));
    }
}
