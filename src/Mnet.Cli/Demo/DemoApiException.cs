namespace Mnet.Cli.Demo;

/// <summary>The service answered a demo call with something the story cannot go on from.</summary>
public sealed class DemoApiException(string message) : Exception(message);
