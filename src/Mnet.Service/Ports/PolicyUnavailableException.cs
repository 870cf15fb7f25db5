namespace Mnet.Service.Ports;

/// <summary>A policy file or folder cannot be read or is invalid: the operator's problem (503, details in the logs).</summary>
public sealed class PolicyUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
