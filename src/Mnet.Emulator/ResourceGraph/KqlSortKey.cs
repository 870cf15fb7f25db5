namespace Mnet.Emulator.ResourceGraph;

/// <summary>One order-by key (KQL's default direction is descending).</summary>
public sealed record KqlSortKey(KqlField Field, bool Descending);
