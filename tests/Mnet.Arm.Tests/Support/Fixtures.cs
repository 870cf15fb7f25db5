using Mnet.Core.Resources;

namespace Mnet.Arm.Tests.Support;

/// <summary>Realistic ARM bodies (copied from tests/arm/fixtures), read fresh on every call.</summary>
internal static class Fixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", $"{name}.json"));

    public static T Load<T>(string name) => ArmJson.Deserialize<T>(Text(name));
}
