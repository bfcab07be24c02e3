namespace Trinn.Web.Tests.Candidates;

/// <summary>The candidate page's "siden {date} ({n} dag/dager)" in correct Norwegian number.</summary>
public sealed class StageSinceTextTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    [Theory]
    [InlineData(1, "(1 dag)")]
    [InlineData(0, "(0 dager)")]
    [InlineData(2, "(2 dager)")]
    public async Task Details_DaysInStage_SingularOnlyForOne(int days, string expected)
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist,
            referredDaysAgo: days, stageSince: app.Data.Today.AddDays(-days));
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var html = await client.GetHtmlAsync($"/Candidates/Details/{candidate.Id}");

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("(1 dager)", html, StringComparison.Ordinal);
    }
}
