using Mnet.Core.Resources;

namespace Mnet.Core.Catalog;

/// <summary>One isolation mode: its ARM value, its policy (az ml YAML) spelling and its restrictiveness rank.</summary>
/// <param name="Rank">Restrictiveness: a move to a lower rank loosens isolation.</param>
public sealed record IsolationModeEntry(IsolationMode Mode, string PolicyName, int Rank);
