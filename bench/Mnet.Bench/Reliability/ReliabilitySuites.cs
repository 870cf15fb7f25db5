namespace Mnet.Bench.Reliability;

/// <summary>The reliability suites docs/reliability.md lists (issue 19), each with its test project and classes.</summary>
public static class ReliabilitySuites
{
    /// <summary>The malformed-input suites (issue 19 counts them together): bodies and events, then policies.</summary>
    public const string MalformedInput = "Malformed input";

    public const string MalformedPolicies = MalformedInput + ": policies";

    public static IReadOnlyList<ReliabilitySuite> All { get; } =
    [
        new("Fault injection", "tests/Mnet.Workflows.Tests",
            ["Mnet.Workflows.Tests.Reliability.FaultInjection", "Mnet.Workflows.Tests.Reliability.ReliabilityInvariants"],
            "Onboardings and migrating onboardings on the real engine while the emulator fails 20% of ARM calls (429 / 500 / 503 / " +
            "connection reset / slow, seeded); the invariant checks themselves are tested to catch what they are there for.",
            "every instance completes with the expected result; computes come back with the same definition; no resource deleted twice; " +
            "dry runs write nothing; role assignments exactly once; the end state matches the policy."),
        new("ARM client under faults", "tests/Mnet.Arm.Tests", ["Mnet.Arm.Tests.ArmClientFaultsTests"],
            "The product's ARM client against injected 429 / 5xx / resets / slow answers.",
            "retries are bounded and honour Retry-After; a typed error once the retries are spent."),
        new("Crash and resume", "tests/Mnet.Workflows.Tests", ["Crash"],
            "The host process killed at step boundaries (crash hosts), then a new host resumes from the durable store.",
            "every orchestration ends as an uninterrupted run would; nothing deleted twice; computes recreated once."),
        new("Engine crash and resume", "tests/Mnet.Local.Tests", ["Mnet.Local.Tests.Engine.CrashResume"],
            "The local engine (Azure Storage backend on Azurite) killed mid-orchestration and started again.",
            "the orchestration resumes and completes; activities that completed are not run again."),
        new("Event storm", "tests/Mnet.Service.Tests",
            ["Mnet.Service.Tests.Engine.EventFloodOnEngineTests", "Mnet.Service.Tests.Security.EventGridFloodTests"],
            "1,000 workspace events delivered 3 times, shuffled, in parallel, through the Event Grid handler (and on the real engine).",
            "exactly one onboarding per workspace; the other deliveries are reported as already running."),
        new(MalformedInput, "tests/Mnet.Service.Tests",
            ["Mnet.Service.Tests.Http.BadInputTests", "Mnet.Service.Tests.Events.MalformedEventCorpusTests",
             "Mnet.Service.Tests.Security.EventGridPayloadTests", "Mnet.Service.Tests.Security.HostileInputTests"],
            "The HTTP body corpus (BadInputCorpus), the malformed and irrelevant Event Grid deliveries (MalformedEventCorpus), " +
            "real Event Grid payloads, hostile bodies (oversize, deep nesting, bad UTF-8, path traversal, bidi overrides, duplicate members).",
            "every bad body is refused with a problem document naming what is wrong, every bad event is acknowledged and ignored with " +
            "its reason; nothing is started, recorded or changed."),
        new(MalformedPolicies, "tests/Mnet.Core.Tests", ["Mnet.Core.Tests.Policy.MalformedPolicyCorpusTests"],
            "The malformed policy corpus (MalformedPolicyCorpus): YAML syntax, schema, values, scope, rule names, FQDN, service tag, " +
            "private endpoint, rule pack and provisioning mistakes, each loaded as a policy file.",
            "every policy is refused, never accepted and never an exception, with a problem naming the rule id, the path and line, " +
            "and the offending key or value."),
        new("Hostile tickets", "tests/Mnet.Service.Tests",
            ["Mnet.Service.Tests.Security.ApprovalBindingAttackTests", "Mnet.Service.Tests.Security.ApproverIdentityAttackTests",
             "Mnet.Service.Tests.Security.ConcurrentDecisionsOnTableStorageTests", "Mnet.Service.Tests.Security.LooseningApprovalTests",
             "Mnet.Service.Tests.Security.PolicyWideningAttackTests"],
            "Attacks through the ticket API: approvals bound to another plan, forged approver identities, concurrent decisions, " +
            "loosening a plan after approval, widening the policy.",
            "an approval applies only to the plan it was given for, by an approver with the role, once; nothing loosens or widens unseen."),
    ];
}
