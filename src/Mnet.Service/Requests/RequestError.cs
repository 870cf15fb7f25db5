namespace Mnet.Service.Requests;

/// <summary>An error of a request: a code and the first line of its message (never a stack).</summary>
public sealed record RequestError(string Code, string Message);
