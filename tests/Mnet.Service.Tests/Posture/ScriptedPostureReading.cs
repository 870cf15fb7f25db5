using Mnet.Core.Posture;
using Mnet.Service.Ports;

namespace Mnet.Service.Tests.Posture;

/// <summary>A posture reader that counts its calls and answers with <paramref name="answer"/> (which may throw).</summary>
internal sealed class ScriptedPostureReading(Func<string, Task<PostureInput?>> answer) : IPostureReading
{
    public List<string> Calls { get; } = [];

    public Task<PostureInput?> ReadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        Calls.Add(workspaceId);
        return answer(workspaceId);
    }
}
