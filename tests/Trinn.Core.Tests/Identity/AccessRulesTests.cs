using Trinn.Core.Common;
using Trinn.Core.Identity;

namespace Trinn.Core.Tests.Identity;

/// <summary>The rules behind sign-in throttling, sessions, API tokens and role assignment (docs/adr/sign-in-and-sessions.md).</summary>
public sealed class AccessRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, null)]
    [InlineData(4, null)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(10, 32)]
    [InlineData(11, 60)]
    [InlineData(40, 60)]
    public void Throttle_Failures_WaitDoublesFromOneMinuteUpToAnHour(int failures, int? minutes) =>
        Assert.Equal(minutes is { } m ? Now.AddMinutes(m) : null, SignInThrottle.BlockedUntil(failures, Now));

    [Fact]
    public void Throttle_NoFailureForADay_CountStartsAgain()
    {
        Assert.Equal(5, SignInThrottle.NextFailures(4, Now.AddHours(-23), Now));
        Assert.Equal(1, SignInThrottle.NextFailures(9, Now.AddHours(-25), Now));
    }

    [Fact]
    public void Throttle_Keys_DependOnUserAndSourceAndHoldNeither()
    {
        var key = SignInThrottle.KeyOf("KARI", "192.0.2.1");
        Assert.NotEqual(key, SignInThrottle.KeyOf("KARI", "192.0.2.2"));
        Assert.NotEqual(key, SignInThrottle.KeyOf("OLA", "192.0.2.1"));
        Assert.DoesNotContain("KARI", key, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[0-9a-f]{64}$", SignInThrottle.UserKeyOf("KARI"));
    }

    [Fact]
    public void Session_Start_StoresOnlyTheHashOfItsId()
    {
        var (session, id) = UserSession.Start("u1", Now);

        Assert.Equal(UserSession.Hash(id), session.TokenHash);
        Assert.NotEqual(id, session.TokenHash);
        Assert.True(id.Length >= 64);
        Assert.Equal(Now + UserSession.IdleTimeout, session.ExpiresAtUtc);
        Assert.True(session.IsActive(Now));
    }

    [Fact]
    public void Session_UsedAllDay_NeverOutlivesTheAbsoluteLifetime()
    {
        Assert.Equal(Now.AddHours(11), UserSession.NextExpiry(Now, Now.AddHours(3)));
        Assert.Equal(Now + UserSession.AbsoluteLifetime, UserSession.NextExpiry(Now, Now.AddHours(11)));
    }

    [Fact]
    public void Session_Revoked_InactiveAndTheFirstReasonStays()
    {
        var (session, _) = UserSession.Start("u1", Now);

        session.Revoke(SessionEndReason.RoleChanged, Now.AddMinutes(1));
        session.Revoke(SessionEndReason.SignedOut, Now.AddMinutes(2));

        Assert.False(session.IsActive(Now.AddMinutes(1)));
        Assert.Equal(nameof(SessionEndReason.RoleChanged), session.RevokedReason);
        Assert.Equal(Now.AddMinutes(1), session.RevokedAtUtc);
    }

    [Theory]
    [InlineData(0, "Error_TokenExpiryPast")]
    [InlineData(-3, "Error_TokenExpiryPast")]
    [InlineData(367, "Error_TokenExpiryTooLate")]
    public void Token_ExpiryNotWithinAYear_Refused(int days, string key)
    {
        var error = Assert.Throws<DomainException>(() => ApiToken.Create("u1", "x", ApiTokenScope.Read, Now.AddDays(days), Now));
        Assert.Equal(("ExpiresOn", key), (error.Field, error.MessageKey));
    }

    [Fact]
    public void Token_UnknownScope_Refused() =>
        Assert.Equal("Scope", Assert.Throws<DomainException>(() => ApiToken.Create("u1", "x", (ApiTokenScope)7, Now.AddDays(1), Now)).Field);

    [Fact]
    public void Token_ValidUntilItsExpiryOrRevocation()
    {
        var (token, secret) = ApiToken.Create("u1", "x", ApiTokenScope.ReadWrite, Now.AddDays(365), Now);

        Assert.StartsWith(ApiToken.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(ApiToken.Hash(secret), token.TokenHash);
        Assert.True(token.IsActive(Now.AddDays(364)));
        Assert.False(token.IsActive(Now.AddDays(365)));
        token.Revoke(Now.AddDays(1));
        token.Revoke(Now.AddDays(3));
        Assert.False(token.IsActive(Now.AddDays(2)));
        Assert.Equal(Now.AddDays(1), token.RevokedAtUtc);
    }

    [Theory]
    [InlineData(Roles.Jobbspesialist, null, "TeamId")]
    [InlineData(Roles.Leder, 3, "TeamId")]
    [InlineData("Sjef", null, "Role")]
    [InlineData(null, null, "Role")]
    public void RoleAssignment_TeamRuleOrUnknownRole_Refused(string? role, int? team, string field) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() => Roles.CheckAssignment(role, team)).Field);

    [Fact]
    public void User_DeactivatedOrLockedOut_IsBlocked()
    {
        var now = new DateTimeOffset(Now);
        Assert.False(TrinnUser.IsBlocked(null, null, now));
        Assert.False(TrinnUser.IsBlocked(null, now.AddMinutes(-1), now));
        Assert.True(TrinnUser.IsBlocked(null, now.AddMinutes(1), now));
        Assert.True(TrinnUser.IsBlocked(Now, null, now));
    }
}
