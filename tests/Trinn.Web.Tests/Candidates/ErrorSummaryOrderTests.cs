using System.Globalization;
using System.Text.RegularExpressions;
using Trinn.Core.Placements;

namespace Trinn.Web.Tests.Candidates;

/// <summary>
/// The error summary at the top of a form lists its errors in the order of the form's fields, each linking to its
/// field. ModelState alone lists them as binding, validation and the page happened to add them: "Input.Reason" before
/// "Input.ToStage", a date that does not parse before a missing one above it, a rule checked in the page last.
/// </summary>
public sealed partial class ErrorSummaryOrderTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    [Fact]
    public async Task Stage_StageAndReasonMissing_SummaryInFormOrder()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var form = await client.GetFormAsync($"/Candidates/Stage/{candidate.Id}");

        using var response = await client.PostFormAsync(form, new()
        {
            ["Input.ToStage"] = "",
            ["Input.Date"] = app.Data.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Reason"] = "",
        });

        var html = await response.HtmlAsync();
        Assert.Equal(["Input_ToStage", "Input_Reason"], SummaryTargets(html));
        AssertEachTargetIsAField(html);
    }

    [Fact]
    public async Task NewPlacement_StartDateMissingAndEndDateInvalid_SummaryInFormOrder()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        var employer = await app.Data.WithDbAsync(db => Workplace.Builders.AddEmployerAsync(db, staff.Team.Id));
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var form = await client.GetFormAsync($"/Placements/New/{candidate.Id}");

        using var response = await client.PostFormAsync(form, new()
        {
            ["Input.EmployerId"] = employer.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Kind"] = ((int)PlacementKind.Arbeidstrening).ToString(CultureInfo.InvariantCulture),
            ["Input.Market"] = ((int)LabourMarket.Regular).ToString(CultureInfo.InvariantCulture),
            ["Input.PositionPercent"] = "",
            ["Input.StartDate"] = "",
            ["Input.EndDate"] = "31.02.2026",
        });

        var html = await response.HtmlAsync();
        Assert.Equal(["Input_StartDate", "Input_EndDate"], SummaryTargets(html));
        AssertEachTargetIsAField(html);
    }

    [Fact]
    public async Task NewPlacement_RuleForFirstFieldAddedLast_StillListedFirst()
    {
        // The employer check runs in the page after validation, so its error is added after the later fields' errors.
        var staff = await app.Data.AddTeamWithStaffAsync();
        var other = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        var othersEmployer = await app.Data.WithDbAsync(db => Workplace.Builders.AddEmployerAsync(db, other.Team.Id));
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var form = await client.GetFormAsync($"/Placements/New/{candidate.Id}");

        using var response = await client.PostFormAsync(form, new()
        {
            ["Input.EmployerId"] = othersEmployer.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Kind"] = ((int)PlacementKind.Arbeidstrening).ToString(CultureInfo.InvariantCulture),
            ["Input.Market"] = ((int)LabourMarket.Regular).ToString(CultureInfo.InvariantCulture),
            ["Input.StartDate"] = "",
            ["Input.EndDate"] = "31.02.2026",
        });

        var html = await response.HtmlAsync();
        Assert.Equal(["Input_EmployerId", "Input_StartDate", "Input_EndDate"], SummaryTargets(html));
    }

    private static List<string> SummaryTargets(string html)
    {
        var summary = Summary().Match(html);
        Assert.True(summary.Success, "no error summary on the page");
        return [.. SummaryLink().Matches(summary.Value).Select(m => m.Groups[1].Value)];
    }

    private static void AssertEachTargetIsAField(string html)
    {
        foreach (var target in SummaryTargets(html))
        {
            Assert.Contains($"id=\"{target}\"", html, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<section[^>]*data-error-summary[^>]*>.*?</section>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex("<a class=\"aksel-link\" href=\"#([^\"]+)\">")]
    private static partial Regex SummaryLink();
}
