namespace Mnet.Service.Ports;

/// <summary>Azure Resource Manager refused or failed a read; mapped to 502 without ARM's text.</summary>
public sealed class UpstreamException(int? status, string message, Exception? inner = null) : Exception(message, inner)
{
    public int? Status { get; } = status;
}
