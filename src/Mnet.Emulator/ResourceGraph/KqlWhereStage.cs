namespace Mnet.Emulator.ResourceGraph;

/// <summary><c>where a and b and ...</c></summary>
public sealed record KqlWhereStage(IReadOnlyList<KqlCondition> Conditions) : KqlStage;
