namespace Mnet.Emulator.ResourceGraph;

/// <summary><c>project a, b = c, ...</c></summary>
public sealed record KqlProjectStage(IReadOnlyList<KqlColumn> Columns) : KqlStage;
