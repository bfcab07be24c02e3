using Trinn.Core.Candidates;
using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Authorization;

/// <summary>Leder and forsker see team-level aggregates only: never a candidate's name or national ID.</summary>
public sealed class PersonalDataTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    private static readonly string[] Routes =
    [
        "/", "/Portfolio", "/Candidates", "/Candidates?status=alle", "/Referrals/New", "/Referrals/Mine", "/Overview", "/Admin",
        "/Account/Profile", "/Account/Login", "/Account/AccessDenied", "/health", "/openapi/v1.json",
        "/api/candidates", "/api/referrals/mine",
    ];

    [Theory]
    [InlineData(Roles.Leder)]
    [InlineData(Roles.Forsker)]
    public async Task EveryRoute_LederOrForsker_ShowsNoCandidateNameOrNationalId(string role)
    {
        var candidates = await SeedAsync();
        var user = await app.Data.AddUserAsync(role);
        using var client = await BrowserClient.LoginAsync(app, user.UserName!);
        var perCandidate = candidates.Select(c => $"/Candidates/Details/{c.Id}").Append($"/api/candidates/{candidates[0].Id}");

        var reached = 0;
        foreach (var route in Routes.Concat(perCandidate))
        {
            var (status, body) = await FetchFollowingRedirectsAsync(client, route);
            if (status == HttpStatusCode.OK)
            {
                reached++;
            }

            foreach (var c in candidates)
            {
                foreach (var secret in new[] { c.FirstName, c.LastName, c.NationalId })
                {
                    Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{route} shows {secret} to {role}.");
                }
            }
        }

        var overview = (await FetchFollowingRedirectsAsync(client, "/Overview")).Body;
        Assert.Contains("data-testid=\"overview-table\"", overview, StringComparison.Ordinal);
        Assert.True(reached >= 5, $"{role} reached only {reached} routes.");
    }

    /// <summary>Candidates in several stages of two teams, enough for the overview to show counts.</summary>
    private async Task<List<Candidate>> SeedAsync()
    {
        var list = new List<Candidate>();
        for (var t = 0; t < 2; t++)
        {
            var staff = await app.Data.AddTeamWithStaffAsync();
            for (var i = 0; i < 6; i++)
            {
                list.Add(await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 1 + (i % 3), specialist: staff.Specialist, lastContact: app.Data.Today));
            }
        }

        return list;
    }

    private static async Task<(HttpStatusCode Status, string Body)> FetchFollowingRedirectsAsync(BrowserClient client, string route)
    {
        var body = "";
        for (var hop = 0; hop < 5; hop++)
        {
            using var response = await client.GetAsync(route);
            body += await response.HtmlAsync();
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                return (response.StatusCode, body);
            }

            route = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
        }

        throw new InvalidOperationException("Too many redirects from " + route);
    }
}
