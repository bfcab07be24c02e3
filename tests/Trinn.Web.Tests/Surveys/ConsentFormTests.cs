using System.Globalization;
using Trinn.Core.Surveys;

namespace Trinn.Web.Tests.Surveys;

/// <summary>The consent form's own field messages, posted with the form's own fields and token as the user sends them.</summary>
public sealed class ConsentFormTests(SurveyApp app) : IClassFixture<SurveyApp>
{
    [Fact]
    public async Task RegisterConsent_NoLetterChosen_NorwegianFieldNameInSummaryAndAtField()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        var url = $"/Surveys/Consent/{candidate.Id}";
        var form = await specialist.GetFormAsync(url);

        using var response = await specialist.PostFormAsync(form, new()
        {
            ["Input.Letter"] = "",
            ["Input.ConsentedOn"] = app.Data.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.InclusionDate"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        const string expected = "Fyll ut Studie og informasjonsskriv.";
        Assert.Equal(expected, ResponseExtensions.FieldError(html, "Input_Letter"));
        Assert.Contains($"<a class=\"aksel-link\" href=\"#Input_Letter\">{expected}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fyll ut Letter", html, StringComparison.Ordinal);
        Assert.False(await app.Data.WithDbAsync(db => db.Set<StudyConsent>().AnyAsync(p => p.CandidateId == candidate.Id)));
    }

    [Fact]
    public async Task RegisterConsent_NoDate_NorwegianFieldName()
    {
        var scene = await app.SceneAsync();
        var candidate = await scene.CandidateAsync();
        using var specialist = await BrowserClient.LoginAsync(app, scene.Staff.Specialist.UserName!);
        var form = await specialist.GetFormAsync($"/Surveys/Consent/{candidate.Id}");

        using var response = await specialist.PostFormAsync(form, new()
        {
            ["Input.Letter"] = $"{scene.StudyId.ToString(CultureInfo.InvariantCulture)}:1",
            ["Input.ConsentedOn"] = "",
            ["Input.InclusionDate"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Fyll ut Dato for samtykket.", ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_ConsentedOn"));
    }
}
