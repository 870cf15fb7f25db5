namespace Mnet.Emulator.Routing;

/// <summary>How a request meets management locks (default: by method; POST actions act on their parent).</summary>
public enum LockEffect
{
    /// <summary>PUT/PATCH/POST -> Write, DELETE -> Delete, GET/HEAD -> None.</summary>
    ByMethod,
    None,
    Write,
    Delete,
}
