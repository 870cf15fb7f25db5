namespace Mnet.Cli;

/// <summary>Something failed while running (exit 3): ARM, network, file system.</summary>
public sealed class RuntimeFailureException(string message, Exception? inner = null) : Exception(message, inner);
