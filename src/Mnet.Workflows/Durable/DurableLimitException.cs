namespace Mnet.Workflows.Durable;

/// <summary>
/// A Durable limit Azure enforces and the local engine does not, caught by the project before Azure would fail.
/// Thrown inside an orchestrator it fails the orchestration, as Azure would.
/// </summary>
public abstract class DurableLimitException : InvalidOperationException
{
    protected DurableLimitException(string message)
        : base(message)
    {
    }
}
