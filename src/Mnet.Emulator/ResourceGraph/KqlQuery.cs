namespace Mnet.Emulator.ResourceGraph;

/// <summary>A parsed query over the <c>resources</c> table.</summary>
public sealed record KqlQuery(IReadOnlyList<KqlStage> Stages);
