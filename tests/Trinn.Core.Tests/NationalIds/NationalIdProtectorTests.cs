using System.Security.Cryptography;
using Trinn.Core.NationalIds;

namespace Trinn.Core.Tests.NationalIds;

public class NationalIdProtectorTests
{
    private static readonly NationalIdProtector Protector = NationalIdProtector.Development;

    [Fact]
    public void Protect_SameNumberTwice_GivesDifferentCiphertextsThatBothDecrypt()
    {
        var a = Protector.Protect("01818012337");
        var b = Protector.Protect("01818012337");

        Assert.NotEqual(a, b);
        Assert.DoesNotContain("01818012337", a, StringComparison.Ordinal);
        Assert.Equal("01818012337", Protector.Unprotect(a));
        Assert.Equal("01818012337", Protector.Unprotect(b));
    }

    [Fact]
    public void Unprotect_WithAnotherKey_Fails()
    {
        var other = new NationalIdProtector(Convert.ToBase64String(new byte[32]), Convert.ToBase64String(new byte[32]));
        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(Protector.Protect("01818012337")));
    }

    [Fact]
    public void Unprotect_TamperedCiphertext_Fails()
    {
        var bytes = Convert.FromBase64String(Protector.Protect("01818012337"));
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void LookupHash_IsStableAndKeyed()
    {
        var other = new NationalIdProtector(Convert.ToBase64String(new byte[32]), Convert.ToBase64String(new byte[32]));
        Assert.Equal(Protector.LookupHash("01818012337"), Protector.LookupHash("018180 12337"));
        Assert.NotEqual(Protector.LookupHash("01818012337"), other.LookupHash("01818012337"));
        Assert.NotEqual(Protector.LookupHash("01818012337"), Protector.LookupHash("01818012338"));
    }

    [Fact]
    public void Constructor_KeyOfWrongLength_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new NationalIdProtector(Convert.ToBase64String(new byte[16]), Convert.ToBase64String(new byte[32])));
    }
}
