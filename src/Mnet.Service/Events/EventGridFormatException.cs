namespace Mnet.Service.Events;

/// <summary>A delivery that is not Event Grid or CloudEvents JSON (a poison message: logged, not retried forever).</summary>
public sealed class EventGridFormatException(string message, Exception? inner = null) : Exception(message, inner);
