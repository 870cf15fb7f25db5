namespace Mnet.Core.Catalog;

/// <summary>A firewall SKU: its policy spelling and its ARM value.</summary>
public sealed record FirewallSkuName(string PolicyName, string ArmValue);
