namespace Mnet.Emulator.ResourceGraph;

/// <summary>A query outside the emulator's KQL subset, or malformed; answered as 400 InvalidQuery.</summary>
public sealed class KqlException(string message) : Exception(message);
