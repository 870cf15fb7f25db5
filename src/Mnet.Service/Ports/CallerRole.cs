namespace Mnet.Service.Ports;

/// <summary>What the caller is about to do: ask for a change, or decide on one (needs the approver role).</summary>
public enum CallerRole
{
    Requester,
    Approver,
}
