namespace Mnet.Core.Policy;

public enum DriftMode
{
    Report,
    Remediate,
}
