using Mnet.Emulator.Ids;

namespace Mnet.Emulator.Routing;

/// <summary>The ordered route table: the first route whose pattern and method match wins (generic routes last).</summary>
public sealed class RouteTable
{
    private readonly List<CompiledRoute> routes = [];

    public IReadOnlyList<Route> Routes => routes.ConvertAll(r => r.Route);

    public RouteTable Add(Route route)
    {
        var segments = route.Pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var scoped = segments.Length > 0 && segments[0] == "{*scope}";
        routes.Add(new CompiledRoute(route, scoped, scoped ? segments[1..] : segments));
        return this;
    }

    public RouteTable Add(string method, string pattern, ApiVersionPolicy versions, RouteHandler handler,
        LockEffect lockEffect = LockEffect.ByMethod, bool checkParents = true) =>
        Add(new Route(method, pattern, versions, handler, lockEffect, checkParents));

    public RouteMatch Match(string method, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var allowed = new List<string>();
        foreach (var c in routes)
        {
            var p = c.TryMatch(parts);
            if (p is null)
            {
                continue;
            }

            if (!string.Equals(c.Route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                if (!allowed.Contains(c.Route.Method))
                {
                    allowed.Add(c.Route.Method);
                }

                continue;
            }

            return new RouteMatch(c.Route, p, []);
        }

        return new RouteMatch(null, null, allowed);
    }

    private sealed record CompiledRoute(Route Route, bool Scoped, string[] Segments)
    {
        public RouteParams? TryMatch(string[] parts)
        {
            var result = new RouteParams();
            var offset = 0;
            if (Scoped)
            {
                if (parts.Length < Segments.Length)
                {
                    return null;
                }

                offset = parts.Length - Segments.Length;
                var scope = offset == 0 ? "/" : "/" + string.Join('/', parts[..offset]);
                if (!ScopePath.IsValidScope(scope))
                {
                    return null;
                }

                result.Set("scope", scope);
            }
            else if (parts.Length != Segments.Length)
            {
                return null;
            }

            for (var i = 0; i < Segments.Length; i++)
            {
                var pattern = Segments[i];
                var actual = parts[offset + i];
                if (pattern.StartsWith('{') && pattern.EndsWith('}'))
                {
                    result.Set(pattern[1..^1], actual);
                }
                else if (!string.Equals(pattern, actual, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return result;
        }
    }
}
