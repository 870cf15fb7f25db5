using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <param name="RequiresConfirmation">The catalog marks the transition as allowed-but-risky: ask for explicit confirmation.</param>
/// <param name="Note">The catalog's explanation of the transition.</param>
public sealed record SetIsolationModeParams(IsolationMode From, IsolationMode To, bool RequiresConfirmation, string Note);
