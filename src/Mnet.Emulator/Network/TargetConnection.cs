using System.Text.Json.Nodes;

namespace Mnet.Emulator.Network;

/// <summary>
/// A private endpoint connection as its target sees it: the stored endpoint and its connection entry (the one
/// place the connection's state lives), under the name the target lists it by.
/// </summary>
public sealed record TargetConnection(JsonObject Endpoint, JsonObject Connection, string Name, string TargetId);
