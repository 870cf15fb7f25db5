using Microsoft.DurableTask.Worker;
using Mnet.Arm.Errors;

namespace Mnet.Workflows.Durable;

/// <summary>
/// Carries an ArmException's code and status to the orchestrator (the failure details' properties), so step records
/// name the service's error code and retries skip failures that waiting does not fix.
/// </summary>
public sealed class ArmFailureProperties : IExceptionPropertiesProvider
{
    public const string CodeKey = "armCode";
    public const string StatusKey = "armStatus";
    public const string RetryableKey = "armRetryable";

    public IDictionary<string, object?>? GetExceptionProperties(Exception exception) =>
        exception is ArmException arm
            ? new Dictionary<string, object?>
            {
                [CodeKey] = arm.Code,
                [StatusKey] = arm.Status,
                [RetryableKey] = arm.IsRetryable,
            }
            : null;
}
