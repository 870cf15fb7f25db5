namespace Mnet.Emulator.ResourceGraph;

/// <summary>A column path (<c>properties.managedNetwork.isolationMode</c>), optionally in tolower()/tostring().</summary>
public sealed record KqlField(IReadOnlyList<string> Path, KqlFunction Function = KqlFunction.None)
{
    /// <summary>KQL's name for an unaliased projected path: its segments joined by '_'.</summary>
    public string DefaultColumnName => string.Join('_', Path);
}
