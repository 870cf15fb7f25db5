namespace Mnet.Workflows.Durable;

/// <summary>
/// Simulates Durable's at-least-once delivery on the in-process engine: registered as a service, every activity it
/// selects runs twice in a row and the second result is the one returned, as after a redelivery whose first run
/// completed its I/O but not its reply. Local runs and tests only (never registered in Azure).
/// </summary>
/// <param name="Applies">Activity name -> run it twice?</param>
public sealed record ActivityRedelivery(Func<string, bool> Applies)
{
    public static ActivityRedelivery All { get; } = new(_ => true);
}
