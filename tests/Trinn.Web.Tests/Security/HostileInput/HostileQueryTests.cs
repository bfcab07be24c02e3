using FsCheck;
using FsCheck.Fluent;
using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Security.HostileInput;

/// <summary>
/// Pages that bind text from the query string (search boxes, week pickers, modes, the research pages). They store
/// nothing, so the property is: never 500, and whatever is echoed back is HTML-encoded.
/// </summary>
public sealed class HostileQueryTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    /// <summary>Route with <c>{0}</c> where the hostile value goes (URL-encoded), and who asks.</summary>
    public static TheoryData<string, string> Queries() => new()
    {
        { "/Employers?q={0}", Roles.Jobbspesialist },
        { "/Employers/Week?week={0}", Roles.Jobbspesialist },
        { "/Candidates?spesialist={0}", Roles.Jobbspesialist },
        { "/Candidates?status={0}", Roles.Metodeveileder },
        { "/TimeLog?week={0}", Roles.Jobbspesialist },
        { "/Fidelity?mode={0}", Roles.Leder },
        { "/Research/Power?Input.Test={0}&Input.EffectSize={0}&Input.Alpha={0}&Input.Power={0}", Roles.Forsker },
        { "/Research/Power?Input.Test=paired&Input.EffectSize=0,5&Input.Alpha=0,05&Input.Power=0,9&Input.N={0}", Roles.Forsker },
        { "/Research?Input.Analysis={0}&Input.Variable1={0}&Input.Group={0}&Input.Run=true", Roles.Forsker },
        { "/Account/Login?ReturnUrl={0}", "" },
        { "/Account/ResetPassword?bruker={0}&kode={0}", "" },
        { "/api/candidates?stage=1&page={0}", Roles.Jobbspesialist },
        { "/api/specialists/me/time-log?week={0}", Roles.Jobbspesialist },
        { "/Overview?period={0}&year={0}&from={0}&to={0}&team={0}&programme={0}", Roles.Metodeveileder },
        { "/Overview?period=custom&from={0}&to=2026-01-01", Roles.Jobbspesialist },
        { "/Overview?team={0}&period=year&year={0}", Roles.Leder },
        { "/Overview?handler=Export&format={0}&from={0}&to={0}", Roles.Forsker },
        { "/Overview/Rows?key={0}&from={0}&to={0}&specialist={0}&side={0}&programme={0}", Roles.Metodeveileder },
        { "/Overview/Rows?key=caseload&programme={0}", Roles.Metodeveileder },
        { "/Overview/Rows?key=caseload&from={0}", Roles.Jobbspesialist },
        { "/api/teams/1/indicators?from={0}&to={0}", Roles.Leder },
        { "/api/teams/1/indicators?programme={0}", Roles.Leder },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_HostileStrings_NeverAServerErrorAndEchoedEncoded(string route, string role)
    {
        var scene = await HostileScene.ForAsync(app);
        var client = scene.Client(role);
        var property = Prop.ForAll(HostileStrings.Arbitrary(), value => Task.Run(async () =>
        {
            var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Uri.EscapeDataString(HostileStrings.AfterUtf8(value.Value)));
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
                $"{route} with {value}: {(int)response.StatusCode}");
            foreach (var markup in HostileStrings.RawMarkup)
            {
                Assert.DoesNotContain(markup, body, StringComparison.OrdinalIgnoreCase);
            }
        }).GetAwaiter().GetResult());
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(HostileFormSqliteTests.Cases).WithQuietOnSuccess(true), property));
    }
}

/// <summary>Well-formed weeks outside 2000–2099 (0001-W01 answered 500 before): every week parameter refuses them, on both databases.</summary>
public abstract class WeekParameterTests(TrinnFactory app)
{
    [Theory]
    [InlineData("/TimeLog?week={0}", "week-error")]
    [InlineData("/Employers/Week?week={0}", "week-error")]
    [InlineData("/api/specialists/me/time-log?week={0}", null)]
    public async Task Week_OutsideTheSaneRange_RefusedWithAFieldMessage(string route, string? errorId)
    {
        var scene = await HostileScene.ForAsync(app);
        var client = scene.Client(Roles.Jobbspesialist);
        foreach (var week in new[] { "0001-W01", "1999-W52", "2100-W01", "9998-W52", "9999-W52" })
        {
            using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, week));
            var body = await response.Content.ReadAsStringAsync();
            if (errorId is null)
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("mellom år 2000 og 2099", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("week")[0].GetString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(errorId, body, StringComparison.Ordinal);
                Assert.Contains("mellom år 2000 og 2099", System.Net.WebUtility.HtmlDecode(body), StringComparison.Ordinal);
            }
        }
    }

}

public sealed class WeekParameterSqliteTests(TrinnFactory app) : WeekParameterTests(app), IClassFixture<TrinnFactory>;

public sealed class WeekParameterPostgresTests(PostgresTrinnFactory app) : WeekParameterTests(app), IClassFixture<PostgresTrinnFactory>;
