namespace Mnet.Emulator.Tls;

/// <summary>
/// Certificate serials as minimal positive DER integers: the first byte is forced into 0x01..0x7f, so no sign byte
/// is needed and there is no leading 0x00 (which OpenSSL rejects as illegal padding).
/// </summary>
public static class CertificateSerial
{
    public static byte[] FromRandom(ReadOnlySpan<byte> random)
    {
        if (random.IsEmpty)
        {
            throw new ArgumentException("A certificate serial needs at least one random byte.", nameof(random));
        }

        var bytes = random.ToArray();
        bytes[0] = (byte)((bytes[0] & 0x7f) | 0x01);
        return bytes;
    }

    public static byte[] New() => FromRandom(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
