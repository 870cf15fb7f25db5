using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Rules;

/// <summary>One semantic rule family: reads the valid parts of the policy, reports into the sink.</summary>
internal delegate void PolicyCheck(PolicyView view, ProblemSink sink);
