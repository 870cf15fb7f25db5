using Microsoft.Extensions.Configuration;
using Mnet.Service.Configuration;

namespace Mnet.Functions.Startup;

/// <summary>The settings check that gates start-up (Program.cs).</summary>
public static class StartupSettings
{
    /// <summary>Exit code of a worker refused for its configuration.</summary>
    public const int InvalidConfigurationExitCode = 78;

    /// <summary>The validated settings, or null after writing every problem (each naming its setting) to <paramref name="error"/>.</summary>
    public static MnetSettings? Load(IConfiguration configuration, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return MnetSettingsLoader.Load(configuration);
        }
        catch (MnetSettingsException e)
        {
            error.WriteLine($"mnet-autopilot: {e.GetType().Name}: {e.Message}");
            error.WriteLine("mnet-autopilot: start-up stopped; set the settings named above (README, Configuration).");
            return null;
        }
    }
}
