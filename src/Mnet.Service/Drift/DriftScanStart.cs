namespace Mnet.Service.Drift;

/// <summary>The timer's tick: started, or skipped because the previous scan is still pending or running.</summary>
public sealed record DriftScanStart(string InstanceId, bool Started, string? RunningStatus = null);
