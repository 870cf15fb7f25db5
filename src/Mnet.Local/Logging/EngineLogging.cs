using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Mnet.Local.Logging;

/// <summary>The logger factory an engine owns when its caller gives none.</summary>
internal static class EngineLogging
{
    /// <summary>
    /// Console logging at <paramref name="level"/>, all of it on standard error: a CLI's stdout stays its own.
    /// </summary>
    public static ILoggerFactory Create(LogLevel level) =>
        LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(level);
            if (level == LogLevel.None)
            {
                return;
            }

            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
            });
            logging.Services.Configure<ConsoleLoggerOptions>(
                console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        });
}
