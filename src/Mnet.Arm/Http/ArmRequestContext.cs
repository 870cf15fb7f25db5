using Azure.Core;
using Mnet.Arm.Actions;

namespace Mnet.Arm.Http;

/// <summary>What the pipeline policies need beyond the URL: the operation and whether it counts as a write.</summary>
internal sealed record ArmRequestContext(ArmOperation Operation, bool IsWrite)
{
    public void AttachTo(HttpMessage message) => message.SetProperty(typeof(ArmRequestContext), this);

    public static ArmRequestContext? Of(HttpMessage message) =>
        message.TryGetProperty(typeof(ArmRequestContext), out var value) ? value as ArmRequestContext : null;
}
