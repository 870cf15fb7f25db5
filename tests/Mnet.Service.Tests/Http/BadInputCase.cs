using Mnet.Service.Tests.Support;

namespace Mnet.Service.Tests.Http;

/// <summary>One row of the bad-input corpus: which route, what request, which status (and rule / path for 400s).</summary>
public sealed record BadInputCase(string Name, string Route, HttpRequestSpec Request, int Status, string? Rule = null, string? Path = null);
