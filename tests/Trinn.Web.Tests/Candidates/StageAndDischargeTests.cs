using System.Globalization;
using System.Text.RegularExpressions;
using Trinn.Core.Candidates;

namespace Trinn.Web.Tests.Candidates;

/// <summary>Moving a candidate between stages and discharging through the pages, on SQLite and on PostgreSQL.</summary>
public abstract partial class StageAndDischargeTests(TrinnFactory app)
{
    [Fact]
    public async Task Stage_ForwardThenBack_DetailsTimelineShowsBothAndMarksTheBackwardMove()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var today = app.Data.Today;
        var forwardReason = TestData.Unique("Yrkesprofil ferdig ");
        var backReason = TestData.Unique("Ny diagnose ");

        using var forward = await client.SubmitAsync($"/Candidates/Stage/{candidate.Id}", Move(3, today.AddDays(-10), forwardReason));
        using var back = await client.SubmitAsync($"/Candidates/Stage/{candidate.Id}", Move(2, today.AddDays(-5), backReason));

        Assert.Equal(HttpStatusCode.Redirect, forward.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/Candidates/Details/{candidate.Id}", back.RedirectPath());
        var stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Equal(2, stored.Stage);
        Assert.Equal(today.AddDays(-5), stored.StageSince);
        Assert.Equal(4, stored.StageChanges.Count);

        var timeline = Timeline(await client.GetHtmlAsync($"/Candidates/Details/{candidate.Id}"));
        Assert.Equal(4, timeline.Count);
        var forwardItem = Assert.Single(timeline, i => i.Text.Contains(forwardReason, StringComparison.Ordinal));
        Assert.Equal("", forwardItem.Class);
        Assert.Contains("Fra Trinn 2", forwardItem.Text, StringComparison.Ordinal);
        Assert.Contains(Format(today.AddDays(-10)), forwardItem.Text, StringComparison.Ordinal);
        var backItem = Assert.Single(timeline, i => i.Text.Contains(backReason, StringComparison.Ordinal));
        Assert.Equal("back", backItem.Class);
        Assert.Contains("Tilbake fra Trinn 3", backItem.Text, StringComparison.Ordinal);
        Assert.Contains("til Trinn 2", backItem.Text, StringComparison.Ordinal);
        Assert.Equal(backItem, timeline[^1]);
    }

    public static TheoryData<string, int, int, string, string> InvalidMoves() => new()
    {
        // case, to stage, date (days from today), reason, field with the message
        { "same stage", 2, -1, "Samme trinn", "Input_ToStage" },
        { "future date", 3, 1, "Fram i tid", "Input_Date" },
        { "missing reason", 3, -1, "", "Input_Reason" },
        { "before current stage", 3, -200, "For tidlig", "Input_Date" },
    };

    [Theory]
    [MemberData(nameof(InvalidMoves))]
    public async Task Stage_InvalidMove_ShowsFieldErrorAndSavesNothing(string @case, int toStage, int days, string reason, string field)
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        using var response = await client.SubmitAsync($"/Candidates/Stage/{candidate.Id}", Move(toStage, app.Data.Today.AddDays(days), reason));

        Assert.True(response.StatusCode == HttpStatusCode.OK, @case);
        var expected = @case switch
        {
            "same stage" => "Kandidaten er allerede på dette trinnet.",
            "future date" => "Datoen kan ikke være fram i tid.",
            "missing reason" => "Fyll ut Begrunnelse.",
            _ => "Datoen kan ikke være før kandidaten kom til nåværende trinn.",
        };
        Assert.Equal(expected, ResponseExtensions.FieldError(await response.HtmlAsync(), field));
        var stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Equal(2, stored.Stage);
        Assert.Equal(2, stored.StageChanges.Count);
        Assert.Equal(candidate.Version, stored.Version);
    }

    [Fact]
    public async Task Discharge_BeforeReferralDate_ShowsFieldErrorAndSavesNothing()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist, referredDaysAgo: 30);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        using var response = await client.SubmitAsync($"/Candidates/Discharge/{candidate.Id}", Discharge(app.Data.Today.AddDays(-31)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Utskrivingsdatoen kan ikke være før oppstart eller siste trinnskifte.", ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_Date"));
        var stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Null(stored.DischargedOn);
        Assert.Null(stored.DischargeOutcome);
    }

    [Fact]
    public async Task Discharge_Valid_StoresOutcomeAndCandidateLeavesMinPortefolje()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 4, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        Assert.Contains(candidate.LastName, await client.GetHtmlAsync("/Portfolio"), StringComparison.Ordinal);

        using var response = await client.SubmitAsync($"/Candidates/Discharge/{candidate.Id}", Discharge(app.Data.Today, DischargeOutcome.Education));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Equal(app.Data.Today, stored.DischargedOn);
        Assert.Equal(DischargeOutcome.Education, stored.DischargeOutcome);
        Assert.DoesNotContain(candidate.LastName, await client.GetHtmlAsync("/Portfolio"), StringComparison.Ordinal);
        Assert.DoesNotContain(candidate.LastName, await client.GetHtmlAsync("/Candidates"), StringComparison.Ordinal);
        Assert.Contains(candidate.LastName, await client.GetHtmlAsync("/Candidates?status=avsluttet"), StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> Move(int toStage, DateOnly date, string reason) => new()
    {
        ["Input.ToStage"] = toStage.ToString(CultureInfo.InvariantCulture),
        ["Input.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Reason"] = reason,
    };

    internal static Dictionary<string, string> Discharge(DateOnly date, DischargeOutcome outcome = DischargeOutcome.OrdinaryWork) => new()
    {
        ["Input.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Outcome"] = ((int)outcome).ToString(CultureInfo.InvariantCulture),
        ["Input.Note"] = "",
    };

    private static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static List<(string Class, string Text)> Timeline(string html)
    {
        var list = TimelineList().Match(html);
        Assert.True(list.Success, "The details page has no stage timeline.");
        return TimelineItem().Matches(list.Groups["items"].Value)
            .Select(m => (m.Groups["class"].Value, Regex.Replace(m.Groups["body"].Value, "<[^>]+>|\\s+", " ")))
            .ToList();
    }

    [GeneratedRegex("data-testid=\"stage-timeline\">(?<items>.*?)</ol>", RegexOptions.Singleline)]
    private static partial Regex TimelineList();

    [GeneratedRegex("<li class=\"(?<class>[^\"]*)\">(?<body>.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex TimelineItem();
}

public sealed class StageAndDischargeSqliteTests(TrinnFactory app) : StageAndDischargeTests(app), IClassFixture<TrinnFactory>;

public sealed class StageAndDischargePostgresTests(PostgresTrinnFactory app) : StageAndDischargeTests(app), IClassFixture<PostgresTrinnFactory>;
