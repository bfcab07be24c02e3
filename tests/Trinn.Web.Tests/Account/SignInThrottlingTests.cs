using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Identity;
using Trinn.Web.Infrastructure;
using Trinn.Web.Tests.Security.Sessions;

namespace Trinn.Web.Tests.Account;

/// <summary>
/// One message for every refused sign-in, and progressive waits per (user name, address) so a stranger cannot lock a
/// colleague out (docs/adr/sign-in-and-sessions.md). Requests name their client address in a test header.
/// </summary>
public abstract class SignInThrottlingTests(TrinnFactory app)
{
    private const string Wrong = "Feil!2345";

    [Fact]
    public async Task UnknownUserWrongPasswordAndLockedAccount_AllGetTheSameMessage()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        var locked = await app.Data.AddUserAsync(Roles.Leder);
        await app.Data.WithDbAsync(db => db.Users.Where(u => u.Id == locked.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, app.FakeTime!.GetUtcNow().AddMinutes(15))));

        var unknown = await MessageAsync("203.0.113.1", TestData.Unique("ingen"), Wrong);
        var wrong = await MessageAsync("203.0.113.1", user.UserName!, Wrong);
        var lockedRight = await MessageAsync("203.0.113.1", locked.UserName!, TestData.Password);

        Assert.Equal(LoginMessages.Failed, unknown);
        Assert.Equal(LoginMessages.Failed, wrong);
        Assert.Equal(LoginMessages.Failed, lockedRight);
    }

    [Fact]
    public async Task FiveFailuresFromOneAddress_ThatAddressWaitsAndTheColleagueSignsInFromTheirOwn()
    {
        var colleague = await app.Data.AddUserAsync(Roles.Jobbspesialist, await app.Data.AddTeamAsync());
        for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
        {
            Assert.Equal(LoginMessages.Failed, await MessageAsync("198.51.100.7", colleague.UserName!, Wrong));
        }

        // The stranger's address now waits, even with the right password…
        Assert.Equal(LoginMessages.Failed, await MessageAsync("198.51.100.7", colleague.UserName!, TestData.Password));

        // …while the colleague, from their own address, is not affected at all.
        using var own = await LoginAsync("192.0.2.10", colleague.UserName!, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    [Fact]
    public async Task Waits_GrowWithEachFurtherFailure()
    {
        var user = await app.Data.AddUserAsync(Roles.Forsker);
        const string address = "198.51.100.8";
        for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
        {
            await MessageAsync(address, user.UserName!, Wrong);
        }

        app.FakeTime!.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(LoginMessages.Failed, await MessageAsync(address, user.UserName!, Wrong)); // sixth: two minutes now

        app.FakeTime.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(LoginMessages.Failed, await MessageAsync(address, user.UserName!, TestData.Password));
        app.FakeTime.Advance(TimeSpan.FromSeconds(61));
        using var later = await LoginAsync(address, user.UserName!, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task ManyAddresses_AccountWideLockAtTheHighThreshold_EndsTheUsersSessionWithinAMinute()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        using var session = await SessionClient.SignInAsync(app, user.UserName!);
        var addresses = AccountLockout.MaxFailedAccessAttempts / SignInThrottle.FreeAttempts;
        for (var a = 0; a < addresses; a++)
        {
            for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
            {
                Assert.Equal(LoginMessages.Failed, await MessageAsync($"203.0.113.{100 + a}", user.UserName!, Wrong));
            }
        }

        Assert.Equal(LoginMessages.Failed, await MessageAsync("192.0.2.52", user.UserName!, TestData.Password));
        app.FakeTime!.Advance(TimeSpan.FromSeconds(59));
        using var ended = await session.ReplayAsync(app, "/Overview");
        Assert.Equal("/Account/Login", ended.RedirectPath());
    }

    [Fact]
    public async Task Throttle_StoresHashesOnly_NeverTheTypedUserName()
    {
        var typed = "passord-i-feil-felt-" + Guid.NewGuid().ToString("N")[..8];
        await MessageAsync("198.51.100.9", typed, Wrong);

        var rows = await app.Data.WithDbAsync(db => db.Set<SignInThrottle>().AsNoTracking().ToListAsync());
        Assert.Contains(rows, r => r.UserKey == SignInThrottle.UserKeyOf(typed.ToUpperInvariant()));
        Assert.DoesNotContain(rows, r => r.Key.Contains(typed, StringComparison.OrdinalIgnoreCase) || r.UserKey.Contains(typed, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<HttpResponseMessage> LoginAsync(string address, string userName, string password)
    {
        var client = BrowserClient.Anonymous(app);
        client.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return await client.TryLoginAsync(userName, password);
    }

    private async Task<string?> MessageAsync(string address, string userName, string password)
    {
        using var response = await LoginAsync(address, userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_UserName");
    }
}

/// <summary>Fake clock and client addresses from <see cref="ClientAddressFromHeader"/>.</summary>
public sealed class AddressedClockFactory : FakeClockTrinnFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }
}

public sealed class AddressedClockPostgresFactory : PostgresTrinnFactory
{
    public AddressedClockPostgresFactory()
    {
        FakeTime = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }
}

public sealed class SignInThrottlingSqliteTests(AddressedClockFactory app) : SignInThrottlingTests(app), IClassFixture<AddressedClockFactory>;

public sealed class SignInThrottlingPostgresTests(AddressedClockPostgresFactory app) : SignInThrottlingTests(app), IClassFixture<AddressedClockPostgresFactory>;
