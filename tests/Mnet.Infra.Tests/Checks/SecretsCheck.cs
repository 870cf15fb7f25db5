using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>(e) No parameter file holds a secret; no <c>@secure()</c> parameter has a default.</summary>
public static partial class SecretsCheck
{
    private static readonly Regex[] SecretValues =
    [
        new("AccountKey=", RegexOptions.IgnoreCase),
        new("SharedAccessSignature", RegexOptions.IgnoreCase),
        new("SharedAccessKey(Name)?=", RegexOptions.IgnoreCase),
        new("[?&]sig=", RegexOptions.IgnoreCase),
        new("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
        new(@"\b(client_?secret|password|pwd)\s*[=:]", RegexOptions.IgnoreCase),
        new("^[A-Za-z0-9+/]{40,}={0,2}$"), // a bare key-shaped blob
    ];

    public static IReadOnlyList<string> CheckParameterFiles(IReadOnlyDictionary<string, string> files)
    {
        var problems = new List<string>();
        foreach (var (file, text) in files)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                problems.Add($"{file} is not JSON: {e.Message}");
                continue;
            }
            using (document) Walk(document.RootElement, "");

            void Walk(JsonElement value, string path)
            {
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        if (SecretValues.Any(p => p.IsMatch(value.GetString()!))) problems.Add($"{file} {path} looks like a secret");
                        break;
                    case JsonValueKind.Array:
                        var i = 0;
                        foreach (var item in value.EnumerateArray()) Walk(item, $"{path}[{i++}]");
                        break;
                    case JsonValueKind.Object:
                        foreach (var property in value.EnumerateObject())
                        {
                            if (path == ".parameters" && SecretName().IsMatch(property.Name)) problems.Add($"{file} passes a secret-named parameter: {property.Name}");
                            if (property.Name == "reference") problems.Add($"{file} {path}.{property.Name}: Key Vault references do not belong in this repo's parameter files");
                            Walk(property.Value, $"{path}.{property.Name}");
                        }
                        break;
                }
            }
        }
        return problems;
    }

    public static IReadOnlyList<string> CheckSecureParams(string bicep) =>
        SecureParam().Matches(BicepText.StripComments(bicep))
            .Where(m => m.Groups[2].Success)
            .Select(m => $"@secure() parameter {m.Groups[1].Value} has a default value")
            .ToList();

    [GeneratedRegex("secret|password|passwd|connectionstring|accountkey|sastoken|\\bsas\\b|apikey|credential", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"@secure\(\)\s*(?:@[A-Za-z]+\((?:[^()]|\([^()]*\))*\)\s*)*param\s+(\w+)\s+[^\n=]*(=[^\n]*)?$", RegexOptions.Multiline)]
    private static partial Regex SecureParam();
}
