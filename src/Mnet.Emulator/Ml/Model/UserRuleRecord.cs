using System.Text.Json.Nodes;

namespace Mnet.Emulator.Ml.Model;

/// <summary>A user-defined outbound rule as written (normalised); category, status and errorInformation are
/// computed on every read.</summary>
public sealed class UserRuleRecord(string name, JsonObject rule)
{
    public string Name { get; } = name;

    /// <summary>{type, destination, ...} as the client sent it, validated.</summary>
    public JsonObject Rule { get; set; } = rule;

    /// <summary>"Provisioning" or "Deleting" while a rule LRO runs on it.</summary>
    public string? Pending { get; set; }

    public bool Failed { get; set; }

    public string Type => Rule["type"]?.GetValue<string>() ?? string.Empty;
}
