namespace Mnet.Emulator.Tests.Support;

/// <summary>Ids and paths the conformance tests use (the TS tests' client.ts constants).</summary>
public static class Wire
{
    public const string Sub = "00000000-0000-0000-0000-000000000001";
    public const string Sub2 = "00000000-0000-0000-0000-000000000002";
    public const string Tenant = "00000000-0000-0000-0000-0000000000aa";
    public const string MlVersion = Mnet.Arm.ArmApiVersions.MachineLearning;
    public const string Ml = "api-version=" + MlVersion;

    public static string WsPath(string rg, string ws, string sub = Sub) =>
        $"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{ws}";
}
