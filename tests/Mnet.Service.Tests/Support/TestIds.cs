namespace Mnet.Service.Tests.Support;

/// <summary>Subscriptions, workspace ids and URLs the service tests use (the TS fakes' constants).</summary>
public static class TestIds
{
    public const string Sub = "00000000-0000-0000-0000-000000000001";
    public const string Sub2 = "00000000-0000-0000-0000-000000000002";
    public const string OtherSub = "99999999-9999-4999-8999-999999999999";
    public const string Host = "mnet.example.net";
    public const string BaseUrl = "https://mnet.example.net/api/v1";

    public static string WsId(string name, string rg = "rg-ml", string sub = Sub) =>
        $"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{name}";

    public static string StorageId(string name = "stml", string sub = Sub) =>
        $"/subscriptions/{sub}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/{name}";
}
