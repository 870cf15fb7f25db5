namespace Mnet.Emulator.ResourceGraph;

/// <summary><c>order by a [asc|desc], ...</c> (also <c>sort by</c>).</summary>
public sealed record KqlOrderStage(IReadOnlyList<KqlSortKey> Keys) : KqlStage;
