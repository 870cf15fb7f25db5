using System.Text.Json;

namespace Mnet.Workflows.CrashHost;

/// <summary>What one engine process runs: written by the test as a JSON file, its path the only argument.</summary>
/// <param name="EngineStore">The Azure Storage connection string of the task hub (Azurite, kept by the test process).</param>
/// <param name="EmulatorUrl">The ARM emulator (in the test process, so it outlives this one).</param>
/// <param name="CaCertificatePem">The emulator's CA, the only one the ARM client trusts.</param>
/// <param name="DocumentsFolder">The folder document store (snapshots) shared with the resumed engine.</param>
/// <param name="Input">The orchestration input, as the workflow JSON writes it.</param>
/// <param name="Approval">What to do when the instance waits for an approval (an onboarding asks before its first write).</param>
public sealed record CrashHostConfig(
    string EngineStore,
    string TaskHub,
    string EmulatorUrl,
    string CaCertificatePem,
    string DocumentsFolder,
    string Orchestrator,
    string InstanceId,
    JsonElement Input,
    CrashHostApproval Approval = CrashHostApproval.None)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CrashHostConfig Read(string path) =>
        JsonSerializer.Deserialize<CrashHostConfig>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no crash host configuration");

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
