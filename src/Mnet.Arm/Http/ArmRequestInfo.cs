using Mnet.Arm.Actions;

namespace Mnet.Arm.Http;

/// <summary>One HTTP attempt, reported through <see cref="ArmClientOptions.OnRequest"/> (benchmarks count with it).</summary>
/// <param name="Status">HTTP status; 0 when the connection failed before a response.</param>
/// <param name="Attempt">0 for the first try, 1 for the first retry, ...</param>
public sealed record ArmRequestInfo(string Method, string Url, int Status, int Attempt, ArmOperation? Operation);
