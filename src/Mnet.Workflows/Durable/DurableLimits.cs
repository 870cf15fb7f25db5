using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Mnet.Workflows.Durable;

/// <summary>
/// Durable limits that Azure enforces and the local engine does not (its in-memory store accepts any size and any
/// id), checked by the project so a run that passes locally does not fail in Azure. Pure: sizes are measured on the
/// JSON the worker's data converter writes (<see cref="JsonDataConverter.Default"/> unless one is given).
/// </summary>
public static class DurableLimits
{
    /// <summary>
    /// Custom status ceiling in bytes of UTF-16 JSON. Durable Functions fails the orchestration above 16 KB (the
    /// isolated worker's host checks it since durable extension PR #3113, matching the in-process model).
    /// </summary>
    public const int MaxCustomStatusBytes = 16 * 1024;

    /// <summary>
    /// Budget for one message payload in bytes of UTF-8 JSON: the Azure Storage provider (DurableTask.AzureStorage
    /// MessageManager) keeps messages up to 45 KB inline in its queues; larger ones are compressed into a blob and
    /// fetched again on every replay of the history that holds them.
    /// </summary>
    public const int MaxInlineMessageBytes = 45 * 1024;

    /// <summary>
    /// The statuses of an instance that Durable Functions refuses to replace when a new start names its id: only a
    /// finished instance (completed, failed, terminated) may be started again under the same id.
    /// </summary>
    public static IReadOnlyList<string> LiveStatuses { get; } = ["Pending", "Running", "Suspended"];

    /// <summary>
    /// Options for starting an orchestration under <paramref name="instanceId"/> that refuse, as Azure does, to
    /// replace a live instance of that id (the local engine replaces it silently unless told otherwise). The client
    /// then throws DurableTask.Core's OrchestrationAlreadyExistsException.
    /// </summary>
    public static StartOrchestrationOptions UniqueStart(string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return new StartOrchestrationOptions(instanceId) { DedupeStatuses = LiveStatuses };
    }

    /// <summary>
    /// The status's size as Durable Functions measures it: its JSON's UTF-16 byte count (0 for null).
    /// </summary>
    public static int CustomStatusBytes(object? status, DataConverter? converter = null)
    {
        string? json = (converter ?? JsonDataConverter.Default).Serialize(status);
        return json is null ? 0 : Encoding.Unicode.GetByteCount(json);
    }

    public static bool CustomStatusFits(object? status, DataConverter? converter = null) =>
        CustomStatusBytes(status, converter) <= MaxCustomStatusBytes;

    /// <exception cref="CustomStatusTooLargeException">The status's JSON is over 16 KB as UTF-16.</exception>
    public static void EnsureCustomStatusFits(object? status, DataConverter? converter = null)
    {
        int bytes = CustomStatusBytes(status, converter);
        if (bytes > MaxCustomStatusBytes)
        {
            throw new CustomStatusTooLargeException(bytes, MaxCustomStatusBytes);
        }
    }

    /// <summary>
    /// Sets the custom status after checking it fits: over the limit the orchestrator throws, failing the
    /// orchestration locally exactly where Azure would.
    /// </summary>
    /// <exception cref="CustomStatusTooLargeException">The status's JSON is over 16 KB as UTF-16.</exception>
    public static void SetCustomStatusChecked(TaskOrchestrationContext context, object? status)
    {
        ArgumentNullException.ThrowIfNull(context);
        EnsureCustomStatusFits(status);
        context.SetCustomStatus(status);
    }

    /// <summary>A payload's size on the wire: its JSON's UTF-8 byte count (0 for null).</summary>
    public static int MessageBytes(object? payload, DataConverter? converter = null)
    {
        string? json = (converter ?? JsonDataConverter.Default).Serialize(payload);
        return json is null ? 0 : Encoding.UTF8.GetByteCount(json);
    }

    /// <param name="payload">An activity or sub-orchestration input, an output, or event data.</param>
    /// <param name="what">The payload in words for the message, e.g. "input of activity ApplyStep".</param>
    /// <param name="converter">The worker's data converter, if not the default.</param>
    /// <exception cref="DurableMessageTooLargeException">The payload's JSON is over 45 KB as UTF-8.</exception>
    public static void EnsureMessageFits(object? payload, string what, DataConverter? converter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        int bytes = MessageBytes(payload, converter);
        if (bytes > MaxInlineMessageBytes)
        {
            throw new DurableMessageTooLargeException(what, bytes, MaxInlineMessageBytes);
        }
    }

    /// <summary>
    /// Checks the instance ids an orchestrator is about to give its sub-orchestrations: none may repeat, and none
    /// may be the parent's own. Compared ignoring case, because the engine's sidecar tracks instances by id
    /// case-insensitively: ids that differ only in case would collide there.
    /// </summary>
    /// <exception cref="SubOrchestrationIdCollisionException">Some ids collide; all of them are named.</exception>
    public static void EnsureDistinctSubOrchestrationIds(string parentInstanceId, IEnumerable<string> childInstanceIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(parentInstanceId);
        ArgumentNullException.ThrowIfNull(childInstanceIds);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { parentInstanceId };
        var collisions = new List<string>();
        foreach (string id in childInstanceIds)
        {
            ArgumentException.ThrowIfNullOrEmpty(id, nameof(childInstanceIds));
            if (!seen.Add(id) && !collisions.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                collisions.Add(id);
            }
        }

        if (collisions.Count > 0)
        {
            throw new SubOrchestrationIdCollisionException(parentInstanceId, collisions);
        }
    }
}
