using System.Text.Json.Nodes;

namespace Mnet.Service.Tests.Events;

/// <summary>One delivery of <see cref="MalformedEventCorpus"/>: the event as sent and the reason it must be ignored for.</summary>
internal sealed record MalformedEventCase(string Name, JsonNode Event, string Reason)
{
    public override string ToString() => Name;
}
