namespace Mnet.Cli.Tests.Demo;

/// <summary>
/// Where Debian's Chromium is: MNET_CHROMIUM, else <c>chromium</c> on PATH (tools/chromium/ensure.sh installs it).
/// Missing, the browser test fails with this message (never skips): in CI it must run.
/// </summary>
public static class ChromiumLocator
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("MNET_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured
                : throw new Xunit.Sdk.XunitException($"MNET_CHROMIUM is {configured}, which does not exist");
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in new[] { "chromium", "chromium-browser" })
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        throw new Xunit.Sdk.XunitException(
            "Chromium not found (MNET_CHROMIUM unset, no chromium on PATH): run tools/chromium/ensure.sh (apt-get install -y chromium)" +
            (ci ? "; CI=true: the browser test must run in CI." : "."));
    }
}
