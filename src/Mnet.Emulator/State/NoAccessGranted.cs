namespace Mnet.Emulator.State;

/// <summary>The access check of an emulator without an authorization area: no principal holds any role.</summary>
public sealed class NoAccessGranted : IAccessCheck
{
    public static NoAccessGranted Instance { get; } = new();

    public bool Grants(IReadOnlyCollection<string> principalIds, string resourceId, string action) => false;
}
