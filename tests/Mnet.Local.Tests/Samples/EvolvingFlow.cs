namespace Mnet.Local.Tests.Samples;

/// <summary>One orchestration name, two versions of its code: the "deploy a change while instances run" case.</summary>
public static class EvolvingFlow
{
    public const string Name = "EvolvingFlow";
    public const string GoEvent = "go";
    public const string Waiting = "waiting-for-go";
}
