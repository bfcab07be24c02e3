using System.Globalization;
using Microsoft.Extensions.Logging;
using Trinn.Core.Candidates;
using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Authorization;

/// <summary>
/// A Team 1 jobbspesialist who opens a Team 2 candidate's page or API resource gets 404, and the attempt is logged
/// with ids only (never a name or national id).
/// </summary>
public sealed class CrossTeamTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    [Theory]
    [InlineData("/Candidates/Details/{0}")]
    [InlineData("/Candidates/Edit/{0}")]
    [InlineData("/Candidates/Stage/{0}")]
    [InlineData("/Candidates/Discharge/{0}")]
    [InlineData("/Candidates/Journal/{0}")]
    [InlineData("/Candidates/Agreement/{0}")]
    [InlineData("/Candidates/Profile/{0}")]
    [InlineData("/api/candidates/{0}")]
    public async Task OtherTeamsCandidate_Opened_Returns404AndLogsIdsOnly(string route)
    {
        var (intruder, candidate) = await ScenarioAsync();
        using var client = await BrowserClient.LoginAsync(app, intruder.UserName!);

        using var response = await client.GetAsync(string.Format(CultureInfo.InvariantCulture, route, candidate.Id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertLoggedWithIdsOnly(intruder, candidate);
    }

    [Fact]
    public async Task OtherTeamsCandidate_EditPosted_Returns404AndChangesNothing()
    {
        var (intruder, candidate) = await ScenarioAsync();
        using var client = await BrowserClient.LoginAsync(app, intruder.UserName!);
        var form = await client.GetFormAsync("/Referrals/New"); // any form of the intruder's session carries a valid token

        using var response = await client.PostFormAsync(form, new() { ["Input.FirstName"] = "Endret", ["Input.LastName"] = "Endret", ["Input.Version"] = "0" }, $"/Candidates/Edit/{candidate.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Equal(candidate.FirstName, stored.FirstName);
        Assert.Equal(candidate.Version, stored.Version);
        AssertLoggedWithIdsOnly(intruder, candidate);
    }

    [Fact]
    public async Task OtherTeamsCandidate_ListedThroughApiAndTeamView_IsNotShown()
    {
        var (intruder, candidate) = await ScenarioAsync();
        using var client = await BrowserClient.LoginAsync(app, intruder.UserName!);

        var api = await client.GetHtmlAsync("/api/candidates?pageSize=200");
        var team = await client.GetHtmlAsync("/Candidates?status=alle");

        Assert.DoesNotContain(candidate.LastName, api, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate.LastName, team, StringComparison.Ordinal);
    }

    /// <summary>A jobbspesialist in one team (whose user id is in the log) and a candidate in another.</summary>
    private async Task<(TrinnUser Intruder, Candidate Candidate)> ScenarioAsync()
    {
        var team1 = await app.Data.AddTeamWithStaffAsync();
        var team2 = await app.Data.AddTeamWithStaffAsync();
        var intruder = await app.Data.AddUserAsync(Roles.Jobbspesialist, team1.Team);
        var candidate = await app.Data.AddCandidateAsync(team2.Team, team2.NavVeileder, stage: 2, specialist: team2.Specialist);
        return (intruder, candidate);
    }

    private void AssertLoggedWithIdsOnly(TrinnUser intruder, Candidate candidate)
    {
        var entries = app.Logs.Entries
            .Where(e => e.State.Any(kv => kv.Key == "UserId" && Equals(kv.Value, intruder.Id)))
            .ToList();
        var entry = Assert.Single(entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains(entry.State, kv => kv.Key == "CandidateId" && Equals(kv.Value, candidate.Id));
        Assert.Contains(candidate.Id.ToString(CultureInfo.InvariantCulture), entry.Message, StringComparison.Ordinal);
        Assert.Contains(intruder.Id, entry.Message, StringComparison.Ordinal);
        var everything = entry.Message + " " + string.Join(" ", entry.State.Select(kv => kv.Value));
        foreach (var secret in new[] { candidate.FirstName, candidate.LastName, candidate.NationalId })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(candidate.NationalId, StringComparison.Ordinal)
            || e.Message.Contains(candidate.LastName, StringComparison.Ordinal));
    }
}
