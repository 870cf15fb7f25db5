namespace Mnet.Arm.Errors;

/// <summary>Existence checks: absence is an answer, every other failure still throws.</summary>
public static class ArmExceptionExtensions
{
    /// <summary><c>await client.GetComputeAsync(id).NotFoundAsNullAsync()</c>: null for 404 only.</summary>
    public static async Task<T?> NotFoundAsNullAsync<T>(this Task<T> pending)
        where T : class
    {
        try
        {
            return await pending;
        }
        catch (ArmException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
