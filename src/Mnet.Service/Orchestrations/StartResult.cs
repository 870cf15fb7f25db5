namespace Mnet.Service.Orchestrations;

/// <summary>A start under a deterministic id: started, or the pending / running instance that owns the id.</summary>
public sealed record StartResult(string InstanceId, bool Started, OrchestrationSnapshot? Existing = null);
