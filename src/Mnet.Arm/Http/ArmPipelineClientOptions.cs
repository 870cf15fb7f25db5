using Azure.Core;

namespace Mnet.Arm.Http;

/// <summary>Azure.Core client options of the ARM pipeline (their assembly names the SDK part of the user agent).</summary>
internal sealed class ArmPipelineClientOptions : ClientOptions
{
}
