namespace Mnet.Workflows.Durable;

/// <param name="Started">True when this call scheduled the instance; false when one was already pending or running.</param>
public sealed record StartOutcome(string InstanceId, bool Started);
