namespace Mnet.Core.Resources;

/// <summary>The ARM values of an outbound rule's <c>type</c> discriminator.</summary>
public static class OutboundRuleTypes
{
    public const string Fqdn = "FQDN";
    public const string PrivateEndpoint = "PrivateEndpoint";
    public const string ServiceTag = "ServiceTag";
}
