namespace Mnet.Emulator.ResourceGraph;

/// <summary>A projected column: its output name and the field it reads.</summary>
public sealed record KqlColumn(string Name, KqlField Field);
