using Mnet.Arm.Lro;

namespace Mnet.Workflows.Activities.Operations;

public sealed record PollOperationInput(LroHandle Handle);
