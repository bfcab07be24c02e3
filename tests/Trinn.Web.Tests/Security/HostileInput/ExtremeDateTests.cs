using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Security.HostileInput;

/// <summary>
/// Every date field of every form in the hostile-input table, sent as the first and the last day a date field can
/// hold (0001-01-01 and 9999-12-31, where date arithmetic overflows) and just outside 2000–2099: the form is shown
/// again with a message at that field (before: most forms stored year 1 or 9999). The referral API answers the same.
/// </summary>
public abstract partial class ExtremeDateTests(TrinnFactory app)
{
    private static readonly string[] OutOfRange = ["0001-01-01", "1999-12-31", "2100-01-01", "9999-12-31"];

    public static TheoryData<string> Forms() => new(HostileForms.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Form_ExtremeDates_RefusedAtTheFieldNeverA500(string name)
    {
        var form = HostileForms.Find(name);
        var scene = await HostileScene.ForAsync(app);
        var client = scene.Client(form.Role);
        var probe = await form.Arrange(scene);
        var html = await client.GetHtmlAsync(probe.FormUrl);
        var dateFields = DateInput().Matches(html).Select(m => m.Groups["name"].Value).Where(probe.Baseline.ContainsKey).Distinct().ToList();
        var problems = new List<string>();
        foreach (var field in dateFields)
        {
            foreach (var value in OutOfRange)
            {
                var target = await form.Arrange(scene);
                var page = await client.GetFormAsync(target.FormUrl, target.PostUrl);
                using var response = await client.PostFormAsync(page, new(target.Baseline) { [field] = value });
                var body = await response.Content.ReadAsStringAsync();
                var error = response.StatusCode == HttpStatusCode.OK ? ResponseExtensions.FieldError(body, field.Replace('.', '_')) : null;
                if (error is null)
                {
                    problems.Add($"{name}: {field} = {value} answered {(int)response.StatusCode} without a message at the field");
                }
            }
        }

        Assert.True(dateFields.Count > 0 || !probe.Baseline.Keys.Any(k => k.EndsWith("Date", StringComparison.Ordinal) || k.EndsWith("On", StringComparison.Ordinal)),
            $"{name}: the baseline has date fields but none was found in the form");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1999-12-31")]
    public async Task ApiReferral_ReferredOnOutsideTheRange_400AtTheFieldAndNothingStored(string referredOn)
    {
        var scene = await HostileScene.ForAsync(app);
        var before = await app.Data.CountCandidatesAsync();

        using var response = await scene.Client(Roles.Jobbspesialist).PostJsonAsync("/api/referrals", new
        {
            firstName = TestData.Unique("Dato"),
            lastName = TestData.Unique("Grense"),
            nationalId = TestData.SyntheticNationalId(),
            referredById = scene.NavVeileder.Id,
            referredOn,
            innsatsgruppe = "Situasjonsbestemt",
            reason = "Ønsker arbeid.",
            teamId = scene.Team.Id,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Datoen må være mellom 01.01.2000 og 31.12.2099.", errors.GetProperty("referredOn")[0].GetString());
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    [GeneratedRegex("<input[^>]*type=\"date\"[^>]*name=\"(?<name>[^\"]+)\"|<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*type=\"date\"")]
    private static partial Regex DateInput();
}

public sealed class ExtremeDateSqliteTests(TrinnFactory app) : ExtremeDateTests(app), IClassFixture<TrinnFactory>;

public sealed class ExtremeDatePostgresTests(PostgresTrinnFactory app) : ExtremeDateTests(app), IClassFixture<PostgresTrinnFactory>;
