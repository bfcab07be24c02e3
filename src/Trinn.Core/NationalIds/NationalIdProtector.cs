using System.Security.Cryptography;
using System.Text;

namespace Trinn.Core.NationalIds;

/// <summary>
/// Keeps national IDs encrypted at rest: AES-256-GCM with a random nonce per value (the database file alone does
/// not reveal them), plus an HMAC-SHA256 keyed hash for exact lookup. The keys come from configuration
/// (<c>NationalIds:EncryptionKey</c>, <c>NationalIds:LookupKey</c>, 32 bytes each, base64); the process sets
/// <see cref="Current"/> once at start-up. EF value converters are built once per model, hence the process-wide
/// instance.
/// </summary>
public sealed class NationalIdProtector
{
    /// <summary>
    /// DEVELOPMENT KEYS — public, in the repository, for development, demo and tests only. Production refuses to
    /// start without its own keys (see the web app's start-up check).
    /// </summary>
    public const string DevelopmentEncryptionKey = "VFJJTk4tREVWRUxPUE1FTlQtT05MWS1FTkMtS0VZLTE=";

    /// <summary>DEVELOPMENT KEY — see <see cref="DevelopmentEncryptionKey"/>.</summary>
    public const string DevelopmentLookupKey = "VFJJTk4tREVWRUxPUE1FTlQtT05MWS1MT09LVVAtS0U=";

    private const byte FormatVersion = 1;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;

    public NationalIdProtector(string encryptionKeyBase64, string lookupKeyBase64)
    {
        _encryptionKey = Key(encryptionKeyBase64, "NationalIds:EncryptionKey");
        _lookupKey = Key(lookupKeyBase64, "NationalIds:LookupKey");
    }

    public static NationalIdProtector Development { get; } = new(DevelopmentEncryptionKey, DevelopmentLookupKey);

    public static NationalIdProtector Current { get; set; } = Development;

    public bool IsDevelopment => _encryptionKey.AsSpan().SequenceEqual(Development._encryptionKey);

    public string Protect(string nationalId)
    {
        ArgumentNullException.ThrowIfNull(nationalId);
        var plain = Encoding.UTF8.GetBytes(nationalId);
        var output = new byte[1 + AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize + plain.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, AesGcm.NonceByteSizes.MaxSize);
        var tag = output.AsSpan(1 + nonce.Length, AesGcm.TagByteSizes.MaxSize);
        var cipher = output.AsSpan(1 + nonce.Length + tag.Length);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String(output);
    }

    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var input = Convert.FromBase64String(stored);
        if (input.Length < 1 + 12 + 16 || input[0] != FormatVersion)
        {
            throw new CryptographicException("Not a protected national ID.");
        }

        var nonce = input.AsSpan(1, 12);
        var tag = input.AsSpan(13, 16);
        var cipher = input.AsSpan(29);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_encryptionKey, tag.Length);
        aes.Decrypt(nonce, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The same number always gives the same hash, so an exact match can be found without decrypting.</summary>
    public string LookupHash(string nationalId)
    {
        ArgumentNullException.ThrowIfNull(nationalId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(NationalIdNumber.Normalize(nationalId))));
    }

    private static byte[] Key(string base64, string name)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"{name} must be 32 bytes in base64.", nameof(base64), ex);
        }

        return key.Length == 32 ? key : throw new ArgumentException($"{name} must be 32 bytes in base64.", nameof(base64));
    }
}
