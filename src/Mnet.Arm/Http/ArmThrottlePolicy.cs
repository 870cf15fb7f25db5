using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Mnet.Arm.Throttling;

namespace Mnet.Arm.Http;

/// <summary>Books every attempt against its subscription's budget (the tenant key when the URL names none) before it leaves.</summary>
internal sealed partial class ArmThrottlePolicy(ArmThrottle throttle) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await throttle.AcquireAsync(TicketFor(message), message.CancellationToken);
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    private static ThrottleTicket TicketFor(HttpMessage message)
    {
        var key = SubscriptionOf(message.Request.Uri.ToUri()) ?? ArmThrottle.TenantKey;
        return new ThrottleTicket(key, ArmRequestContext.Of(message)?.IsWrite == true);
    }

    /// <summary>The subscription a request acts on, from its path; null for tenant-level calls (Resource Graph).</summary>
    public static string? SubscriptionOf(Uri url)
    {
        var match = SubscriptionInPath().Match(url.AbsolutePath);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"/subscriptions/([0-9a-fA-F-]{36})(?:/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SubscriptionInPath();
}
