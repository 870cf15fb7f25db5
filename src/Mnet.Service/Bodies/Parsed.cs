using Mnet.Service.Errors;

namespace Mnet.Service.Bodies;

/// <summary>A parsed body: the typed value and every problem found.</summary>
internal sealed record Parsed<T>(T Value, IReadOnlyList<FieldProblem> Problems);
