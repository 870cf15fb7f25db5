namespace Mnet.Emulator.Operations;

/// <summary>Why an operation failed: <c>{code, message}</c> in its poll body.</summary>
public sealed record OperationError(string Code, string Message);
