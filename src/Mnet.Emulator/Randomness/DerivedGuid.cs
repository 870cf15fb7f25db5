using System.Security.Cryptography;
using System.Text;

namespace Mnet.Emulator.Randomness;

/// <summary>A GUID derived from text (SHA-1): the same input always yields the same id (principals, operations).</summary>
public static class DerivedGuid
{
    public static string From(string text)
    {
        var h = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
        return $"{h[..8]}-{h[8..12]}-5{h[13..16]}-a{h[17..20]}-{h[20..32]}";
    }
}
