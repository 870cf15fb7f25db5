using Mnet.Core.Policy;
using Mnet.Emulator.Scenarios;

namespace Mnet.Bench.Drift;

/// <summary>The policy the drift benchmark scans with (TS bench/drift/scale-policy.ts): every scale subscription.</summary>
public static class ScalePolicy
{
    public static IReadOnlyList<string> Subscriptions { get; } =
        [.. Enumerable.Range(0, ScaleScenario.Subscriptions).Select(ScaleScenario.SubscriptionId)];

    public static Policy Load()
    {
        string text = $$"""
            name: scale-approved-outbound
            scope:
              subscriptions: [{{string.Join(", ", Subscriptions)}}]
              exclude: [ws-000007]
            managed_network:
              isolation_mode: allow_only_approved_outbound
              outbound_rules:
                - name: pkg-pypi-org
                  type: fqdn
                  destination: pypi.org
                - name: pkg-any-pythonhosted-org
                  type: fqdn
                  destination: "*.pythonhosted.org"
            compute_migration:
              mode: automatic
            drift:
              mode: report
            """;
        var result = PolicyLoader.Load(text, "scale-policy.yaml");
        return result.Ok
            ? result.Policy!
            : throw new InvalidOperationException("scale policy is invalid: " + string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
    }
}
