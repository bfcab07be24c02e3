using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Web.Tests.Security.Sessions;

/// <summary>
/// What ends a session (README, "Personvern og sikkerhet"): sign-out at once; a password reset link, the reset itself,
/// a role change and a deactivation at once for every session of the user; a lockout and a revocation made on another
/// instance within a minute. A replayed copy of the old cookie then gets 401 on the API and the login page elsewhere.
/// </summary>
public abstract partial class SessionTests(TrinnFactory app)
{
    /// <summary>How long another instance may keep a revoked session alive: "within a minute".</summary>
    private static readonly TimeSpan WithinAMinute = TimeSpan.FromSeconds(59);

    [Fact]
    public async Task Logout_OldCookieReplayed_ApiAnswers401AndPagesRedirectToLogin()
    {
        var (team, candidate) = await TeamWithCandidateAsync();
        var specialist = await app.Data.AddUserAsync(Roles.Jobbspesialist, team);
        using var session = await SessionClient.SignInAsync(app, specialist.UserName!);
        using (var before = await session.ReplayAsync(app, $"/api/candidates/{candidate.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var logout = await session.SignOutAsync();
        Assert.Equal("/Account/Login", logout.RedirectPath());

        using var api = await session.ReplayAsync(app, $"/api/candidates/{candidate.Id}");
        using var page = await session.ReplayAsync(app, $"/Candidates/Details/{candidate.Id}");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Login", page.RedirectPath());
    }

    [Fact]
    public async Task Logout_OneSession_OtherSessionsOfTheUserKeepWorking()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        using var phone = await SessionClient.SignInAsync(app, user.UserName!);
        using var desk = await SessionClient.SignInAsync(app, user.UserName!);

        using var logout = await phone.SignOutAsync();

        using var ended = await phone.ReplayAsync(app, "/Overview");
        using var kept = await desk.ReplayAsync(app, "/Overview");
        Assert.Equal("/Account/Login", ended.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task ResetLinkIssued_UsersSessions_EndAtOnce()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        using var session = await SessionClient.SignInAsync(app, user.UserName!);

        await CreateResetLinkAsync(user);

        using var after = await session.ReplayAsync(app, "/Overview");
        Assert.Equal("/Account/Login", after.RedirectPath());
    }

    [Fact]
    public async Task PasswordReset_SessionStartedAfterTheLink_EndsWhenThePasswordIsReset()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        var link = await CreateResetLinkAsync(user);
        using var session = await SessionClient.SignInAsync(app, user.UserName!);
        using (var before = await session.ReplayAsync(app, "/Overview"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var person = BrowserClient.Anonymous(app);
        var form = await person.GetFormAsync(link);
        using var reset = await person.PostFormAsync(form, new() { ["Input.Password"] = "Nytt!passord9", ["Input.ConfirmPassword"] = "Nytt!passord9" }, "/Account/ResetPassword");
        Assert.Contains("Passordet er endret", await reset.HtmlAsync(), StringComparison.Ordinal);

        using var after = await session.ReplayAsync(app, "/Overview");
        Assert.Equal("/Account/Login", after.RedirectPath());
    }

    [Fact]
    public async Task RoleChange_ByAdmin_EndsTheUsersSessionsAndTheNewRoleAppliesAtNextSignIn()
    {
        var (team, candidate) = await TeamWithCandidateAsync();
        var specialist = await app.Data.AddUserAsync(Roles.Jobbspesialist, team);
        using var session = await SessionClient.SignInAsync(app, specialist.UserName!);

        using var changed = await AdminPostAsync($"/Admin/Edit/{specialist.Id}", $"/Admin/Edit/{specialist.Id}?handler=Role",
            new() { ["Input.Role"] = Roles.Leder, ["Input.TeamId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var api = await session.ReplayAsync(app, $"/api/candidates/{candidate.Id}");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var again = await SessionClient.SignInAsync(app, specialist.UserName!);
        using var overview = await again.Browser.GetAsync("/Overview");
        using var details = await again.Browser.GetAsync($"/Candidates/Details/{candidate.Id}");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal("/Account/AccessDenied", details.RedirectPath());
    }

    [Fact]
    public async Task Deactivation_ByAdmin_EndsSessionsTokensFeedAndSignInUntilReactivated()
    {
        var (team, candidate) = await TeamWithCandidateAsync();
        var specialist = await app.Data.AddUserAsync(Roles.Jobbspesialist, team);
        using var session = await SessionClient.SignInAsync(app, specialist.UserName!);
        var feed = await session.CreateFeedAsync();
        var secret = await SessionClient.CreateTokenAsync(session.Browser, app.Data.Today.AddDays(30));
        using var tokenClient = SessionClient.TokenClient(app, secret);
        using (var feedBefore = await BrowserClient.Anonymous(app).GetAsync(feed))
        using (var tokenBefore = await tokenClient.GetAsync(new Uri("/api/candidates", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, feedBefore.StatusCode);
            Assert.Equal(HttpStatusCode.OK, tokenBefore.StatusCode);
        }

        using (var deactivated = await AdminPostAsync($"/Admin/Edit/{specialist.Id}", $"/Admin/Edit/{specialist.Id}?handler=Deactivate", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        }

        using var api = await session.ReplayAsync(app, $"/api/candidates/{candidate.Id}");
        using var feedAfter = await BrowserClient.Anonymous(app).GetAsync(feed);
        using var tokenAfter = await tokenClient.GetAsync(new Uri("/api/candidates", UriKind.Relative));
        using var signIn = await BrowserClient.Anonymous(app).TryLoginAsync(specialist.UserName!, TestData.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, feedAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfter.StatusCode);
        Assert.Equal(LoginMessages.Failed, ResponseExtensions.FieldError(await signIn.HtmlAsync(), "Input_UserName"));

        using (var reactivated = await AdminPostAsync($"/Admin/Edit/{specialist.Id}", $"/Admin/Edit/{specialist.Id}?handler=Reactivate", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        }

        using var back = await BrowserClient.Anonymous(app).TryLoginAsync(specialist.UserName!, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    [Fact]
    public async Task Lockout_SetElsewhere_EndsSessionAndFeedWithinAMinuteAndForGood()
    {
        var (team, _) = await TeamWithCandidateAsync();
        var specialist = await app.Data.AddUserAsync(Roles.Jobbspesialist, team);
        using var session = await SessionClient.SignInAsync(app, specialist.UserName!);
        var feed = await session.CreateFeedAsync();
        using (var warm = await session.ReplayAsync(app, "/Portfolio"))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        // As another instance, or Identity after failed sign-ins, would: only the database changes.
        await LockAsync(specialist, TimeSpan.FromMinutes(15));
        Clock.Advance(WithinAMinute);

        using var locked = await session.ReplayAsync(app, "/Portfolio");
        using var feedLocked = await BrowserClient.Anonymous(app).GetAsync(feed);
        Assert.Equal("/Account/Login", locked.RedirectPath());
        Assert.Equal(HttpStatusCode.NotFound, feedLocked.StatusCode);

        // The lockout runs out; the session it ended stays ended.
        Clock.Advance(TimeSpan.FromMinutes(16));
        using var later = await session.ReplayAsync(app, "/Portfolio");
        Assert.Equal("/Account/Login", later.RedirectPath());
    }

    [Fact]
    public async Task Revocation_OnAnotherInstance_ReachesThisOneWithinAMinute()
    {
        var user = await app.Data.AddUserAsync(Roles.Forsker);
        using var session = await SessionClient.SignInAsync(app, user.UserName!);
        using (var warm = await session.ReplayAsync(app, "/Overview"))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        // Another instance revokes in the shared database; this instance's memory does not hear of it.
        var now = Clock.GetUtcNow().UtcDateTime;
        await app.Data.WithDbAsync(db => db.Set<UserSession>().Where(s => s.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAtUtc, now)));
        Clock.Advance(WithinAMinute);

        using var after = await session.ReplayAsync(app, "/Overview");
        Assert.Equal("/Account/Login", after.RedirectPath());
    }

    [Fact]
    public async Task Session_Stored_OnlyAHashOfTheIdAndSignOutIsAudited()
    {
        var user = await app.Data.AddUserAsync(Roles.Leder);
        using var session = await SessionClient.SignInAsync(app, user.UserName!);
        using var logout = await session.SignOutAsync();

        var row = await app.Data.WithDbAsync(db => db.Set<UserSession>().AsNoTracking().SingleAsync(s => s.UserId == user.Id));
        Assert.Equal(nameof(SessionEndReason.SignedOut), row.RevokedReason);
        Assert.Matches("^[0-9a-f]{64}$", row.TokenHash);
        Assert.DoesNotContain(row.TokenHash, session.Cookie, StringComparison.Ordinal);
        var audit = await app.Data.WithDbAsync(db => db.Set<Trinn.Core.Audit.AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(UserSession) && a.EntityId == row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(audit, a => a.Action == Trinn.Core.Audit.AuditAction.Create);
        Assert.Contains(audit, a => a.Action == Trinn.Core.Audit.AuditAction.Update && (a.Changes ?? "").Contains("RevokedAtUtc", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => (a.Changes ?? "").Contains(row.TokenHash, StringComparison.Ordinal));
    }

    private Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => app.FakeTime!;

    private async Task<(Team Team, Trinn.Core.Candidates.Candidate Candidate)> TeamWithCandidateAsync()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        return (staff.Team, await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2));
    }

    private async Task LockAsync(TrinnUser user, TimeSpan duration)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrinnUser>>();
        var stored = await users.FindByIdAsync(user.Id);
        await users.SetLockoutEndDateAsync(stored!, Clock.GetUtcNow() + duration);
    }

    /// <summary>A new admin posts one form of a page (its own antiforgery token), as a click would.</summary>
    private async Task<HttpResponseMessage> AdminPostAsync(string page, string action, Dictionary<string, string> fields)
    {
        using var admin = await BrowserClient.LoginAsync(app, (await app.Data.AddUserAsync(Roles.Admin)).UserName!);
        var form = await admin.GetFormAsync(page, action);
        return await admin.PostFormAsync(form, fields);
    }

    private async Task<string> CreateResetLinkAsync(TrinnUser user)
    {
        using var admin = await BrowserClient.LoginAsync(app, (await app.Data.AddUserAsync(Roles.Admin)).UserName!);
        var action = $"/Admin?handler=ResetLink&id={user.Id}";
        var form = await admin.GetFormAsync("/Admin", action);
        using var response = await admin.PostFormAsync(form, []);
        var link = WebUtility.HtmlDecode(ResetLinkCode().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        return new Uri(link).PathAndQuery;
    }

    [GeneratedRegex("data-testid=\"reset-link\">([^<]*)<")]
    private static partial Regex ResetLinkCode();
}

public sealed class SessionSqliteTests(FakeClockTrinnFactory app) : SessionTests(app), IClassFixture<FakeClockTrinnFactory>;

public sealed class SessionPostgresTests(FakeClockPostgresTrinnFactory app) : SessionTests(app), IClassFixture<FakeClockPostgresTrinnFactory>;
