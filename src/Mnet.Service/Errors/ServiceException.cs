namespace Mnet.Service.Errors;

/// <summary>
/// A failure the service reports to its caller. <see cref="Detail"/> is written for the caller and never holds a
/// stack trace or an upstream's raw text; <see cref="Extensions"/> become extra members of the problem document.
/// </summary>
public sealed class ServiceException : Exception
{
    public ServiceException(
        ServiceErrorKind kind,
        string title,
        string detail,
        IReadOnlyList<FieldProblem>? errors = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
        : base(detail)
    {
        Kind = kind;
        Title = title;
        Detail = detail;
        Errors = errors ?? [];
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    public ServiceErrorKind Kind { get; }
    public string Title { get; }
    public string Detail { get; }
    public IReadOnlyList<FieldProblem> Errors { get; }
    public IReadOnlyDictionary<string, object?> Extensions { get; }

    /// <summary>400 listing every problem: "The request has 2 problems: a: ...; b: ...".</summary>
    public static ServiceException Invalid(IReadOnlyList<FieldProblem> problems, string? detail = null)
    {
        string summary = detail ?? $"The request has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}: " +
            string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"));
        return new ServiceException(ServiceErrorKind.Invalid, "Invalid request", summary, problems);
    }
}
