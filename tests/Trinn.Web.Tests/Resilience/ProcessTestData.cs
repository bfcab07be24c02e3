using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Web.Tests.Resilience;

/// <summary>What <see cref="ProcessTestData.SeedAsync"/> made: a team, a signed-in-able specialist, a NAV-veileder's token, a candidate.</summary>
internal sealed record ProcessSeed(int TeamId, string SpecialistUserName, string NavSecret, int CandidateId);

/// <summary>
/// Data for tests that run Trinn as its own process (<see cref="AppProcess"/>): written straight into the database
/// before the app starts, and the clients and CLI such tests use.
/// </summary>
internal static class ProcessTestData
{
    /// <summary>Migrates the database and adds a team with a job specialist (password <see cref="TestData.Password"/>), a NAV-veileder with a personal API token, and one candidate.</summary>
    public static async Task<ProcessSeed> SeedAsync(DatabaseProvider provider, string connectionString, string prefix)
    {
        await using var db = DatabaseRegistration.CreateContext(provider, connectionString);
        await db.Database.MigrateAsync();
        var team = new Team { Name = "Team " + prefix };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var specialist = await AddUserAsync(db, prefix + "js", Roles.Jobbspesialist, team.Id);
        var veileder = await AddUserAsync(db, prefix + "nav", Roles.NavVeileder, null);
        var (token, secret) = ApiToken.Create(veileder.Id, prefix, ApiTokenScope.ReadWrite, DateTime.UtcNow.AddDays(1), DateTime.UtcNow);
        db.ApiTokens.Add(token);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var candidate = new Candidate
        {
            TeamId = team.Id,
            FirstName = "Prosess",
            LastName = "Kandidat",
            NationalId = TestData.SyntheticNationalId(),
            PrimarySpecialistId = specialist.Id,
            CreatedAtUtc = DateTime.UtcNow,
            Referral = new Referral
            {
                ReferredById = veileder.Id,
                ReferredOn = today.AddDays(-30),
                Innsatsgruppe = Innsatsgruppe.Situasjonsbestemt,
                Reason = "Trenger hjelp til å finne jobb.",
                RegisteredById = veileder.Id,
                RegisteredAtUtc = DateTime.UtcNow,
            },
        };
        candidate.Start(today.AddDays(-30), veileder.Id, DateTime.UtcNow);
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        return new ProcessSeed(team.Id, specialist.UserName!, secret, candidate.Id);
    }

    /// <summary>A client that calls the API with a personal token.</summary>
    public static HttpClient TokenClient(AppProcess app, string secret)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A browser-like client (cookies, no redirects) signed in through the login form of this app process.</summary>
    public static async Task<BrowserClient> SignInAsync(AppProcess app, string userName, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() };
        var client = new BrowserClient(new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(20) });
        using var response = await client.TryLoginAsync(userName, TestData.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A referral as the API takes it.</summary>
    public static object Referral(string firstName, int teamId) => new
    {
        firstName,
        lastName = "Test",
        nationalId = TestData.SyntheticNationalId(),
        referredOn = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        innsatsgruppe = "SpesieltTilpasset",
        reason = "Ønsker arbeid i butikk.",
        teamId,
    };

    /// <summary>The real <c>trinn</c> command (copied beside the tests), as its own process.</summary>
    public static async Task<(int Exit, string Output)> TrinnAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(AppProcess.DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "trinn.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output) + await error);
    }

    /// <summary><c>trinn audit verify</c> on the database; asserts that it passes.</summary>
    public static async Task AssertAuditVerifiesAsync(DatabaseProvider provider, string connectionString)
    {
        var (exit, output) = await TrinnAsync("audit", "verify", "--provider", provider.ToString(), "--connection", connectionString);
        Assert.True(exit == 0, output);
        Assert.Contains("ok:", output, StringComparison.Ordinal);
    }

    private static async Task<TrinnUser> AddUserAsync(TrinnDbContext db, string userName, string role, int? teamId)
    {
        var roleRow = await db.Roles.SingleOrDefaultAsync(r => r.Name == role);
        if (roleRow is null)
        {
            roleRow = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(roleRow);
        }

        var user = new TrinnUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = userName,
            TeamId = teamId,
            SecurityStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<TrinnUser>().HashPassword(user, TestData.Password);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleRow.Id });
        await db.SaveChangesAsync();
        return user;
    }
}
