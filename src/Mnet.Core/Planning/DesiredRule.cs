using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>A policy rule prepared once: ARM shape, lower-cased key (rule names compare without case), add-step reason.</summary>
internal sealed record DesiredRule(string Name, string Key, OutboundRule Rule, string AddReason);
