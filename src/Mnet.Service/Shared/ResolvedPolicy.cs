namespace Mnet.Service.Shared;

/// <summary>The policy a request names, and whether it came inline (never trusted for writes).</summary>
internal sealed record ResolvedPolicy(Core.Policy.Policy Policy, bool Inline, bool IsAppPolicy);
